import { sql, type Kysely, type Selectable } from 'kysely';
import { afterCursor, orderBy, type Cursor, type SortSpec } from '../../platform/database/pagination.js';
import type { DB, InteractionsTable } from '../../platform/database/schema.js';
import type { DocumentSource } from '../../platform/database/search.js';
import type { Interaction, InteractionKind } from './model.js';

type Db = Kysely<DB>;
export type InteractionRow = Selectable<InteractionsTable>;
type Participant = Interaction['participants'][number];

export const NEWEST_FIRST: SortSpec = { name: 'newest', column: 'i.occurred_at', direction: 'desc', nullable: false, kind: 'instant', id: 'i.id' };

export function toInteraction(row: InteractionRow, participants: Participant[]): Interaction {
  return {
    id: row.id,
    kind: row.kind as InteractionKind,
    channel: row.channel,
    occurredAt: row.occurred_at,
    summary: row.summary,
    notes: row.notes,
    shared: { needs: row.shared_needs, challenges: row.shared_challenges, plans: row.shared_plans },
    learned: row.learned,
    quality: row.quality,
    followUp: row.follow_up === null ? null : { text: row.follow_up, due: row.follow_up_due, doneAt: row.follow_up_done_at },
    participants,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export async function findRows(db: Db, ownerId: string, ids: readonly string[]): Promise<InteractionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('interactions').selectAll().where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
}

/** Participants of many interactions with their names, in name order. */
export async function participantsOf(db: Db, ownerId: string, ids: readonly string[]): Promise<Map<string, Participant[]>> {
  const out = new Map<string, Participant[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('interaction_participants as p')
    .innerJoin('contacts as c', 'c.id', 'p.contact_id')
    .select(['p.interaction_id', 'c.id', 'c.display_name', 'c.deleted_at'])
    .where('p.owner_id', '=', ownerId)
    .where('p.interaction_id', 'in', ids)
    .orderBy('c.sort_name')
    .orderBy('c.id')
    .execute();
  for (const row of rows) out.get(row.interaction_id)!.push({ id: row.id, displayName: row.display_name, inTrash: row.deleted_at !== null });
  return out;
}

export async function withParticipants(db: Db, ownerId: string, rows: readonly InteractionRow[]): Promise<Interaction[]> {
  const participants = await participantsOf(db, ownerId, rows.map((r) => r.id));
  return rows.map((row) => toInteraction(row, participants.get(row.id)!));
}

export async function contactIdsOf(db: Db, ownerId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('interaction_participants').select('contact_id').distinct().where('owner_id', '=', ownerId).where('interaction_id', 'in', ids).execute();
  return rows.map((r) => r.contact_id);
}

export async function insertRow(db: Db, row: InteractionRow): Promise<void> {
  await db.insertInto('interactions').values(row).execute();
}

export async function updateRow(db: Db, ownerId: string, id: string, patch: Partial<InteractionRow>): Promise<void> {
  await db.updateTable('interactions').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function replaceParticipants(db: Db, ownerId: string, id: string, contactIds: readonly string[]): Promise<void> {
  await db.deleteFrom('interaction_participants').where('owner_id', '=', ownerId).where('interaction_id', '=', id).execute();
  await db
    .insertInto('interaction_participants')
    .values(contactIds.map((contactId) => ({ interaction_id: id, contact_id: contactId, owner_id: ownerId })))
    .execute();
}

export interface ListFilter {
  contactId?: string | undefined;
  kinds: InteractionKind[];
  from?: string | undefined;
  to?: string | undefined;
}

export async function listRows(db: Db, ownerId: string, filter: ListFilter, cursor: Cursor | null, limit: number): Promise<InteractionRow[]> {
  let query = db.selectFrom('interactions as i').selectAll('i').where('i.owner_id', '=', ownerId).where('i.deleted_at', 'is', null);
  if (filter.contactId) {
    const contactId = filter.contactId;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('interaction_participants as p').select('p.contact_id').whereRef('p.interaction_id', '=', 'i.id').where('p.contact_id', '=', contactId)),
    );
  }
  if (filter.kinds.length > 0) query = query.where('i.kind', 'in', filter.kinds);
  if (filter.from) query = query.where('i.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('i.occurred_at', '<', filter.to);
  if (cursor) query = query.where(afterCursor(NEWEST_FIRST, cursor));
  return query.orderBy(orderBy(NEWEST_FIRST)).limit(limit).execute();
}

export async function setDeleted(db: Db, ownerId: string, ids: readonly string[], deletedAt: string | null, updatedAt: string): Promise<void> {
  await db.updateTable('interactions').set({ deleted_at: deletedAt, updated_at: updatedAt }).where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
}

export async function listTrashed(db: Db, ownerId: string): Promise<InteractionRow[]> {
  return db.selectFrom('interactions').selectAll().where('owner_id', '=', ownerId).where('deleted_at', 'is not', null).orderBy('deleted_at', 'desc').orderBy('id').execute();
}

export async function expiredTrash(db: Db, before: string): Promise<{ owner_id: string; id: string }[]> {
  return db.selectFrom('interactions').select(['owner_id', 'id']).where('deleted_at', 'is not', null).where('deleted_at', '<', before).execute();
}

export async function deleteRows(db: Db, ownerId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('interactions').where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
}

/** Interactions whose every participant is among these contacts: they go when the contacts go. */
export async function onlyWith(db: Db, ownerId: string, contactIds: readonly string[]): Promise<string[]> {
  if (contactIds.length === 0) return [];
  const rows = await db
    .selectFrom('interaction_participants as p')
    .select('p.interaction_id')
    .where('p.owner_id', '=', ownerId)
    .where('p.contact_id', 'in', contactIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('interaction_participants as other')
            .select('other.contact_id')
            .whereRef('other.interaction_id', '=', 'p.interaction_id')
            .where('other.contact_id', 'not in', contactIds),
        ),
      ),
    )
    .distinct()
    .execute();
  return rows.map((r) => r.interaction_id);
}

/** The search document of an interaction: the summary as title; notes, what they shared and what I learned as body. */
export function documentSource(db: Db, filter: { ids: readonly string[] } | { ownerId: string }): DocumentSource {
  let query = db
    .selectFrom('interactions as i')
    .select([
      'i.owner_id',
      'i.id as entity_id',
      'i.summary as title',
      sql<string>`concat_ws(' ', i.channel, i.notes, i.shared_needs, i.shared_challenges, i.shared_plans, i.learned, i.follow_up)`.as('body'),
    ])
    .where('i.deleted_at', 'is', null);
  query = 'ids' in filter ? query.where('i.id', 'in', filter.ids) : query.where('i.owner_id', '=', filter.ownerId).orderBy('i.occurred_at').orderBy('i.id');
  return query;
}
