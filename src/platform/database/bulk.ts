import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, Dialect } from './connect.js';
import type { DB } from './schema.js';

/** The most bound parameters one statement may carry: SQLite's SQLITE_MAX_VARIABLE_NUMBER, PostgreSQL's protocol limit. */
export const MAX_PARAMETERS: Record<Dialect, number> = { sqlite: 32_766, postgres: 65_535 };

/**
 * Inserts many rows with as few statements as the parameter limit allows: one multi-row INSERT is
 * several times faster than a statement per row. Every row must have the same columns.
 */
export async function insertMany<T extends keyof DB & string>(db: Kysely<DB>, dialect: Dialect, table: T, rows: readonly Insertable<DB[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.floor(MAX_PARAMETERS[dialect] / Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely cannot type a table chosen at run time; the row type above keeps callers honest.
    await db
      .insertInto(table as 'contacts')
      .values(rows.slice(i, i + perStatement) as Insertable<DB['contacts']>[])
      .execute();
  }
}

/** Refreshes the query planner's statistics after a bulk load, so it keeps choosing good plans. */
export async function refreshStatistics(db: Kysely<DB>, dialect: Dialect, tables: readonly (keyof DB & string)[]): Promise<void> {
  if (dialect === 'postgres') {
    await sql`ANALYZE ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
    return;
  }
  // Every row, not a sample: a sample of a one-owner table estimates a few thousand rows per owner,
  // and the planner then reads all of an owner's emails rather than 500 contacts' by index (a
  // 100,000-contact export ran at 300 contacts a second). A million rows take a few seconds.
  await sql`PRAGMA analysis_limit = 0`.execute(db);
  for (const table of tables) await sql`ANALYZE ${sql.table(table)}`.execute(db);
}

/** SQLite page cache during a bulk load, in KiB (the default is 2 MB). */
const BULK_CACHE_KIB = 256 * 1024;

/**
 * Runs a bulk load with a large SQLite page cache: with the default 2 MB, every insert into an
 * index in random order (participants by contact, say) reads and writes a page of a table far
 * larger than the cache, and one transaction writes gigabytes to the WAL. The cache shrinks back
 * afterwards. PostgreSQL's buffers are the server's business.
 */
export async function withBulkLoad<T>(db: Database, load: () => Promise<T>): Promise<T> {
  if (!db.sqlite) return load();
  const previous = db.sqlite.pragma('cache_size', { simple: true }) as number;
  db.sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return await load();
  } finally {
    db.sqlite.pragma(`cache_size = ${previous}`);
  }
}

export type ColumnType = 'text' | 'timestamp' | 'double' | 'integer';

const PG_TYPES: Record<ColumnType, string> = { text: 'text', timestamp: 'timestamptz', double: 'double precision', integer: 'integer' };
// Rows per statement, well under both databases' bound-parameter limits.
const ROWS_PER_STATEMENT = 500;

/**
 * Sets different values on many rows in one statement per few hundred rows:
 * UPDATE t SET a = v.column2 … FROM (VALUES (…), …) AS v WHERE t.id = v.column1 AND t.owner_id = ?.
 * PostgreSQL needs the VALUES typed, SQLite takes them as they come.
 */
export async function updateMany(
  db: Kysely<DB>,
  dialect: Dialect,
  table: keyof DB,
  ownerId: string,
  columns: Readonly<Record<string, ColumnType>>,
  rows: readonly ({ id: string } & Record<string, string | number | null>)[],
): Promise<void> {
  const names = Object.keys(columns);
  const cast = (value: string | number | null, type: ColumnType) =>
    dialect === 'postgres' ? sql`CAST(${value} AS ${sql.raw(PG_TYPES[type])})` : sql`${value}`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    const values = sql.join(part.map((row) => sql`(${sql.join([sql`${row.id}`, ...names.map((n) => cast(row[n] ?? null, columns[n]!))])})`));
    const sets = sql.join(names.map((n, k) => sql`${sql.ref(n)} = v.${sql.raw(`column${k + 2}`)}`));
    await sql`UPDATE ${sql.table(table)} SET ${sets} FROM (VALUES ${values}) AS v
      WHERE ${sql.ref(`${table}.id`)} = v.column1 AND ${sql.ref(`${table}.owner_id`)} = ${ownerId}`.execute(db);
  }
}
