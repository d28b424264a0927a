import { expect, it } from 'vitest';
import { createUser, describeEachDatabase, type TestEnv, type TestUser } from '../harness/app.js';
import { importFile } from './helpers.js';

async function api(env: TestEnv, user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return env.app.inject({ method, url: `/api/v1${url}`, headers: user.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

describeEachDatabase('duplicates and merge', (env) => {
  async function twoAdas(user: TestUser) {
    const a = (await api(env(), user, 'POST', '/contacts', {
      firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines', emails: [{ value: 'ada@example.com', type: 'work' }], tags: ['math'], notes: 'Met in London',
    })).json();
    const b = (await api(env(), user, 'POST', '/contacts', {
      firstName: 'Ada', lastName: 'King', company: 'Babbage & Co', title: 'Countess', location: 'London', birthday: '--12-10',
      emails: [{ value: 'ADA@example.com', type: 'home' }, { value: 'ada@poetry.example', type: 'home' }], phones: [{ value: '+44 20 7946 0000', type: 'mobile' }],
      tags: ['math', 'poetry'], dimensions: { industry: 'Computing' },
    })).json();
    const coffee = (await api(env(), user, 'POST', '/interactions', { participantIds: [b.id], kind: 'coffee', occurredAt: '2026-01-10T10:00:00Z', summary: 'Notes on the engine' })).json();
    const both = (await api(env(), user, 'POST', '/interactions', { participantIds: [a.id, b.id], kind: 'meeting', occurredAt: '2026-01-05T10:00:00Z', summary: 'Royal Society' })).json();
    return { a, b, coffee, both };
  }

  async function pairsOf(user: TestUser): Promise<string[][]> {
    const response = await api(env(), user, 'GET', '/duplicates');
    expect(response.statusCode).toBe(200);
    return response.json().items.map((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].sort());
  }

  it('lists likely duplicates with the reasons', async () => {
    const user = await createUser(env());
    const { a, b } = await twoAdas(user);
    await api(env(), user, 'POST', '/contacts', { firstName: 'Grace', lastName: 'Hopper' });
    const response = await api(env(), user, 'GET', '/duplicates');
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((p: { a: { id: string }; b: { id: string }; reasons: string[] }) => [[p.a.id, p.b.id].sort(), p.reasons])).toEqual([
      [[a.id, b.id].sort(), ['same email ada@example.com']],
    ]);
  });

  it('merges two contacts keeping every interaction, tag and field, and undoes it exactly', async () => {
    const user = await createUser(env());
    const { a, b, coffee, both } = await twoAdas(user);
    const before = { a: (await api(env(), user, 'GET', `/contacts/${a.id}`)).json(), b: (await api(env(), user, 'GET', `/contacts/${b.id}`)).json() };
    env().clock.advance(60_000);
    const merged = await api(env(), user, 'POST', '/merges', { keepId: a.id, mergeId: b.id, prefer: { title: 'merge' } });
    expect(merged.statusCode).toBe(201);
    const kept = merged.json().contact;
    expect(kept).toMatchObject({
      id: a.id,
      displayName: 'Ada Lovelace',
      company: 'Analytical Engines',
      title: 'Countess',
      location: 'London',
      birthday: '--12-10',
      emails: [{ value: 'ada@example.com', type: 'work' }, { value: 'ada@poetry.example', type: 'home' }],
      phones: [{ value: '+44 20 7946 0000', type: 'mobile' }],
      tags: ['math', 'poetry'],
      dimensions: { industry: 'Computing' },
      notes: 'Met in London\n\nMerged from Ada King: name: Ada King; last name: King; company: Babbage & Co',
      lastInteractionAt: '2026-01-10T10:00:00.000Z',
    });
    expect((await api(env(), user, 'GET', `/contacts/${b.id}`)).statusCode).toBe(404);
    const interactions = (await api(env(), user, 'GET', `/interactions?contactId=${a.id}`)).json().items;
    expect(interactions.map((i: { id: string; participants: { id: string }[] }) => [i.id, i.participants.map((p) => p.id)])).toEqual([
      [coffee.id, [a.id]],
      [both.id, [a.id]],
    ]);
    expect((await api(env(), user, 'GET', '/duplicates')).json().items).toEqual([]);
    const search = (await api(env(), user, 'GET', '/search?q=poetry')).json().items;
    expect(search.map((s: { id: string }) => s.id)).toEqual([a.id]);

    const merges = (await api(env(), user, 'GET', '/merges')).json().items;
    expect(merges).toMatchObject([{ keptId: a.id, mergedId: b.id, mergedName: 'Ada King', undoneAt: null }]);
    const undone = await api(env(), user, 'POST', `/merges/${merges[0].id}/undo`);
    expect(undone.statusCode).toBe(200);
    const after = { a: (await api(env(), user, 'GET', `/contacts/${a.id}`)).json(), b: (await api(env(), user, 'GET', `/contacts/${b.id}`)).json() };
    const same = (c: Record<string, unknown>) => ({ ...c, updatedAt: undefined });
    expect(same(after.a)).toEqual(same(before.a));
    expect(after.b).toEqual(before.b);
    const coffeeAfter = (await api(env(), user, 'GET', `/interactions/${coffee.id}`)).json();
    expect(coffeeAfter.participants.map((p: { id: string }) => p.id)).toEqual([b.id]);
    const twice = await api(env(), user, 'POST', `/merges/${merges[0].id}/undo`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('MERGE_UNDO_CONFLICT');
  });

  it('keeps pictures and kept vCard properties of both, and refuses to undo over later edits', async () => {
    const user = await createUser(env());
    await importFile(env(), user, 'aosp__v30_ios_613_multiline.vcf');
    await importFile(env(), user, 'Connections.csv', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nBob,Smith,https://www.linkedin.com/in/bob,,Smith Auto,Owner,05 Mar 2024\n');
    const contacts = (await api(env(), user, 'GET', '/contacts')).json().items;
    const [photoBob, linkedinBob] = [contacts.find((c: { emails: unknown[] }) => c.emails.length > 0), contacts.find((c: { emails: unknown[] }) => c.emails.length === 0)];
    const merged = await api(env(), user, 'POST', '/merges', { keepId: linkedinBob.id, mergeId: photoBob.id });
    expect(merged.json().contact).toMatchObject({ company: 'Smith Auto', metHow: 'LinkedIn', emails: [{ value: 'bob@smithauto.com' }], urls: [{ value: 'https://www.linkedin.com/in/bob' }, { value: 'https://www.smithauto.com' }] });
    const photo = await api(env(), user, 'GET', `/contacts/${linkedinBob.id}/photo`);
    expect(photo.rawPayload.length).toBe(5165);
    await api(env(), user, 'PATCH', `/contacts/${linkedinBob.id}`, { title: 'Founder' });
    const undo = await api(env(), user, 'POST', `/merges/${merged.json().merge.id}/undo`);
    expect(undo.statusCode).toBe(409);
    expect(undo.json().error.message).toBe('Bob Smith was edited after the merge; undoing it would lose those edits.');
  });

  it('refuses to merge a contact with itself or with one that is not yours', async () => {
    const user = await createUser(env());
    const other = await createUser(env());
    const mine = (await api(env(), user, 'POST', '/contacts', { displayName: 'Mine' })).json();
    const theirs = (await api(env(), other, 'POST', '/contacts', { displayName: 'Theirs' })).json();
    const self = await api(env(), user, 'POST', '/merges', { keepId: mine.id, mergeId: mine.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details.fields).toEqual([{ path: 'mergeId', message: 'is the same contact as keepId' }]);
    const foreign = await api(env(), user, 'POST', '/merges', { keepId: mine.id, mergeId: theirs.id });
    expect(foreign.statusCode).toBe(404);
    expect((await api(env(), other, 'GET', `/contacts/${theirs.id}`)).statusCode).toBe(200);
  });

  it('stops listing a pair marked as different people, in either order, until that is taken back', async () => {
    const user = await createUser(env());
    const { a, b } = await twoAdas(user);
    const pairs = () => pairsOf(user);
    expect(await pairs()).toEqual([[a.id, b.id].sort()]);

    expect((await api(env(), user, 'POST', '/duplicates/dismissals', { a: b.id, b: a.id })).statusCode).toBe(204);
    expect(await pairs()).toEqual([]);
    // Saying it again changes nothing.
    expect((await api(env(), user, 'POST', '/duplicates/dismissals', { a: a.id, b: b.id })).statusCode).toBe(204);
    expect(await env().db.kysely.selectFrom('duplicate_dismissals').select(['first_contact_id', 'second_contact_id']).where('owner_id', '=', user.userId).execute()).toEqual([
      { first_contact_id: b.id, second_contact_id: a.id },
    ]);

    expect((await api(env(), user, 'DELETE', `/duplicates/dismissals/${a.id}/${b.id}`)).statusCode).toBe(204);
    expect(await pairs()).toEqual([[a.id, b.id].sort()]);
    const again = await api(env(), user, 'DELETE', `/duplicates/dismissals/${b.id}/${a.id}`);
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'DISMISSAL_NOT_FOUND']);
  });

  it('refuses to mark a contact as different from itself, or from one that is not yours or is gone', async () => {
    const user = await createUser(env());
    const other = await createUser(env());
    const { a, b } = await twoAdas(user);
    const theirs = (await api(env(), other, 'POST', '/contacts', { displayName: 'Theirs' })).json();
    const self = await api(env(), user, 'POST', '/duplicates/dismissals', { a: a.id, b: a.id });
    expect([self.statusCode, self.json().error.details.fields]).toEqual([400, [{ path: 'b', message: 'is the same contact as a' }]]);
    const foreign = await api(env(), user, 'POST', '/duplicates/dismissals', { a: a.id, b: theirs.id });
    expect([foreign.statusCode, foreign.json().error.code, foreign.json().error.details.fields]).toEqual([404, 'CONTACT_NOT_FOUND', [{ path: 'b', message: `no contact with id ${theirs.id}` }]]);
    expect((await api(env(), user, 'DELETE', `/contacts/${b.id}`)).statusCode).toBe(204);
    const trashed = await api(env(), user, 'POST', '/duplicates/dismissals', { a: a.id, b: b.id });
    expect([trashed.statusCode, trashed.json().error.code]).toEqual([404, 'CONTACT_NOT_FOUND']);
    const missing = await api(env(), user, 'POST', '/duplicates/dismissals', { a: a.id });
    expect([missing.statusCode, missing.json().error.details.fields.map((f: { path: string }) => f.path)]).toEqual([400, ['b']]);
    expect(await env().db.kysely.selectFrom('duplicate_dismissals').selectAll().where('owner_id', 'in', [user.userId, other.userId]).execute()).toEqual([]);
  });

  it("gives the kept contact the merged one's dismissals, and undo gives them back", async () => {
    const user = await createUser(env());
    const { a, b } = await twoAdas(user);
    const [c, d] = [(await api(env(), user, 'POST', '/contacts', { displayName: 'Ada Byron' })).json(), (await api(env(), user, 'POST', '/contacts', { displayName: 'Ada Clark' })).json()];
    const name = new Map([[a.id, 'a'], [b.id, 'b'], [c.id, 'c'], [d.id, 'd']]);
    const marks = async () =>
      (await env().db.kysely.selectFrom('duplicate_dismissals').select(['first_contact_id', 'second_contact_id']).where('owner_id', '=', user.userId).execute())
        .map((m) => `${name.get(m.first_contact_id)}${name.get(m.second_contact_id)}`)
        .sort();
    // b is not c; a and b are different people (then merged anyway); both a and b are not d.
    for (const [x, y] of [[c, b], [a, b], [b, d], [a, d]]) expect((await api(env(), user, 'POST', '/duplicates/dismissals', { a: x.id, b: y.id })).statusCode).toBe(204);
    expect(await marks()).toEqual(['ab', 'ad', 'bd', 'cb']);

    const merged = await api(env(), user, 'POST', '/merges', { keepId: a.id, mergeId: b.id });
    expect(merged.statusCode).toBe(201);
    // a now carries "not c"; its own "not d" stays single; the pair it was merged with is gone.
    expect(await marks()).toEqual(['ad', 'ca']);

    const undone = await api(env(), user, 'POST', `/merges/${merged.json().merge.id}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(await marks()).toEqual(['ab', 'ad', 'bd', 'cb']);
  });

  it('keeps a dismissal while a contact is in the trash and forgets it when the contact is purged', async () => {
    const user = await createUser(env());
    const { a, b } = await twoAdas(user);
    const stored = () => env().db.kysely.selectFrom('duplicate_dismissals').select('first_contact_id').where('owner_id', '=', user.userId).execute();
    expect((await api(env(), user, 'POST', '/duplicates/dismissals', { a: a.id, b: b.id })).statusCode).toBe(204);
    expect((await api(env(), user, 'DELETE', `/contacts/${b.id}`)).statusCode).toBe(204);
    expect((await api(env(), user, 'POST', `/trash/contact/${b.id}/restore`)).statusCode).toBe(200);
    expect(await pairsOf(user)).toEqual([]);
    expect((await api(env(), user, 'DELETE', `/contacts/${b.id}`)).statusCode).toBe(204);
    expect((await api(env(), user, 'DELETE', `/trash/contact/${b.id}`)).statusCode).toBe(204);
    expect(await stored()).toEqual([]);
  });
});
