import { Migrator, sql, type Kysely, type MigrationResult } from 'kysely';
import { MIGRATIONS } from '../../migrations/index.js';
import { AppError } from '../errors.js';
import type { Database } from './connect.js';

const MIGRATION_TABLE = 'kysely_migration';

function migrator(db: Kysely<unknown>, migrations = MIGRATIONS): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
  });
}

/** Names of migrations the database has applied, oldest first; empty for a new database. */
export async function appliedMigrations(db: Database): Promise<string[]> {
  const k = db.kysely as unknown as Kysely<Record<string, { name: string; timestamp: string }>>;
  const exists =
    db.dialect === 'sqlite'
      ? await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${MIGRATION_TABLE}`.execute(k)
      : await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ${MIGRATION_TABLE} AND table_schema = current_schema()`.execute(k);
  if (Number(exists.rows[0]?.n ?? 0) === 0) return [];
  const rows = await k.selectFrom(MIGRATION_TABLE).select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}

/**
 * Brings the database up to date. Refuses a database that has applied migrations this code does
 * not know, which means a newer Rapport wrote it: running on would corrupt it.
 */
export async function migrateToLatest(db: Database, migrations = MIGRATIONS): Promise<string[]> {
  const known = new Set(Object.keys(migrations));
  const unknown = (await appliedMigrations(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      `This database was last used by a newer version of Rapport (it has migration ${unknown.at(-1)}, ` +
        `which this version does not know). Upgrade Rapport, or point it at another database.`,
      { migrations: unknown },
    );
  }
  const { error, results } = await migrator(db.kysely as unknown as Kysely<unknown>, migrations).migrateToLatest();
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error');
    const where = failed ? ` in migration ${failed.migrationName}` : '';
    throw new Error(`Database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
