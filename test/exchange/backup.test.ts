import { expect, it } from 'vitest';
import { createServices } from '../../src/app.js';
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
    await populate(env(), user);
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
    });
    expect(parsed.account).toMatchObject({ display_name: 'Test User', time_zone: 'Europe/Berlin' });
    expect(parsed.account.password_hash).toBeUndefined();

    const copy = await createUser(env());
    env().clock.advance(1000);
    const restored = await env().app.inject({ method: 'POST', url: '/api/v1/restore', headers: { ...copy.headers, 'content-type': 'application/json' }, payload: first });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().restored.contacts).toBe(12);
    expect(restored.json().renumbered).toBe(12 + 43 + 52 + 1 + 1);
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
    const key = (r: Record<string, unknown>) => JSON.stringify({ ...r, id: undefined, contact_id: undefined, interaction_id: undefined, kept_id: undefined, undo: undefined });
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
      for (const t of Object.keys(doc.tables)) doc.tables[t] = (doc.tables[t] as unknown[]).map((r) => JSON.stringify(r)).sort();
      return doc;
    };
    expect(sorted(mapped)).toEqual(sorted(first));
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
});
