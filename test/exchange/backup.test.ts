import { expect, it } from 'vitest';
import { createServices } from '../../src/services.js';
import { authenticatedScope, type Scope } from '../../src/platform/auth/scope.js';
import { BACKUP_TABLES, NOT_BACKED_UP, ownerScopedTables } from '../../src/features/exchange/backup.js';
import { CONTACT_TABLES } from '../../src/features/exchange/merge.js';
import { freshDatabase, testDeps } from '../harness/databases.js';
import { createUser, describeEachDatabase, type TestEnv, type TestUser } from '../harness/app.js';
import { contactsOf, importFile } from './helpers.js';

async function backupText(services: TestEnv['services'], scope: Scope): Promise<string> {
  let text = '';
  for await (const chunk of services.exchange.backup(scope)) text += chunk;
  return text;
}

const withoutTime = (text: string) => text.replace(/"exportedAt":"[^"]+"/, '"exportedAt":""');

/** An account with contacts from two imports, interactions, a picture, tags, a merge and settings. */
async function populate(env: TestEnv, user: TestUser) {
  await importFile(env, user, 'aosp__v30_ios_613_multiline.vcf');
  await importFile(env, user, 'ezvcard__gmail-single2.vcf');
  await importFile(env, user, 'labeldekho__Connections_synthetic_reordered_cols.csv');
  const contacts = await contactsOf(env, user);
  const alice = contacts.find((c) => c.name === 'Alice Johnson')!;
  const bob = contacts.find((c) => c.name === 'Bob Smith')!;
  await env.app.inject({ method: 'PATCH', url: `/api/v1/contacts/${alice.id}`, headers: user.headers, payload: { tags: ['mentor'], circle: 'close', dimensions: { industry: 'AI' } } });
  const logged = await env.app.inject({
    method: 'POST',
    url: '/api/v1/interactions',
    headers: user.headers,
    payload: { participantIds: [alice.id, bob.id], kind: 'coffee', occurredAt: '2026-02-01T10:00:00Z', summary: 'Talked about transformers', learned: 'Attention is all you need' },
  });
  expect(logged.statusCode).toBe(201);
  const twin = await env.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: user.headers, payload: { displayName: 'Bob Smith', emails: [{ value: 'bob.smith@example.org' }] } });
  const merged = await env.app.inject({ method: 'POST', url: '/api/v1/merges', headers: user.headers, payload: { keepId: bob.id, mergeId: twin.json().id } });
  expect(merged.statusCode).toBe(201);
  const settings = await env.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: user.headers, payload: { timeZone: 'Europe/Berlin' } });
  expect(settings.statusCode).toBe(200);
  // Nurture and growth: a milestone, the ledger, a reflection, a weekly review, skills, a
  // resource, and a feedback request with a response.
  const api = async (method: 'POST' | 'PUT', url: string, payload: object, status: number) => {
    const response = await env.app.inject({ method, url: `/api/v1${url}`, headers: user.headers, payload });
    expect(response.statusCode, `${method} ${url}`).toBe(status);
    return response.json();
  };
  await api('POST', `/contacts/${alice.id}/events`, { kind: 'promotion', date: '2026-01-10', note: 'Head of research' }, 201);
  const response = await env.app.inject({ method: 'POST', url: '/api/v1/duplicates/dismissals', headers: user.headers, payload: { a: alice.id, b: bob.id } });
  expect(response.statusCode).toBe(204);
  await api('POST', `/contacts/${alice.id}/exchanges`, { direction: 'i_offered', description: 'Review her talk', dueOn: '2026-03-04' }, 201);
  const skills = (await env.app.inject({ method: 'GET', url: '/api/v1/skills', headers: user.headers })).json().items as { id: string; name: string }[];
  const listening = skills.find((s) => s.name === 'Active listening')!.id;
  await api('PUT', `/interactions/${logged.json().id}/reflection`, { wentWell: 'Listened more than I spoke', connectionQuality: 4, skillIds: [listening] }, 200);
  await api('POST', `/skills/${listening}/ratings`, { rating: 3, note: 'Better than last year' }, 201);
  await api('POST', `/skills/${listening}/resources`, { kind: 'book', title: 'You’re Not Listening' }, 201);
  await api('POST', '/skills', { name: 'Remembering names' }, 201);
  const review = (await env.app.inject({ method: 'GET', url: '/api/v1/reviews/current', headers: user.headers })).json();
  await api('PUT', `/reviews/${review.weekStart}`, { answers: [{ prompt: review.prompts[0], answer: 'The coffee with Alice' }], nextWeekPlan: 'Ask one more question', complete: true }, 200);
  const request = await api('POST', '/feedback-requests', { message: 'How did I listen?', responses: 'many', skillIds: [listening], questions: ['What should I do more of?'] }, 201);
  const token = new URL(request.url).pathname.split('/').pop();
  const answered = await env.app.inject({ method: 'POST', url: `/api/v1/public/feedback/${token}`, payload: { name: 'Maria', ratings: [{ skillId: listening, rating: 4 }], answers: [{ position: 1, answer: 'Pauses' }] } });
  expect(answered.statusCode).toBe(201);
  return { token };
}

describeEachDatabase('backup and restore', (env) => {
  it('backs up every owner-scoped table, or says why not', async () => {
    const tables = await ownerScopedTables(env().db.kysely);
    const covered = new Set<string>([...BACKUP_TABLES, ...Object.keys(NOT_BACKED_UP)]);
    expect(tables.filter((t) => !covered.has(t))).toEqual([]);
    expect([...covered].filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('merges every table that points at a contact', async () => {
    const tables = await env().db.kysely.introspection.getTables();
    const withContact = tables.filter((t) => t.columns.some((c) => c.name === 'contact_id')).map((t) => t.name).sort();
    expect(withContact).toEqual(Object.keys(CONTACT_TABLES).sort());
  });

  it('restores into an empty account of the same database: same data, ids renumbered, backup again identical', async () => {
    const user = await createUser(env());
    const { token } = await populate(env(), user);
    const scope = authenticatedScope(user.userId);
    const first = await backupText(env().services, scope);
    const parsed = JSON.parse(first);
    expect(Object.fromEntries(Object.entries(parsed.tables).map(([t, rows]) => [t, (rows as unknown[]).length]))).toEqual({
      contacts: 12,
      contact_methods: 43,
      contact_dimensions: 1,
      contact_tags: 1,
      contact_photos: 1,
      contact_extras: 52,
      contact_sources: 12,
      interactions: 1,
      interaction_participants: 2,
      contact_merges: 1,
      duplicate_dismissals: 1,
      contact_events: 1,
      exchanges: 1,
      skills: 8,
      skill_ratings: 2,
      resources: 1,
      reflections: 1,
      reflection_skills: 1,
      weekly_reviews: 1,
      weekly_review_answers: 1,
      feedback_requests: 1,
      feedback_request_skills: 1,
      feedback_request_questions: 1,
      feedback_responses: 1,
      feedback_answers: 1,
    });
    expect(parsed.account).toMatchObject({ display_name: 'Test User', time_zone: 'Europe/Berlin' });
    expect(parsed.account.password_hash).toBeUndefined();

    const copy = await createUser(env());
    env().clock.advance(1000);
    const restored = await env().app.inject({ method: 'POST', url: '/api/v1/restore', headers: { ...copy.headers, 'content-type': 'application/json' }, payload: first });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().restored.contacts).toBe(12);
    // Every row with an id of its own: contacts, methods, extras, interactions, merges, events,
    // exchanges, skills, ratings, resources, reflections, reviews, requests, responses.
    expect(restored.json()).toMatchObject({ renumbered: 12 + 43 + 52 + 1 + 1 + 1 + 1 + 8 + 2 + 1 + 1 + 1 + 1 + 1, revokedLinks: 1 });
    const second = await backupText(env().services, authenticatedScope(copy.userId));
    // Map the new ids back to the old ones through the contacts' names and compare.
    const ids = new Map<string, string>();
    const a = JSON.parse(first).tables;
    const b = JSON.parse(second).tables;
    for (const table of BACKUP_TABLES) {
      const left = a[table] as Record<string, unknown>[];
      const right = b[table] as Record<string, unknown>[];
      expect(right.length, table).toBe(left.length);
    }
    // Rows compare without the ids a restore renumbers (their own and those they point at).
    // The copy's share link is a new, revoked one (checked below).
    const renewed = new Set(['id', 'undo', 'token_hash', 'revoked_at']);
    const key = (r: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !renewed.has(k) && !k.endsWith('_id'))));
    for (const table of BACKUP_TABLES) {
      const left = new Map((a[table] as Record<string, unknown>[]).map((r) => [key(r), r]));
      for (const r of b[table] as Record<string, unknown>[]) {
        const match = left.get(key(r));
        expect(match, `${table} row ${key(r)}`).toBeDefined();
        if (typeof r.id === 'string') ids.set(r.id, String(match!.id));
      }
    }
    const mapped = second.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => ids.get(id) ?? id);
    const sorted = (text: string) => {
      const doc = JSON.parse(withoutTime(text));
      for (const r of doc.tables.feedback_requests) {
        delete r.token_hash;
        delete r.revoked_at;
      }
      for (const t of Object.keys(doc.tables)) doc.tables[t] = (doc.tables[t] as unknown[]).map((r) => JSON.stringify(r)).sort();
      return doc;
    };
    expect(sorted(mapped)).toEqual(sorted(first));
    // The share link still answers for the original; the copy's request is revoked.
    expect((await env().app.inject({ method: 'GET', url: `/api/v1/public/feedback/${token}` })).json().requester).toBe('Test User');
    const requests = await env().app.inject({ method: 'GET', url: '/api/v1/feedback-requests', headers: copy.headers });
    expect(requests.json().items.map((r: { status: string; responseCount: number }) => [r.status, r.responseCount])).toEqual([['revoked', 1]]);
    const found = await env().app.inject({ method: 'GET', url: '/api/v1/search?q=transformers', headers: copy.headers });
    expect(found.json().items.map((i: { title: string }) => i.title)).toEqual(['Talked about transformers']);
    const photos = await contactsOf(env(), copy);
    const bob = photos.find((c) => c.name === 'Bob Smith')!;
    const photo = await env().app.inject({ method: 'GET', url: `/api/v1/contacts/${bob.id}/photo`, headers: copy.headers });
    expect(photo.rawPayload.length).toBe(5165);
  });

  it('restores into a new database of either kind: backup, restore, backup gives the same file', async () => {
    const user = await createUser(env());
    await populate(env(), user);
    const first = await backupText(env().services, authenticatedScope(user.userId));
    for (const dialect of ['sqlite', env().dialect] as const) {
      const db = await freshDatabase(dialect);
      try {
        const services = createServices(testDeps(db));
        const created = await services.accounts.createUser({ email: 'restored@example.com', password: 'correct horse battery staple', displayName: 'Someone Else' });
        const scope = authenticatedScope(created.id);
        const result = await services.exchange.restore(scope, JSON.parse(first));
        expect(result.renumbered).toBe(0);
        expect(withoutTime(await backupText(services, scope))).toBe(withoutTime(first));
      } finally {
        await db.close();
      }
    }
  });

  it('refuses an account that holds data, and files that are not backups, changing nothing', async () => {
    const user = await createUser(env());
    await importFile(env(), user, 'ezvcard__rfc2426-example.vcf');
    const backup = await backupText(env().services, authenticatedScope(user.userId));
    const post = (payload: string) => env().app.inject({ method: 'POST', url: '/api/v1/restore', headers: { ...user.headers, 'content-type': 'application/json' }, payload });
    const full = await post(backup);
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY', message: 'This account already has data (2 contacts, 8 contact_methods, 2 contact_extras, 2 contact_sources); restore into a new, empty account.' });

    const empty = await createUser(env());
    const postEmpty = (payload: string) => env().app.inject({ method: 'POST', url: '/api/v1/restore', headers: { ...empty.headers, 'content-type': 'application/json' }, payload });
    const cases: [string, string][] = [
      ['{"format": "rapport-backup",', 'The backup cannot be restored: it is not valid JSON'],
      ['{"format": "something"}', 'The backup cannot be restored: it is not a Rapport backup (format is not "rapport-backup")'],
      [backup.replace('"version":1', '"version":9'), 'The backup cannot be restored: version 9 is not 1, the one this Rapport reads'],
      [backup.replace(/"schema":"[^"]+"/, '"schema":"2099_01_01_001_future"'), 'The backup cannot be restored: it was written by a newer Rapport (schema 2099_01_01_001_future); upgrade first'],
      [backup.replace('"contacts":', '"calendar":[],"contacts":'), 'The backup cannot be restored: it has a table "calendar" this Rapport does not know'],
      [backup.replace(/"display_name":"Frank Dawson"/, '"display_name":null'), 'The backup cannot be restored: the rows of contacts do not fit this database'],
    ];
    for (const [payload, message] of cases) {
      const response = await postEmpty(payload);
      expect(response.statusCode, message).toBe(422);
      expect(response.json().error.message).toContain(message);
    }
    expect(await contactsOf(env(), empty)).toEqual([]);
  });

  it('restores once when the same backup is posted twice at the same time', async () => {
    const user = await createUser(env());
    await importFile(env(), user, 'ezvcard__rfc2426-example.vcf');
    const backup = await backupText(env().services, authenticatedScope(user.userId));
    const empty = await createUser(env());
    const post = () => env().app.inject({ method: 'POST', url: '/api/v1/restore', headers: { ...empty.headers, 'content-type': 'application/json' }, payload: backup });
    const responses = await Promise.all([post(), post()]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json().error.code).toBe('RESTORE_TARGET_NOT_EMPTY');
    expect((await contactsOf(env(), empty)).map((c) => c.name)).toEqual((await contactsOf(env(), user)).map((c) => c.name));
  });
});
