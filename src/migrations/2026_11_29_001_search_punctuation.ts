// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL's text parser keeps an email address, a host name, a URL or a version number as one
 * token ('ana@example.com'), while a query is split into words (SQLite's FTS5 splits both), so a
 * search for an address found nothing, and neither did one for its parts. The document is now
 * indexed with punctuation read as a space, as FTS5 reads it: 'ana', 'example', 'com'. SQLite has
 * nothing to change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`ALTER TABLE search_docs DROP COLUMN tsv`.execute(db);
  await sql`
    ALTER TABLE search_docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', regexp_replace(title, '[[:punct:]]+', ' ', 'g')), 'A') ||
      setweight(to_tsvector('english', regexp_replace(body, '[[:punct:]]+', ' ', 'g')), 'B')
    ) STORED`.execute(db);
  await sql`CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv)`.execute(db);
}
