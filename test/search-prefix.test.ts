import { expect, it } from 'vitest';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { createUser, describeEachDatabase } from './harness/app.js';

describeEachDatabase('search, words as typed before prefixes', (env) => {
  it('answers complete words exactly and completes a partly typed last word only when that finds too few', async () => {
    const { services } = env();
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    const contact = await services.contacts.create(scope, { displayName: 'Ellen MacArthur' });
    const log = (summary: string, occurredAt: string) => services.interactions.create(scope, { participantIds: [contact.id], kind: 'call', occurredAt, summary });
    const a = await log('Plans to sail around the world', '2026-01-01T10:00:00Z');
    const b = await log('We talked about how to sail solo', '2026-01-02T10:00:00Z');
    const c = await log('Why sail in winter', '2026-01-03T10:00:00Z');
    const boat = await log('Her new sailboat arrived', '2026-01-04T10:00:00Z');
    const ids = async (q: string, limit: number) => (await services.search.search(scope, { q, limit, type: 'interaction' })).map((r) => r.id).sort();

    // Enough exact matches: the prefix is not expanded, so "sailboat" stays out.
    expect(await ids('sail', 3)).toEqual([a.id, b.id, c.id].sort());
    // Too few exact matches for the page: the last word is completed.
    expect(await ids('sail', 20)).toEqual([a.id, b.id, c.id, boat.id].sort());
    expect(await ids('sailb', 20)).toEqual([boat.id]);
    expect(await ids('solo sai', 20)).toEqual([b.id]);
  });
});
