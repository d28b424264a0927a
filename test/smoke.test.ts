import { expect, it } from 'vitest';
import { createUser, describeEachDatabase } from './harness/app.js';

describeEachDatabase('smoke', (env) => {
  it('creates a contact, logs an interaction and finds it by search', async () => {
    const { app } = env();
    const user = await createUser(env());
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: user.headers,
      payload: { firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'Ada@Example.com', type: 'work' }], tags: ['math'] },
    });
    expect(created.statusCode).toBe(201);
    const contact = created.json();
    expect(contact.displayName).toBe('Ada Lovelace');
    expect(contact.emails).toEqual([{ value: 'ada@example.com', type: 'work' }]);

    const logged = await app.inject({
      method: 'POST',
      url: '/api/v1/interactions',
      headers: user.headers,
      payload: { participantIds: [contact.id], kind: 'coffee', occurredAt: '2026-03-01T10:00:00+01:00', summary: 'Talked about analytical engines', learned: 'Punched cards came from looms' },
    });
    expect(logged.statusCode).toBe(201);
    const fetched = await app.inject({ method: 'GET', url: `/api/v1/contacts/${contact.id}`, headers: user.headers });
    expect(fetched.json().lastInteractionAt).toBe('2026-03-01T09:00:00.000Z');

    const found = await app.inject({ method: 'GET', url: '/api/v1/search?q=looms', headers: user.headers });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((r: { type: string; id: string }) => [r.type, r.id])).toEqual([['interaction', logged.json().id]]);
  });
});
