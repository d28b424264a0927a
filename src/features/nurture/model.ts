import { z } from 'zod';
import { daysInMonth, isLeapYear } from '../../platform/dates.js';
import type { Circle } from '../contacts/model.js';
import type { InteractionKind } from '../interactions/model.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_CADENCES: Readonly<Record<Circle, number>> = { inner: 14, close: 30, network: 90, wide: 180 };

/**
 * How much a late check-in matters by circle. A contact's urgency unit is its cadence divided by
 * this weight: an inner-circle friend (14 days, weight 4) is a full unit late after 3.5 days, a wide
 * acquaintance (180 days, weight 1) after 180.
 */
export const CIRCLE_WEIGHTS: Readonly<Record<Circle, number>> = { inner: 4, close: 3, network: 2, wide: 1 };

export interface NurtureSettings {
  cadences: Record<Circle, number>;
  halfLifeDays: number;
}

/** Settings from the owner's row in users. */
export function settingsOf(row: { cadence_inner: number; cadence_close: number; cadence_network: number; cadence_wide: number; strength_half_life_days: number }): NurtureSettings {
  return {
    cadences: { inner: row.cadence_inner, close: row.cadence_close, network: row.cadence_network, wide: row.cadence_wide },
    halfLifeDays: row.strength_half_life_days,
  };
}

const cadence = z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days');

export const settingsPatch = z.strictObject({
  cadences: z.strictObject({ inner: cadence, close: cadence, network: cadence, wide: cadence }).partial().optional(),
  strengthHalfLifeDays: z.number().int().min(7, 'must be at least 7 days').max(3650, 'must be at most 3650 days').optional(),
});
export type SettingsPatch = z.input<typeof settingsPatch>;

export const settingsSchema = z.object({
  cadences: z.object({ inner: z.number(), close: z.number(), network: z.number(), wide: z.number() }),
  strengthHalfLifeDays: z.number(),
});

// ---------------------------------------------------------------------------------------------
// Due dates

export interface ScheduleInput {
  circle: Circle | null;
  cadenceDays: number | null;
  reminders: boolean;
  createdAt: string;
  lastInteractionAt: string | null;
  snoozedUntil: string | null;
}

/** The contact's own cadence, else its circle's; null when it gets no check-in reminders. */
export function effectiveCadence(c: Pick<ScheduleInput, 'circle' | 'cadenceDays' | 'reminders'>, settings: NurtureSettings): number | null {
  if (!c.reminders) return null;
  return c.cadenceDays ?? (c.circle ? settings.cadences[c.circle] : null);
}

export interface Schedule {
  /** When the next check-in is due: the last interaction (or the day they were added) plus the cadence, or the end of a snooze. */
  dueAt: string | null;
  /**
   * When the contact becomes one urgency unit (cadence ÷ circle weight) overdue. Today lists due
   * contacts by this instant: the sooner a contact gets that late, the more urgent. Unlike a score
   * computed from "now", this order never changes as time passes, so it can be stored and indexed.
   */
  priorityAt: string | null;
}

export function schedule(c: ScheduleInput, settings: NurtureSettings): Schedule {
  const days = effectiveCadence(c, settings);
  if (days === null) return { dueAt: null, priorityAt: null };
  const base = Date.parse(c.lastInteractionAt ?? c.createdAt);
  let due = base + days * DAY_MS;
  if (c.snoozedUntil) due = Math.max(due, Date.parse(c.snoozedUntil));
  const unit = days / (c.circle ? CIRCLE_WEIGHTS[c.circle] : 1);
  return { dueAt: new Date(due).toISOString(), priorityAt: new Date(due + unit * DAY_MS).toISOString() };
}

/** Whole days a due date lies before an instant (0 when due later today or not yet). */
export function overdueDays(dueAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(dueAt)) / DAY_MS));
}

// ---------------------------------------------------------------------------------------------
// Relationship strength

/** How much each kind of interaction builds a relationship, before quality. */
export const KIND_WEIGHTS: Readonly<Record<InteractionKind, number>> = {
  meal: 1.5,
  coffee: 1.2,
  meeting: 1,
  video_call: 0.9,
  call: 0.8,
  event: 0.6,
  other: 0.5,
  message: 0.3,
  email: 0.3,
};

/** Quality 1–5 scales the weight from 0.6 to 1.4; unrated counts as an ordinary 3. */
export function interactionWeight(kind: InteractionKind, quality: number | null): number {
  return KIND_WEIGHTS[kind] * (0.4 + 0.2 * (quality ?? 3));
}

/** Strength S maps onto 0–100 as 100·(1 − e^(−S/SATURATION)): a monthly coffee for a year is about 75. */
export const SATURATION = 4;

// Days are counted from a fixed epoch so stored values compare across contacts.
const EPOCH = Date.UTC(2020, 0, 1);
const days = (ms: number) => (ms - EPOCH) / DAY_MS;

export interface WeightedInteraction {
  kind: InteractionKind;
  quality: number | null;
  occurredAt: string;
}

/**
 * log2 of the decayed weight sum, expressed at the epoch: log2(Σ wᵢ·2^(tᵢ/h)). Every contact decays
 * by the same factor per day, so ordering by this value orders by current strength, at any time.
 * Summed in log space so it never overflows. Null for a contact with no interactions.
 */
export function strengthLog(interactions: readonly WeightedInteraction[], halfLifeDays: number): number | null {
  if (interactions.length === 0) return null;
  const terms = interactions.map((i) => Math.log2(interactionWeight(i.kind, i.quality)) + days(Date.parse(i.occurredAt)) / halfLifeDays);
  const top = Math.max(...terms);
  return top + Math.log2(terms.reduce((sum, t) => sum + 2 ** (t - top), 0));
}

/** Strength 0–100 at an instant, from a stored strengthLog. */
export function strengthAt(log: number | null, at: Date, halfLifeDays: number): number {
  if (log === null) return 0;
  // Days from the instant itself: every contact read computes this, and writing the instant as ISO
  // text to parse it back took about a microsecond, nearly all of this function's time.
  const sum = 2 ** (log - days(at.getTime()) / halfLifeDays);
  return Math.round(100 * (1 - Math.exp(-sum / SATURATION)));
}

/** Strength at the end of each of the last twelve months and now, counting only what had happened by then. */
export function strengthTrend(interactions: readonly WeightedInteraction[], now: Date, halfLifeDays: number): { at: string; strength: number }[] {
  const points: Date[] = [];
  for (let back = 12; back >= 1; back -= 1) points.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1)));
  points.push(now);
  return points.map((at) => {
    const before = interactions.filter((i) => Date.parse(i.occurredAt) <= at.getTime());
    return { at: at.toISOString(), strength: strengthAt(strengthLog(before, halfLifeDays), at, halfLifeDays) };
  });
}

// ---------------------------------------------------------------------------------------------
// The user's local calendar

/**
 * The date of a yearly occasion (birthday, anniversary) in a given year. Someone born on 29
 * February celebrates on 28 February in other years: it stays in their birth month, the most
 * common custom, and the calendar feed's BYMONTHDAY=-1 rule gives the same day.
 */
export function occurrenceIn(year: number, month: number, day: number): string {
  const actualDay = month === 2 && day === 29 && !isLeapYear(year) ? 28 : Math.min(day, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(actualDay).padStart(2, '0')}`;
}

/** The first occurrence of a yearly occasion on or after a date. */
export function nextOccurrence(month: number, day: number, from: string): string {
  const year = Number(from.slice(0, 4));
  const thisYear = occurrenceIn(year, month, day);
  return thisYear >= from ? thisYear : occurrenceIn(year + 1, month, day);
}

export function calendarUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/calendar/${token}.ics`;
}
