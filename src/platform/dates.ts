import { z } from 'zod';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number | null, month: number): number {
  if (month === 2) return year === null || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the calendar has this day; a null year accepts 29 February (a birthday without a year). */
export function isRealDate(year: number | null, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Each pattern check aborts on failure: zod runs later refinements even after a failed check, and
// they would read the parts of a value that did not match.

/** A calendar date `YYYY-MM-DD` that exists (JavaScript's Date would roll 2026-02-30 over to March). */
export const dateOnly = z
  .string()
  .regex(DATE_ONLY, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .refine((value) => {
    const [, y, m, d] = DATE_ONLY.exec(value)!.map(Number);
    return isRealDate(y!, m!, d!);
  }, 'is not a real calendar date');

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant as ISO 8601 with a time zone offset, normalised to UTC with milliseconds
 * (`2026-03-05T14:07:00.000Z`), the one form stored and compared everywhere.
 */
export const instant = z
  .string()
  .regex(INSTANT, { message: 'must be an ISO 8601 date and time with an offset, such as 2026-03-05T14:07:00Z', abort: true })
  .refine((value) => {
    const [, y, m, d, hh, mm, ss, offset] = INSTANT.exec(value)!;
    const [, oh, om] = /^[+-](\d{2}):?(\d{2})$/.exec(offset!) ?? [null, '0', '0'];
    const time = Number(hh) < 24 && Number(mm) < 60 && Number(ss ?? 0) < 60 && Number(oh) < 24 && Number(om) < 60;
    return isRealDate(Number(y), Number(m), Number(d)) && time;
  }, 'is not a real date and time')
  .transform((value) => new Date(value).toISOString());

const BIRTHDAY = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/;

export interface Birthday {
  year: number | null;
  month: number;
  day: number;
}

/** `1985-03-14`, or `--03-14` when the year is unknown (the vCard form, RFC 6350 §4.3.1). */
export const birthday = z
  .string()
  .regex(BIRTHDAY, { message: 'must be YYYY-MM-DD, or --MM-DD without a year', abort: true })
  .refine((value) => {
    const b = parseBirthday(value);
    return b !== null && isRealDate(b.year, b.month, b.day);
  }, 'is not a real calendar date');

export function parseBirthday(value: string): Birthday | null {
  const match = BIRTHDAY.exec(value);
  if (!match) return null;
  return { year: match[1] ? Number(match[1]) : null, month: Number(match[2]), day: Number(match[3]) };
}

export function formatBirthday(b: { year: number | null; month: number | null; day: number | null }): string | null {
  if (b.month === null || b.day === null) return null;
  const mmdd = `${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`;
  return b.year === null ? `--${mmdd}` : `${String(b.year).padStart(4, '0')}-${mmdd}`;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes a time zone is ahead of UTC at an instant (Europe/Berlin in summer: 120). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  // Building a formatter costs far more than using one (a tenth of a millisecond): one per zone.
  let format = offsetFormats.get(timeZone);
  if (!format) {
    const options = { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
    offsetFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', options)));
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant at which a wall-clock time occurs in a time zone. A time that a daylight-saving jump
 * skips moves forward by the jump (02:30 becomes 03:30); a time that occurs twice resolves to its
 * first occurrence. Both as Temporal's "compatible" disambiguation.
 */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force a day before and a day after; zones change offset at most once a day.
  const before = zoneOffsetMinutes(new Date(wall - DAY_MS), timeZone);
  const after = zoneOffsetMinutes(new Date(wall + DAY_MS), timeZone);
  const candidates = [before, after]
    .map((offset) => wall - offset * 60_000)
    .filter((at) => wall - zoneOffsetMinutes(new Date(at), timeZone) * 60_000 === at);
  // No candidate: the wall time falls in the gap; read it with the offset from before the jump.
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wall - before * 60_000);
}

/**
 * Reads what a person types for "when": an ISO instant with offset, or a local `YYYY-MM-DD` /
 * `YYYY-MM-DD HH:MM` in their time zone. Returns null when it is neither.
 */
export function parseLocalDateTime(text: string, timeZone: string): string | null {
  const iso = instant.safeParse(text.trim());
  if (iso.success) return iso.data;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d, hh = 12, mm = 0] = match.slice(1).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  if (!isRealDate(y!, m!, d!) || hh! > 23 || mm! > 59) return null;
  return zonedTimeToInstant(y!, m!, d!, hh!, mm!, timeZone).toISOString();
}

// Making a formatter costs a hundred times more than using one; a server sees few time zones.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date an instant falls on in a time zone, as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * localDate for many instants in one zone (a calendar feed's thousands): the zone's offset is looked
 * up once per UTC day, and per instant only on a day when the offset changes.
 */
export function localDater(timeZone: string): (at: Date) => string {
  const offsets = new Map<number, number | null>();
  return (at) => {
    const utcDay = Math.floor(at.getTime() / DAY_MS);
    let offset = offsets.get(utcDay);
    if (offset === undefined) {
      const first = zoneOffsetMinutes(new Date(utcDay * DAY_MS), timeZone);
      offset = first === zoneOffsetMinutes(new Date((utcDay + 1) * DAY_MS - 1000), timeZone) ? first : null;
      offsets.set(utcDay, offset);
    }
    return offset === null ? localDate(at, timeZone) : new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 10);
  };
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

/** The instant a local calendar day begins (midnight, or the first moment after a DST gap). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return zonedTimeToInstant(y!, m!, d!, 0, 0, timeZone);
}

/** Whole days from one date to another (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
