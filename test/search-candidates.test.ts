import { sql, type CompiledQuery, type KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { createServices } from '../src/services.js';
import { benchSource, vocabulary } from '../src/features/seed/bench.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { CANDIDATES, rankPostgres, SEARCH_ENTITIES, tsQuery, type PostgresFinder } from '../src/platform/database/search.js';
import { createUser, describeEachDatabase } from './harness/app.js';

describeEachDatabase('search over a very common word', (env) => {
  // Without a type the matches need no look-up of their rows on SQLite, the account being alone.
  it.each([{ type: 'interaction' as const }, {}])('ranks only the newest CANDIDATES matches, best first (%o)', async (filter) => {
    const { services } = env();
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    const params = { contacts: 20, interactions: CANDIDATES + 300, seed: 3 };
    await services.seed.bench(scope, params);
    const word = vocabulary().words[0]!;
    const source = benchSource({ ...params, ownerId: user.userId });
    const interactions = [...source.interactions([...source.contacts()])];
    const text = (i: (typeof interactions)[number]) => ` ${[i.summary, i.notes, i.shared.needs, i.shared.challenges, i.shared.plans, i.learned, i.followUp?.text].join(' ')} `;
    const matching = interactions.filter((i) => text(i).includes(` ${word} `));
    expect(matching.length).toBeGreaterThan(CANDIDATES);
    const window = new Set(matching.slice(-CANDIDATES).map((i) => i.id));

    const hits = await services.search.search(scope, { q: word, ...filter, limit: 20 });
    expect(hits).toHaveLength(20);
    expect(hits.every((h) => window.has(h.id))).toBe(true);
    expect(hits.every((h, n) => n === 0 || hits[n - 1]!.score >= h.score)).toBe(true);
  });
});

describeEachDatabase('search for a word in most of the newest documents', (env) => {
  // A document numbered far ahead, another account's or this one's: this account's come after it, so
  // they are the newest of more than RECENT_DOCUMENTS documents. Alone in that window and asking for
  // every type, the account's matches need no look-up of their rows.
  it.each([
    { ahead: 'another account', filter: { type: 'interaction' as const } },
    { ahead: 'this account', filter: {} },
  ])('lists the newest matches with the word in the title first, then the newest others (SQLite, $ahead ahead)', async ({ ahead, filter }) => {
    const { services, db, dialect } = env();
    if (dialect !== 'sqlite') return;
    const other = await createUser(env());
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    const aheadOwner = ahead === 'this account' ? user.userId : other.userId;
    await sql`INSERT INTO search_docs (seq, owner_id, entity, entity_id, title, body)
      SELECT coalesce(max(seq), 0) + 60000, ${aheadOwner}, 'interaction', ${`ahead of ${user.userId}`}, 'x', 'x' FROM search_docs`.execute(db.kysely);
    const params = { contacts: 20, interactions: CANDIDATES + 300, seed: 3 };
    await services.seed.bench(scope, params);
    const word = vocabulary().words[0]!;
    const source = benchSource({ ...params, ownerId: user.userId });
    const interactions = [...source.interactions([...source.contacts()])];
    const has = (text: string | null | undefined) => ` ${text ?? ''} `.includes(` ${word} `);
    const body = (i: (typeof interactions)[number]) => [i.channel, i.notes, i.shared.needs, i.shared.challenges, i.shared.plans, i.learned, i.followUp?.text].some(has);
    const newestFirst = [...interactions].reverse();
    const titled = newestFirst.filter((i) => has(i.summary));
    const others = newestFirst.filter((i) => !has(i.summary) && body(i));
    expect(newestFirst.filter((i) => has(i.summary) || body(i)).length).toBeGreaterThan(CANDIDATES);

    const hits = await services.search.search(scope, { q: word, ...filter, limit: 20 });
    expect(hits.map((h) => h.id)).toEqual([...titled, ...others].slice(0, 20).map((i) => i.id));
    expect(hits.map((h) => h.score)).toEqual([...titled, ...others].slice(0, 20).map((i) => (has(i.summary) ? 2 : 1)));
  });
});

describeEachDatabase('search for a common word while another account writes', (env) => {
  it("finds this account's matches when another account's newer documents hold the word too", async () => {
    const { services, db } = env();
    const user = await createUser(env());
    const other = await createUser(env());
    const scope = authenticatedScope(user.userId);
    await services.seed.bench(scope, { contacts: 20, interactions: CANDIDATES + 300, seed: 3 });
    const word = vocabulary().words[0]!;
    const before = await services.search.search(scope, { q: word, type: 'interaction', limit: 20 });
    expect(before).toHaveLength(20);

    // The other account's documents come later, many holding the word; on SQLite they are moved far
    // ahead, so they alone are the newest RECENT_DOCUMENTS documents.
    await services.seed.bench(authenticatedScope(other.userId), { contacts: 20, interactions: CANDIDATES + 300, seed: 3 });
    if (env().dialect === 'sqlite') {
      await sql`UPDATE search_docs SET seq = seq + 100000 WHERE owner_id = ${other.userId}`.execute(db.kysely);
      await sql`INSERT INTO search_fts (search_fts) VALUES ('rebuild')`.execute(db.kysely);
    }

    // bm25 weighs a word by the whole index, which now holds the other account's documents too: the
    // order of this account's near-equal matches may change (a full run once swapped two), so the
    // check is that 20 of this account's matches are found, as before the other account wrote.
    const after = await services.search.search(scope, { q: word, type: 'interaction', limit: 20 });
    const own = new Set((await db.kysely.selectFrom('interactions').select('id').where('owner_id', '=', user.userId).execute()).map((i) => i.id));
    expect(after.map((h) => own.has(h.id) && h.snippet.some((part) => part.highlight))).toEqual(Array<boolean>(20).fill(true));
  });
});

describeEachDatabase('search while another account writes between this account\'s documents', (env) => {
  it("ranks this account's newest matches, not the other account's among them (SQLite)", async () => {
    const { services, db, dialect } = env();
    if (dialect !== 'sqlite') return;
    const user = await createUser(env());
    const other = await createUser(env());
    const scope = authenticatedScope(user.userId);
    const params = { contacts: 20, interactions: CANDIDATES + 300, seed: 3 };
    await services.seed.bench(scope, params);
    const words = vocabulary().words;
    // One word each: a copy of this account's documents changes bm25's weight of a word, not the order of its matches.
    const searches = [{ q: words[0]! }, { q: words[0]!, type: 'interaction' as const }, { q: words[3]! }, { q: words[40]! }];
    const found = () => Promise.all(searches.map(async (s) => (await services.search.search(scope, { ...s, limit: 20 })).map((h) => h.id)));
    const before = await found();
    expect(before.map((ids) => ids.length)).toEqual([20, 20, 20, 20]);

    // The same documents for the other account, then both accounts' documents numbered in turn. A copy,
    // not the other account's own bench data: that is drawn from its random id, and documents of other
    // lengths change bm25's average length, which reorders near-equal matches (one run in six did).
    await sql`INSERT INTO search_docs (seq, owner_id, entity, entity_id, title, body)
      SELECT seq + 1000000, ${other.userId}, entity, entity_id || ' copy', title, body FROM search_docs WHERE owner_id = ${user.userId}`.execute(db.kysely);
    await sql`CREATE TEMP TABLE renumbered AS
      SELECT seq AS old, 2 * row_number() OVER (PARTITION BY owner_id ORDER BY seq) + (owner_id = ${other.userId}) AS seq FROM search_docs`.execute(db.kysely);
    // Through negative numbers, so that no document takes a number another still has.
    await sql`UPDATE search_docs SET seq = -(SELECT r.seq FROM renumbered r WHERE r.old = search_docs.seq)`.execute(db.kysely);
    await sql`UPDATE search_docs SET seq = -seq`.execute(db.kysely);
    await sql`INSERT INTO search_fts (search_fts) VALUES ('rebuild')`.execute(db.kysely);
    const seqs = await db.kysely.selectFrom('search_docs').select(['owner_id', 'seq']).orderBy('seq').limit(4).execute();
    expect(seqs.map((d) => d.owner_id)).toEqual([user.userId, other.userId, user.userId, other.userId]);

    expect(await found()).toEqual(before);
  });
});

describeEachDatabase('search with another account in the database, planned with statistics (SQLite)', (env) => {
  // With statistics of two accounts in a million documents, SQLite looked for the other account's
  // documents in this one's range through the primary key: every document of the range, 230 ms a
  // search in the benchmark, where the owner index answers with one seek.
  it("checks another account's range through the owner index", async () => {
    const { deps, db, dialect } = env();
    if (dialect !== 'sqlite') return;
    const user = await createUser(env());
    const other = await createUser(env());
    await env().services.seed.bench(authenticatedScope(user.userId), { contacts: 5, interactions: 40, seed: 3 });
    await env().services.seed.bench(authenticatedScope(other.userId), { contacts: 5, interactions: 40, seed: 4 });
    await sql`ANALYZE`.execute(db.kysely);
    await sql`DELETE FROM sqlite_stat1 WHERE tbl = 'search_docs'`.execute(db.kysely);
    await sql`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('search_docs', 'search_docs_owner', '1210000 605000 1'), ('search_docs', 'sqlite_autoindex_search_docs_1', '1210000 605000 1')`.execute(db.kysely);
    await sql`ANALYZE sqlite_schema`.execute(db.kysely);

    const queries: CompiledQuery[] = [];
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        queries.push(db.kysely.getExecutor().compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const services = createServices({ ...deps, db: { ...db, kysely: db.kysely.withPlugin(capture) } });
    const hits = await services.search.search(authenticatedScope(user.userId), { q: vocabulary().words[0]!, limit: 20 });
    expect(hits.length).toBeGreaterThan(0);

    const checks = queries.filter((q) => q.sql.includes('owner_id = owners.id'));
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) {
      const plan = (db.sqlite!.prepare(`EXPLAIN QUERY PLAN ${check.sql}`).all(...check.parameters) as { detail: string }[]).map((row) => row.detail);
      expect(plan).toContain('SEARCH search_docs USING COVERING INDEX search_docs_owner (owner_id=? AND seq>? AND seq<?)');
    }
  });
});

describeEachDatabase('the ways PostgreSQL finds the newest matches', (env) => {
  // A million documents choose `scan` and `window` (see choosePostgresFinders); here each is run on its own.
  it('gives the same hits whichever way finds the newest CANDIDATES matches, and none when one finds fewer (PostgreSQL)', async () => {
    const { services, db, dialect } = env();
    if (dialect !== 'postgres') return;
    const other = await createUser(env());
    const user = await createUser(env());
    // The other account's documents are the newest: each way reads up to this account's newest.
    await services.seed.bench(authenticatedScope(user.userId), { contacts: 20, interactions: CANDIDATES + 300, seed: 3 });
    await services.seed.bench(authenticatedScope(other.userId), { contacts: 20, interactions: 300, seed: 4 });
    const word = vocabulary().words[0]!;
    const ranked = (finder: PostgresFinder) => rankPostgres(db.kysely, user.userId, word, tsQuery([word], false), { limit: 20, entities: SEARCH_ENTITIES }, finder);
    const newest = Number((await db.kysely.selectFrom('search_docs').select((eb) => eb.fn.max('seq').as('seq')).where('owner_id', '=', user.userId).executeTakeFirstOrThrow()).seq);

    const all = await ranked({ kind: 'all' });
    const found = await services.search.search(authenticatedScope(user.userId), { q: word, limit: 20 });
    expect(all.map((row) => row.entity_id)).toEqual(found.map((hit) => hit.id));
    expect(await ranked({ kind: 'scan', after: 0, upTo: newest })).toEqual(all);
    expect(await ranked({ kind: 'window', after: 0, upTo: newest })).toEqual(all);
    // The account's newest 500 documents hold fewer than CANDIDATES matches: the next way must look further.
    expect(await ranked({ kind: 'scan', after: newest - 500, upTo: newest })).toEqual([]);
    expect(await ranked({ kind: 'window', after: newest - 500, upTo: newest })).toEqual([]);
  });
});
