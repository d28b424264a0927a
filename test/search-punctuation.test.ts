import { expect, it } from 'vitest';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { createUser, describeEachDatabase } from './harness/app.js';

describeEachDatabase('search for emails, web addresses and other words joined by punctuation', (env) => {
  it('finds a contact by its whole email address, by each part of it, and by its web address', async () => {
    const { services, app } = env();
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    const ana = await services.contacts.create(scope, {
      displayName: 'Ana Lima',
      emails: [{ value: 'ana.lima@example.com', type: 'work' }],
      urls: [{ value: 'https://lima.dev/talks', type: 'home' }],
    });
    await services.contacts.create(scope, { displayName: 'Bruno Costa', emails: [{ value: 'bruno@costa.org', type: 'home' }] });
    const found = async (q: string) => (await services.search.search(scope, { q, type: 'contact' })).map((r) => r.title);

    expect(await found('ana.lima@example.com')).toEqual(['Ana Lima']);
    expect(await found('lima@example.com')).toEqual(['Ana Lima']);
    expect(await found('example.com')).toEqual(['Ana Lima']);
    expect(await found('example')).toEqual(['Ana Lima']);
    expect(await found('ana.lima')).toEqual(['Ana Lima']);
    expect(await found('lima.dev')).toEqual(['Ana Lima']);
    expect(await found('talks')).toEqual(['Ana Lima']);
    expect(await found('bruno@costa.org')).toEqual(['Bruno Costa']);
    expect(await found('costa.org')).toEqual(['Bruno Costa']);

    // The contact list's filter box uses the same index.
    const listed = await app.inject({ method: 'GET', url: '/api/v1/contacts?q=ana.lima%40example.com', headers: user.headers });
    expect(listed.json().items.map((c: { id: string }) => c.id)).toEqual([ana.id]);
    const typing = await app.inject({ method: 'GET', url: '/api/v1/contacts?q=ana.lima%40exam', headers: user.headers });
    expect(typing.json().items.map((c: { id: string }) => c.id)).toEqual([ana.id]);
  });

  it('finds an interaction by an email address in its notes and highlights the parts', async () => {
    const { services } = env();
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    const contact = await services.contacts.create(scope, { displayName: 'Chen Wei' });
    await services.interactions.create(scope, {
      participantIds: [contact.id],
      kind: 'call',
      occurredAt: '2026-02-01T10:00:00Z',
      summary: 'Intro call',
      notes: 'Send the deck to chen.wei@acme.io before Friday',
    });
    const [hit, ...rest] = await services.search.search(scope, { q: 'chen.wei@acme.io', type: 'interaction' });
    expect(rest).toEqual([]);
    expect(hit!.title).toBe('Intro call');
    expect(hit!.snippet.filter((p) => p.highlight).map((p) => p.text).join(' ')).toMatch(/chen.*wei.*acme.*io/);
  });
});
