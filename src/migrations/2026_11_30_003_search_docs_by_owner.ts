// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * On SQLite a search decides whether a word is very common from the newest documents. Those were
 * the newest of every account, so another account's recent notes could hide all of this one's
 * matches; the window now ends at the account's own newest document, found through this index.
 * PostgreSQL has had the same index since the foundation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema.createIndex('search_docs_owner').on('search_docs').columns(['owner_id', 'seq']).execute();
}
