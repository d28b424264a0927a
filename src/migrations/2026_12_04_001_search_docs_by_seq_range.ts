// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL looks for a word's newest matches among the newest documents, sized from the
 * planner's estimate of how many documents hold the word.
 * - The BRIN index keeps each four pages' lowest and highest seq; ANDed with the GIN index's
 *   matches it keeps a search from reading the rows of older matches. With more pages a range, the
 *   planner rated it cheaper than the GIN index for words in 2-4% of documents and listed it first
 *   in its bitmap AND, whose result is then lossy, so every row of the window was read. Summarized
 *   as autovacuum runs; ranges not yet summarized always match, and they hold the newest documents.
 * - Three times the default statistics on the tsvector: the planner then knows the frequency of
 *   the 3,000 commonest words instead of 1,000, which reached down only to words in 0.4% of
 *   documents. Every rarer word was estimated at the same 2,000 matches of a million, whether it
 *   had 400 or 4,000; now those are estimated at 790 and 4,400. Ten times the default estimated
 *   closer still, but planning a statement on the column took 1 ms more (the planner unpacks the
 *   whole list each time), where three times costs 0.1 ms.
 * SQLite's FTS5 reads a word's matches newest first by itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`CREATE INDEX search_docs_seq_range ON search_docs USING brin (seq) WITH (pages_per_range = 4, autosummarize = on)`.execute(db);
  await sql`ALTER TABLE search_docs ALTER COLUMN tsv SET STATISTICS 300`.execute(db);
}
