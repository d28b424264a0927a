import { sql } from 'kysely';
import type { Database } from '../../src/platform/database/connect.js';

/** Every row of every table, in a stable order, to prove that a request changed nothing. */
export type Snapshot = Record<string, string[]>;

/**
 * Tables without an owner: migration bookkeeping, failed sign-ins (counted per email and address,
 * which anyone may try) and SQLite's full-text index over search_docs (which has an owner). Every
 * other table must carry owner_id or user_id, so a new table cannot escape the isolation test.
 */
const UNOWNED = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'login_failures',
  'search_fts',
  'search_fts_config',
  'search_fts_data',
  'search_fts_docsize',
  'search_fts_idx',
]);

async function tables(db: Database): Promise<{ name: string; columns: string[] }[]> {
  const k = db.kysely;
  const names =
    db.dialect === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(k)
      : await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(k);
  return Promise.all(
    names.rows.map(async ({ name }) => {
      const columns =
        db.dialect === 'sqlite'
          ? await sql<{ name: string }>`SELECT name FROM pragma_table_info(${name})`.execute(k)
          : await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name = ${name}`.execute(k);
      return { name, columns: columns.rows.map((c) => c.name) };
    }),
  );
}

async function rowsOf(db: Database, table: string, where: { column: string; value: string } | null): Promise<string[]> {
  const filter = where ? sql`WHERE ${sql.ref(where.column)} = ${where.value}` : sql``;
  const result = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ${filter}`.execute(db.kysely);
  return result.rows.map((row) => JSON.stringify(row)).sort();
}

/** Every row of every table. */
export async function snapshotDatabase(db: Database): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const { name } of await tables(db)) out[name] = await rowsOf(db, name, null);
  return out;
}

/** Every row that belongs to one user, from every table that has an owner. */
export async function snapshotOwnedBy(db: Database, userId: string): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const { name, columns } of await tables(db)) {
    if (UNOWNED.has(name)) continue;
    const column = name === 'users' ? 'id' : ['owner_id', 'user_id'].find((c) => columns.includes(c));
    if (!column) throw new Error(`Table ${name} has neither owner_id nor user_id; give it one, or list it in UNOWNED with the reason.`);
    out[name] = await rowsOf(db, name, { column, value: userId });
  }
  return out;
}
