import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { benchSource, vocabulary } from '../src/features/seed/bench.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { CANDIDATES } from '../src/platform/database/search.js';
import { createUser, describeEachDatabase } from './harness/app.js';

describeEachDatabase('search over a very common word', (env) => {
  it('ranks only the newest CANDIDATES matches, best first', async () => {
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

    const hits = await services.search.search(scope, { q: word, type: 'interaction', limit: 20 });
    expect(hits).toHaveLength(20);
    expect(hits.every((h) => window.has(h.id))).toBe(true);
    expect(hits.every((h, n) => n === 0 || hits[n - 1]!.score >= h.score)).toBe(true);
  });
});

describeEachDatabase('search for a word in most of the newest documents', (env) => {
  it('lists the newest matches with the word in the title first, then the newest others (SQLite)', async () => {
    const { services, db, dialect } = env();
    if (dialect !== 'sqlite') return;
    const other = await createUser(env());
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    // Another account's document numbered far ahead: this account's come after it, so they are the
    // newest of more than RECENT_DOCUMENTS documents.
    await sql`INSERT INTO search_docs (seq, owner_id, entity, entity_id, title, body) VALUES (60000, ${other.userId}, 'interaction', 'elsewhere', 'x', 'x')`.execute(db.kysely);
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

    const hits = await services.search.search(scope, { q: word, type: 'interaction', limit: 20 });
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

    const after = await services.search.search(scope, { q: word, type: 'interaction', limit: 20 });
    expect(after.map((h) => h.id)).toEqual(before.map((h) => h.id));
  });
});
