// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * A page of contacts reads each one's emails, phones, URLs, dimensions and tags. Through the
 * contact index alone SQLite read every child row from the table (and the contact's row, for the
 * owner check), a random read each: 4 ms for a page of 50 at 100,000 contacts. Indexes by contact
 * and owner that hold every column read answer a page from the indexes alone, and the owner check
 * is on the child rows themselves. The old index by contact is a prefix of the new one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contact_methods_contact').execute();
  await db.schema.createIndex('contact_methods_by_contact').on('contact_methods').columns(['contact_id', 'owner_id', 'position', 'kind', 'type', 'value']).execute();
  await db.schema.createIndex('contact_dimensions_by_contact').on('contact_dimensions').columns(['contact_id', 'owner_id', 'dimension', 'value']).execute();
  await db.schema.createIndex('contact_tags_by_contact').on('contact_tags').columns(['contact_id', 'owner_id', 'tag']).execute();
  // As in 2026_11_29_003: statistics for the new indexes, unless the database is empty.
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  if (!(await db.selectFrom('contacts').select('id').limit(1).executeTakeFirst())) return;
  await sql`PRAGMA analysis_limit = 0`.execute(db);
  for (const table of ['contact_methods', 'contact_dimensions', 'contact_tags']) await sql`ANALYZE ${sql.table(table)}`.execute(db);
}
