// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Today looks for birthdays and work anniversaries recurring in the next two weeks by the day of
 * the year they fall on (month * 100 + day). By kind alone it read all of them and computed each
 * one's day: in the benchmark's network, 718 work anniversaries read to keep 49, 1.7 ms of
 * PostgreSQL's time (0.7 ms with this index). Indexed by that day after the kind, the next two
 * weeks are one range of the index.
 * The expression is the one the query writes, character for character: both databases use an
 * index on an expression only for that same expression.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX contact_events_by_kind_day ON contact_events
    (owner_id, kind, (CAST(substr(occurred_on, 6, 2) AS integer) * 100 + CAST(substr(occurred_on, 9, 2) AS integer)))`.execute(db);
  // SQLite keeps no statistics of its own: without them for the new index it may keep reading by
  // kind. An empty database gets none (see 2026_11_29_003).
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  if (!(await db.selectFrom('contact_events').select('id').limit(1).executeTakeFirst())) return;
  await sql`PRAGMA analysis_limit = 0`.execute(db);
  await sql`ANALYZE contact_events`.execute(db);
}
