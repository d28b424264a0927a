import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Contact } from '../src/features/contacts/model.js';
import { TAGS } from '../src/features/seed/names.js';
import { refreshChildren, TAG_DRIVEN_MAX } from '../src/features/contacts/store.js';
import type { Services } from '../src/services.js';
import { authenticatedScope, type Scope } from '../src/platform/auth/scope.js';
import { createUser, describeEachDatabase } from './harness/app.js';

async function everyPage(services: Services, scope: Scope, query: Parameters<Services['contacts']['list']>[1]): Promise<Contact[]> {
  const out: Contact[] = [];
  let cursor: string | undefined;
  do {
    const page = await services.contacts.list(scope, { ...query, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describeEachDatabase('contact list by tag', (env) => {
  it('pages through rare and common tags in sort order, whichever index it reads first', async () => {
    const { services, db } = env();
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    await services.seed.bench(scope, { contacts: TAG_DRIVEN_MAX + 100, interactions: 0, seed: 5 });
    // A tag on every contact: too common to read from the tag index, so the name index is walked.
    await sql`INSERT INTO contact_tags (owner_id, contact_id, tag) SELECT owner_id, id, 'everyone' FROM contacts WHERE owner_id = ${user.userId}`.execute(db.kysely);
    const ids = await db.kysely.selectFrom('contacts').select('id').where('owner_id', '=', user.userId).execute();
    await refreshChildren(db.kysely, user.userId, ids.map((r) => r.id));

    const byName = await everyPage(services, scope, { sort: 'name', limit: 500 });
    expect(byName).toHaveLength(TAG_DRIVEN_MAX + 100);
    const withTag = (tag: string) => byName.filter((c) => c.tags.includes(tag)).map((c) => c.id);
    // The seeded tags depend on the owner's id, new on every run: take the rarest tag with more than
    // 10 contacts, enough for two of the 7-contact pages below.
    const rare = TAGS.filter((tag) => withTag(tag).length > 10).sort((a, b) => withTag(a).length - withTag(b).length)[0]!;
    expect(withTag(rare).length).toBeLessThan(TAG_DRIVEN_MAX);

    for (const tag of ['everyone', rare]) {
      expect((await everyPage(services, scope, { tag, sort: 'name', limit: 200 })).map((c) => c.id)).toEqual(withTag(tag));
      expect((await everyPage(services, scope, { tag, sort: '-name', limit: 200 })).map((c) => c.id)).toEqual(withTag(tag).reverse());
    }
    expect((await everyPage(services, scope, { tag: ['everyone', rare], sort: 'name', limit: 7 })).map((c) => c.id)).toEqual(withTag(rare));
    expect((await services.contacts.list(scope, { tag: ['everyone', 'nobody has this tag'] })).items).toEqual([]);
  });
});

describeEachDatabase('contact list by tag and name', (env) => {
  it('keeps a contact in name order within its tags when renamed, tagged, merged or restored', async () => {
    const { services } = env();
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    const names = async (tag: string, sort: 'name' | '-name' = 'name') => (await services.contacts.list(scope, { tag, sort })).items.map((c) => c.displayName);
    const ada = await services.contacts.create(scope, { displayName: 'Ada', tags: ['team'] });
    await services.contacts.create(scope, { displayName: 'Bea', tags: ['team', 'golf'] });
    const cal = await services.contacts.create(scope, { displayName: 'Cal' });
    expect(await names('team')).toEqual(['Ada', 'Bea']);

    await services.contacts.update(scope, ada.id, { displayName: 'Zed' });
    expect(await names('team')).toEqual(['Bea', 'Zed']);
    expect(await names('team', '-name')).toEqual(['Zed', 'Bea']);

    await services.contacts.bulk(scope, { action: 'tag', ids: [cal.id], tags: ['team'] });
    await services.contacts.update(scope, cal.id, { displayName: 'Abe' });
    expect(await names('team')).toEqual(['Abe', 'Bea', 'Zed']);

    const { merge } = await services.exchange.merge(scope, { keepId: cal.id, mergeId: ada.id });
    expect(await names('team')).toEqual(['Abe', 'Bea']);
    await services.exchange.undoMerge(scope, merge.id);
    expect(await names('team')).toEqual(['Abe', 'Bea', 'Zed']);

    await services.contacts.trash(scope, cal.id);
    expect(await names('team')).toEqual(['Bea', 'Zed']);
    await services.contacts.restore(scope, cal.id);
    expect(await names('team')).toEqual(['Abe', 'Bea', 'Zed']);
    expect(await names('golf')).toEqual(['Bea']);
  });
});
