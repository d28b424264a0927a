import { expect, it } from 'vitest';
import { createUser, describeEachDatabase, type TestEnv, type TestUser } from './harness/app.js';

async function addContact(env: TestEnv, user: TestUser, payload: Record<string, unknown>): Promise<string> {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: user.headers, payload });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

describeEachDatabase('contacts bulk actions and facets', (env) => {
  it('tags and untags many contacts, reporting contacts that are not yours as not found', async () => {
    const { app } = env();
    const me = await createUser(env());
    const other = await createUser(env());
    const ada = await addContact(env(), me, { displayName: 'Ada', tags: ['mentor'] });
    const bob = await addContact(env(), me, { displayName: 'Bob' });
    const theirs = await addContact(env(), other, { displayName: 'Eve', tags: ['spy'] });

    const tagged = await app.inject({
      method: 'POST',
      url: '/api/v1/contacts/bulk',
      headers: me.headers,
      payload: { action: 'tag', ids: [ada, bob, theirs, 'missing'], tags: ['mentor', ' climbing '] },
    });
    expect(tagged.statusCode).toBe(200);
    expect(tagged.json().results).toEqual([
      { id: ada, ok: true },
      { id: bob, ok: true },
      { id: theirs, ok: false, error: { code: 'CONTACT_NOT_FOUND', message: `No contact with id ${theirs}.` } },
      { id: 'missing', ok: false, error: { code: 'CONTACT_NOT_FOUND', message: 'No contact with id missing.' } },
    ]);
    const list = await app.inject({ method: 'GET', url: '/api/v1/contacts?tag=climbing', headers: me.headers });
    expect(list.json().items.map((c: { displayName: string; tags: string[] }) => [c.displayName, c.tags])).toEqual([
      ['Ada', ['climbing', 'mentor']],
      ['Bob', ['climbing', 'mentor']],
    ]);
    const eve = await app.inject({ method: 'GET', url: `/api/v1/contacts/${theirs}`, headers: other.headers });
    expect(eve.json().tags).toEqual(['spy']);

    // The new tag is searchable at once.
    const found = await app.inject({ method: 'GET', url: '/api/v1/search?q=climbing', headers: me.headers });
    expect(found.json().items.map((r: { id: string }) => r.id).sort()).toEqual([ada, bob].sort());

    const untagged = await app.inject({ method: 'POST', url: '/api/v1/contacts/bulk', headers: me.headers, payload: { action: 'untag', ids: [bob], tags: ['mentor'] } });
    expect(untagged.json().results).toEqual([{ id: bob, ok: true }]);
    const after = await app.inject({ method: 'GET', url: `/api/v1/contacts/${bob}`, headers: me.headers });
    expect(after.json().tags).toEqual(['climbing']);
  });

  it('moves many contacts to the trash and leaves other users alone', async () => {
    const { app } = env();
    const me = await createUser(env());
    const other = await createUser(env());
    const ada = await addContact(env(), me, { displayName: 'Ada Trashme' });
    const bob = await addContact(env(), me, { displayName: 'Bob Keepme' });
    const theirs = await addContact(env(), other, { displayName: 'Eve Trashme' });

    const res = await app.inject({ method: 'POST', url: '/api/v1/contacts/bulk', headers: me.headers, payload: { action: 'delete', ids: [ada, theirs, ada] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      { id: ada, ok: true },
      { id: theirs, ok: false, error: { code: 'CONTACT_NOT_FOUND', message: `No contact with id ${theirs}.` } },
    ]);
    const list = await app.inject({ method: 'GET', url: '/api/v1/contacts', headers: me.headers });
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([bob]);
    const trash = await app.inject({ method: 'GET', url: '/api/v1/trash', headers: me.headers });
    expect(trash.json().contacts.map((c: { id: string }) => c.id)).toEqual([ada]);
    const search = await app.inject({ method: 'GET', url: '/api/v1/search?q=trashme', headers: me.headers });
    expect(search.json().items).toEqual([]);
    const eve = await app.inject({ method: 'GET', url: `/api/v1/contacts/${theirs}`, headers: other.headers });
    expect(eve.json().deletedAt).toBe(null);

    // Trashing it again reports it as not found rather than moving its date.
    const again = await app.inject({ method: 'POST', url: '/api/v1/contacts/bulk', headers: me.headers, payload: { action: 'delete', ids: [ada] } });
    expect(again.json().results).toEqual([{ id: ada, ok: false, error: { code: 'CONTACT_NOT_FOUND', message: `No contact with id ${ada}.` } }]);
  });

  it('rejects a bulk action without tags, with tags on delete, or without ids, changing nothing', async () => {
    const { app } = env();
    const me = await createUser(env());
    const ada = await addContact(env(), me, { displayName: 'Ada', tags: ['x'] });
    const cases = [
      [{ action: 'tag', ids: [ada] }, [{ path: 'tags', message: 'give at least one tag to add or remove' }]],
      [{ action: 'untag', ids: [ada], tags: ['  '] }, [{ path: 'tags[0]', message: 'must not be empty' }, { path: 'tags', message: 'give at least one tag to add or remove' }]],
      [{ action: 'delete', ids: [ada], tags: ['x'] }, [{ path: 'tags', message: 'is not used when moving contacts to the trash' }]],
      [{ action: 'delete', ids: [] }, [{ path: 'ids', message: 'name at least one contact' }]],
      [{ action: 'archive', ids: [ada] }, [{ path: 'action', message: 'Invalid option: expected one of "tag"|"untag"|"delete"' }]],
    ] as const;
    for (const [payload, fields] of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/contacts/bulk', headers: me.headers, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.fields).toEqual(fields);
    }
    const after = await app.inject({ method: 'GET', url: `/api/v1/contacts/${ada}`, headers: me.headers });
    expect([after.json().tags, after.json().deletedAt]).toEqual([['x'], null]);
  });

  it('counts tags and dimension values over live contacts of the signed-in user only', async () => {
    const { app } = env();
    const me = await createUser(env());
    const other = await createUser(env());
    await addContact(env(), me, { displayName: 'A', tags: ['mentor', 'climbing'], dimensions: { industry: 'Fintech', hobby: 'Chess' } });
    await addContact(env(), me, { displayName: 'B', tags: ['mentor'], dimensions: { industry: 'Fintech', region: 'Europe' } });
    await addContact(env(), me, { displayName: 'C', tags: ['alumni'], dimensions: { industry: 'Health' } });
    const trashed = await addContact(env(), me, { displayName: 'D', tags: ['alumni', 'gone'], dimensions: { industry: 'Health' } });
    await app.inject({ method: 'DELETE', url: `/api/v1/contacts/${trashed}`, headers: me.headers });
    await addContact(env(), other, { displayName: 'E', tags: ['mentor', 'secret'], dimensions: { industry: 'Secret' } });

    const tags = await app.inject({ method: 'GET', url: '/api/v1/contacts/tags', headers: me.headers });
    expect(tags.statusCode).toBe(200);
    expect(tags.json().items).toEqual([
      { tag: 'mentor', count: 2 },
      { tag: 'alumni', count: 1 },
      { tag: 'climbing', count: 1 },
    ]);
    const dims = await app.inject({ method: 'GET', url: '/api/v1/contacts/dimensions', headers: me.headers });
    expect(dims.statusCode).toBe(200);
    expect(dims.json().items).toEqual([
      { name: 'industry', values: [{ value: 'Fintech', count: 2 }, { value: 'Health', count: 1 }] },
      { name: 'function', values: [] },
      { name: 'seniority', values: [] },
      { name: 'region', values: [{ value: 'Europe', count: 1 }] },
      { name: 'community', values: [] },
      { name: 'hobby', values: [{ value: 'Chess', count: 1 }] },
    ]);
    const empty = await createUser(env());
    const none = await app.inject({ method: 'GET', url: '/api/v1/contacts/tags', headers: empty.headers });
    expect(none.json().items).toEqual([]);
  });
});
