// The server's own types for nurture (type-only imports: nothing of the server reaches the bundle).
import type { Balance, Direction, EventKind, Today } from '../../../../src/features/nurture/schemas.js';
import type { Circle } from '../../shared/types';

export type { Balance, CelebrateInput, ContactEvent, Direction, EventInput, EventKind, EventPatch, Exchange, ExchangeInput, ExchangePatch, SnoozeInput, Today } from '../../../../src/features/nurture/schemas.js';
export type { SettingsPatch } from '../../../../src/features/nurture/model.js';

export type DueItem = Today['due']['items'][number];
export type FollowUpItem = Today['followUps'][number];
export type UpcomingItem = Today['upcoming'][number];
export type StrengthPoint = { at: string; strength: number };

export interface NurtureSettings {
  cadences: Record<Circle, number>;
  strengthHalfLifeDays: number;
}

export const EVENT_KINDS = ['new_job', 'promotion', 'award', 'launch', 'move', 'birthday', 'work_anniversary', 'other'] as const satisfies readonly EventKind[];

export const EVENT_LABELS: Record<EventKind, string> = {
  new_job: 'New job',
  promotion: 'Promotion',
  award: 'Award',
  launch: 'Launch',
  move: 'Move',
  birthday: 'Birthday',
  work_anniversary: 'Work anniversary',
  other: 'Other news',
};

/** Occasions that come back every year; they are marked on the calendar rather than celebrated once. */
export const YEARLY_KINDS: readonly EventKind[] = ['birthday', 'work_anniversary'];

export const DIRECTIONS = ['i_offered', 'they_offered', 'i_asked', 'they_asked'] as const satisfies readonly Direction[];

export const DIRECTION_LABELS: Record<Direction, string> = {
  i_offered: 'I offered',
  they_offered: 'They offered',
  i_asked: 'I asked',
  they_asked: 'They asked',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "due today", "1 day overdue", "27 days overdue". */
export function overdueLabel(days: number): string {
  return days <= 0 ? 'due today' : `${plural(days, 'day')} overdue`;
}

const DAY_MS = 86_400_000;

/** How a due date stands against now: "in 14 days", "tomorrow", "due today", "27 days overdue". */
export function dueLabel(dueAt: string, now: Date): string {
  const diff = Date.parse(dueAt) - now.getTime();
  return diff <= 0 ? overdueLabel(Math.floor(-diff / DAY_MS)) : inDaysLabel(Math.round(diff / DAY_MS));
}

/** "today", "tomorrow", "in 3 days". */
export function inDaysLabel(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${plural(days, 'day')}`;
}

/** What a coming date is: "Birthday, turns 36", "Work anniversary, 7 years", "Birthday". */
export function occasionLabel(kind: EventKind, years: number | null): string {
  if (years === null || years <= 0) return EVENT_LABELS[kind];
  return kind === 'birthday' ? `Birthday, turns ${years}` : `${EVENT_LABELS[kind]}, ${plural(years, 'year')}`;
}

/** The give-and-take balance in a sentence. */
export function balanceSentence(b: Balance): string {
  if (b.given === 0 && b.received === 0) return 'Nothing given or received yet.';
  const counts = `${b.given} given, ${b.received} received`;
  if (b.balance > 0) return `You have given ${b.balance} more than you received (${counts}).`;
  if (b.balance < 0) return `You have received ${-b.balance} more than you gave (${counts}).`;
  return `Even (${counts}).`;
}

/** What is still open, in a sentence. */
export function openSentence(b: Balance): string {
  if (b.iOwe === 0 && b.theyOwe === 0) return 'Nothing open.';
  return `Open: you owe ${b.iOwe}, they owe ${b.theyOwe}.`;
}

/** A calendar date (YYYY-MM-DD) moved by whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** "Monday 2 March": a calendar date in words, with its weekday. */
export function formatDay(date: string, locale?: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** Today's headline count: "nobody", "1 person", "12 people", or "1,000+ people" past the count's bound. */
export function dueHeadline(due: Today['due']): string {
  if (due.total === 0) return 'nobody to reach out to';
  const people = due.total === 1 && !due.moreThanTotal ? 'person' : 'people';
  return `${due.total.toLocaleString('en')}${due.moreThanTotal ? '+' : ''} ${people} to reach out to`;
}

/** Whether a Today answer has nothing at all to show. */
export function isAllClear(t: Today): boolean {
  return t.due.total === 0 && t.followUps.length === 0 && t.upcoming.length === 0 && t.successes.length === 0 && t.promises.length === 0;
}

/** The trend in words, for people who do not see the chart: where it started, where it is, the high. */
export function trendSummary(trend: readonly StrengthPoint[]): string {
  if (trend.length === 0) return 'No history yet.';
  const first = trend[0]!.strength;
  const last = trend.at(-1)!.strength;
  const peak = Math.max(...trend.map((p) => p.strength));
  const direction = last > first ? `rose from ${first} to ${last}` : last < first ? `fell from ${first} to ${last}` : `stayed at ${last}`;
  return `Over the last year, strength ${direction}${peak > Math.max(first, last) ? `, peaking at ${peak}` : ''}.`;
}

/** SVG coordinates of a 0–100 series spread evenly across a box, y growing downwards. */
export function chartPoints(values: readonly number[], width: number, height: number, pad = 4): { x: number; y: number }[] {
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return values.map((v, i) => ({ x: round(pad + i * step), y: round(height - pad - (Math.max(0, Math.min(100, v)) / 100) * (height - 2 * pad)) }));
}

/**
 * How often to keep in touch with a contact and why, as the server decides it: their own
 * cadence, else their circle's; none with reminders off or with neither.
 */
export function cadenceOf(c: { circle: Circle | null; cadenceDays: number | null; reminders: boolean }, settings: NurtureSettings): { days: number | null; source: 'own' | 'circle' | 'off' | 'none' } {
  if (!c.reminders) return { days: null, source: 'off' };
  if (c.cadenceDays !== null) return { days: c.cadenceDays, source: 'own' };
  if (c.circle) return { days: settings.cadences[c.circle], source: 'circle' };
  return { days: null, source: 'none' };
}
