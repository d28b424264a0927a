import type { Insertable, Kysely } from 'kysely';
import type { Dialect } from '../../platform/database/connect.js';
import { insertMany } from '../../platform/database/bulk.js';
import type { DB } from '../../platform/database/schema.js';
import { parseBirthday } from '../../platform/dates.js';
import { sortNameOf } from '../contacts/model.js';
import { childrenJson } from '../contacts/store.js';
import type { SeedContact, SeedInteraction } from './model.js';

/*
 * The seed writes the contact and interaction tables directly, in bulk: going through the services
 * one row at a time would take hours for a million interactions. The rows are exactly those the
 * services write (tests compare them), and the search index and last-interaction dates are then
 * filled by the features' own code.
 */

type Db = Kysely<DB>;

/** Whether the account has any contact, live or in the trash. */
export async function hasContacts(db: Db, ownerId: string): Promise<boolean> {
  const row = await db.selectFrom('contacts').select('id').where('owner_id', '=', ownerId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Writes contacts with their emails, phones, URLs, dimensions and tags. */
export async function insertContacts(db: Db, dialect: Dialect, ownerId: string, contacts: readonly SeedContact[]): Promise<void> {
  const rows: Insertable<DB['contacts']>[] = [];
  const methods: Insertable<DB['contact_methods']>[] = [];
  const dimensions: Insertable<DB['contact_dimensions']>[] = [];
  const tags: Insertable<DB['contact_tags']>[] = [];
  for (const c of contacts) {
    const birthday = c.birthday ? parseBirthday(c.birthday) : null;
    rows.push({
      id: c.id,
      owner_id: ownerId,
      display_name: c.displayName,
      sort_name: sortNameOf(c.displayName),
      first_name: c.firstName,
      middle_name: null,
      last_name: c.lastName,
      nickname: null,
      prefix: null,
      suffix: null,
      company: c.company,
      title: c.title,
      location: c.location,
      birth_year: birthday?.year ?? null,
      birth_month: birthday?.month ?? null,
      birth_day: birthday?.day ?? null,
      met_how: c.metHow,
      met_on: c.metOn,
      circle: c.circle,
      cadence_days: c.cadenceDays,
      notes: c.notes,
      created_at: c.createdAt,
      updated_at: c.createdAt,
      deleted_at: null,
      last_interaction_at: null,
      children: childrenJson(c),
    });
    for (const kind of ['email', 'phone', 'url'] as const) {
      const list = kind === 'email' ? c.emails : kind === 'phone' ? c.phones : c.urls;
      list.forEach((m, position) => methods.push({ id: m.id, owner_id: ownerId, contact_id: c.id, kind, type: m.type, value: m.value, position }));
    }
    for (const [dimension, value] of Object.entries(c.dimensions)) dimensions.push({ owner_id: ownerId, contact_id: c.id, dimension, value });
    for (const tag of c.tags) tags.push({ owner_id: ownerId, contact_id: c.id, tag });
  }
  await insertMany(db, dialect, 'contacts', rows);
  await insertMany(db, dialect, 'contact_methods', methods);
  await insertMany(db, dialect, 'contact_dimensions', dimensions);
  await insertMany(db, dialect, 'contact_tags', tags);
}

/** Writes interactions with their participants. */
export async function insertInteractions(db: Db, dialect: Dialect, ownerId: string, interactions: readonly SeedInteraction[]): Promise<void> {
  const rows: Insertable<DB['interactions']>[] = [];
  const participants: Insertable<DB['interaction_participants']>[] = [];
  for (const i of interactions) {
    rows.push({
      id: i.id,
      owner_id: ownerId,
      kind: i.kind,
      channel: i.channel,
      occurred_at: i.occurredAt,
      summary: i.summary,
      notes: i.notes,
      shared_needs: i.shared.needs,
      shared_challenges: i.shared.challenges,
      shared_plans: i.shared.plans,
      learned: i.learned,
      quality: i.quality,
      follow_up: i.followUp?.text ?? null,
      follow_up_due: i.followUp?.due ?? null,
      follow_up_done_at: i.followUp?.doneAt ?? null,
      // Seeded history is logged when it happened.
      created_at: i.occurredAt,
      updated_at: i.occurredAt,
      deleted_at: null,
    });
    for (const contactId of i.participantIds) participants.push({ interaction_id: i.id, contact_id: contactId, owner_id: ownerId });
  }
  await insertMany(db, dialect, 'interactions', rows);
  await insertMany(db, dialect, 'interaction_participants', participants);
}
