// Proves, for every route the server registers, that one user cannot read, change, list or delete
// another's data: user B aims each route at user A's ids, and A's rows stay exactly as they were.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { createUser, describeEachDatabase, type TestEnv, type TestUser } from './harness/app.js';
import { expectError, fieldPaths, signIn } from './harness/http.js';
import { registeredRoutes } from './harness/routes.js';
import { snapshotOwnedBy } from './harness/snapshot.js';
import { createWorld, type World } from './harness/world.js';

interface Context {
  env: TestEnv;
  a: World;
  b: World;
  /** Sends a request as B and checks that nothing of A's comes back in it. */
  asB(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Headers that authenticate a user the way this run does (API token or session cookie). */
  headersOf(user: TestUser): Promise<Record<string, string>>;
}

/** Every id, the email and the word of A: none may appear in what B gets back. */
function tracesOf(a: World): string[] {
  return [
    a.user.userId,
    a.user.email,
    a.word,
    ...a.contacts.map((c) => c.id),
    a.trashedContactId,
    ...a.interactions.map((i) => i.id),
    a.trashedInteractionId,
    ...a.tokenIds,
    a.eventId,
    a.exchangeId,
    a.calendarPath,
    a.skillId,
    a.ratingId,
    a.resourceId,
    a.reflectionId,
    a.feedbackRequestId,
    a.feedbackToken,
  ];
}

const allContactIds = (w: World) => [...w.contacts.map((c) => c.id), w.trashedContactId];
const allInteractionIds = (w: World) => [...w.interactions.map((i) => i.id), w.trashedInteractionId];
const idsOf = (response: LightMyRequestResponse, key = 'items') => (response.json()[key] as { id: string }[]).map((item) => item.id);

async function expectSignedInAs(ctx: Context, headers: Record<string, string>, user: TestUser) {
  const me = await ctx.env.app.inject({ method: 'GET', url: '/api/v1/me', headers });
  expect(me.json().id).toBe(user.userId);
}

/** What B tries on each route. The keys must be exactly the routes the server registers. */
const ATTEMPTS: Record<string, (ctx: Context) => Promise<void>> = {
  // Public routes: nothing of anyone's comes back, and they change nothing of A's.
  'GET /api/v1/health': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  },
  'GET /api/v1/openapi.json': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/openapi.json' })).statusCode).toBe(200);
  },
  'GET /api/v1/docs': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/docs' })).statusCode).toBe(200);
  },
  'GET /api/v1/docs/': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/docs/' })).statusCode).toBe(200);
  },
  'GET /api/v1/docs/json': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/docs/json' })).statusCode).toBe(200);
  },
  'GET /api/v1/docs/yaml': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/docs/yaml' })).statusCode).toBe(200);
  },
  'GET /api/v1/docs/static/*': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/docs/static/swagger-ui.css' })).statusCode).toBe(200);
  },
  'GET /api/v1/docs/static/index.html': async ({ asB }) => {
    // swagger-ui sends the browser on to the docs page.
    expect((await asB({ method: 'GET', url: '/api/v1/docs/static/index.html' })).statusCode).toBe(302);
  },
  'GET /api/v1/docs/static/swagger-initializer.js': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/docs/static/swagger-initializer.js' })).statusCode).toBe(200);
  },
  'GET /api/v1/setup': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
  },
  'POST /api/v1/setup': async ({ asB, a }) => {
    const response = await asB({ method: 'POST', url: '/api/v1/setup', payload: { email: a.user.email, password: 'taking over the account', displayName: 'B' } });
    expectError(response, 409, 'SETUP_DONE');
  },
  'POST /api/v1/session': async ({ asB, a, b }) => {
    const remoteAddress = '192.0.2.1';
    expectError(await asB({ method: 'POST', url: '/api/v1/session', payload: { email: a.user.email, password: b.user.password }, remoteAddress }), 401, 'INVALID_CREDENTIALS');
    const own = await asB({ method: 'POST', url: '/api/v1/session', payload: { email: b.user.email, password: b.user.password }, remoteAddress });
    expect(own.json().user.id).toBe(b.user.userId);
  },

  // The signed-in user's own account: always B's, never A's.
  'GET /api/v1/session': async ({ asB, b }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/session' })).json().user.id).toBe(b.user.userId);
  },
  'DELETE /api/v1/session': async (ctx) => {
    const headers = await ctx.headersOf(ctx.b.user);
    expect((await ctx.env.app.inject({ method: 'DELETE', url: '/api/v1/session', headers })).statusCode).toBe(204);
    await expectSignedInAs(ctx, { cookie: ctx.a.session.cookie }, ctx.a.user);
  },
  'GET /api/v1/me': async ({ asB, b }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/me' })).json().id).toBe(b.user.userId);
  },
  'PATCH /api/v1/me': async ({ asB, b }) => {
    const response = await asB({ method: 'PATCH', url: '/api/v1/me', payload: { displayName: 'B renamed', timeZone: 'Asia/Tokyo', weekStart: 3 } });
    expect(response.json().id).toBe(b.user.userId);
  },
  'POST /api/v1/me/password': async (ctx) => {
    const other = await createUser(ctx.env);
    const headers = await ctx.headersOf(other);
    const response = await ctx.env.app.inject({ method: 'POST', url: '/api/v1/me/password', headers, payload: { currentPassword: other.password, newPassword: 'another new password' } });
    expect(response.statusCode).toBe(204);
    await expectSignedInAs(ctx, { cookie: ctx.a.session.cookie }, ctx.a.user);
  },
  'GET /api/v1/tokens': async ({ asB, b }) => {
    expect(idsOf(await asB({ method: 'GET', url: '/api/v1/tokens' }))).toEqual(expect.arrayContaining(b.tokenIds));
  },
  'POST /api/v1/tokens': async (ctx) => {
    const response = await ctx.asB({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'B script' } });
    expect(response.statusCode).toBe(201);
    await expectSignedInAs(ctx, { authorization: `Bearer ${response.json().token}` }, ctx.b.user);
  },
  'DELETE /api/v1/tokens/:id': async (ctx) => {
    for (const id of ctx.a.tokenIds) expectError(await ctx.asB({ method: 'DELETE', url: `/api/v1/tokens/${id}` }), 404, 'TOKEN_NOT_FOUND');
    await expectSignedInAs(ctx, ctx.a.user.headers, ctx.a.user);
  },

  // Contacts.
  'GET /api/v1/contacts': async ({ asB, a, b }) => {
    expect(idsOf(await asB({ method: 'GET', url: '/api/v1/contacts?limit=500' }))).toEqual(expect.arrayContaining(b.contacts.map((c) => c.id)));
    for (const query of [`q=${a.word}`, `tag=${a.tag}`, `dimension=${encodeURIComponent(a.dimension)}`]) {
      expect(idsOf(await asB({ method: 'GET', url: `/api/v1/contacts?${query}` }))).toEqual([]);
    }
    expect(idsOf(await asB({ method: 'GET', url: '/api/v1/contacts?tag=shared-tag&sort=-created' }))).toEqual(b.contacts.map((c) => c.id).reverse());
  },
  'POST /api/v1/contacts': async ({ asB, a, b }) => {
    // The same name as one of A's contacts, in B's own list.
    const response = await asB({ method: 'POST', url: '/api/v1/contacts', payload: { firstName: a.contacts[0].firstName, lastName: b.word } });
    expect(response.statusCode).toBe(201);
  },
  'GET /api/v1/contacts/:id': async ({ asB, a }) => {
    for (const id of allContactIds(a)) {
      expectError(await asB({ method: 'GET', url: `/api/v1/contacts/${id}` }), 404, 'CONTACT_NOT_FOUND');
      expect((await asB({ method: 'HEAD', url: `/api/v1/contacts/${id}` })).statusCode).toBe(404);
    }
  },
  'PATCH /api/v1/contacts/:id': async ({ asB, a }) => {
    for (const id of allContactIds(a)) {
      expectError(await asB({ method: 'PATCH', url: `/api/v1/contacts/${id}`, payload: { notes: 'written by B', tags: ['B was here'] } }), 404, 'CONTACT_NOT_FOUND');
    }
  },
  'DELETE /api/v1/contacts/:id': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'DELETE', url: `/api/v1/contacts/${id}` }), 404, 'CONTACT_NOT_FOUND');
  },
  'POST /api/v1/contacts/:id/restore': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'POST', url: `/api/v1/contacts/${id}/restore` }), 404, 'CONTACT_NOT_FOUND');
  },
  'POST /api/v1/contacts/bulk': async ({ asB, a }) => {
    for (const payload of [{ action: 'tag', tags: ['B was here'] }, { action: 'untag', tags: [a.tag, 'shared-tag'] }, { action: 'delete' }]) {
      const response = await asB({ method: 'POST', url: '/api/v1/contacts/bulk', payload: { ...payload, ids: allContactIds(a) } });
      expect(response.statusCode).toBe(200);
      expect(response.json().results.map((r: { ok: boolean; error?: { code: string } }) => [r.ok, r.error?.code])).toEqual(allContactIds(a).map(() => [false, 'CONTACT_NOT_FOUND']));
    }
  },
  'GET /api/v1/contacts/tags': async ({ asB, b }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/contacts/tags' })).json().items).toEqual([
      { tag: b.tag, count: 2 },
      { tag: 'shared-tag', count: 2 },
    ]);
  },
  'GET /api/v1/contacts/dimensions': async ({ asB, b }) => {
    const values = (await asB({ method: 'GET', url: '/api/v1/contacts/dimensions' })).json().items.flatMap((d: { name: string; values: { value: string }[] }) => d.values.map((v) => `${d.name}:${v.value}`));
    expect(values).toEqual([`industry:${b.word} industry`, 'region:Europe', 'community:Open source']);
  },

  // Interactions.
  'GET /api/v1/interactions': async ({ asB, a, b }) => {
    expect(idsOf(await asB({ method: 'GET', url: '/api/v1/interactions?limit=500' }))).toEqual(expect.arrayContaining(b.interactions.map((i) => i.id)));
    for (const id of allContactIds(a)) expectError(await asB({ method: 'GET', url: `/api/v1/interactions?contactId=${id}` }), 404, 'CONTACT_NOT_FOUND');
  },
  'POST /api/v1/interactions': async ({ asB, a, b }) => {
    const log = (participantIds: string[]) =>
      asB({ method: 'POST', url: '/api/v1/interactions', payload: { participantIds, kind: 'call', occurredAt: '2026-03-01T12:00:00Z', summary: 'B calls' } });
    expect(fieldPaths(expectError(await log([a.contacts[0].id]), 404, 'CONTACT_NOT_FOUND'))).toEqual(['participantIds[0]']);
    expect(fieldPaths(expectError(await log([b.contacts[0].id, a.contacts[1].id]), 404, 'CONTACT_NOT_FOUND'))).toEqual(['participantIds[1]']);
    const own = await asB({ method: 'GET', url: `/api/v1/contacts/${b.contacts[0].id}` });
    expect(own.json().lastInteractionAt).toBe(b.contacts[0].lastInteractionAt);
  },
  'GET /api/v1/interactions/:id': async ({ asB, a }) => {
    for (const id of allInteractionIds(a)) {
      expectError(await asB({ method: 'GET', url: `/api/v1/interactions/${id}` }), 404, 'INTERACTION_NOT_FOUND');
      expect((await asB({ method: 'HEAD', url: `/api/v1/interactions/${id}` })).statusCode).toBe(404);
    }
  },
  'PATCH /api/v1/interactions/:id': async ({ asB, a, b }) => {
    for (const id of allInteractionIds(a)) {
      expectError(await asB({ method: 'PATCH', url: `/api/v1/interactions/${id}`, payload: { summary: 'rewritten by B' } }), 404, 'INTERACTION_NOT_FOUND');
    }
    // B's own interaction cannot take A's contacts as participants either.
    const own = b.interactions[0];
    const response = await asB({ method: 'PATCH', url: `/api/v1/interactions/${own.id}`, payload: { participantIds: [a.contacts[0].id] } });
    expect(fieldPaths(expectError(response, 404, 'CONTACT_NOT_FOUND'))).toEqual(['participantIds[0]']);
    expect((await asB({ method: 'GET', url: `/api/v1/interactions/${own.id}` })).json().participants).toEqual(own.participants);
  },
  'DELETE /api/v1/interactions/:id': async ({ asB, a }) => {
    for (const id of allInteractionIds(a)) expectError(await asB({ method: 'DELETE', url: `/api/v1/interactions/${id}` }), 404, 'INTERACTION_NOT_FOUND');
  },
  'POST /api/v1/interactions/:id/restore': async ({ asB, a }) => {
    for (const id of allInteractionIds(a)) expectError(await asB({ method: 'POST', url: `/api/v1/interactions/${id}/restore` }), 404, 'INTERACTION_NOT_FOUND');
  },

  // Search and trash.
  'GET /api/v1/search': async ({ asB, a, b }) => {
    expect((await asB({ method: 'GET', url: `/api/v1/search?q=${a.word}` })).json()).toEqual({ items: [] });
    // "plans" is in both users' interactions; B finds only B's.
    expect(idsOf(await asB({ method: 'GET', url: '/api/v1/search?q=plans&type=interaction&limit=100' })).sort()).toEqual(b.interactions.map((i) => i.id).sort());
  },
  'GET /api/v1/trash': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/trash' })).statusCode).toBe(200);
  },
  'POST /api/v1/trash/:type/:id/restore': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'POST', url: `/api/v1/trash/contact/${id}/restore` }), 404, 'CONTACT_NOT_FOUND');
    for (const id of allInteractionIds(a)) expectError(await asB({ method: 'POST', url: `/api/v1/trash/interaction/${id}/restore` }), 404, 'INTERACTION_NOT_FOUND');
  },
  'DELETE /api/v1/trash/:type/:id': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'DELETE', url: `/api/v1/trash/contact/${id}` }), 404, 'CONTACT_NOT_FOUND');
    for (const id of allInteractionIds(a)) expectError(await asB({ method: 'DELETE', url: `/api/v1/trash/interaction/${id}` }), 404, 'INTERACTION_NOT_FOUND');
  },
  'DELETE /api/v1/trash': async ({ asB }) => {
    expect((await asB({ method: 'DELETE', url: '/api/v1/trash' })).statusCode).toBe(200);
  },

  // Nurture: Today, settings, snoozes, strength, milestones, the ledger and the calendar feed.
  'GET /api/v1/today': async ({ asB, b }) => {
    const today = (await asB({ method: 'GET', url: '/api/v1/today' })).json();
    expect(today.promises.map((p: { contact: { id: string } }) => p.contact.id)).toEqual([b.contacts[0].id]);
  },
  'GET /api/v1/nurture/settings': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/nurture/settings' })).statusCode).toBe(200);
  },
  'PATCH /api/v1/nurture/settings': async ({ asB }) => {
    // Recomputes every due date of B's contacts, and of nobody else's.
    const response = await asB({ method: 'PATCH', url: '/api/v1/nurture/settings', payload: { cadences: { close: 7 }, strengthHalfLifeDays: 30 } });
    expect(response.json().cadences.close).toBe(7);
  },
  'POST /api/v1/contacts/:id/snooze': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'POST', url: `/api/v1/contacts/${id}/snooze`, payload: { for: 'week' } }), 404, 'CONTACT_NOT_FOUND');
  },
  'DELETE /api/v1/contacts/:id/snooze': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'DELETE', url: `/api/v1/contacts/${id}/snooze` }), 404, 'CONTACT_NOT_FOUND');
  },
  'GET /api/v1/contacts/:id/strength': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'GET', url: `/api/v1/contacts/${id}/strength` }), 404, 'CONTACT_NOT_FOUND');
  },
  'GET /api/v1/contacts/:id/events': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'GET', url: `/api/v1/contacts/${id}/events` }), 404, 'CONTACT_NOT_FOUND');
  },
  'POST /api/v1/contacts/:id/events': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'POST', url: `/api/v1/contacts/${id}/events`, payload: { kind: 'award', date: '2026-01-01' } }), 404, 'CONTACT_NOT_FOUND');
  },
  'PATCH /api/v1/events/:id': async ({ asB, a }) => {
    expectError(await asB({ method: 'PATCH', url: `/api/v1/events/${a.eventId}`, payload: { note: 'B' } }), 404, 'EVENT_NOT_FOUND');
  },
  'DELETE /api/v1/events/:id': async ({ asB, a }) => {
    expectError(await asB({ method: 'DELETE', url: `/api/v1/events/${a.eventId}` }), 404, 'EVENT_NOT_FOUND');
  },
  'POST /api/v1/events/:id/celebrate': async ({ asB, a }) => {
    expectError(await asB({ method: 'POST', url: `/api/v1/events/${a.eventId}/celebrate`, payload: {} }), 404, 'EVENT_NOT_FOUND');
  },
  'GET /api/v1/contacts/:id/exchanges': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'GET', url: `/api/v1/contacts/${id}/exchanges` }), 404, 'CONTACT_NOT_FOUND');
  },
  'POST /api/v1/contacts/:id/exchanges': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'POST', url: `/api/v1/contacts/${id}/exchanges`, payload: { direction: 'they_asked', description: 'B' } }), 404, 'CONTACT_NOT_FOUND');
  },
  'PATCH /api/v1/exchanges/:id': async ({ asB, a }) => {
    expectError(await asB({ method: 'PATCH', url: `/api/v1/exchanges/${a.exchangeId}`, payload: { done: true } }), 404, 'EXCHANGE_NOT_FOUND');
  },
  'DELETE /api/v1/exchanges/:id': async ({ asB, a }) => {
    expectError(await asB({ method: 'DELETE', url: `/api/v1/exchanges/${a.exchangeId}` }), 404, 'EXCHANGE_NOT_FOUND');
  },
  'GET /api/v1/calendar': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/calendar' })).statusCode).toBe(200);
  },
  'POST /api/v1/calendar': async ({ asB, env, a }) => {
    expect((await asB({ method: 'POST', url: '/api/v1/calendar' })).statusCode).toBe(201);
    expect((await env.app.inject({ method: 'GET', url: a.calendarPath })).statusCode).toBe(200);
  },
  'DELETE /api/v1/calendar': async ({ asB, env, a }) => {
    expect((await asB({ method: 'DELETE', url: '/api/v1/calendar' })).statusCode).toBe(204);
    expect((await env.app.inject({ method: 'GET', url: a.calendarPath })).statusCode).toBe(200);
  },
  'GET /calendar/:token.ics': async ({ asB, b }) => {
    // B's own feed shows B's contacts only; a guessed address shows nothing.
    const own = new URL((await asB({ method: 'POST', url: '/api/v1/calendar' })).json().url).pathname;
    expect((await asB({ method: 'GET', url: own })).body).toContain(b.contacts[0].displayName);
    expectError(await asB({ method: 'GET', url: '/calendar/rpc_guessed.ics' }), 404, 'CALENDAR_NOT_FOUND');
  },

  'POST /api/v1/demo': async ({ asB }) => {
    // B's account has contacts, so the demo goes nowhere; A's is never reached.
    expectError(await asB({ method: 'POST', url: '/api/v1/demo' }), 409, 'ACCOUNT_NOT_EMPTY');
  },

  // Growth: skills, ratings, resources, reflections, reviews, insights and feedback.
  'GET /api/v1/skills': async ({ asB, b }) => {
    expect(idsOf(await asB({ method: 'GET', url: '/api/v1/skills?archived=true' }))).toContain(b.skillId);
  },
  'POST /api/v1/skills': async ({ asB }) => {
    expect((await asB({ method: 'POST', url: '/api/v1/skills', payload: { name: `B skill ${Math.random()}` } })).statusCode).toBe(201);
  },
  'GET /api/v1/skills/:id': async ({ asB, a }) => {
    expectError(await asB({ method: 'GET', url: `/api/v1/skills/${a.skillId}` }), 404, 'SKILL_NOT_FOUND');
  },
  'PATCH /api/v1/skills/:id': async ({ asB, a }) => {
    expectError(await asB({ method: 'PATCH', url: `/api/v1/skills/${a.skillId}`, payload: { archived: true } }), 404, 'SKILL_NOT_FOUND');
  },
  'POST /api/v1/skills/:id/ratings': async ({ asB, a }) => {
    expectError(await asB({ method: 'POST', url: `/api/v1/skills/${a.skillId}/ratings`, payload: { rating: 1 } }), 404, 'SKILL_NOT_FOUND');
  },
  'DELETE /api/v1/ratings/:id': async ({ asB, a }) => {
    expectError(await asB({ method: 'DELETE', url: `/api/v1/ratings/${a.ratingId}` }), 404, 'RATING_NOT_FOUND');
  },
  'GET /api/v1/resources': async ({ asB, a }) => {
    expectError(await asB({ method: 'GET', url: `/api/v1/resources?skillId=${a.skillId}` }), 404, 'SKILL_NOT_FOUND');
    expect((await asB({ method: 'GET', url: '/api/v1/resources' })).statusCode).toBe(200);
  },
  'POST /api/v1/skills/:id/resources': async ({ asB, a }) => {
    expectError(await asB({ method: 'POST', url: `/api/v1/skills/${a.skillId}/resources`, payload: { kind: 'book', title: 'B' } }), 404, 'SKILL_NOT_FOUND');
  },
  'PATCH /api/v1/resources/:id': async ({ asB, a, b }) => {
    expectError(await asB({ method: 'PATCH', url: `/api/v1/resources/${a.resourceId}`, payload: { status: 'done' } }), 404, 'RESOURCE_NOT_FOUND');
    // Nor can B's own resource move under A's skill.
    const own = (await asB({ method: 'POST', url: `/api/v1/skills/${b.skillId}/resources`, payload: { kind: 'article', title: 'B article' } })).json();
    expectError(await asB({ method: 'PATCH', url: `/api/v1/resources/${own.id}`, payload: { skillId: a.skillId } }), 404, 'SKILL_NOT_FOUND');
  },
  'DELETE /api/v1/resources/:id': async ({ asB, a }) => {
    expectError(await asB({ method: 'DELETE', url: `/api/v1/resources/${a.resourceId}` }), 404, 'RESOURCE_NOT_FOUND');
  },
  'GET /api/v1/interactions/:id/reflection': async ({ asB, a }) => {
    for (const id of allInteractionIds(a)) expectError(await asB({ method: 'GET', url: `/api/v1/interactions/${id}/reflection` }), 404, 'REFLECTION_NOT_FOUND');
  },
  'PUT /api/v1/interactions/:id/reflection': async ({ asB, a, b }) => {
    for (const id of allInteractionIds(a)) expectError(await asB({ method: 'PUT', url: `/api/v1/interactions/${id}/reflection`, payload: { wentWell: 'B' } }), 404, 'INTERACTION_NOT_FOUND');
    // B's own reflection cannot name A's skill.
    const response = await asB({ method: 'PUT', url: `/api/v1/interactions/${b.interactions[0].id}/reflection`, payload: { wentWell: 'B', skillIds: [a.skillId] } });
    expect(fieldPaths(expectError(response, 404, 'SKILL_NOT_FOUND'))).toEqual(['skillIds[0]']);
  },
  'DELETE /api/v1/interactions/:id/reflection': async ({ asB, a }) => {
    for (const id of allInteractionIds(a)) expectError(await asB({ method: 'DELETE', url: `/api/v1/interactions/${id}/reflection` }), 404, 'REFLECTION_NOT_FOUND');
  },
  'GET /api/v1/reviews': async ({ asB }) => {
    // B's own reviews (an earlier attempt may have moved B's week by changing B's time zone).
    expect((await asB({ method: 'GET', url: '/api/v1/reviews' })).json().items.length).toBeGreaterThan(0);
  },
  'GET /api/v1/reviews/current': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/reviews/current' })).statusCode).toBe(200);
  },
  'GET /api/v1/reviews/:weekStart': async ({ asB }) => {
    const current = (await asB({ method: 'GET', url: '/api/v1/reviews/current' })).json();
    expect((await asB({ method: 'GET', url: `/api/v1/reviews/${current.weekStart}` })).json().nextWeekPlan).toBe(current.nextWeekPlan);
  },
  'PUT /api/v1/reviews/:weekStart': async ({ asB }) => {
    const current = (await asB({ method: 'GET', url: '/api/v1/reviews/current' })).json();
    expect((await asB({ method: 'PUT', url: `/api/v1/reviews/${current.weekStart}`, payload: { nextWeekPlan: 'B again', complete: true } })).statusCode).toBe(200);
  },
  'GET /api/v1/insights': async ({ asB, a }) => {
    expect((await asB({ method: 'GET', url: `/api/v1/insights?q=${a.word}` })).json().items).toEqual([]);
    expectError(await asB({ method: 'GET', url: `/api/v1/insights?skillId=${a.skillId}` }), 404, 'SKILL_NOT_FOUND');
    expect((await asB({ method: 'GET', url: `/api/v1/insights?contactId=${a.contacts[0].id}` })).json().items).toEqual([]);
  },
  'GET /api/v1/feedback-requests': async ({ asB, b }) => {
    expect(idsOf(await asB({ method: 'GET', url: '/api/v1/feedback-requests' }))).toEqual([b.feedbackRequestId]);
  },
  'POST /api/v1/feedback-requests': async ({ asB, a }) => {
    const response = await asB({ method: 'POST', url: '/api/v1/feedback-requests', payload: { message: 'B asks', skillIds: [a.skillId] } });
    expect(fieldPaths(expectError(response, 404, 'SKILL_NOT_FOUND'))).toEqual(['skillIds[0]']);
  },
  'GET /api/v1/feedback-requests/:id': async ({ asB, a }) => {
    expectError(await asB({ method: 'GET', url: `/api/v1/feedback-requests/${a.feedbackRequestId}` }), 404, 'FEEDBACK_REQUEST_NOT_FOUND');
  },
  'POST /api/v1/feedback-requests/:id/revoke': async ({ asB, a }) => {
    expectError(await asB({ method: 'POST', url: `/api/v1/feedback-requests/${a.feedbackRequestId}/revoke` }), 404, 'FEEDBACK_REQUEST_NOT_FOUND');
  },
  'GET /api/v1/public/feedback/:token': async ({ asB, b }) => {
    // The public page of B's own link names B and B's request, nothing of A's.
    expect((await asB({ method: 'GET', url: `/api/v1/public/feedback/${b.feedbackToken}` })).json().message).toBe(`${b.word} asks`);
  },
  'POST /api/v1/public/feedback/:token': async ({ asB, a, b }) => {
    // Through B's link, nobody can rate A's skill.
    const response = await asB({ method: 'POST', url: `/api/v1/public/feedback/${b.feedbackToken}`, payload: { ratings: [{ skillId: a.skillId, rating: 1 }] } });
    expect(fieldPaths(expectError(response, 400, 'VALIDATION_FAILED'))).toEqual(['ratings[0].skillId']);
  },

  // Import, export, backup, duplicates and merges.
  'POST /api/v1/imports': async ({ asB, a }) => {
    // A file naming A's contact by email matches nothing of A's: it would create B's own contact.
    const csv = `First Name,Last Name,E-mail Address\nada,${a.word},${a.contacts[0].emails[0]!.value}\n`;
    const response = await asB({ method: 'POST', url: '/api/v1/imports?filename=c.csv', headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(response.json().report.counts).toMatchObject({ new: 1, updated: 0, unchanged: 0 });
  },
  'GET /api/v1/imports/:id': async ({ asB }) => {
    expectError(await asB({ method: 'GET', url: `/api/v1/imports/${importOfA}` }), 404, 'IMPORT_NOT_FOUND');
  },
  'POST /api/v1/imports/:id/commit': async ({ asB }) => {
    expectError(await asB({ method: 'POST', url: `/api/v1/imports/${importOfA}/commit` }), 404, 'IMPORT_NOT_FOUND');
  },
  'DELETE /api/v1/imports/:id': async ({ asB }) => {
    expectError(await asB({ method: 'DELETE', url: `/api/v1/imports/${importOfA}` }), 404, 'IMPORT_NOT_FOUND');
  },
  'POST /api/v1/restore': async ({ asB }) => {
    const backup = (await asB({ method: 'GET', url: '/api/v1/backup' })).body;
    expectError(await asB({ method: 'POST', url: '/api/v1/restore', headers: { 'content-type': 'application/json' }, payload: backup }), 409, 'RESTORE_TARGET_NOT_EMPTY');
  },
  'GET /api/v1/export/vcard': async ({ asB, a, b }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/export/vcard' })).body).toContain(`FN:ada ${b.word}`);
    for (const id of allContactIds(a)) expectError(await asB({ method: 'GET', url: `/api/v1/export/vcard?id=${id}` }), 404, 'CONTACT_NOT_FOUND');
  },
  'GET /api/v1/export/csv': async ({ asB, a, b }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/export/csv' })).body).toContain(`grace,,${b.word}`);
    for (const id of allContactIds(a)) expectError(await asB({ method: 'GET', url: `/api/v1/export/csv?id=${id}` }), 404, 'CONTACT_NOT_FOUND');
  },
  'GET /api/v1/backup': async ({ asB, b }) => {
    const backup = JSON.parse((await asB({ method: 'GET', url: '/api/v1/backup' })).body);
    expect(backup.tables.contacts.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(b.contacts.map((c) => c.id)));
  },
  'GET /api/v1/contacts/:id/photo': async ({ asB, a }) => {
    for (const id of allContactIds(a)) expectError(await asB({ method: 'GET', url: `/api/v1/contacts/${id}/photo` }), 404, 'CONTACT_NOT_FOUND');
  },
  'GET /api/v1/duplicates': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/duplicates' })).statusCode).toBe(200);
  },
  'POST /api/v1/duplicates/dismissals': async ({ asB, a, b }) => {
    const dismiss = (x: string, y: string) => asB({ method: 'POST', url: '/api/v1/duplicates/dismissals', payload: { a: x, b: y } });
    expect(fieldPaths(expectError(await dismiss(b.contacts[0].id, a.contacts[0].id), 404, 'CONTACT_NOT_FOUND'))).toEqual(['b']);
    expect(fieldPaths(expectError(await dismiss(a.contacts[0].id, a.contacts[1].id), 404, 'CONTACT_NOT_FOUND'))).toEqual(['a']);
  },
  'DELETE /api/v1/duplicates/dismissals/:a/:b': async ({ asB, a }) => {
    // A marked its two contacts as different people; B cannot take that back.
    expectError(await asB({ method: 'DELETE', url: `/api/v1/duplicates/dismissals/${a.contacts[0].id}/${a.contacts[1].id}` }), 404, 'DISMISSAL_NOT_FOUND');
  },
  'POST /api/v1/merges': async ({ asB, a, b }) => {
    const merge = (keepId: string, mergeId: string) => asB({ method: 'POST', url: '/api/v1/merges', payload: { keepId, mergeId } });
    expectError(await merge(b.contacts[0].id, a.contacts[0].id), 404, 'CONTACT_NOT_FOUND');
    expectError(await merge(a.contacts[0].id, a.contacts[1].id), 404, 'CONTACT_NOT_FOUND');
  },
  'GET /api/v1/merges': async ({ asB }) => {
    expect((await asB({ method: 'GET', url: '/api/v1/merges' })).json()).toEqual({ items: [] });
  },
  'POST /api/v1/merges/:id/undo': async ({ asB }) => {
    expectError(await asB({ method: 'POST', url: `/api/v1/merges/${importOfA}/undo` }), 404, 'MERGE_NOT_FOUND');
  },
};

/** An import A uploaded and has not committed, made before the attempts. */
let importOfA = '';

describeEachDatabase('isolation between users', (env) => {
  let a: World;
  let b: World;
  beforeAll(async () => {
    a = await createWorld(env(), 'zephyr');
    b = await createWorld(env(), 'quasar');
    const upload = await env().app.inject({
      method: 'POST',
      url: '/api/v1/imports?filename=a.csv',
      headers: { ...a.user.headers, 'content-type': 'text/csv' },
      payload: 'First Name,Last Name,E-mail Address\nAlan,Turing,alan@example.com\n',
    });
    importOfA = upload.json().id;
  });

  it('has an attempt for every route the server registers', () => {
    expect(Object.keys(ATTEMPTS).sort()).toEqual(registeredRoutes(env().app));
  });

  /** A's rows in every table, and what A finds by searching: what B must not change. */
  async function stateOfA() {
    const found = await env().services.search.search(authenticatedScope(a.user.userId), { q: a.word, limit: 100 });
    // Scores are left out: SQLite's bm25 weighs a word by how rare it is in the whole index, every
    // user's rows included, so B's own writes move A's scores (never A's results or their order).
    return { rows: await snapshotOwnedBy(env().db, a.user.userId), found: found.map(({ score: _score, ...hit }) => hit) };
  }

  for (const via of ['token', 'session'] as const) {
    describe(`B signed in with ${via === 'token' ? 'an API token' : 'a session cookie'}`, () => {
      const headersOf = async (user: TestUser): Promise<Record<string, string>> =>
        via === 'token' ? user.headers : (await signIn(env(), user)).headers;

      for (const [route, attempt] of Object.entries(ATTEMPTS)) {
        it(`${route}: B cannot read, change, list or delete A's data`, async () => {
          const before = await stateOfA();
          expect(before.rows.contacts).toHaveLength(3);
          const bHeaders = via === 'token' ? b.user.headers : b.session.headers;
          const traces = tracesOf(a);
          const asB = async (options: InjectOptions) => {
            const response = await env().app.inject({ ...options, headers: { ...bHeaders, ...options.headers } });
            // An error may repeat the id B sent ("No contact with id …"); anything else of A's is a leak.
            const sent = `${options.url} ${JSON.stringify(options.payload ?? '')}`;
            for (const trace of traces.filter((t) => !sent.includes(t))) {
              expect(response.body, `${options.method} ${options.url} answered with ${trace}`).not.toContain(trace);
            }
            return response;
          };
          await attempt({ env: env(), a, b, asB, headersOf });
          expect(await stateOfA()).toEqual(before);
        });
      }
    });
  }
});
