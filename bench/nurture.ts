// Nurture benchmark (issue 4), on the seeded database of bench/run.ts: the 50 most overdue
// contacts, the whole Today payload and the calendar feed, each against the same queries written
// by hand in raw SQL on the driver, in turn, in the same run.
import type { Services } from '../src/services.js';
import * as nurtureStore from '../src/features/nurture/store.js';
import { monthDayRanges, SUCCESS_DAYS, UPCOMING_DAYS } from '../src/features/nurture/service.js';
import { SUCCESS_KINDS, YEARLY_KINDS } from '../src/features/nurture/schemas.js';
import { hashSeed, isoDate, Random, uuidV7, DAY_MS } from '../src/features/seed/model.js';
import type { Scope } from '../src/platform/auth/scope.js';
import { hashSecret } from '../src/platform/auth/secrets.js';
import type { Database } from '../src/platform/database/connect.js';
import { insertMany, refreshStatistics, updateMany } from '../src/platform/database/bulk.js';
import { addDays, localDate, startOfLocalDay } from '../src/platform/dates.js';
import { inTurn, latencyFigure, log, type Figure, type RawSql } from './lib.js';

const SUMMARY = 'c.id AS contact_id, c.display_name AS contact_name, c.company AS contact_company, c.title AS contact_title, c.circle AS contact_circle';
const LIVE = 'c.owner_id = ? AND c.deleted_at IS NULL';
const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The 50 most urgent due contacts, as Today lists them, by hand: those whose priority instant has
 * passed (every one of them is due) off the priority index, then, only if fewer than 50, those due
 * but not yet that late.
 */
const OVERDUE_SQL = (late: boolean) => `SELECT ${SUMMARY}, c.cadence_days, c.due_at, c.last_interaction_at FROM contacts c
  WHERE ${LIVE} AND c.due_at IS NOT NULL AND ${late ? 'c.priority_at < ?' : 'c.due_at < ? AND c.priority_at >= ?'} ORDER BY c.priority_at, c.id LIMIT ?`;

async function rawOverdue(raw: RawSql, ownerId: string, before: string): Promise<{ contact_id: string }[]> {
  const late = await raw.all<{ contact_id: string }>(OVERDUE_SQL(true), [ownerId, before, 50]);
  if (late.length === 50) return late;
  return [...late, ...(await raw.all<{ contact_id: string }>(OVERDUE_SQL(false), [ownerId, before, before, 50 - late.length]))];
}

/**
 * The benchmark data has no birthdays, milestones or promises; Today reads all three. A third of
 * the contacts get a birthday, and a few thousand milestones and open offers and asks are added,
 * dated around today, so those parts of Today have rows to find.
 */
export async function addNurtureData(db: Database, ownerId: string, now: Date): Promise<void> {
  const random = new Random(hashSeed('bench nurture', ownerId));
  const ids = (await db.kysely.selectFrom('contacts').select('id').where('owner_id', '=', ownerId).orderBy('id').execute()).map((r) => r.id);
  const birthdays = ids.filter((_, i) => i % 3 === 0).map((id) => ({ id, birth_month: random.between(1, 12), birth_day: random.between(1, 28) }));
  await updateMany(db.kysely, db.dialect, 'contacts', ownerId, { birth_month: 'integer', birth_day: 'integer' }, birthdays);
  const at = now.toISOString();
  const kinds = ['new_job', 'promotion', 'award', 'launch', 'move', 'work_anniversary', 'other'];
  const events = Array.from({ length: Math.min(5000, ids.length / 20) }, () => {
    const day = now.getTime() - random.int(400) * DAY_MS + 30 * DAY_MS;
    return { id: uuidV7(day, random), owner_id: ownerId, contact_id: random.pick(ids), kind: random.pick(kinds), occurred_on: isoDate(day), note: null, acknowledged_at: null, acknowledgement_id: null, created_at: at, updated_at: at };
  });
  await insertMany(db.kysely, db.dialect, 'contact_events', events);
  const directions = ['i_offered', 'they_offered', 'i_asked', 'they_asked'];
  const exchanges = Array.from({ length: Math.min(2000, ids.length / 50) }, () => {
    const day = now.getTime() - random.int(200) * DAY_MS;
    return {
      id: uuidV7(day, random),
      owner_id: ownerId,
      contact_id: random.pick(ids),
      direction: random.pick(directions),
      description: 'An introduction to a designer',
      opened_on: isoDate(day),
      due_on: random.chance(0.5) ? isoDate(day + 30 * DAY_MS) : null,
      done_at: random.chance(0.5) ? at : null,
      created_at: at,
      updated_at: at,
    };
  });
  await insertMany(db.kysely, db.dialect, 'exchanges', exchanges);
  // Autovacuum analyzes a table this much changed within a minute; until then PostgreSQL's planner
  // takes the 5,000 new milestones for one row. SQLite has no such background analysis.
  if (db.dialect === 'postgres') await refreshStatistics(db.kysely, db.dialect, ['contacts', 'contact_events', 'exchanges']);
}

/** The queries of Today, written by hand, grouped as the service runs them (each group at once). */
async function rawToday(raw: RawSql, ownerId: string, timeZone: string, now: Date): Promise<void> {
  const date = localDate(now, timeZone);
  const tomorrow = startOfLocalDay(addDays(date, 1), timeZone).toISOString();
  const horizon = addDays(date, UPCOMING_DAYS);
  const ranges = monthDayRanges(date, horizon);
  const inRanges = (e: string) => `(${ranges.map(() => `${e} BETWEEN ? AND ?`).join(' OR ')})`;
  const rangeParams = ranges.flatMap((r) => [r.from, r.to]);
  const monthDay = 'CAST(substr(e.occurred_on, 6, 2) AS integer) * 100 + CAST(substr(e.occurred_on, 9, 2) AS integer)';
  await raw.all('SELECT * FROM users WHERE id = ?', [ownerId]);
  const [due, , followUps] = await Promise.all([
    rawOverdue(raw, ownerId, tomorrow),
    raw.all(`SELECT count(*) AS n FROM contacts c WHERE ${LIVE} AND c.due_at IS NOT NULL AND c.due_at < ?`, [ownerId, tomorrow]),
    raw.all<{ id: string }>(
      `SELECT id, follow_up, follow_up_due, summary, updated_at FROM interactions
       WHERE owner_id = ? AND follow_up IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL AND follow_up_due IS NOT NULL AND follow_up_due <= ?
       ORDER BY follow_up_due, id LIMIT 50`,
      [ownerId, date],
    ),
    raw.all(`SELECT ${SUMMARY}, c.birth_year, c.birth_month, c.birth_day FROM contacts c WHERE ${LIVE} AND c.birth_month IS NOT NULL AND ${inRanges('c.birth_month * 100 + c.birth_day')} LIMIT 500`, [ownerId, ...rangeParams]),
    raw.all(
      `SELECT ${SUMMARY}, e.* FROM contacts c JOIN contact_events e ON e.contact_id = c.id WHERE ${LIVE}
       AND ((e.kind IN (${list(YEARLY_KINDS.length)}) AND ${inRanges(monthDay)}) OR (e.kind NOT IN (${list(YEARLY_KINDS.length)}) AND e.occurred_on >= ? AND e.occurred_on <= ?)) LIMIT 500`,
      [ownerId, ...YEARLY_KINDS, ...rangeParams, ...YEARLY_KINDS, date, horizon],
    ),
    raw.all(
      `SELECT ${SUMMARY}, e.* FROM contacts c JOIN contact_events e ON e.contact_id = c.id WHERE ${LIVE}
       AND e.kind IN (${list(SUCCESS_KINDS.length)}) AND e.acknowledged_at IS NULL AND e.occurred_on >= ? AND e.occurred_on <= ?
       ORDER BY e.occurred_on DESC, e.id LIMIT 50`,
      [ownerId, ...SUCCESS_KINDS, addDays(date, -SUCCESS_DAYS), date],
    ),
    raw.all(
      `SELECT ${SUMMARY}, x.* FROM contacts c JOIN exchanges x ON x.contact_id = c.id WHERE ${LIVE}
       AND x.done_at IS NULL AND x.direction IN (?, ?) ORDER BY x.due_on IS NULL, x.due_on, x.opened_on, x.id LIMIT 50`,
      [ownerId, 'i_offered', 'they_asked'],
    ),
  ]);
  const dueIds = due.map((r) => r.contact_id);
  const followUpIds = followUps.map((f) => f.id);
  await Promise.all([
    dueIds.length > 0 &&
      raw.all(
        `SELECT c.id AS contact_id, i.id, i.kind, i.summary, i.occurred_at FROM contacts c
         JOIN interaction_participants p ON p.contact_id = c.id JOIN interactions i ON i.id = p.interaction_id AND i.occurred_at = c.last_interaction_at
         WHERE c.owner_id = ? AND c.id IN (${list(dueIds.length)}) AND i.deleted_at IS NULL ORDER BY i.id`,
        [ownerId, ...dueIds],
      ),
    dueIds.length > 0 &&
      raw.all(
        `SELECT * FROM contact_events WHERE owner_id = ? AND contact_id IN (${list(dueIds.length)}) AND kind <> 'birthday' AND occurred_on >= ? AND occurred_on <= ? ORDER BY occurred_on, id`,
        [ownerId, ...dueIds, addDays(date, -180), date],
      ),
    followUpIds.length > 0 &&
      raw.all(
        `SELECT p.interaction_id, ${SUMMARY} FROM contacts c JOIN interaction_participants p ON p.contact_id = c.id
         WHERE ${LIVE} AND p.interaction_id IN (${list(followUpIds.length)}) ORDER BY c.sort_name`,
        [ownerId, ...followUpIds],
      ),
  ]);
}

/** The rows of the calendar feed, written by hand: the token's owner, the user, and the three lists. */
async function rawCalendarRows(raw: RawSql, tokenHash: string): Promise<number> {
  const [feed] = await raw.all<{ owner_id: string }>('SELECT owner_id FROM calendar_feeds WHERE token_hash = ?', [tokenHash]);
  const ownerId = feed!.owner_id;
  await raw.all('SELECT * FROM users WHERE id = ?', [ownerId]);
  const lists = await Promise.all([
    raw.all(`SELECT c.id, c.display_name, c.due_at, c.updated_at FROM contacts c WHERE ${LIVE} AND c.due_at IS NOT NULL`, [ownerId]),
    raw.all(
      `SELECT id, follow_up, follow_up_due, summary, updated_at FROM interactions
       WHERE owner_id = ? AND follow_up IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL AND follow_up_due IS NOT NULL
       ORDER BY follow_up_due, id LIMIT 100000`,
      [ownerId],
    ),
    raw.all(`SELECT c.id, c.display_name, c.birth_year, c.birth_month, c.birth_day, c.updated_at FROM contacts c WHERE ${LIVE} AND c.birth_month IS NOT NULL`, [ownerId]),
  ]);
  return lists.reduce((n, l) => n + l.length, 0);
}

export interface NurtureTarget {
  db: Database;
  services: Services;
  raw: RawSql;
  /** The main account, with the seeded network. */
  scope: Scope;
  /** An account with 10,000 contacts, for the calendar feed. */
  calendarScope: Scope;
  runs: number;
}

export async function nurtureFigures(t: NurtureTarget): Promise<Figure[]> {
  const owner = t.scope.userId;
  const now = new Date();
  log('nurture: adding birthdays, milestones and promises for Today');
  await addNurtureData(t.db, owner, now);
  if (t.calendarScope.userId !== owner) await addNurtureData(t.db, t.calendarScope.userId, now);
  const user = await t.services.accounts.getUser(t.scope);
  const tomorrow = startOfLocalDay(addDays(localDate(now, user.timeZone), 1), user.timeZone).toISOString();

  log(`nurture: ${t.runs} overdue lists, ours and raw in turn`);
  const ours = await nurtureStore.dueContacts(t.db.kysely, owner, tomorrow, 50);
  const raw = await rawOverdue(t.raw, owner, tomorrow);
  if (ours.map((r) => r.contact_id).join() !== raw.map((r) => r.contact_id).join()) throw new Error('the raw overdue query lists other contacts than Rapport');
  const overdue = await inTurn(
    t.runs,
    () => nurtureStore.dueContacts(t.db.kysely, owner, tomorrow, 50),
    () => rawOverdue(t.raw, owner, tomorrow),
  );

  log(`nurture: ${t.runs} Today payloads, ours and raw in turn`);
  const today = await inTurn(
    t.runs,
    () => t.services.nurture.today(t.scope),
    () => rawToday(t.raw, owner, user.timeZone, new Date()),
  );
  const sample = await t.services.nurture.today(t.scope);

  const { token } = await t.services.nurture.regenerateCalendar(t.calendarScope);
  const calendarRuns = Math.max(10, Math.round(t.runs / 10));
  log(`nurture: ${calendarRuns} calendar feeds, ours and raw in turn`);
  const feed = await t.services.nurture.calendarFeed(token);
  const events = feed!.split('BEGIN:VEVENT').length - 1;
  const rows = await rawCalendarRows(t.raw, hashSecret(token));
  const calendar = await inTurn(
    calendarRuns,
    () => t.services.nurture.calendarFeed(token),
    () => rawCalendarRows(t.raw, hashSecret(token)),
  );
  return [
    latencyFigure('the 50 most overdue contacts (Today\'s due list)', overdue, { ms: 2 }),
    latencyFigure(
      `whole Today payload (${sample.due.total.toLocaleString('en')} due, ${sample.followUps.length} follow-ups, ${sample.upcoming.length} dates, ${sample.successes.length} successes, ${sample.promises.length} promises)`,
      today,
      { ms: 20 },
    ),
    latencyFigure(`calendar feed of an account with 10,000 contacts (${events.toLocaleString('en')} events; raw: its ${rows.toLocaleString('en')} rows only)`, calendar, { ms: 500 }),
  ];
}
