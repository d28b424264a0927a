import { sql, type Insertable, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import { inList, listParameter, type ListParameter } from '../../platform/database/lists.js';
import { precompiled } from '../../platform/database/precompiled.js';
import type { ContactEventsTable, DB, ExchangesTable } from '../../platform/database/schema.js';
import type { Circle } from '../contacts/model.js';
import type { InteractionKind } from '../interactions/model.js';
import { GIVING, SUCCESS_KINDS, YEARLY_KINDS, type ContactEvent, type ContactSummary, type Direction, type EventKind, type Exchange } from './schemas.js';

type Db = Kysely<DB>;

/** A span of the year by month and day as month·100+day, such as 1220–1231 and 101–103 across New Year. */
export interface MonthDayRange {
  from: number;
  to: number;
}

// Aliased so they never collide with the columns of a joined event, exchange or interaction.
const SUMMARY_COLUMNS = ['c.id as contact_id', 'c.display_name as contact_name', 'c.company as contact_company', 'c.title as contact_title', 'c.circle as contact_circle'] as const;
type SummaryRow = { contact_id: string; contact_name: string; contact_company: string | null; contact_title: string | null; contact_circle: string | null };

export function toSummary(row: SummaryRow): ContactSummary {
  return { id: row.contact_id, displayName: row.contact_name, company: row.contact_company, title: row.contact_title, circle: row.contact_circle as Circle | null };
}

export function toEvent(row: Selectable<ContactEventsTable>): ContactEvent {
  return {
    id: row.id,
    contactId: row.contact_id,
    kind: row.kind as EventKind,
    date: row.occurred_on,
    note: row.note,
    acknowledgedAt: row.acknowledged_at,
    acknowledgementId: row.acknowledgement_id,
    createdAt: row.created_at,
  };
}

export function toExchange(row: Selectable<ExchangesTable>): Exchange {
  return {
    id: row.id,
    contactId: row.contact_id,
    direction: row.direction as Direction,
    description: row.description,
    openedOn: row.opened_on,
    dueOn: row.due_on,
    doneAt: row.done_at,
    createdAt: row.created_at,
  };
}

function liveContacts(db: Db, ownerId: string) {
  return db.selectFrom('contacts as c').where('c.owner_id', '=', ownerId).where('c.deleted_at', 'is', null);
}

// ---------------------------------------------------------------------------------------------
// Today
//
// Every visit to Today runs a dozen queries, so they are precompiled: built by Kysely once, and on
// PostgreSQL parsed once per connection (issue 4). Their lists of kinds and directions are
// therefore fixed here, and lists of ids are sent as one parameter.

export interface DueRow extends SummaryRow {
  cadence_days: number | null;
  due_at: string;
  last_interaction_at: string | null;
}

function dueByPriority(db: Db, ownerId: string) {
  return liveContacts(db, ownerId)
    .select([...SUMMARY_COLUMNS, 'c.cadence_days', 'c.due_at', 'c.last_interaction_at'])
    .where('c.due_at', 'is not', null)
    .orderBy('c.priority_at')
    .orderBy('c.id');
}

const lateContacts = precompiled((db: Db, ownerId: string, before: string, limit: number) => dueByPriority(db, ownerId).where('c.priority_at', '<', before).limit(limit));
const recentContacts = precompiled((db: Db, ownerId: string, before: string, limit: number) =>
  dueByPriority(db, ownerId).where('c.due_at', '<', before).where('c.priority_at', '>=', before).limit(limit),
);

/**
 * The most urgent contacts due before `before`, by priority. Every contact whose priority instant
 * has passed is due (priority comes after due), so the first query is a plain index range; only
 * when it finds too few does the second look at contacts due but not yet a full unit late.
 */
export async function dueContacts(db: Db, ownerId: string, before: string, limit: number): Promise<DueRow[]> {
  const late = await lateContacts(db, ownerId, before, limit);
  if (late.length === limit) return late as DueRow[];
  const recent = await recentContacts(db, ownerId, before, limit - late.length);
  return [...late, ...recent] as DueRow[];
}

const dueCount = precompiled((db: Db, ownerId: string, before: string, upTo: number) =>
  db
    .selectFrom(liveContacts(db, ownerId).select('c.id').where('c.due_at', 'is not', null).where('c.due_at', '<', before).limit(upTo).as('d'))
    .select((eb) => eb.fn.countAll<number>().as('n')),
);

/** How many contacts are due before `before`, counted up to `upTo`: an exact count reads every one. */
export async function countDue(db: Db, ownerId: string, before: string, upTo: number): Promise<number> {
  const [row] = await dueCount(db, ownerId, before, upTo);
  return Number(row!.n);
}

const interactionsAt = precompiled((db: Db, ownerId: string, instants: ListParameter) =>
  db
    .selectFrom('interactions as i')
    .innerJoin('interaction_participants as p', 'p.interaction_id', 'i.id')
    .select(['p.contact_id', 'i.id', 'i.kind', 'i.summary', 'i.occurred_at'])
    .where('i.owner_id', '=', ownerId)
    .where(inList(db, sql.ref('i.occurred_at'), instants))
    .where('i.deleted_at', 'is', null)
    .orderBy('i.id'),
);

/**
 * Each contact's most recent interaction: the one at its last_interaction_at, which the caller read
 * with the contact. The owner's interactions at those instants are found by time, with all their
 * participants (a few each: cheaper than checking each against a list of contacts), and kept for
 * the contacts whose last one they are.
 */
export async function lastInteractionsOf(db: Db, ownerId: string, contacts: readonly { id: string; lastInteractionAt: string | null }[]) {
  const out = new Map<string, { id: string; kind: InteractionKind; summary: string; occurredAt: string }>();
  const last = new Map(contacts.filter((c) => c.lastInteractionAt !== null).map((c) => [c.id, c.lastInteractionAt!]));
  if (last.size === 0) return out;
  const rows = await interactionsAt(db, ownerId, listParameter(db, [...new Set(last.values())]));
  for (const r of rows) {
    if (last.get(r.contact_id) === r.occurred_at) out.set(r.contact_id, { id: r.id, kind: r.kind as InteractionKind, summary: r.summary, occurredAt: r.occurred_at });
  }
  return out;
}

// By each contact's milestone index, then their contact rows for the owner (CROSS JOIN keeps
// SQLite to that order). By the owner's date index SQLite read every milestone of the last six
// months, and a condition on e.owner_id would offer it that index again, which it takes while it
// has no statistics on milestones yet (50 ms instead of 1). Listing the ids on the contacts
// instead made PostgreSQL hash all of those milestones against them (3 ms instead of 0.2).
const newsOf = precompiled((db: Db, ownerId: string, contactIds: ListParameter, from: string, to: string) =>
  db
    .selectFrom('contact_events as e')
    .crossJoin('contacts as c')
    .selectAll('e')
    .where(inList(db, sql.ref('e.contact_id'), contactIds))
    .whereRef('c.id', '=', 'e.contact_id')
    .where('c.owner_id', '=', ownerId)
    .where('e.kind', '!=', 'birthday')
    .where('e.occurred_on', '>=', from)
    .where('e.occurred_on', '<=', to)
    .orderBy('e.occurred_on')
    .orderBy('e.id'),
);

/** Each contact's latest milestone (not a birthday) dated within [from, to]. */
export async function latestNewsOf(db: Db, ownerId: string, contactIds: readonly string[], from: string, to: string): Promise<Map<string, ContactEvent>> {
  if (contactIds.length === 0) return new Map();
  const rows = await newsOf(db, ownerId, listParameter(db, contactIds), from, to);
  return new Map(rows.map((r) => [r.contact_id, toEvent(r)]));
}

function followUpsByDue(db: Db, ownerId: string) {
  return db
    .selectFrom('interactions as i')
    .select(['i.id', 'i.follow_up', 'i.follow_up_due', 'i.summary', 'i.updated_at'])
    .where('i.owner_id', '=', ownerId)
    .where('i.follow_up', 'is not', null)
    .where('i.follow_up_done_at', 'is', null)
    .where('i.deleted_at', 'is', null)
    .where('i.follow_up_due', 'is not', null)
    .orderBy('i.follow_up_due')
    .orderBy('i.id');
}

const followUpsDueBy = precompiled((db: Db, ownerId: string, dueBy: string, limit: number) => followUpsByDue(db, ownerId).where('i.follow_up_due', '<=', dueBy).limit(limit));
const allFollowUps = precompiled((db: Db, ownerId: string, limit: number) => followUpsByDue(db, ownerId).limit(limit));

export async function openFollowUps(db: Db, ownerId: string, dueBy: string | null, limit: number) {
  const rows = dueBy ? await followUpsDueBy(db, ownerId, dueBy, limit) : await allFollowUps(db, ownerId, limit);
  return rows.map((r) => ({ id: r.id, text: r.follow_up!, due: r.follow_up_due!, summary: r.summary, updatedAt: r.updated_at }));
}

const participantsOf = precompiled((db: Db, ownerId: string, interactionIds: ListParameter) =>
  liveContacts(db, ownerId)
    .innerJoin('interaction_participants as p', 'p.contact_id', 'c.id')
    .select(['p.interaction_id', ...SUMMARY_COLUMNS])
    .where(inList(db, sql.ref('p.interaction_id'), interactionIds))
    .orderBy('c.sort_name'),
);

/** Live participants of interactions, as summaries. */
export async function participantSummaries(db: Db, ownerId: string, interactionIds: readonly string[]): Promise<Map<string, ContactSummary[]>> {
  const out = new Map<string, ContactSummary[]>(interactionIds.map((id) => [id, []]));
  if (interactionIds.length === 0) return out;
  const rows = await participantsOf(db, ownerId, listParameter(db, interactionIds));
  for (const row of rows) out.get(row.interaction_id)!.push(toSummary(row));
  return out;
}

const birthdaysBetween = precompiled((db: Db, ownerId: string, fromMonth: number, fromDay: number, toMonth: number, toDay: number, limit: number) =>
  liveContacts(db, ownerId)
    .select([...SUMMARY_COLUMNS, 'c.birth_year', 'c.birth_month', 'c.birth_day'])
    .where('c.birth_month', 'is not', null)
    .where(sql<SqlBool>`(c.birth_month, c.birth_day) >= (${fromMonth}, ${fromDay})`)
    .where(sql<SqlBool>`(c.birth_month, c.birth_day) <= (${toMonth}, ${toDay})`)
    .orderBy('c.birth_month')
    .orderBy('c.birth_day')
    .orderBy('c.sort_name')
    .orderBy('c.id')
    .limit(limit),
);

const monthDayOf = (n: number) => [Math.floor(n / 100), n % 100] as const;

/**
 * The first `limit` birthdays in the ranges (given in calendar order), by day and then name, as
 * Today lists them: each range is read in that order off the birthday index, which holds every
 * column read, and a large network reads only the first.
 */
export async function birthdaysIn(db: Db, ownerId: string, ranges: readonly MonthDayRange[], limit: number) {
  const rows = [];
  for (const r of ranges) {
    if (rows.length === limit) break;
    rows.push(...(await birthdaysBetween(db, ownerId, ...monthDayOf(r.from), ...monthDayOf(r.to), limit - rows.length)));
  }
  return rows;
}

/**
 * A table that points at contacts, joined to their live contacts and read first: the owner has far
 * fewer milestones or promises than contacts (CROSS JOIN keeps SQLite to that order).
 */
function eventsWithContact(db: Db, ownerId: string) {
  return db
    .selectFrom('contact_events as e')
    .crossJoin('contacts as c')
    .whereRef('c.id', '=', 'e.contact_id')
    .where('e.owner_id', '=', ownerId)
    .where('c.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null);
}

function eventColumns(db: Db, ownerId: string) {
  return eventsWithContact(db, ownerId).select(SUMMARY_COLUMNS).selectAll('e');
}

// The day of the year an event recurs on, as month * 100 + day: the index contact_events_by_kind_day
// (migration 2026_12_05_001) holds this very expression, which is what lets the databases use it.
const eventMonthDay = sql<number>`CAST(substr(e.occurred_on, 6, 2) AS integer) * 100 + CAST(substr(e.occurred_on, 9, 2) AS integer)`;

const yearlyEventsIn = precompiled((db: Db, ownerId: string, from: number, to: number, limit: number) =>
  eventColumns(db, ownerId).where('e.kind', 'in', YEARLY_KINDS).where(sql<SqlBool>`${eventMonthDay} BETWEEN ${from} AND ${to}`).limit(limit),
);

function oneOffEvents(db: Db, ownerId: string) {
  return eventColumns(db, ownerId).where('e.kind', 'not in', YEARLY_KINDS).orderBy('e.occurred_on').orderBy('e.id');
}

const oneOffEventsIn = precompiled((db: Db, ownerId: string, from: string, to: string, limit: number) =>
  oneOffEvents(db, ownerId).where('e.occurred_on', '>=', from).where('e.occurred_on', '<=', to).limit(limit),
);
const oneOffEventsAfter = precompiled((db: Db, ownerId: string, on: string, afterId: string) => oneOffEvents(db, ownerId).where('e.occurred_on', '=', on).where('e.id', '>', afterId));

/**
 * Yearly events (YEARLY_KINDS) whose day falls in the ranges (each range one span of the index by
 * kind and day; up to `limits.yearly`, in no order), and the first `limits.dated` one-off events
 * dated within [from, to] by date (read by date), with every other event of the last date read:
 * lists of dates are ordered by date, then name.
 */
export async function eventsIn(db: Db, ownerId: string, ranges: readonly MonthDayRange[], from: string, to: string, limits: { yearly: number; dated: number }) {
  const [recurring, dated] = await Promise.all([
    Promise.all(ranges.map((r) => yearlyEventsIn(db, ownerId, r.from, r.to, limits.yearly))).then((lists) => lists.flat().slice(0, limits.yearly)),
    oneOffEventsIn(db, ownerId, from, to, limits.dated),
  ]);
  if (dated.length < limits.dated) return [...recurring, ...dated];
  const last = dated.at(-1)!;
  return [...recurring, ...dated, ...(await oneOffEventsAfter(db, ownerId, last.occurred_on, last.id))];
}

/** The latest unacknowledged successes (SUCCESS_KINDS) dated within [from, to]. */
export const unacknowledgedSuccesses = precompiled((db: Db, ownerId: string, from: string, to: string, limit: number) =>
  eventColumns(db, ownerId)
    .where('e.kind', 'in', SUCCESS_KINDS)
    .where('e.acknowledged_at', 'is', null)
    .where('e.occurred_on', '>=', from)
    .where('e.occurred_on', '<=', to)
    .orderBy('e.occurred_on', 'desc')
    .orderBy('e.id')
    .limit(limit),
);

function openGiving(db: Db, ownerId: string) {
  return db
    .selectFrom('exchanges as x')
    .crossJoin('contacts as c')
    .whereRef('c.id', '=', 'x.contact_id')
    .where('x.owner_id', '=', ownerId)
    .where('c.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .select(SUMMARY_COLUMNS)
    .selectAll('x')
    .where('x.done_at', 'is', null)
    .where('x.direction', 'in', GIVING);
}

const datedGiving = precompiled((db: Db, ownerId: string, limit: number) =>
  openGiving(db, ownerId).where('x.due_on', 'is not', null).orderBy('x.due_on').orderBy('x.opened_on').orderBy('x.id').limit(limit),
);
const undatedGiving = precompiled((db: Db, ownerId: string, limit: number) => openGiving(db, ownerId).where('x.due_on', 'is', null).orderBy('x.opened_on').orderBy('x.id').limit(limit));

/**
 * Open promises the user is to keep (GIVING), by due date, undated ones last: two reads of the
 * open-promise index in its order (dated, then undated), each stopping at `limit`.
 */
export async function openPromises(db: Db, ownerId: string, limit: number) {
  const dated = await datedGiving(db, ownerId, limit);
  if (dated.length === limit) return dated;
  return [...dated, ...(await undatedGiving(db, ownerId, limit - dated.length))];
}

// ---------------------------------------------------------------------------------------------
// Milestones and the ledger

export async function insertEvent(db: Db, row: Insertable<ContactEventsTable>): Promise<void> {
  await db.insertInto('contact_events').values(row).execute();
}

export async function findEvent(db: Db, ownerId: string, id: string) {
  return db.selectFrom('contact_events').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
}

export async function eventsOf(db: Db, ownerId: string, contactId: string): Promise<ContactEvent[]> {
  const rows = await db
    .selectFrom('contact_events')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .orderBy('occurred_on', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}

export async function updateEvent(db: Db, ownerId: string, id: string, patch: Updateable<ContactEventsTable>): Promise<void> {
  await db.updateTable('contact_events').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function deleteEvent(db: Db, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('contact_events').where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function insertExchange(db: Db, row: Insertable<ExchangesTable>): Promise<void> {
  await db.insertInto('exchanges').values(row).execute();
}

export async function findExchange(db: Db, ownerId: string, id: string) {
  return db.selectFrom('exchanges').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
}

export async function exchangesOf(db: Db, ownerId: string, contactId: string): Promise<Exchange[]> {
  const rows = await db
    .selectFrom('exchanges')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .orderBy('opened_on', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toExchange);
}

export async function updateExchange(db: Db, ownerId: string, id: string, patch: Updateable<ExchangesTable>): Promise<void> {
  await db.updateTable('exchanges').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function deleteExchange(db: Db, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('exchanges').where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------
// Calendar feed

export async function feedOf(db: Db, ownerId: string) {
  return db.selectFrom('calendar_feeds').select(['created_at']).where('owner_id', '=', ownerId).executeTakeFirst();
}

/** Replaces the owner's feed token, so the old URL stops working at once. */
export async function replaceFeed(db: Db, ownerId: string, tokenHash: string, at: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('owner_id', '=', ownerId).execute();
  await db.insertInto('calendar_feeds').values({ owner_id: ownerId, token_hash: tokenHash, created_at: at }).execute();
}

export async function deleteFeed(db: Db, ownerId: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_feeds').where('owner_id', '=', ownerId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function feedOwner(db: Db, tokenHash: string): Promise<string | undefined> {
  const row = await db.selectFrom('calendar_feeds').select('owner_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return row?.owner_id;
}

/** Everything the feed shows, in three scans: due check-ins, open dated follow-ups, birthdays. */
export async function calendarData(db: Db, ownerId: string) {
  const [due, followUps, birthdays] = await Promise.all([
    liveContacts(db, ownerId).select(['c.id', 'c.display_name', 'c.due_at', 'c.updated_at']).where('c.due_at', 'is not', null).execute(),
    openFollowUps(db, ownerId, null, 100_000),
    liveContacts(db, ownerId)
      .select(['c.id', 'c.display_name', 'c.birth_year', 'c.birth_month', 'c.birth_day', 'c.updated_at'])
      .where('c.birth_month', 'is not', null)
      .execute(),
  ]);
  return { due: due as { id: string; display_name: string; due_at: string; updated_at: string }[], followUps, birthdays };
}
