import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { dialectOf, type Dialect } from '../../platform/database/connect.js';
import { afterCursor, orderBy, type Cursor, type SortSpec } from '../../platform/database/pagination.js';
import { jsonRows, readJsonRows } from '../../platform/database/json.js';
import { inList, listParameter } from '../../platform/database/lists.js';
import { precompiled } from '../../platform/database/precompiled.js';
import type { ContactsTable, DB } from '../../platform/database/schema.js';
import { stringAgg, type DocumentSource, type SearchIndex } from '../../platform/database/search.js';
import { formatBirthday } from '../../platform/dates.js';
import { schedule, strengthAt, strengthLog, type NurtureSettings, type WeightedInteraction } from '../nurture/model.js';
import { updateMany } from '../../platform/database/bulk.js';
import type { InteractionKind } from '../interactions/model.js';
import type { Circle, Contact, ContactFilter } from './model.js';

type Db = Kysely<DB>;
/** A contact's child rows as JSON, as refreshChildren stores them. */
export type ChildColumns = Pick<ContactsTable, 'children'>;
/** A contact row with its owner's strength half-life, needed to say how strong it is now. */
export type ContactRow = Selectable<ContactsTable> & { half_life: number };
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

/** The columns a contact's card is made of: its names, ways to reach it, work and how we met. */
export type CardRow = Pick<
  ContactRow,
  | 'id' | 'display_name' | 'first_name' | 'middle_name' | 'last_name' | 'nickname' | 'prefix' | 'suffix' | 'company' | 'title'
  | 'location' | 'birth_year' | 'birth_month' | 'birth_day' | 'met_how' | 'met_on' | 'circle' | 'cadence_days' | 'notes' | 'updated_at'
>;

/** A contact's card, as the API and the exports (vCard, CSV) give it; toContact adds the nurture state. */
export function toCard(row: CardRow, children: ContactChildren) {
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
    updatedAt: row.updated_at,
  };
}

export function toContact(row: ContactRow, now: Date): Contact {
  // Added to the card rather than spread with it into a new object: V8 spread the card's 25
  // properties 30 µs a contact, more than reading the contact took (a list page holds 50).
  return Object.assign(toCard(row, childrenFrom(row)), {
    reminders: row.reminders === 1,
    dueAt: row.due_at,
    snoozedUntil: row.snoozed_until,
    strength: strengthAt(row.strength_log, now, row.half_life),
    lastInteractionAt: row.last_interaction_at,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
  });
}

/** A child row as refreshChildren stores it: kind (email, phone, url, dimension, tag), type, value, position. */
type ChildRow = [kind: string, type: string | null, value: string, position: number];

const byCodePoints = (x: string | null, y: string | null) => ((x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0);
// Then by type, so that two dimensions with one value come out in one order whatever order the rows were stored in.
const byPositionThenValue = (a: ChildRow, b: ChildRow) => a[3] - b[3] || byCodePoints(a[2], b[2]) || byCodePoints(a[1], b[1]);

/**
 * Each contact's emails, phones, URLs, dimensions and tags as JSON rows, from one subquery over
 * the child tables' indexes by contact and owner (one rather than one per table: each costs its
 * own setup per contact). A contact (aliased c) stores the result in its children column, so
 * reading contacts costs no lookup in the child tables.
 */
export function childrenOf(dialect: Dialect) {
  const columns = ['y.kind', 'y.type', 'y.value', 'y.position'].map((column) => sql.ref(column));
  return sql<string | null>`(SELECT ${jsonRows(dialect, columns)} FROM (
      SELECT x.kind AS kind, x.type AS type, x.value AS value, x.position AS position FROM contact_methods x WHERE x.contact_id = c.id AND x.owner_id = c.owner_id
      UNION ALL SELECT 'dimension', x.dimension, x.value, 0 FROM contact_dimensions x WHERE x.contact_id = c.id AND x.owner_id = c.owner_id
      UNION ALL SELECT 'tag', NULL, x.tag, 0 FROM contact_tags x WHERE x.contact_id = c.id AND x.owner_id = c.owner_id
    ) y)`;
}

/**
 * Stores these contacts' children again from the child tables. Every transaction that writes
 * contact_methods, contact_dimensions or contact_tags calls it before it commits.
 */
export async function refreshChildren(db: Db, ownerId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE contacts AS c SET children = ${childrenOf(dialectOf(db))}
    WHERE c.owner_id = ${ownerId} AND ${inList(db, sql.ref('c.id'), listParameter(db, ids))}`.execute(db);
}

/** Children as refreshChildren stores them, for bulk writers that insert contacts with their children. */
export function childrenJson(children: ContactChildren): string {
  const rows: ChildRow[] = [];
  for (const [kind, field] of Object.entries(KIND_FIELD)) children[field].forEach((m, position) => rows.push([kind, m.type, m.value, position]));
  for (const [dimension, value] of Object.entries(children.dimensions)) rows.push(['dimension', dimension, value, 0]);
  for (const tag of children.tags) rows.push(['tag', null, tag, 0]);
  return JSON.stringify(rows);
}

/** The children that refreshChildren stores, as lists in order (by position, then value, then type, compared as code points). */
export function childrenFrom(row: ChildColumns): ContactChildren {
  const children: ContactChildren = { emails: [], phones: [], urls: [], dimensions: {}, tags: [] };
  for (const [kind, type, value] of readJsonRows<ChildRow>(row.children).sort(byPositionThenValue)) {
    if (kind === 'dimension') children.dimensions[type!] = value;
    else if (kind === 'tag') children.tags.push(value);
    else children[KIND_FIELD[kind as MethodKind]].push({ value, type: type! });
  }
  return children;
}

/**
 * The owner's half-life, as a subquery rather than a join: SQLite joining users first gave up the
 * order of the contacts index and sorted every contact after the cursor for each page of a list.
 */
const halfLife = sql<number>`(SELECT u.strength_half_life_days FROM users u WHERE u.id = c.owner_id)`.as('half_life');

/** Contacts (aliased c) with everything toContact needs. */
const contactColumns = sql.join([sql`c.*`, halfLife]);

function selectContacts(db: Db) {
  return db.selectFrom('contacts as c').selectAll('c').select(halfLife);
}

/**
 * Contacts by id. Written as SQL rather than built: building the query with Kysely cost more than
 * running it (every GET /contacts/:id reads a contact this way).
 */
export async function findRows(db: Db, ownerId: string, ids: readonly string[]): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<ContactRow>`SELECT ${contactColumns} FROM contacts c WHERE c.owner_id = ${ownerId} AND c.id IN (${sql.join(ids)})`.execute(db);
  return result.rows;
}

// GET /contacts/:id reads a contact this way, so the query is compiled once (the same as findRows with one id).
const contactById = precompiled((db: Db, ownerId: string, id: string) => sql<ContactRow>`SELECT ${contactColumns} FROM contacts c WHERE c.owner_id = ${ownerId} AND c.id = ${id}`);

/** One of the owner's contacts, in the trash or not. */
export async function findRow(db: Db, ownerId: string, id: string): Promise<ContactRow | undefined> {
  const [row] = await contactById(db, ownerId, id);
  return row;
}

export async function insertRow(db: Db, row: Insertable<ContactsTable>): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

export async function updateRow(db: Db, ownerId: string, id: string, patch: Updateable<ContactsTable>): Promise<void> {
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
  strength: { column: 'c.strength_log', nullable: true, kind: 'number' },
  created: { column: 'c.created_at', nullable: false, kind: 'instant' },
};

export function sortSpec(sort: string): SortSpec {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const base = SORT_SPECS[key]!;
  // Last interaction and strength read best newest or strongest first, so their plain form is descending.
  const flip = key === 'lastInteraction' || key === 'strength';
  return { ...base, name: sort, id: 'c.id', direction: descending !== flip ? 'desc' : 'asc' };
}

/** The value of a row under a sort, for the next cursor. */
export function sortValue(row: ContactRow, spec: SortSpec): string | number | null {
  const column = spec.column.slice(2) as keyof ContactRow;
  return row[column] as string | number | null;
}

/**
 * Up to this many contacts with a tag, a tag-filtered page in another order than by name is fastest
 * read from the tag's index and sorted; above it, walking the sort's index and checking the tag
 * finds a page sooner. The two cost about the same at sqrt(page size × contacts), which is near
 * 2,000 for 100,000 contacts. By name, the tag's index holds its contacts in order already.
 */
export const TAG_DRIVEN_MAX = 2000;

/** The filter's tag with the fewest contacts, and how many have it. */
async function rarestTag(db: Db, ownerId: string, tags: readonly string[]): Promise<{ tag: string; size: number }> {
  const counts = await db
    .selectFrom('contact_tags')
    .select(['tag', (eb) => eb.fn.countAll<number>().as('n')])
    .where('owner_id', '=', ownerId)
    .where('tag', 'in', tags)
    .groupBy('tag')
    .execute();
  // A tag nobody has matches nothing: reading its (empty) index is the fastest answer.
  const sizes = tags.map((tag) => Number(counts.find((c) => c.tag === tag)?.n ?? 0));
  const fewest = Math.min(...sizes);
  return { tag: tags[sizes.indexOf(fewest)]!, size: fewest };
}

/**
 * The tag whose index the page is read from, or null to walk the sort's index: by name, always a
 * tag (the rarest of several); otherwise one with few enough contacts to sort them all.
 */
async function drivingTag(db: Db, ownerId: string, tags: readonly string[], byName: boolean): Promise<string | null> {
  if (tags.length === 0) return null;
  if (byName && tags.length === 1) return tags[0]!;
  const rarest = await rarestTag(db, ownerId, tags);
  return byName || rarest.size <= TAG_DRIVEN_MAX ? rarest.tag : null;
}

/** The owner's live contacts with a tag (aliased c), read from the tag's index (aliased dt). */
function taggedContacts(db: Db, ownerId: string, tag: string) {
  // CROSS JOIN makes SQLite read the tag index first (PostgreSQL plans it as any join).
  return db
    .selectFrom('contact_tags as dt')
    .crossJoin('contacts as c')
    .selectAll('c')
    .select(halfLife)
    .where('dt.owner_id', '=', ownerId)
    .where('dt.tag', '=', tag)
    .whereRef('c.id', '=', 'dt.contact_id')
    .where('c.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null);
}

/** By name, the tag's rows are read in order: the copy of the name on them sorts the page. */
const inTagOrder = (spec: SortSpec): SortSpec => ({ ...spec, column: 'dt.sort_name', id: 'dt.contact_id' });

/**
 * Pages of one tag's contacts by name and nothing else, the list the web app shows when a tag is
 * picked: precompiled, so that neither Kysely builds it nor PostgreSQL plans it on every page (on
 * PostgreSQL those took about a third of the page's time, issue 2). Its plan is the tag's index
 * in order whatever the tag, so one plan serves all.
 */
function tagPages(sort: 'name' | '-name') {
  const order = inTagOrder(sortSpec(sort));
  return {
    first: precompiled((db: Db, ownerId: string, tag: string, limit: number) => taggedContacts(db, ownerId, tag).orderBy(orderBy(order)).limit(limit)),
    after: precompiled((db: Db, ownerId: string, tag: string, name: string, id: string, limit: number) =>
      taggedContacts(db, ownerId, tag).where(afterCursor(order, { value: name, id })).orderBy(orderBy(order)).limit(limit),
    ),
  };
}
const TAG_PAGES = { asc: tagPages('name'), desc: tagPages('-name') };

export async function listRows(
  db: Db,
  search: SearchIndex,
  ownerId: string,
  filter: ContactFilter,
  spec: SortSpec,
  cursor: Cursor | null,
  limit: number,
): Promise<ContactRow[]> {
  const byName = spec.column === 'c.sort_name';
  const onlyATag = filter.tags.length === 1 && filter.circles.length === 0 && filter.dimensions.length === 0 && !filter.q;
  if (byName && onlyATag) {
    const pages = TAG_PAGES[spec.direction];
    const tag = filter.tags[0]!;
    return cursor ? pages.after(db, ownerId, tag, cursor.value as string, cursor.id, limit) : pages.first(db, ownerId, tag, limit);
  }
  const driver = await drivingTag(db, ownerId, filter.tags, byName);
  const order = driver && byName ? inTagOrder(spec) : spec;
  let query = driver ? taggedContacts(db, ownerId, driver) : selectContacts(db).where('c.owner_id', '=', ownerId).where('c.deleted_at', 'is', null);
  for (const tag of filter.tags.filter((t) => t !== driver)) {
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
  if (cursor) query = query.where(afterCursor(order, cursor));
  return query.orderBy(orderBy(order)).limit(limit).execute();
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
  return selectContacts(db).where('c.owner_id', '=', ownerId).where('c.deleted_at', 'is not', null).orderBy('c.deleted_at', 'desc').orderBy('c.id').execute();
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

// Contacts per pass when refreshing everyone: their interactions are held in memory meanwhile.
const REFRESH_PAGE = 2000;

/** The same as refreshSchedule for every contact of the owner, after a bulk load or a settings change, a page at a time so memory stays bounded. */
export async function refreshAllSchedules(db: Db, dialect: Dialect, ownerId: string, settings: NurtureSettings): Promise<void> {
  for (let after = ''; ; ) {
    const page = await db.selectFrom('contacts').select('id').where('owner_id', '=', ownerId).where('id', '>', after).orderBy('id').limit(REFRESH_PAGE).execute();
    if (page.length === 0) return;
    await refreshSchedule(db, dialect, ownerId, page.map((r) => r.id), settings);
    after = page.at(-1)!.id;
  }
}

/**
 * Recomputes what contacts derive from their interactions and the owner's settings: the last
 * interaction, the next check-in and its urgency, and relationship strength. Runs in the
 * transaction that changes interactions or settings, so Today never reads a stale value.
 *
 * All four are written by one UPDATE for a few hundred contacts, the last interaction included:
 * it is the latest of the interactions read for strength. On PostgreSQL every UPDATE writes a new
 * version of each row it touches, and a statement of its own for the last interaction, run over
 * every contact after a seed, left the contacts heap half as large again (155 MB against 104 MB
 * for 100,000 contacts).
 */
export async function refreshSchedule(db: Db, dialect: Dialect, ownerId: string, ids: readonly string[], settings: NurtureSettings): Promise<void> {
  if (ids.length === 0) return;
  const contacts = await db
    .selectFrom('contacts')
    .select(['id', 'circle', 'cadence_days', 'reminders', 'created_at', 'snoozed_until'])
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .execute();
  const interactions = await db
    .selectFrom('interaction_participants as p')
    .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
    .select(['p.contact_id', 'i.kind', 'i.quality', 'i.occurred_at'])
    .where('p.owner_id', '=', ownerId)
    .where('p.contact_id', 'in', ids)
    .where('i.deleted_at', 'is', null)
    .execute();
  const byContact = new Map<string, WeightedInteraction[]>();
  for (const i of interactions) {
    const list = byContact.get(i.contact_id) ?? byContact.set(i.contact_id, []).get(i.contact_id)!;
    list.push({ kind: i.kind as InteractionKind, quality: i.quality, occurredAt: i.occurred_at });
  }
  const rows = contacts.map((c) => {
    const history = byContact.get(c.id) ?? [];
    // Instants are stored in one ISO form (see `instant`), so the latest is the greatest string, as MAX() finds it.
    const lastInteractionAt = history.reduce<string | null>((latest, i) => (latest === null || i.occurredAt > latest ? i.occurredAt : latest), null);
    const next = schedule(
      {
        circle: c.circle as Circle | null,
        cadenceDays: c.cadence_days,
        reminders: c.reminders === 1,
        createdAt: c.created_at,
        lastInteractionAt,
        snoozedUntil: c.snoozed_until,
      },
      settings,
    );
    return { id: c.id, last_interaction_at: lastInteractionAt, due_at: next.dueAt, priority_at: next.priorityAt, strength_log: strengthLog(history, settings.halfLifeDays) };
  });
  await updateMany(db, dialect, 'contacts', ownerId, { last_interaction_at: 'timestamp', due_at: 'timestamp', priority_at: 'timestamp', strength_log: 'double' }, rows);
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
