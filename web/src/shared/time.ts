/** Dates shown in the user's time zone (from their settings) and the browser's locale. */

const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions, locale?: string): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return f;
}

export function formatDate(iso: string, timeZone: string, locale?: string): string {
  return formatter(timeZone, { dateStyle: 'medium' }, locale).format(new Date(iso));
}

export function formatDateTime(iso: string, timeZone: string, locale?: string): string {
  return formatter(timeZone, { dateStyle: 'medium', timeStyle: 'short' }, locale).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, or --MM-DD without a year) in words, without shifting it by a time zone. */
export function formatCalendarDate(value: string, locale?: string): string {
  const noYear = value.startsWith('--');
  const [y, m, d] = noYear ? [2000, ...value.slice(2).split('-').map(Number)] : value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return formatter('UTC', noYear ? { month: 'long', day: 'numeric' } : { dateStyle: 'medium' }, locale).format(date);
}

/** "3 days ago", "in 2 weeks": the nearest sensible unit. */
export function formatRelative(iso: string, now: Date, locale?: string): string {
  const diff = Date.parse(iso) - now.getTime();
  const abs = Math.abs(diff);
  const key = locale ?? '';
  let rtf = relativeFormatters.get(key);
  // Building a formatter costs far more than using one, and a list formats hundreds of dates.
  if (!rtf) relativeFormatters.set(key, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  if (abs < 60 * 60 * 1000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < DAY_MS) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  if (abs < 14 * DAY_MS) return rtf.format(Math.round(diff / DAY_MS), 'day');
  if (abs < 60 * DAY_MS) return rtf.format(Math.round(diff / (7 * DAY_MS)), 'week');
  if (abs < 365 * DAY_MS) return rtf.format(Math.round(diff / (30 * DAY_MS)), 'month');
  return rtf.format(Math.round(diff / (365 * DAY_MS)), 'year');
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallTime(ms: number, timeZone: string): WallTime {
  const parts = formatter(timeZone, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }, 'en-US').formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** How far a time zone is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const floored = ms - (((ms % 60_000) + 60_000) % 60_000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - floored;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The value of a datetime-local input showing an instant in a time zone: `2026-03-05T14:07`. */
export function toLocalInput(iso: string, timeZone: string): string {
  const w = wallTime(Date.parse(iso), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant (ISO, UTC) at which a wall-clock time happens in a time zone. A time skipped by a
 * daylight-saving jump maps to the instant an hour later, as clocks do.
 */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  let guess = asUtc - offsetAt(asUtc, timeZone);
  // The offset at the first guess can differ across a DST change; one correction settles it.
  guess = asUtc - offsetAt(guess, timeZone);
  return new Date(guess).toISOString();
}

/**
 * The heading a timeline groups an interaction under: "This week", "Last week", or the month,
 * with weeks starting on the user's chosen day (0 = Sunday … 6 = Saturday).
 */
export function timelineGroup(iso: string, now: Date, timeZone: string, weekStart: number, locale?: string): string {
  const day = (ms: number) => {
    const w = wallTime(ms, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day) / DAY_MS;
  };
  const weekOf = (dayNumber: number) => {
    // Day 0 of the epoch (1970-01-01) was a Thursday (4).
    const weekday = (((dayNumber + 4) % 7) + 7) % 7;
    return dayNumber - ((weekday - weekStart + 7) % 7);
  };
  const then = weekOf(day(Date.parse(iso)));
  const current = weekOf(day(now.getTime()));
  if (then === current) return 'This week';
  if (then === current - 7) return 'Last week';
  if (then > current) return 'Upcoming';
  return formatter(timeZone, { month: 'long', year: 'numeric' }, locale).format(new Date(iso));
}
