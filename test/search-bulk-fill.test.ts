import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { createUser, describeEachDatabase } from './harness/app.js';

describeEachDatabase('filling the search index in bulk', (env) => {
  it('indexes every new contact when there are more than one statement fills (SQLite)', async () => {
    const { services, db, dialect } = env();
    if (dialect !== 'sqlite') return;
    const user = await createUser(env());
    const count = 25_003;
    const insert = db.sqlite!.prepare("INSERT INTO contacts (id, owner_id, display_name, sort_name, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-01-01', '2026-01-01')");
    db.sqlite!.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(`bulk-${i}`, user.userId, `Person${i} Bulk`, `person${i} bulk`);
    })();

    await services.contacts.indexNew(db.kysely, authenticatedScope(user.userId));

    const indexed = await sql<{ n: number }>`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'bulk'`.execute(db.kysely);
    expect(indexed.rows[0]!.n).toBe(count);
    for (const i of [0, 24_999, 25_000, count - 1]) {
      const hits = await services.search.search(authenticatedScope(user.userId), { q: `Person${i}`, type: 'contact', limit: 5 });
      expect(hits.map((h) => h.id)).toEqual([`bulk-${i}`]);
    }
  });
});
