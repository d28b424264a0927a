import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Contact } from '../src/features/contacts/model.js';
import * as contactStore from '../src/features/contacts/store.js';
import type { Interaction } from '../src/features/interactions/model.js';
import * as interactionStore from '../src/features/interactions/store.js';
import { benchSource } from '../src/features/seed/bench.js';
import { demoSource } from '../src/features/seed/demo.js';
import type { SeedContact, SeedInteraction } from '../src/features/seed/model.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { createSearchIndex, type SearchEntity } from '../src/platform/database/search.js';
import { createUser, describeEachDatabase, type TestEnv } from './harness/app.js';

/** What the services would have written; due date and strength are checked against their own refresh below. */
function expectedContact(c: SeedContact, lastInteractionAt: string | null, derived: Pick<Contact, 'dueAt' | 'strength'>): Contact {
  const methods = (list: SeedContact['emails']) => list.map(({ value, type }) => ({ value, type }));
  return {
    id: c.id, displayName: c.displayName, firstName: c.firstName, middleName: null, lastName: c.lastName, nickname: null, prefix: null, suffix: null,
    emails: methods(c.emails), phones: methods(c.phones), urls: methods(c.urls), company: c.company, title: c.title, location: c.location,
    birthday: c.birthday, metHow: c.metHow, metOn: c.metOn, circle: c.circle, cadenceDays: c.cadenceDays, dimensions: c.dimensions,
    tags: [...c.tags].sort(), notes: c.notes, lastInteractionAt, createdAt: c.createdAt, updatedAt: c.createdAt, deletedAt: null,
    reminders: true, snoozedUntil: null, ...derived,
  };
}

function expectedInteraction(i: SeedInteraction, names: Map<string, string>): Interaction {
  return {
    id: i.id, kind: i.kind, channel: i.channel, occurredAt: i.occurredAt, summary: i.summary, notes: i.notes, shared: i.shared, learned: i.learned,
    quality: i.quality, followUp: i.followUp, createdAt: i.occurredAt, updatedAt: i.occurredAt, deletedAt: null,
    participants: i.participantIds.map((id) => ({ id, displayName: names.get(id)!, inTrash: false })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

function lastInteractions(interactions: readonly SeedInteraction[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const i of interactions) for (const id of i.participantIds) if ((last.get(id) ?? '') < i.occurredAt) last.set(id, i.occurredAt);
  return last;
}

/** A word of exactly one interaction that no other word anywhere starts like (search matches prefixes and stems). */
function wordOnlyIn(target: SeedInteraction, interactions: readonly SeedInteraction[], contacts: readonly SeedContact[]): string {
  const text = (i: SeedInteraction) => [i.summary, i.notes, i.shared.needs, i.shared.challenges, i.shared.plans, i.learned, i.followUp?.text].join(' ');
  const others = [...interactions.filter((i) => i !== target).map(text), ...contacts.map((c) => c.notes ?? '')].join(' ').split(/\s+/);
  const word = text(target)
    .split(/\s+/)
    .find((w) => w.length > 6 && !others.some((o) => o.startsWith(w.slice(0, -2))));
  if (!word) throw new Error('the test data has no word unique to this interaction');
  return word;
}

async function documentOf(env: TestEnv, entity: SearchEntity, id: string) {
  return env.db.kysely.selectFrom('search_docs').select(['owner_id', 'title', 'body']).where('entity', '=', entity).where('entity_id', '=', id).executeTakeFirstOrThrow();
}

describeEachDatabase('seed', (env) => {
  it('writes benchmark data exactly as the services would have', async () => {
    const { services, db } = env();
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    const params = { contacts: 60, interactions: 300, seed: 11 };
    expect(await services.seed.bench(scope, params)).toEqual({ contacts: 60, interactions: 300 });

    const source = benchSource({ ...params, ownerId: user.userId });
    const contacts = [...source.contacts()];
    const interactions = [...source.interactions(contacts)];
    const last = lastInteractions(interactions);
    const names = new Map(contacts.map((c) => [c.id, c.displayName]));

    const all = await services.contacts.list(scope, { limit: 500 });
    expect(all.items.map((c) => [c.id, c.lastInteractionAt]).sort()).toEqual(contacts.map((c) => [c.id, last.get(c.id) ?? null]).sort());
    // The data depends on the account id, so take the richest rows rather than rows of one shape.
    const richest = <T>(rows: T[], score: (row: T) => number) => rows.reduce((best, row) => (score(row) > score(best) ? row : best));
    const contact = richest(contacts, (c) => c.tags.length + c.phones.length + (c.notes ? 1 : 0));
    const read = await services.contacts.get(scope, contact.id);
    expect({ ...read, tags: [...read.tags].sort() }).toEqual(expectedContact(contact, last.get(contact.id) ?? null, read));
    // The bulk-computed due dates and strengths are the ones the services' own refresh computes.
    const derived = async () => (await services.contacts.list(scope, { limit: 500 })).items.map((c) => [c.id, c.lastInteractionAt, c.dueAt, c.strength]);
    const bulkDerived = await derived();
    expect(bulkDerived.filter(([, , due]) => due !== null).length).toBeGreaterThan(0);
    await db.kysely.transaction().execute((tx) => services.contacts.refreshSchedule(tx, scope, contacts.map((c) => c.id)));
    expect(await derived()).toEqual(bulkDerived);

    const interaction = richest(interactions, (i) => i.participantIds.length + (i.followUp ? 2 : 0) + (i.shared.needs ? 1 : 0) + (i.learned ? 1 : 0));
    const got = await services.interactions.get(scope, interaction.id);
    expect({ ...got, participants: [...got.participants].sort((a, b) => a.id.localeCompare(b.id)) }).toEqual(expectedInteraction(interaction, names));

    const word = wordOnlyIn(interaction, interactions, contacts);
    const hits = await services.search.search(scope, { q: word });
    expect(hits.map((h) => [h.type, h.id])).toEqual([['interaction', interaction.id]]);
    const byName = await services.search.search(scope, { q: `${contact.displayName} ${contact.company}` });
    expect(contacts.filter((c) => c.displayName === contact.displayName && c.company === contact.company)).toEqual([contact]);
    expect(byName.map((h) => [h.type, h.id])).toEqual([['contact', contact.id]]);

    // The bulk-filled documents are the ones the services' own refresh writes.
    const search = createSearchIndex(db.dialect);
    const bulk = { contact: await documentOf(env(), 'contact', contact.id), interaction: await documentOf(env(), 'interaction', interaction.id) };
    await search.refresh(db.kysely, 'contact', [contact.id], (ids) => contactStore.documentSource(db.kysely, db.dialect, { ids }));
    await search.refresh(db.kysely, 'interaction', [interaction.id], (ids) => interactionStore.documentSource(db.kysely, { ids }));
    expect({ contact: await documentOf(env(), 'contact', contact.id), interaction: await documentOf(env(), 'interaction', interaction.id) }).toEqual(bulk);
    expect((await services.search.search(scope, { q: word })).map((h) => h.id)).toEqual([interaction.id]);

    // Interactions enter the index in time order, which the newest-first candidate ranking relies on.
    const order = await db.kysely.selectFrom('search_docs').select('entity_id').where('owner_id', '=', user.userId).where('entity', '=', 'interaction').where('entity_id', '!=', interaction.id).orderBy('seq').execute();
    expect(order.map((r) => r.entity_id)).toEqual(interactions.filter((i) => i !== interaction).map((i) => i.id));
  });

  it('refuses benchmark sizes that are not whole numbers, writing nothing', async () => {
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    await expect(env().services.seed.bench(scope, { contacts: 0, interactions: 10, seed: 1 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(env().services.seed.bench(scope, { contacts: 5, interactions: 1.5, seed: 1 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await env().services.contacts.list(scope, {})).items).toEqual([]);
  });

  it('fills an empty account with the demo network over HTTP, and only an empty one', async () => {
    const { app, services, clock } = env();
    const user = await createUser(env());
    const source = demoSource({ ownerId: user.userId, now: clock.now() });
    const demoContacts = [...source.contacts()];
    const expected = { contacts: demoContacts.length, interactions: [...source.interactions(demoContacts)].length };

    expect((await app.inject({ method: 'POST', url: '/api/v1/demo' })).statusCode).toBe(401);
    const created = await app.inject({ method: 'POST', url: '/api/v1/demo', headers: user.headers });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual(expected);
    expect(expected.contacts).toBe(300);

    const again = await app.inject({ method: 'POST', url: '/api/v1/demo', headers: user.headers });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ACCOUNT_NOT_EMPTY');
    const scope = authenticatedScope(user.userId);
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM interactions WHERE owner_id = ${user.userId}`.execute(env().db.kysely);
    expect(Number(count.rows[0]!.n)).toBe(expected.interactions);
    expect((await services.contacts.list(scope, { limit: 500 })).items).toHaveLength(300);

    // Another account is untouched, and can have its own demo network.
    const other = await createUser(env());
    expect((await services.contacts.list(authenticatedScope(other.userId), {})).items).toEqual([]);
    expect((await app.inject({ method: 'POST', url: '/api/v1/demo', headers: other.headers })).statusCode).toBe(201);
  });

  it('refuses the demo network for an account whose only contacts are in the trash', async () => {
    const { app, services } = env();
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    const contact = await services.contacts.create(scope, { displayName: 'Grace Hopper' });
    await services.contacts.trash(scope, contact.id);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/demo', headers: user.headers });
    expect(refused.statusCode).toBe(409);
    expect((await services.contacts.list(scope, {})).items).toEqual([]);
  });

  it('gives one demo network when two requests race for the same empty account', async () => {
    const { app } = env();
    const user = await createUser(env());
    const post = () => app.inject({ method: 'POST', url: '/api/v1/demo', headers: user.headers });
    const statuses = (await Promise.all([post(), post()])).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409]);
    const count = await env().db.kysely.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', user.userId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe([...demoSource({ ownerId: user.userId, now: env().clock.now() }).contacts()].length);
  });
});
