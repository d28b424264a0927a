import type SQLite from 'better-sqlite3';
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Dialect } from '../../platform/database/connect.js';
import { jsonRows, readJsonRows } from '../../platform/database/json.js';
import { afterCursor, orderBy, type Cursor } from '../../platform/database/pagination.js';
import type { ContactExtrasTable, ContactsTable, DB } from '../../platform/database/schema.js';
import { childrenFrom, childrenJson, sortSpec, toCard } from '../contacts/store.js';
import type { ExportCard, ExtraProperty } from './model.js';
import type { Snapshot } from './match.js';

/*
 * The exchange feature's queries: its own tables (pictures, kept vCard properties, import
 * snapshots, import sessions, merges) and the bulk writer that inserts imported contacts with the
 * same rows the contacts feature writes. Every query is scoped by owner.
 */

type Db = Kysely<DB>;
type Method = { value: string; type: string };

// Rows per INSERT on PostgreSQL: a JSON parameter of a few hundred kilobytes.
const ROWS_PER_INSERT = 1000;

/** The better-sqlite3 handle of the transaction's connection, for bulk inserts; null on PostgreSQL. */
export type Raw = SQLite.Database | null;

const prepared = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * Inserts many rows: on SQLite with one prepared statement run per row (on the transaction's own
 * connection), several times faster than building multi-row SQL. On PostgreSQL the rows go as one
 * JSON parameter that json_populate_recordset turns into rows of the table's own column types: a
 * multi-row VALUES list made Kysely build and pg send a parameter per value (over a million for a
 * 30,000-row import), which took most of the import's time in this process.
 */
async function insertChunked<T extends keyof DB & string>(db: Db, table: T, rows: readonly Insertable<DB[T]>[], raw: Raw = null): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  if (raw) {
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const cache = prepared.get(raw) ?? prepared.set(raw, new Map()).get(raw)!;
    const statement = cache.get(sql) ?? cache.set(sql, raw.prepare(sql)).get(sql)!;
    for (const row of rows) statement.run(columns.map((c) => (row as Record<string, unknown>)[c] ?? null));
    return;
  }
  const list = sql.join(columns.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const json = JSON.stringify(rows.slice(i, i + ROWS_PER_INSERT));
    await sql`INSERT INTO ${sql.table(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sql.table(table)}, ${json}::json)`.execute(db);
  }
}

export interface ContactInsert {
  row: Insertable<ContactsTable>;
  emails: Method[];
  phones: Method[];
  urls: Method[];
  tags: string[];
  dimensions: Record<string, string>;
}

/** Inserts contacts with their emails, phones, links, tags and dimensions in a few statements. */
export async function insertContacts(db: Db, ownerId: string, contacts: readonly ContactInsert[], newId: () => string, raw: Raw = null): Promise<void> {
  if (contacts.length === 0) return;
  await insertChunked(db, 'contacts', contacts.map((c) => ({ ...c.row, children: childrenJson(c) })), raw);
  const methods = contacts.flatMap((c) =>
    (['email', 'phone', 'url'] as const).flatMap((kind) =>
      c[`${kind}s`].map((m, position) => ({ id: newId(), owner_id: ownerId, contact_id: c.row.id, kind, type: m.type, value: m.value, position })),
    ),
  );
  await insertChunked(db, 'contact_methods', methods, raw);
  const tags = contacts.flatMap((c) => c.tags.map((tag) => ({ owner_id: ownerId, contact_id: c.row.id, tag })));
  await insertChunked(db, 'contact_tags', tags, raw);
  const dimensions = contacts.flatMap((c) => Object.entries(c.dimensions).map(([dimension, value]) => ({ owner_id: ownerId, contact_id: c.row.id, dimension, value })));
  await insertChunked(db, 'contact_dimensions', dimensions, raw);
}

/** Appends methods after a contact's existing ones. */
export async function appendMethods(db: Db, ownerId: string, contactId: string, kind: 'email' | 'phone' | 'url', methods: readonly Method[], from: number, newId: () => string) {
  if (methods.length === 0) return;
  await db
    .insertInto('contact_methods')
    .values(methods.map((m, i) => ({ id: newId(), owner_id: ownerId, contact_id: contactId, kind, type: m.type, value: m.value, position: from + i })))
    .execute();
}

export async function addTags(db: Db, ownerId: string, contactId: string, tags: readonly string[]) {
  if (tags.length === 0) return;
  await db.insertInto('contact_tags').values(tags.map((tag) => ({ owner_id: ownerId, contact_id: contactId, tag }))).execute();
}

export async function setDimensions(db: Db, ownerId: string, contactId: string, dimensions: Record<string, string>) {
  for (const [dimension, value] of Object.entries(dimensions)) {
    await db.deleteFrom('contact_dimensions').where('owner_id', '=', ownerId).where('contact_id', '=', contactId).where('dimension', '=', dimension).execute();
    await db.insertInto('contact_dimensions').values({ owner_id: ownerId, contact_id: contactId, dimension, value }).execute();
  }
}

export function extraRow(ownerId: string, contactId: string, position: number, extra: ExtraProperty, id: string): Insertable<ContactExtrasTable> {
  return {
    id,
    owner_id: ownerId,
    contact_id: contactId,
    position,
    property_group: extra.group,
    name: extra.name,
    params: JSON.stringify(extra.params),
    value: extra.value,
  };
}

export function toExtra(row: Selectable<ContactExtrasTable>): ExtraProperty {
  return { group: row.property_group, name: row.name, params: JSON.parse(row.params), value: row.value };
}

export async function insertExtras(db: Db, rows: readonly Insertable<ContactExtrasTable>[], raw: Raw = null) {
  await insertChunked(db, 'contact_extras', rows, raw);
}

export async function extrasOf(db: Db, ownerId: string, contactIds: readonly string[]): Promise<Map<string, ExtraProperty[]>> {
  const out = new Map<string, ExtraProperty[]>();
  for (let i = 0; i < contactIds.length; i += 500) {
    const rows = await db
      .selectFrom('contact_extras')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('contact_id', 'in', contactIds.slice(i, i + 500))
      .orderBy('contact_id')
      .orderBy('position')
      .execute();
    for (const row of rows) (out.get(row.contact_id) ?? out.set(row.contact_id, []).get(row.contact_id)!).push(toExtra(row));
  }
  return out;
}

export async function putPhoto(db: Db, ownerId: string, contactId: string, photo: { mediaType: string; data: Buffer; sha256: string }, at: string) {
  await db.deleteFrom('contact_photos').where('owner_id', '=', ownerId).where('contact_id', '=', contactId).execute();
  await db
    .insertInto('contact_photos')
    .values({ contact_id: contactId, owner_id: ownerId, media_type: photo.mediaType, data: photo.data, sha256: photo.sha256, updated_at: at })
    .execute();
}

export async function photoHashes(db: Db, ownerId: string, contactIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < contactIds.length; i += 500) {
    const rows = await db.selectFrom('contact_photos').select(['contact_id', 'sha256']).where('owner_id', '=', ownerId).where('contact_id', 'in', contactIds.slice(i, i + 500)).execute();
    for (const row of rows) out.set(row.contact_id, row.sha256);
  }
  return out;
}

export async function getPhoto(db: Db, ownerId: string, contactId: string) {
  return db.selectFrom('contact_photos').select(['media_type', 'data', 'sha256', 'updated_at']).where('owner_id', '=', ownerId).where('contact_id', '=', contactId).executeTakeFirst();
}

/**
 * What the export writes of the owner's live contacts, each row with its children, kept vCard
 * properties and picture from correlated subqueries. One query a page: separate queries per child
 * table cost a round trip each, and PostgreSQL, unable to estimate how many contacts a range of
 * names holds, joined the children of a range by reading the whole of contact_methods.
 */
function selectCards(db: Db, dialect: Dialect, ownerId: string) {
  const ref = (column: string) => sql.ref(column);
  return db
    .selectFrom('contacts as c')
    .select([
      'c.id', 'c.sort_name', 'c.display_name', 'c.first_name', 'c.middle_name', 'c.last_name', 'c.nickname', 'c.prefix', 'c.suffix',
      'c.company', 'c.title', 'c.location', 'c.birth_year', 'c.birth_month', 'c.birth_day', 'c.met_how', 'c.met_on', 'c.circle',
      'c.cadence_days', 'c.notes', 'c.updated_at', 'c.children',
    ])
    .select([
      // Sorted here rather than by the query: an ORDER BY in the subquery built a temporary
      // B-tree for every contact on SQLite, though nearly all have no kept properties.
      sql<string | null>`(SELECT ${jsonRows(dialect, ['x.position', 'x.property_group', 'x.name', 'x.params', 'x.value'].map(ref))} FROM contact_extras x WHERE x.contact_id = c.id)`.as('extras'),
      sql<string | null>`(SELECT x.media_type FROM contact_photos x WHERE x.contact_id = c.id)`.as('photo_type'),
      sql<Buffer | null>`(SELECT x.data FROM contact_photos x WHERE x.contact_id = c.id)`.as('photo_data'),
    ])
    .where('c.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null);
}

type CardColumns = Awaited<ReturnType<ReturnType<typeof selectCards>['execute']>>[number];

function cardOf(row: CardColumns): ExportCard {
  return {
    contact: toCard(row, childrenFrom(row)),
    extras: readJsonRows<[number, string | null, string, string, string]>(row.extras)
      .sort((a, b) => a[0] - b[0])
      .map(([, group, name, params, value]) => ({ group, name, params: JSON.parse(params), value })),
    photo: row.photo_type === null ? null : { mediaType: row.photo_type, data: Buffer.from(row.photo_data!) },
  };
}

/** A page of the owner's live contacts to export, in name order after a cursor, and the cursor after it. */
export async function exportPage(db: Db, dialect: Dialect, ownerId: string, after: Cursor | null, limit: number): Promise<{ cards: ExportCard[]; last: Cursor | null }> {
  const spec = sortSpec('name');
  let query = selectCards(db, dialect, ownerId);
  if (after) query = query.where(afterCursor(spec, after));
  const rows = await query.orderBy(orderBy(spec)).limit(limit).execute();
  const last = rows.at(-1);
  return { cards: rows.map(cardOf), last: last ? { value: last.sort_name, id: last.id } : null };
}

/** The owner's live contacts among these ids, to export, in no particular order. */
export async function exportCardsOf(db: Db, dialect: Dialect, ownerId: string, contactIds: readonly string[]): Promise<ExportCard[]> {
  const out: ExportCard[] = [];
  for (let i = 0; i < contactIds.length; i += 500) {
    const rows = await selectCards(db, dialect, ownerId).where('c.id', 'in', contactIds.slice(i, i + 500)).execute();
    out.push(...rows.map(cardOf));
  }
  return out;
}

export async function snapshotsOf(db: Db, ownerId: string, source: string, contactIds: readonly string[]): Promise<Map<string, Snapshot>> {
  const out = new Map<string, Snapshot>();
  for (let i = 0; i < contactIds.length; i += 500) {
    const rows = await db
      .selectFrom('contact_sources')
      .select(['contact_id', 'snapshot'])
      .where('owner_id', '=', ownerId)
      .where('source', '=', source)
      .where('contact_id', 'in', contactIds.slice(i, i + 500))
      .execute();
    for (const row of rows) out.set(row.contact_id, JSON.parse(row.snapshot));
  }
  return out;
}

export async function putSnapshots(db: Db, ownerId: string, source: string, snapshots: readonly { contactId: string; snapshot: Snapshot; isNew: boolean }[], at: string, raw: Raw = null) {
  // New contacts have no snapshot yet; only the others need their old one removed.
  const ids = snapshots.filter((s) => !s.isNew).map((s) => s.contactId);
  for (let i = 0; i < ids.length; i += 500) {
    await db.deleteFrom('contact_sources').where('owner_id', '=', ownerId).where('source', '=', source).where('contact_id', 'in', ids.slice(i, i + 500)).execute();
  }
  await insertChunked(
    db,
    'contact_sources',
    snapshots.map((s) => ({ contact_id: s.contactId, owner_id: ownerId, source, snapshot: JSON.stringify(s.snapshot), imported_at: at })),
    raw,
  );
}

/**
 * Refreshes the query planner's statistics of the tables a large import filled. Without them SQLite
 * reads a contact's emails through the owner index (every email of the user) instead of the
 * contact index, and exporting or listing slows down with the size of the address book.
 *
 * Not search_docs: it is filled after this, and statistics taken while it was still empty made
 * PostgreSQL check each new document by reading the whole table instead of its unique index, a
 * cost that grows with the square of the rows (30,000 rows into a new database: 19.6 s instead of
 * 9.0 s; 300,000 rows had not finished after 12 minutes).
 */
export async function analyze(db: Db): Promise<void> {
  for (const table of ['contacts', 'contact_methods', 'contact_tags', 'contact_dimensions', 'contact_extras', 'contact_sources']) {
    await sql`ANALYZE ${sql.table(table)}`.execute(db);
  }
}

/** Whether a dismissal names these two contacts, in either order: a restore renumbers ids, which can reverse any order. */
function samePair(a: string, b: string) {
  return (eb: ExpressionBuilder<DB, 'duplicate_dismissals'>) =>
    eb.or([
      eb.and([eb('first_contact_id', '=', a), eb('second_contact_id', '=', b)]),
      eb.and([eb('first_contact_id', '=', b), eb('second_contact_id', '=', a)]),
    ]);
}

/** The owner's pairs marked as different people, each as `a b` in both orders. */
export async function dismissedPairs(db: Db, ownerId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('duplicate_dismissals').select(['first_contact_id', 'second_contact_id']).where('owner_id', '=', ownerId).execute();
  return new Set(rows.flatMap((d) => [`${d.first_contact_id} ${d.second_contact_id}`, `${d.second_contact_id} ${d.first_contact_id}`]));
}

/** Marks a pair as different people; marking it again, in either order, changes nothing. */
export async function addDismissal(db: Db, ownerId: string, a: string, b: string, at: string): Promise<void> {
  const known = await db.selectFrom('duplicate_dismissals').select('first_contact_id').where('owner_id', '=', ownerId).where(samePair(a, b)).executeTakeFirst();
  if (known) return;
  await db
    .insertInto('duplicate_dismissals')
    .values({ owner_id: ownerId, first_contact_id: a, second_contact_id: b, created_at: at })
    // Two requests at once: the second finds the pair taken.
    .onConflict((c) => c.columns(['first_contact_id', 'second_contact_id']).doNothing())
    .execute();
}

/** Takes a pair's mark back; whether there was one. */
export async function removeDismissal(db: Db, ownerId: string, a: string, b: string): Promise<boolean> {
  const result = await db.deleteFrom('duplicate_dismissals').where('owner_id', '=', ownerId).where(samePair(a, b)).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A dismissal as a merge found it, and whether the merge moved it to the kept contact (or dropped it). */
export type MergedDismissal = { row: Selectable<DB['duplicate_dismissals']>; moved: boolean };

/**
 * Gives the kept contact of a merge the merged one's dismissals: "not the same person as X" holds
 * for both, now that they are one. Dropped instead: the pair of the two merged contacts itself, and
 * a pair the kept contact already has.
 */
export async function moveDismissals(db: Db, ownerId: string, from: string, to: string): Promise<MergedDismissal[]> {
  const rows = await db
    .selectFrom('duplicate_dismissals')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where((eb) => eb.or([eb('first_contact_id', '=', from), eb('second_contact_id', '=', from)]))
    .execute();
  const out: MergedDismissal[] = [];
  for (const row of rows) {
    const other = row.first_contact_id === from ? row.second_contact_id : row.first_contact_id;
    const taken = other === to || (await db.selectFrom('duplicate_dismissals').select('first_contact_id').where('owner_id', '=', ownerId).where(samePair(to, other)).executeTakeFirst());
    if (taken) await db.deleteFrom('duplicate_dismissals').where('owner_id', '=', ownerId).where(samePair(row.first_contact_id, row.second_contact_id)).execute();
    else await db.updateTable('duplicate_dismissals').set(row.first_contact_id === from ? { first_contact_id: to } : { second_contact_id: to }).where('owner_id', '=', ownerId).where(samePair(row.first_contact_id, row.second_contact_id)).execute();
    out.push({ row, moved: !taken });
  }
  return out;
}

/** Undoes moveDismissals: the moved marks go back to the merged contact, the dropped ones return (unless the other contact is gone). */
export async function restoreDismissals(db: Db, ownerId: string, from: string, to: string, dismissals: readonly MergedDismissal[]): Promise<void> {
  for (const { row, moved } of dismissals) {
    const other = row.first_contact_id === from ? row.second_contact_id : row.first_contact_id;
    if (moved) await db.deleteFrom('duplicate_dismissals').where('owner_id', '=', ownerId).where(samePair(to, other)).execute();
    if (!(await db.selectFrom('contacts').select('id').where('owner_id', '=', ownerId).where('id', '=', other).executeTakeFirst())) continue;
    await db.insertInto('duplicate_dismissals').values(row).onConflict((c) => c.columns(['first_contact_id', 'second_contact_id']).doNothing()).execute();
  }
}

/** Every live contact's identifying data, for matching an import against. */
export async function matchData(db: Db, ownerId: string) {
  const contacts = await db.selectFrom('contacts').select(['id', 'display_name', 'company']).where('owner_id', '=', ownerId).where('deleted_at', 'is', null).execute();
  const methods = await db
    .selectFrom('contact_methods as m')
    .innerJoin('contacts as c', 'c.id', 'm.contact_id')
    .select(['m.contact_id', 'm.kind', 'm.value', 'm.type'])
    .where('m.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .orderBy('m.position')
    .execute();
  const uids = await db
    .selectFrom('contact_extras')
    .select(['contact_id', 'value'])
    .where('owner_id', '=', ownerId)
    .where('name', '=', 'UID')
    .execute();
  return { contacts, methods, uids };
}
