import type { Kysely } from 'kysely';
import { authenticatedScope, type Scope } from '../../platform/auth/scope.js';
import { hashSecret, newSecret } from '../../platform/auth/secrets.js';
import type { DB } from '../../platform/database/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { parseInput, validationError } from '../../platform/validation.js';
import type { AccountsService } from '../accounts/service.js';
import { sortNameOf, type Circle, type Contact } from '../contacts/model.js';
import type { ContactsService } from '../contacts/service.js';
import type { InteractionsService } from '../interactions/service.js';
import { buildCalendar } from './calendar.js';
import {
  effectiveCadence,
  nextOccurrence,
  overdueDays,
  strengthAt,
  strengthLog,
  strengthTrend,
  type NurtureSettings,
  type SettingsPatch,
} from './model.js';
import {
  balanceOf,
  celebrateInput,
  celebrationSummary,
  eventInput,
  eventPatch,
  exchangeInput,
  exchangePatch,
  snoozeInput,
  YEARLY_KINDS,
  type Balance,
  type CelebrateInput,
  type ContactEvent,
  type EventInput,
  type EventPatch,
  type Exchange,
  type ExchangeInput,
  type ExchangePatch,
  type SnoozeInput,
  type Today,
} from './schemas.js';
import * as store from './store.js';
import type { MonthDayRange } from './store.js';
import { addDays, daysBetween, localDate, startOfLocalDay } from '../../platform/dates.js';

/** How far ahead Today looks for birthdays and other dates, and back for their successes. */
export const UPCOMING_DAYS = 14;
export const SUCCESS_DAYS = 30;
/** How old a milestone may be and still count as someone's latest news. */
const NEWS_DAYS = 180;
const LIST_LIMIT = 50;
/** Today counts due contacts up to this many and says "more" beyond: an exact count reads every one. */
export const DUE_COUNT_LIMIT = 1000;

const monthDay = (date: string) => Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

/** The month-day spans covering [from, to], split at New Year, widened to 29 February when 28 February is in and the year has none. */
export function monthDayRanges(from: string, to: string): MonthDayRange[] {
  const ranges = monthDay(from) <= monthDay(to) ? [{ from: monthDay(from), to: monthDay(to) }] : [{ from: monthDay(from), to: 1231 }, { from: 101, to: monthDay(to) }];
  return ranges.map((r) => (r.to === 228 ? { ...r, to: 229 } : r));
}

function reasonFor(c: { last_interaction_at: string | null }, cadence: number, overdue: number, now: Date): string {
  const aim = `you aim for every ${cadence} days`;
  if (!c.last_interaction_at) return `No interaction logged yet; ${aim}.`;
  const ago = Math.floor((now.getTime() - Date.parse(c.last_interaction_at)) / 86_400_000);
  const late = overdue > 0 ? `, ${overdue} ${overdue === 1 ? 'day' : 'days'} overdue` : '';
  return `Last contact ${ago} ${ago === 1 ? 'day' : 'days'} ago; ${aim}${late}.`;
}

export function createNurtureService(deps: Deps, accounts: AccountsService, contacts: ContactsService, interactions: InteractionsService) {
  const db = deps.db.kysely;
  const now = () => deps.clock();

  async function requireContact(tx: Kysely<DB>, scope: Scope, contactId: string): Promise<void> {
    await contacts.requireLive(tx, scope, [contactId], 'contactId');
  }

  async function eventOf(tx: Kysely<DB>, scope: Scope, id: string) {
    const row = await store.findEvent(tx, scope.userId, id);
    if (!row) throw new AppError('EVENT_NOT_FOUND', `No milestone with id ${id}.`, { id });
    return row;
  }

  async function exchangeOf(tx: Kysely<DB>, scope: Scope, id: string) {
    const row = await store.findExchange(tx, scope.userId, id);
    if (!row) throw new AppError('EXCHANGE_NOT_FOUND', `No offer or ask with id ${id}.`, { id });
    return row;
  }

  async function todayOf(scope: Scope): Promise<{ date: string; timeZone: string }> {
    const user = await accounts.getUser(scope);
    return { date: localDate(now(), user.timeZone), timeZone: user.timeZone };
  }

  return {
    settings: (scope: Scope) => accounts.nurtureSettings(scope),

    /** Changes cadences or half-life and recomputes every contact's schedule with them. */
    async updateSettings(scope: Scope, patch: SettingsPatch): Promise<NurtureSettings> {
      return db.transaction().execute(async (tx) => {
        const settings = await accounts.updateNurtureSettings(tx, scope, patch);
        await contacts.refreshAllSchedules(tx, scope);
        return settings;
      });
    },

    /** Whom to reach out to today and why, with follow-ups, dates, successes and promises. */
    async today(scope: Scope): Promise<Today> {
      const at = now();
      const { user, settings } = await accounts.userAndSettings(scope);
      const date = localDate(at, user.timeZone);
      const tomorrow = startOfLocalDay(addDays(date, 1), user.timeZone).toISOString();
      const horizon = addDays(date, UPCOMING_DAYS);

      // A list's details are read as soon as the list is, not once every other list has come.
      const dueWithDetails = async () => {
        const rows = await store.dueContacts(db, scope.userId, tomorrow, LIST_LIMIT);
        const [lastInteractions, news] = await Promise.all([
          store.lastInteractionsOf(db, scope.userId, rows.map((r) => ({ id: r.contact_id, lastInteractionAt: r.last_interaction_at }))),
          store.latestNewsOf(db, scope.userId, rows.map((r) => r.contact_id), addDays(date, -NEWS_DAYS), date),
        ]);
        return { rows, lastInteractions, news };
      };
      const followUpsWithParticipants = async () => {
        const rows = await store.openFollowUps(db, scope.userId, date, LIST_LIMIT);
        return { rows, participants: await store.participantSummaries(db, scope.userId, rows.map((f) => f.id)) };
      };
      const [due, dueTotal, followUps, birthdays, events, successes, promises] = await Promise.all([
        dueWithDetails(),
        store.countDue(db, scope.userId, tomorrow, DUE_COUNT_LIMIT + 1),
        followUpsWithParticipants(),
        store.birthdaysIn(db, scope.userId, monthDayRanges(date, horizon), LIST_LIMIT),
        store.eventsIn(db, scope.userId, monthDayRanges(date, horizon), date, horizon, { yearly: 500, dated: LIST_LIMIT }),
        store.unacknowledgedSuccesses(db, scope.userId, addDays(date, -SUCCESS_DAYS), date, LIST_LIMIT),
        store.openPromises(db, scope.userId, LIST_LIMIT),
      ]);

      const upcoming: Today['upcoming'] = [
        ...birthdays.map((b) => {
          const on = nextOccurrence(b.birth_month!, b.birth_day!, date);
          return { contact: store.toSummary(b), kind: 'birthday' as const, date: on, years: b.birth_year ? Number(on.slice(0, 4)) - b.birth_year : null, eventId: null, note: null };
        }),
        ...events.map((e) => {
          const yearly = YEARLY_KINDS.includes(e.kind as never);
          const on = yearly ? nextOccurrence(Number(e.occurred_on.slice(5, 7)), Number(e.occurred_on.slice(8, 10)), date) : e.occurred_on;
          const years = yearly ? Number(on.slice(0, 4)) - Number(e.occurred_on.slice(0, 4)) : null;
          return { contact: store.toSummary(e), kind: store.toEvent(e).kind, date: on, years: years && years > 0 ? years : null, eventId: e.id, note: e.note };
        }),
      ]
        .filter((u) => u.date >= date && u.date <= horizon)
        // By day, then by name as the contact list sorts it, which is how the birthday index
        // hands over the first ones.
        .map((u) => ({ key: `${u.date} ${sortNameOf(u.contact.displayName)}`, item: u }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .slice(0, LIST_LIMIT)
        .map(({ item }) => ({ ...item, inDays: daysBetween(date, item.date) }));

      return {
        date,
        timeZone: user.timeZone,
        due: {
          total: Math.min(dueTotal, DUE_COUNT_LIMIT),
          moreThanTotal: dueTotal > DUE_COUNT_LIMIT,
          items: due.rows.map((r) => {
            const cadence = effectiveCadence({ circle: r.contact_circle as Circle | null, cadenceDays: r.cadence_days, reminders: true }, settings)!;
            const overdue = overdueDays(r.due_at, at);
            return {
              contact: store.toSummary(r),
              dueAt: r.due_at,
              overdueDays: overdue,
              cadenceDays: cadence,
              reason: reasonFor(r, cadence, overdue, at),
              lastInteraction: due.lastInteractions.get(r.contact_id) ?? null,
              latestNews: due.news.get(r.contact_id) ?? null,
            };
          }),
        },
        followUps: followUps.rows.map((f) => ({
          interactionId: f.id,
          text: f.text,
          due: f.due,
          overdueDays: Math.max(0, daysBetween(f.due, date)),
          summary: f.summary,
          contacts: followUps.participants.get(f.id) ?? [],
        })),
        upcoming,
        successes: successes.map((s) => ({ contact: store.toSummary(s), event: store.toEvent(s) })),
        promises: promises.map((p) => ({ contact: store.toSummary(p), exchange: store.toExchange(p) })),
      };
    },

    /** Puts off a contact's check-in for a week, a month, or until a future day in the user's time zone. */
    async snooze(scope: Scope, contactId: string, input: SnoozeInput): Promise<Contact> {
      const data = parseInput(snoozeInput, input);
      const { date, timeZone } = await todayOf(scope);
      const until = 'for' in data ? addDays(date, data.for === 'week' ? 7 : 30) : data.until;
      if (until <= date) throw validationError([{ path: 'until', message: `must be after today (${date})` }]);
      return contacts.snooze(scope, contactId, startOfLocalDay(until, timeZone).toISOString());
    },

    unsnooze: (scope: Scope, contactId: string) => contacts.snooze(scope, contactId, null),

    /** Strength now and at the end of each of the last twelve months. */
    async strength(scope: Scope, contactId: string) {
      await requireContact(db, scope, contactId);
      const { halfLifeDays } = await accounts.nurtureSettings(scope);
      const history = await interactions.weightedOf(scope, contactId);
      const at = now();
      return {
        strength: strengthAt(strengthLog(history, halfLifeDays), at, halfLifeDays),
        halfLifeDays,
        trend: strengthTrend(history, at, halfLifeDays),
      };
    },

    // -- their milestones ------------------------------------------------------------------------

    async events(scope: Scope, contactId: string): Promise<ContactEvent[]> {
      await requireContact(db, scope, contactId);
      return store.eventsOf(db, scope.userId, contactId);
    },

    async addEvent(scope: Scope, contactId: string, input: EventInput): Promise<ContactEvent> {
      const data = parseInput(eventInput, input);
      return db.transaction().execute(async (tx) => {
        await requireContact(tx, scope, contactId);
        const at = now().toISOString();
        const id = deps.newId();
        await store.insertEvent(tx, { id, owner_id: scope.userId, contact_id: contactId, kind: data.kind, occurred_on: data.date, note: data.note ?? null, created_at: at, updated_at: at });
        return store.toEvent(await eventOf(tx, scope, id));
      });
    },

    async updateEvent(scope: Scope, id: string, patch: EventPatch): Promise<ContactEvent> {
      const data = parseInput(eventPatch, patch);
      return db.transaction().execute(async (tx) => {
        await eventOf(tx, scope, id);
        await store.updateEvent(tx, scope.userId, id, {
          ...(data.kind !== undefined && { kind: data.kind }),
          ...(data.date !== undefined && { occurred_on: data.date }),
          ...(data.note !== undefined && { note: data.note }),
          updated_at: now().toISOString(),
        });
        return store.toEvent(await eventOf(tx, scope, id));
      });
    },

    async deleteEvent(scope: Scope, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await eventOf(tx, scope, id);
        await store.deleteEvent(tx, scope.userId, id);
      });
    },

    /** Records how the user acknowledged a milestone, as an interaction with the contact. */
    async celebrate(scope: Scope, id: string, input: CelebrateInput): Promise<ContactEvent> {
      const data = parseInput(celebrateInput, input);
      const event = store.toEvent(await eventOf(db, scope, id));
      const [contact] = await contacts.findMany(db, scope, [event.contactId]);
      const interaction = await interactions.create(scope, {
        participantIds: [event.contactId],
        kind: data.kind,
        channel: data.channel,
        occurredAt: data.occurredAt ?? now().toISOString(),
        summary: data.summary ?? celebrationSummary(contact!.displayName, event.kind),
        notes: data.notes,
      });
      await store.updateEvent(db, scope.userId, id, { acknowledged_at: now().toISOString(), acknowledgement_id: interaction.id, updated_at: now().toISOString() });
      return store.toEvent(await eventOf(db, scope, id));
    },

    // -- give and take ---------------------------------------------------------------------------

    async exchanges(scope: Scope, contactId: string): Promise<{ items: Exchange[]; balance: Balance }> {
      await requireContact(db, scope, contactId);
      const items = await store.exchangesOf(db, scope.userId, contactId);
      return { items, balance: balanceOf(items) };
    },

    async addExchange(scope: Scope, contactId: string, input: ExchangeInput): Promise<Exchange> {
      const data = parseInput(exchangeInput, input);
      const { date } = await todayOf(scope);
      return db.transaction().execute(async (tx) => {
        await requireContact(tx, scope, contactId);
        const at = now().toISOString();
        const id = deps.newId();
        await store.insertExchange(tx, {
          id,
          owner_id: scope.userId,
          contact_id: contactId,
          direction: data.direction,
          description: data.description,
          opened_on: data.openedOn ?? date,
          due_on: data.dueOn ?? null,
          done_at: data.done ? at : null,
          created_at: at,
          updated_at: at,
        });
        return store.toExchange(await exchangeOf(tx, scope, id));
      });
    },

    async updateExchange(scope: Scope, id: string, patch: ExchangePatch): Promise<Exchange> {
      const data = parseInput(exchangePatch, patch);
      return db.transaction().execute(async (tx) => {
        const current = await exchangeOf(tx, scope, id);
        const at = now().toISOString();
        await store.updateExchange(tx, scope.userId, id, {
          ...(data.direction !== undefined && { direction: data.direction }),
          ...(data.description !== undefined && { description: data.description }),
          ...(data.openedOn !== undefined && { opened_on: data.openedOn }),
          ...(data.dueOn !== undefined && { due_on: data.dueOn }),
          // Marking done again keeps the moment it was first done.
          ...(data.done !== undefined && { done_at: data.done ? (current.done_at ?? at) : null }),
          updated_at: at,
        });
        return store.toExchange(await exchangeOf(tx, scope, id));
      });
    },

    async deleteExchange(scope: Scope, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await exchangeOf(tx, scope, id);
        await store.deleteExchange(tx, scope.userId, id);
      });
    },

    // -- calendar feed ---------------------------------------------------------------------------

    async calendarInfo(scope: Scope): Promise<{ active: boolean; createdAt: string | null }> {
      const feed = await store.feedOf(db, scope.userId);
      return { active: Boolean(feed), createdAt: feed?.created_at ?? null };
    },

    /** Creates the feed, or replaces its secret (the old URL stops working). The token is shown only now. */
    async regenerateCalendar(scope: Scope): Promise<{ token: string; createdAt: string }> {
      const token = newSecret('rpc');
      const at = now().toISOString();
      await db.transaction().execute((tx) => store.replaceFeed(tx, scope.userId, hashSecret(token), at));
      return { token, createdAt: at };
    },

    async revokeCalendar(scope: Scope): Promise<void> {
      if (!(await store.deleteFeed(db, scope.userId))) throw new AppError('CALENDAR_NOT_FOUND', 'No calendar feed is active.');
    },

    /** The feed for a secret token, or null when the token is unknown or revoked (the caller says only "not found"). */
    async calendarFeed(token: string): Promise<string | null> {
      const ownerId = await store.feedOwner(db, hashSecret(token));
      if (!ownerId) return null;
      // The secret token proves whose feed this is.
      const scope = authenticatedScope(ownerId);
      const user = await accounts.getUser(scope);
      const data = await store.calendarData(db, ownerId);
      return buildCalendar({ ownerName: user.displayName, timeZone: user.timeZone, now: now(), ...data });
    },
  };
}

export type NurtureService = ReturnType<typeof createNurtureService>;
