// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * SQLite's FTS5 gathers new index entries in memory and writes them out as a new segment whenever
 * that buffer passes 1 MB; filling a million documents then writes thousands of small segments and
 * merges them again and again. A 32 MB buffer makes a bulk fill about 2.5 times faster; ordinary
 * writes commit long before it fills, so they are unaffected. PostgreSQL has nothing to change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ${sql.lit(32 * 1024 * 1024)})`.execute(db);
}
