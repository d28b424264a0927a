import { sql, type Kysely, type Selectable } from 'kysely';
import type { Dialect } from '../../platform/database/connect.js';
import { afterCursor, orderBy, type Cursor, type SortSpec } from '../../platform/database/pagination.js';
import type { ContactsTable, DB } from '../../platform/database/schema.js';
import { stringAgg, type DocumentSource, type SearchIndex } from '../../platform/database/search.js';
import { formatBirthday } from '../../platform/dates.js';
import type { Circle, Contact, ContactFilter } from './model.js';

type Db = Kysely<DB>;
export type ContactRow = Selectable<ContactsTable>;
export type Method = { value: string; type: string };
export type MethodKind = 'email' | 'phone' | 'url';

export interface ContactChildren {
  emails: Method[];
  phones: Method[];
  urls: Method[];
  dimensions: Record<string, string>;
  tags: string[];
}

const KIND_FIELD = { email: 'emails', phone: 'phones', url: 'urls' } as const;

export function toContact(row: ContactRow, children: ContactChildren): Contact {
  return {
    id: row.id,
    displayName: row.display_name,
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    nickname: row.nickname,
    prefix: row.prefix,
    suffix: row.suffix,
    ...children,
    company: row.company,
    title: row.title,
    location: row.location,
    birthday: formatBirthday({ year: row.birth_year, month: row.birth_month, day: row.birth_day }),
    metHow: row.met_how,
    metOn: row.met_on,
    circle: row.circle as Circle | null,
    cadenceDays: row.cadence_days,
    notes: row.notes,
    lastInteractionAt: row.last_interaction_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Emails, phones, URLs, dimensions and tags of many contacts in one round trip. */
export async function loadChildren(db: Db, ownerId: string, ids: readonly string[]): Promise<Map<string, ContactChildren>> {
  const out = new Map<string, ContactChildren>(ids.map((id) => [id, { emails: [], phones: [], urls: [], dimensions: {}, tags: [] }]));
  if (ids.length === 0) return out;
  const list = sql.join(ids);
  const rows = await sql<{ contact_id: string; kind: string; type: string | null; value: string }>`
    SELECT contact_id, kind, type, value, position FROM contact_methods WHERE owner_id = ${ownerId} AND contact_id IN (${list})
    UNION ALL SELECT contact_id, 'dimension', dimension, value, 0 FROM contact_dimensions WHERE owner_id = ${ownerId} AND contact_id IN (${list})
    UNION ALL SELECT contact_id, 'tag', NULL, tag, 0 FROM contact_tags WHERE owner_id = ${ownerId} AND contact_id IN (${list})
    ORDER BY position, value`.execute(db);
  for (const row of rows.rows) {
    const c = out.get(row.contact_id)!;
    if (row.kind === 'dimension') c.dimensions[row.type!] = row.value;
    else if (row.kind === 'tag') c.tags.push(row.value);
    else c[KIND_FIELD[row.kind as MethodKind]].push({ value: row.value, type: row.type! });
  }
  return out;
}

export async function findRows(db: Db, ownerId: string, ids: readonly string[]): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('contacts').selectAll().where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
}

export async function withChildren(db: Db, ownerId: string, rows: readonly ContactRow[]): Promise<Contact[]> {
  const children = await loadChildren(db, ownerId, rows.map((r) => r.id));
  return rows.map((row) => toContact(row, children.get(row.id)!));
}

export async function insertRow(db: Db, row: ContactRow): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

export async function updateRow(db: Db, ownerId: string, id: string, patch: Partial<ContactRow>): Promise<void> {
  await db.updateTable('contacts').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function replaceMethods(db: Db, ownerId: string, contactId: string, kind: MethodKind, methods: readonly Method[], newId: () => string) {
  await db.deleteFrom('contact_methods').where('owner_id', '=', ownerId).where('contact_id', '=', contactId).where('kind', '=', kind).execute();
  if (methods.length === 0) return;
  await db
    .insertInto('contact_methods')
    .values(methods.map((m, position) => ({ id: newId(), owner_id: ownerId, contact_id: contactId, kind, type: m.type, value: m.value, position })))
    .execute();
}

export async function replaceDimensions(db: Db, ownerId: string, contactId: string, dimensions: Record<string, string>) {
  await db.deleteFrom('contact_dimensions').where('owner_id', '=', ownerId).where('contact_id', '=', contactId).execute();
  const entries = Object.entries(dimensions);
  if (entries.length === 0) return;
  await db
    .insertInto('contact_dimensions')
    .values(entries.map(([dimension, value]) => ({ owner_id: ownerId, contact_id: contactId, dimension, value })))
    .execute();
}

export async function replaceTags(db: Db, ownerId: string, contactId: string, tags: readonly string[]) {
  await db.deleteFrom('contact_tags').where('owner_id', '=', ownerId).where('contact_id', '=', contactId).execute();
  if (tags.length === 0) return;
  await db.insertInto('contact_tags').values(tags.map((tag) => ({ owner_id: ownerId, contact_id: contactId, tag }))).execute();
}

export const SORT_SPECS: Record<string, Omit<SortSpec, 'name' | 'direction' | 'id'>> = {
  name: { column: 'c.sort_name', nullable: false, kind: 'text' },
  company: { column: 'c.company', nullable: true, kind: 'text' },
  lastInteraction: { column: 'c.last_interaction_at', nullable: true, kind: 'instant' },
  created: { column: 'c.created_at', nullable: false, kind: 'instant' },
};

export function sortSpec(sort: string): SortSpec {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const base = SORT_SPECS[key]!;
  // Last interaction reads best newest first, so its plain form is descending.
  const flip = key === 'lastInteraction';
  return { ...base, name: sort, id: 'c.id', direction: descending !== flip ? 'desc' : 'asc' };
}

/** The value of a row under a sort, for the next cursor. */
export function sortValue(row: ContactRow, spec: SortSpec): string | null {
  const column = spec.column.slice(2) as keyof ContactRow;
  return row[column] as string | null;
}

export async function listRows(
  db: Db,
  search: SearchIndex,
  ownerId: string,
  filter: ContactFilter,
  spec: SortSpec,
  cursor: Cursor | null,
  limit: number,
): Promise<ContactRow[]> {
  let query = db.selectFrom('contacts as c').selectAll('c').where('c.owner_id', '=', ownerId).where('c.deleted_at', 'is', null);
  for (const tag of filter.tags) {
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('contact_tags as t').select('t.tag').whereRef('t.contact_id', '=', 'c.id').where('t.tag', '=', tag)),
    );
  }
  if (filter.circles.length > 0) query = query.where('c.circle', 'in', filter.circles);
  for (const { dimension, value } of filter.dimensions) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('contact_dimensions as d')
          .select('d.value')
          .whereRef('d.contact_id', '=', 'c.id')
          .where('d.dimension', '=', dimension)
          .where('d.value', '=', value),
      ),
    );
  }
  if (filter.q) query = query.where('c.id', 'in', search.matchingIds(db, ownerId, 'contact', filter.q));
  if (cursor) query = query.where(afterCursor(spec, cursor));
  return query.orderBy(orderBy(spec)).limit(limit).execute();
}

export async function setDeleted(db: Db, ownerId: string, ids: readonly string[], deletedAt: string | null, updatedAt: string) {
  // PostgreSQL rejects `IN ()`; a bulk action whose ids were all unknown has nothing to do.
  if (ids.length === 0) return;
  await db
    .updateTable('contacts')
    .set({ deleted_at: deletedAt, updated_at: updatedAt })
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .execute();
}

export async function listTrashed(db: Db, ownerId: string): Promise<ContactRow[]> {
  return db.selectFrom('contacts').selectAll().where('owner_id', '=', ownerId).where('deleted_at', 'is not', null).orderBy('deleted_at', 'desc').orderBy('id').execute();
}

/** Trashed contacts of every owner deleted before an instant: the purge job's work list. */
export async function expiredTrash(db: Db, before: string): Promise<{ owner_id: string; id: string }[]> {
  return db.selectFrom('contacts').select(['owner_id', 'id']).where('deleted_at', 'is not', null).where('deleted_at', '<', before).execute();
}

export async function deleteRows(db: Db, ownerId: string, ids: readonly string[]): Promise<void> {
  await db.deleteFrom('contacts').where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
}

/** Which of these ids are the owner's live contacts. */
export async function liveIds(db: Db, ownerId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('contacts').select('id').where('owner_id', '=', ownerId).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Keeps `last_interaction_at` equal to the newest live interaction of each contact. Called in the
 * transaction that changes interactions, so the Today queue never reads a stale value.
 */
export async function refreshLastInteraction(db: Db, ownerId: string, contactIds: readonly string[]): Promise<void> {
  if (contactIds.length === 0) return;
  await db
    .updateTable('contacts')
    .set((eb) => ({
      last_interaction_at: eb
        .selectFrom('interaction_participants as p')
        .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
        .select((e) => e.fn.max('i.occurred_at').as('at'))
        .whereRef('p.contact_id', '=', 'contacts.id')
        .where('i.deleted_at', 'is', null),
    }))
    .where('owner_id', '=', ownerId)
    .where('id', 'in', contactIds)
    .execute();
}

/** The search document of a contact: the name as title; company, role, notes, emails, tags as body. */
export function documentSource(db: Db, dialect: Dialect, filter: { ids: readonly string[] } | { ownerId: string }): DocumentSource {
  let query = db
    .selectFrom('contacts as c')
    .select((eb) => {
      const joined = (table: 'contact_methods' | 'contact_tags' | 'contact_dimensions', column: 'value' | 'tag') =>
        eb
          .selectFrom(`${table} as x` as 'contact_methods as x')
          .select(stringAgg(dialect, sql.ref(`x.${column}`), ' ').as('v'))
          .whereRef('x.contact_id', '=', 'c.id');
      return [
        'c.owner_id',
        'c.id as entity_id',
        'c.display_name as title',
        sql<string>`concat_ws(' ', c.nickname, c.company, c.title, c.location, c.met_how, (${joined('contact_methods', 'value')}), (${joined('contact_tags', 'tag')}), (${joined('contact_dimensions', 'value')}), c.notes)`.as('body'),
      ];
    })
    .where('c.deleted_at', 'is', null);
  query = 'ids' in filter ? query.where('c.id', 'in', filter.ids) : query.where('c.owner_id', '=', filter.ownerId);
  return query;
}

/** Adds tags to contacts, leaving those they already have alone. */
export async function addTags(db: Db, ownerId: string, contactIds: readonly string[], tags: readonly string[]): Promise<void> {
  if (contactIds.length === 0 || tags.length === 0) return;
  await db
    .insertInto('contact_tags')
    .values(contactIds.flatMap((contactId) => tags.map((tag) => ({ owner_id: ownerId, contact_id: contactId, tag }))))
    .onConflict((oc) => oc.columns(['contact_id', 'tag']).doNothing())
    .execute();
}

export async function removeTags(db: Db, ownerId: string, contactIds: readonly string[], tags: readonly string[]): Promise<void> {
  if (contactIds.length === 0 || tags.length === 0) return;
  await db.deleteFrom('contact_tags').where('owner_id', '=', ownerId).where('contact_id', 'in', contactIds).where('tag', 'in', tags).execute();
}

/** The owner's tags on live contacts with how many contacts carry each, most used first. */
export async function tagCounts(db: Db, ownerId: string): Promise<{ tag: string; count: number }[]> {
  const rows = await db
    .selectFrom('contact_tags as t')
    .innerJoin('contacts as c', (join) => join.onRef('c.id', '=', 't.contact_id').onRef('c.owner_id', '=', 't.owner_id'))
    .select(['t.tag', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('t.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .groupBy('t.tag')
    .orderBy('count', 'desc')
    .orderBy('t.tag')
    .execute();
  // PostgreSQL counts are bigint, which pg returns as strings.
  return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}

/** The owner's dimension values on live contacts with their counts, by dimension, most used first. */
export async function dimensionCounts(db: Db, ownerId: string): Promise<{ dimension: string; value: string; count: number }[]> {
  const rows = await db
    .selectFrom('contact_dimensions as d')
    .innerJoin('contacts as c', (join) => join.onRef('c.id', '=', 'd.contact_id').onRef('c.owner_id', '=', 'd.owner_id'))
    .select(['d.dimension', 'd.value', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('d.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .groupBy(['d.dimension', 'd.value'])
    .orderBy('d.dimension')
    .orderBy('count', 'desc')
    .orderBy('d.value')
    .execute();
  return rows.map((r) => ({ dimension: r.dimension, value: r.value, count: Number(r.count) }));
}

export async function touch(db: Db, ownerId: string, ids: readonly string[], updatedAt: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('contacts').set({ updated_at: updatedAt }).where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
}
