import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Dialect } from './connect.js';
import type { DB } from './schema.js';

/*
 * Full-text search over every searchable row: FTS5 on SQLite, tsvector with a GIN index on
 * PostgreSQL. Each row has one document (title and body) in search_docs; features say how to build
 * their documents, this module keeps the index and answers queries. All dialect-specific search SQL
 * lives here.
 *
 * Ranking every match is cheap for rare words and very slow for common ones (a word in most of a
 * million notes costs about a second with bm25), so a query ranks at most CANDIDATES matches, the
 * newest first (`seq` grows with insertion). Rare terms therefore get an exact ranking, common terms
 * the best of the most recent matches; on SQLite a term in most of the newest documents lists them
 * newest first, title matches first (see RECENT_DOCUMENTS).
 *
 * A prefix query (search as you type) cannot be bounded that way: FTS5 and GIN first gather every
 * match of every word with that prefix, a million rows for a common word. So the words are first
 * looked up as typed (stemmed, so "meetings" finds "meeting"), which answers most queries within the
 * bound; only when that finds fewer results than asked for is the last word completed as a prefix.
 */

// bm25 and the owner check cost several microseconds a match: 1,000 candidates keep a common word
// near 10 ms, less than ranking every match of a word found in 2,000 notes of a million.
export const CANDIDATES = 1000;
/**
 * A term in at least CANDIDATES of the account's matches among the RECENT_DOCUMENTS documents up to
 * its own newest is very common (counted newest first: FTS5 seeks to a lower rowid bound only in
 * that direction). The window ends at the account's newest document, not the newest of all: another
 * account's recent notes would otherwise make a word look common here and hide every older match. bm25 first
 * counts every document holding its terms (tens of milliseconds for a word in most of a million
 * notes), and its ranking of such a term says little, so SQLite ranks the newest matches first, those
 * with the words in their title before the rest.
 */
const RECENT_DOCUMENTS = 50_000;
const MARK_START = '\u0002';
const MARK_END = '\u0003';

export const SEARCH_ENTITIES = ['contact', 'interaction'] as const;
export type SearchEntity = (typeof SEARCH_ENTITIES)[number];

/** A query that returns one document per row: owner_id, entity_id, title, body (never null). */
export type DocumentSource = SelectQueryBuilder<DB, any, { owner_id: string; entity_id: string; title: string; body: string }>;

export interface SnippetPart {
  text: string;
  highlight: boolean;
}

export interface SearchHit {
  entity: SearchEntity;
  entityId: string;
  title: string;
  snippet: SnippetPart[];
  /** Higher is better; comparable only within one result list. */
  score: number;
}

export interface SearchOptions {
  limit: number;
  entities: readonly SearchEntity[];
}

/** The words of a user's query: letters and digits only, so no query syntax can be injected. */
export function queryTerms(text: string): string[] {
  return (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** FTS5 query: every term required; with `prefix`, the last one also matches as a prefix (search as you type). */
export function fts5Query(terms: readonly string[], prefix = true): string {
  return terms.map((t, i) => `"${t}"${prefix && i === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** to_tsquery input with the same meaning as fts5Query. */
export function tsQuery(terms: readonly string[], prefix = true): string {
  return terms.map((t, i) => `${t.toLowerCase()}${prefix && i === terms.length - 1 ? ':*' : ''}`).join(' & ');
}

/** Ranks with the words as typed; completes the last word as a prefix only when that finds too few. */
async function rankExactThenPrefix<R>(terms: readonly string[], limit: number, query: (terms: readonly string[], prefix: boolean) => Promise<R[]>): Promise<{ rows: R[]; prefix: boolean }> {
  const exact = await query(terms, false);
  if (exact.length >= limit) return { rows: exact, prefix: false };
  return { rows: await query(terms, true), prefix: true };
}

/** Splits a snippet marked with MARK_START/MARK_END into plain and highlighted parts. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      parts.push({ text: rest, highlight: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), highlight: false });
    const end = rest.indexOf(MARK_END, start);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), highlight: true });
    rest = rest.slice(stop + 1);
  }
  // Adjacent highlighted words read better as one mark.
  return parts.reduce<SnippetPart[]>((acc, part) => {
    const last = acc.at(-1);
    if (last && last.highlight === part.highlight) last.text += part.text;
    else if (part.text) acc.push({ ...part });
    return acc;
  }, []);
}

function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface SearchIndex {
  /** Rebuilds the documents of these rows from the source; rows the source omits leave the index. */
  refresh(db: Kysely<DB>, entity: SearchEntity, ids: readonly string[], source: (ids: readonly string[]) => DocumentSource): Promise<void>;
  remove(db: Kysely<DB>, entity: SearchEntity, ids: readonly string[]): Promise<void>;
  /** Bulk load: indexes every row of the source that has no document yet, in the source's order. */
  fill(db: Kysely<DB>, entity: SearchEntity, source: DocumentSource): Promise<void>;
  search(db: Kysely<DB>, ownerId: string, text: string, options: SearchOptions): Promise<SearchHit[]>;
  /** Ids of the owner's rows of one entity whose documents match the text, for use in `IN (…)`. */
  matchingIds(db: Kysely<DB>, ownerId: string, entity: SearchEntity, text: string): Expression<string>;
}

/** string_agg on PostgreSQL, group_concat on SQLite. */
export function stringAgg(dialect: Dialect, expression: Expression<unknown>, separator: string): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`string_agg(${expression}, ${separator})` : sql<string>`group_concat(${expression}, ${separator})`;
}

export function createSearchIndex(dialect: Dialect): SearchIndex {
  return dialect === 'postgres' ? postgresIndex : sqliteIndex;
}

async function insertDocuments(db: Kysely<DB>, entity: SearchEntity, source: DocumentSource): Promise<void> {
  await db
    .insertInto('search_docs')
    .columns(['owner_id', 'entity', 'entity_id', 'title', 'body'])
    .expression(
      db
        .selectFrom(source.as('s'))
        .select(['s.owner_id', sql.lit(entity).as('entity'), 's.entity_id', 's.title', 's.body'])
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('search_docs as d').select('d.seq').where('d.entity', '=', entity).whereRef('d.entity_id', '=', 's.entity_id'))),
        ),
    )
    .execute();
}

/**
 * A rowid bound FTS5 can use. better-sqlite3 binds a JavaScript number as a REAL, and FTS5 only
 * seeks to an INTEGER bound: it read the word's whole list and left SQLite to filter the rows.
 */
const rowid = (n: number) => BigInt(n);

/** Past this many accounts with documents, onlyOwnerBetween answers false without looking. */
const OWNERS_CHECKED = 100;

/**
 * Whether no other account has documents numbered from `low` to `high`: one seek in search_docs_owner
 * to find each account with documents and one to look in its range, about 25 µs for a few accounts.
 * The range is looked in by that index by name: with statistics saying each of two accounts holds
 * half the documents, SQLite chose the primary key instead, reading every document of the range
 * (230 ms a search with a million documents, where the index needs one seek).
 */
async function onlyOwnerBetween(db: Kysely<DB>, ownerId: string, low: number, high: number): Promise<boolean> {
  const others = await sql<{ n: number }>`
    WITH RECURSIVE owners (id, n) AS (
      SELECT min(owner_id), 0 FROM search_docs
      UNION ALL
      SELECT (SELECT min(owner_id) FROM search_docs WHERE owner_id > owners.id), n + 1 FROM owners WHERE owners.id IS NOT NULL AND n < ${OWNERS_CHECKED}
    )
    SELECT count(*) AS n FROM owners WHERE id IS NOT NULL
      AND (n = ${OWNERS_CHECKED} OR (id <> ${ownerId} AND EXISTS (SELECT 1 FROM search_docs INDEXED BY search_docs_owner WHERE owner_id = owners.id AND seq BETWEEN ${low} AND ${high})))`.execute(db);
  return others.rows[0]!.n === 0;
}

/** Documents per statement when filling FTS5 in bulk: a few megabytes of memory, and not much slower than one statement. */
const FILL_DOCUMENTS = 25_000;

// Queries read search_fts CROSS JOIN search_docs: SQLite keeps a CROSS JOIN's order, so the match
// is the outer loop. With the index on owner the planner could otherwise walk every document of the
// account and ask FTS5 about each.
const sqliteIndex: SearchIndex = {
  async refresh(db, entity, ids, source) {
    await this.remove(db, entity, ids);
    for (const part of chunks(ids)) {
      await insertDocuments(db, entity, source(part));
      await sql`INSERT INTO search_fts (rowid, title, body)
        SELECT seq, title, body FROM search_docs WHERE entity = ${entity} AND entity_id IN (${sql.join(part)})`.execute(db);
    }
  },

  async remove(db, entity, ids) {
    for (const part of chunks(ids)) {
      // An external-content FTS5 table forgets a row only when told its old values.
      await sql`INSERT INTO search_fts (search_fts, rowid, title, body)
        SELECT 'delete', seq, title, body FROM search_docs WHERE entity = ${entity} AND entity_id IN (${sql.join(part)})`.execute(db);
      await db.deleteFrom('search_docs').where('entity', '=', entity).where('entity_id', 'in', part).execute();
    }
  },

  async fill(db, entity, source) {
    const lastSeq = async () => (await db.selectFrom('search_docs').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst())?.seq ?? 0;
    const before = await lastSeq();
    await insertDocuments(db, entity, source);
    const after = await lastSeq();
    // Filling the index a statement at a time is several times faster than row by row, but FTS5's
    // memory grows with what one statement adds (55 MB for 300,000 contacts, an import's peak).
    for (let from = before; from < after; from += FILL_DOCUMENTS) {
      await sql`INSERT INTO search_fts (rowid, title, body) SELECT seq, title, body FROM search_docs WHERE seq > ${from} AND seq <= ${from + FILL_DOCUMENTS}`.execute(db);
    }
  },

  async search(db, ownerId, text, options) {
    const terms = queryTerms(text);
    if (terms.length === 0 || options.entities.length === 0) return [];
    const newest = (await db.selectFrom('search_docs').select((eb) => eb.fn.max('seq').as('seq')).where('owner_id', '=', ownerId).executeTakeFirst())?.seq ?? 0;
    const recent = newest - RECENT_DOCUMENTS;
    const everyEntity = SEARCH_ENTITIES.every((entity) => options.entities.includes(entity));
    // Whether every match from `low` to the owner's newest document is one this search may return.
    const alone = async (low: number) => everyEntity && (await onlyOwnerBetween(db, ownerId, low, newest));
    // The owner's matches from `low` to its newest document, for `SELECT … FROM ${…}`. Checking a
    // match reads its row, a page at random: 1,000 of them were most of the time of a query. `bare`
    // leaves the check out where `alone` says it cannot fail.
    const matches = (query: string, low: number, bare: boolean) => {
      const bounds = sql`search_fts MATCH ${query} AND search_fts.rowid >= ${rowid(low)} AND search_fts.rowid <= ${rowid(newest)}`;
      return bare
        ? sql`search_fts WHERE ${bounds}`
        : sql`search_fts CROSS JOIN search_docs d ON d.seq = search_fts.rowid
            WHERE ${bounds} AND d.owner_id = ${ownerId} AND d.entity IN (${sql.join(options.entities)})`;
    };
    const windowAlone = recent > 0 && (await alone(recent + 1));
    const ranked = await rankExactThenPrefix(terms, options.limit, async (words, prefix) => {
      const match = fts5Query(words, prefix);
      const common =
        recent > 0 &&
        (
          await sql<{ n: number }>`SELECT count(*) AS n FROM (
            SELECT search_fts.rowid FROM ${matches(match, recent + 1, windowAlone)}
            ORDER BY search_fts.rowid DESC LIMIT ${CANDIDATES})`.execute(db)
        ).rows[0]!.n >= CANDIDATES;
      if (!common) {
        // The CANDIDATES newest matches of any account up to the owner's newest document: when they
        // are all the owner's, they are its candidates.
        const lowest = (
          await sql<{ seq: number | null }>`SELECT min(rowid) AS seq FROM (
            SELECT rowid FROM search_fts WHERE search_fts MATCH ${match} AND rowid <= ${rowid(newest)}
            ORDER BY rowid DESC LIMIT ${CANDIDATES})`.execute(db)
        ).rows[0]!.seq;
        if (lowest === null) return [];
        const bare = await alone(lowest);
        const result = await sql<{ seq: number; rank: number }>`
          SELECT seq, rank FROM (
            SELECT search_fts.rowid AS seq, bm25(search_fts, 3.0, 1.0) AS rank FROM ${matches(match, bare ? lowest : 0, bare)}
            ORDER BY search_fts.rowid DESC LIMIT ${CANDIDATES}
          ) ORDER BY rank, seq DESC LIMIT ${options.limit}`.execute(db);
        return result.rows;
      }
      // Scores as bm25 gives them, lower first: -2 for the words in the title, -1 elsewhere.
      const newestOf = async (query: string, rank: number, limit: number) =>
        (
          await sql<{ seq: number }>`
            SELECT search_fts.rowid AS seq FROM ${matches(query, recent + 1, windowAlone)}
            ORDER BY search_fts.rowid DESC LIMIT ${limit}`.execute(db)
        ).rows.map((row) => ({ seq: row.seq, rank }));
      const titled = await newestOf(`{title} : (${match})`, -2, options.limit);
      if (titled.length >= options.limit) return titled;
      const seen = new Set(titled.map((row) => row.seq));
      const rest = (await newestOf(match, -1, options.limit + titled.length)).filter((row) => !seen.has(row.seq));
      return [...titled, ...rest].slice(0, options.limit);
    });
    if (ranked.rows.length === 0) return [];
    const match = fts5Query(terms, ranked.prefix);
    const seqs = ranked.rows.map((r) => r.seq);
    // FTS5 answers `rowid IN (…)` by running the match once per id, each time through the word's
    // whole list (7 ms for 20 ids of a word in 15,000 documents); it reads only the part of the
    // list between two bounds. The unary + keeps the IN from being offered to FTS5.
    const details = await sql<{ seq: number; entity: SearchEntity; entity_id: string; title: string; snippet: string }>`
      SELECT d.seq, d.entity, d.entity_id, d.title,
        snippet(search_fts, -1, ${MARK_START}, ${MARK_END}, '…', 24) AS snippet
      FROM search_fts CROSS JOIN search_docs d ON d.seq = search_fts.rowid
      WHERE search_fts MATCH ${match} AND search_fts.rowid >= ${rowid(Math.min(...seqs))} AND search_fts.rowid <= ${rowid(Math.max(...seqs))}
        AND +search_fts.rowid IN (${sql.join(seqs)})`.execute(db);
    const bySeq = new Map(details.rows.map((row) => [row.seq, row]));
    return ranked.rows.flatMap((r) => {
      const row = bySeq.get(r.seq);
      return row ? [{ entity: row.entity, entityId: row.entity_id, title: row.title, snippet: snippetParts(row.snippet), score: -r.rank }] : [];
    });
  },

  matchingIds(db, ownerId, entity, text) {
    const terms = queryTerms(text);
    // No words (only punctuation) match nothing rather than everything.
    const match = terms.length > 0 ? fts5Query(terms) : '""';
    return sql<string>`(SELECT d.entity_id FROM search_fts CROSS JOIN search_docs d ON d.seq = search_fts.rowid
      WHERE search_fts MATCH ${match} AND d.owner_id = ${ownerId} AND d.entity = ${entity})`;
  },
};

const postgresIndex: SearchIndex = {
  async refresh(db, entity, ids, source) {
    await this.remove(db, entity, ids);
    for (const part of chunks(ids)) await insertDocuments(db, entity, source(part));
  },

  async remove(db, entity, ids) {
    for (const part of chunks(ids)) await db.deleteFrom('search_docs').where('entity', '=', entity).where('entity_id', 'in', part).execute();
  },

  async fill(db, entity, source) {
    await insertDocuments(db, entity, source);
  },

  async search(db, ownerId, text, options) {
    const terms = queryTerms(text);
    if (terms.length === 0 || options.entities.length === 0) return [];
    const ranked = await rankExactThenPrefix(terms, options.limit, async (words, prefix) => {
      const query = tsQuery(words, prefix);
      for (const finder of await postgresFinders(db, ownerId, query)) {
        const rows = await rankPostgres(db, ownerId, text, query, options, finder);
        if (rows.length > 0) return rows;
      }
      return [];
    });
    return ranked.rows.map((row) => ({ entity: row.entity, entityId: row.entity_id, title: row.title, snippet: snippetParts(row.snippet), score: row.rank }));
  },

  matchingIds(db, ownerId, entity, text) {
    const terms = queryTerms(text);
    const query = terms.length > 0 ? tsQuery(terms) : '';
    return sql<string>`(SELECT entity_id FROM search_docs
      WHERE owner_id = ${ownerId} AND entity = ${entity} AND tsv @@ to_tsquery('english', ${query}))`;
  },
};

/*
 * PostgreSQL has no index that lists a word's matches newest first, so the newest CANDIDATES
 * matches are found one of three ways, chosen by how common the words are (the planner's estimate,
 * from the statistics it keeps on the tsvector column). Its own choice, made from the same estimate,
 * read the primary key backwards for words in under 1% of documents, testing 150,000 documents for
 * 1,000 matches: 100-270 ms where the GIN index needs 20 (issue 2).
 * - `scan`: a word in at least SCAN_SHARE of documents. The newest documents are read backwards
 *   and tested one by one: 1,000 matches in at most 33,000 documents, 10-40 ms.
 * - `window`: a rarer word. The GIN index and a BRIN index on seq together give the word's matches
 *   among the newest documents, sized to hold about WINDOW_MARGIN times CANDIDATES of them; only
 *   those rows are read. 15-40 ms for words in 0.3-3% of a million documents, where reading
 *   every match took up to 150 ms.
 * - `all`: every match, through the GIN index alone. Rare words, tables without statistics yet, and
 *   the fallback when the others find fewer than CANDIDATES matches (this account's share of the
 *   newest documents is small, or the estimate was wrong).
 */
/**
 * `scan` and `window` read the documents numbered after `after` up to `upTo`, the account's newest:
 * another account's newer documents (one of 10,000 contacts seeded after this one) were otherwise
 * read first and filtered out, 60 ms a search.
 */
export type PostgresFinder = { kind: 'scan' | 'window'; after: number; upTo: number } | { kind: 'all' };

/** The share of documents above which reading the newest documents one by one is cheapest. */
const SCAN_SHARE = 0.03;
/**
 * How many more matches than CANDIDATES the documents read by `scan` or `window` should hold, so
 * that a word a little rarer among them than estimated still fills the candidates. Above about
 * 4.5% of documents the planner lists the BRIN index first in its bitmap AND, whose result is then
 * lossy: every row of the window is tested. `window` stops before that, where `scan` costs less.
 */
const SCAN_MARGIN = 4;
const WINDOW_MARGIN = 1.5;
/**
 * Below this many matches in all, reading them all costs no more than a window: finding the window's
 * pages reads the whole BRIN index (5-8 ms for a million documents), and a window sized for 1,500
 * matches saves little on 3,000.
 */
const WINDOW_MATCHES = 3 * CANDIDATES;

/** The finders to try in turn, from the words' estimated number of matches among all documents. */
export function choosePostgresFinders(estimate: { matches: number; documents: number; newest: number | null }): PostgresFinder[] {
  const all: PostgresFinder = { kind: 'all' };
  const { matches, documents, newest } = estimate;
  // reltuples is -1 until the table is first analyzed: no estimate to go by.
  if (newest === null || documents <= 0 || matches < WINDOW_MATCHES) return [all];
  const share = Math.min(1, matches / documents);
  const kind = share >= SCAN_SHARE ? 'scan' : 'window';
  const after = newest - Math.ceil(((kind === 'scan' ? SCAN_MARGIN : WINDOW_MARGIN) * CANDIDATES) / share);
  return after > 0 ? [{ kind, after, upTo: newest }, all] : [all];
}

async function postgresFinders(db: Kysely<DB>, ownerId: string, query: string): Promise<PostgresFinder[]> {
  const [explained, sizes] = await Promise.all([
    sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`
      EXPLAIN (FORMAT JSON) SELECT 1 FROM search_docs WHERE tsv @@ to_tsquery('english', ${query})`.execute(db),
    sql<{ newest: number | null; documents: number }>`
      SELECT (SELECT max(seq) FROM search_docs WHERE owner_id = ${ownerId}) AS newest,
        (SELECT reltuples FROM pg_class WHERE oid = 'search_docs'::regclass) AS documents`.execute(db),
  ]);
  return choosePostgresFinders({ matches: explained.rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'], ...sizes.rows[0]! });
}

/**
 * The best `limit` of the owner's newest CANDIDATES matches that the finder gives, with their
 * snippets, in one statement: a second round trip for the snippets, planned on its own, was a fifth
 * of a search for a rare word. A `scan` or `window` that finds fewer than CANDIDATES matches returns
 * nothing, and the next finder looks further.
 */
export async function rankPostgres(db: Kysely<DB>, ownerId: string, text: string, query: string, options: SearchOptions, finder: PostgresFinder) {
  const owned = sql`owner_id = ${ownerId} AND entity IN (${sql.join(options.entities)})`;
  // ts_match_vq is the function behind @@: written as a call, the GIN index cannot answer it, so the
  // planner reads the newest documents through the primary key and stops at CANDIDATES matches.
  // The other finders gather every match first (a materialized CTE), so no plan can read the
  // primary key backwards instead.
  const candidates =
    finder.kind === 'scan'
      ? sql`cand AS (
          SELECT seq, tsv FROM search_docs
          WHERE ${owned} AND seq > ${finder.after} AND seq <= ${finder.upTo} AND ts_match_vq(tsv, to_tsquery('english', ${query}))
          ORDER BY seq DESC LIMIT ${CANDIDATES})`
      : sql`found AS MATERIALIZED (
          SELECT seq, tsv FROM search_docs
          WHERE ${owned} AND tsv @@ to_tsquery('english', ${query}) ${finder.kind === 'window' ? sql`AND seq > ${finder.after} AND seq <= ${finder.upTo}` : sql``}
        ), cand AS (SELECT seq, tsv FROM found ORDER BY seq DESC LIMIT ${CANDIDATES})`;
  const enough = finder.kind === 'all' ? sql`TRUE` : sql`(SELECT count(*) FROM cand) >= ${CANDIDATES}`;
  // ts_headline parses the text unchanged, where an email address is one word: the query as
  // PostgreSQL parses it marks that word too.
  const statement = sql<{ seq: number; rank: number; entity: SearchEntity; entity_id: string; title: string; snippet: string }>`
    WITH ${candidates}, best AS (
      SELECT seq, ts_rank_cd(tsv, to_tsquery('english', ${query})) AS rank FROM cand
      ORDER BY rank DESC, seq DESC LIMIT ${options.limit}
    )
    SELECT best.seq, best.rank, d.entity, d.entity_id, d.title,
      ts_headline('english', CASE WHEN d.body = '' THEN d.title ELSE d.body END, to_tsquery('english', ${query}) || plainto_tsquery('english', ${text}),
        ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
    FROM best JOIN search_docs d ON d.seq = best.seq
    WHERE ${enough}
    ORDER BY best.rank DESC, best.seq DESC`;
  if (finder.kind === 'scan') return (await statement.execute(db)).rows;
  // Rating its filter cheap, the planner read a window's rows through the primary key and tested
  // each (38,000 rows, 75 ms, for 1,600 matches of a word in 4% of documents) rather than AND the
  // two indexes: for this statement alone it may not read an index row by row.
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('enable_indexscan', 'off', true)`.execute(tx);
    return (await statement.execute(tx)).rows;
  });
}
