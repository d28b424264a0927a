import { beforeAll, expect, it } from 'vitest';
import { SORTS } from '../src/features/contacts/model.js';
import { createUser, describeEachDatabase, type TestUser } from './harness/app.js';

describeEachDatabase('cursor pagination', (env) => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createUser(env());
    const names = [['Émile', 'Zola', 'Gallimard'], ['ada', 'Lovelace', null], ['Grace', 'Hopper', 'Navy'], ['Alan', 'Turing', null], ['Ada', 'Byron', 'Navy']];
    const ids: string[] = [];
    for (const [firstName, lastName, company] of names) {
      env().clock.advance(1000);
      const response = await env().app.inject({ method: 'POST', url: '/api/v1/contacts', headers: user.headers, payload: { firstName, lastName, company } });
      ids.push(response.json().id);
    }
    // Two contacts with interactions, three without: lastInteraction sorts have nulls to page over.
    for (const [i, at] of [[0, '2026-02-01T10:00:00Z'], [2, '2026-02-03T10:00:00Z'], [2, '2026-02-03T10:00:00Z'], [0, '2026-01-01T10:00:00Z']] as const) {
      await env().app.inject({ method: 'POST', url: '/api/v1/interactions', headers: user.headers, payload: { participantIds: [ids[i]], kind: 'call', occurredAt: at, summary: 'A call' } });
    }
  });

  async function pages(path: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const response = await env().app.inject({ method: 'GET', url: `${path}${separator}limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: user.headers });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
    } while (cursor);
    return seen;
  }

  async function onePage(path: string): Promise<string[]> {
    const separator = path.includes('?') ? '&' : '?';
    const response = await env().app.inject({ method: 'GET', url: `${path}${separator}limit=500`, headers: user.headers });
    return (response.json().items as { id: string }[]).map((item) => item.id);
  }

  it.each(SORTS)('pages through contacts sorted by %s, two at a time, and sees each once in order', async (sort) => {
    const all = await onePage(`/api/v1/contacts?sort=${sort}`);
    expect(all).toHaveLength(5);
    expect(await pages(`/api/v1/contacts?sort=${sort}`)).toEqual(all);
  });

  it('sorts names regardless of case and accents', async () => {
    const response = await env().app.inject({ method: 'GET', url: '/api/v1/contacts?sort=name', headers: user.headers });
    expect(response.json().items.map((c: { displayName: string }) => c.displayName)).toEqual(['Ada Byron', 'ada Lovelace', 'Alan Turing', 'Émile Zola', 'Grace Hopper']);
  });

  it('pages through interactions newest first', async () => {
    const all = await onePage('/api/v1/interactions');
    expect(all).toHaveLength(4);
    expect(await pages('/api/v1/interactions')).toEqual(all);
  });
});
