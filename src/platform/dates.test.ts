import { describe, expect, it } from 'vitest';
import { birthday, dateOnly, instant, parseLocalDateTime } from './dates.js';

describe('date schemas', () => {
  // Zod 4 runs later checks after a failed one unless told to stop; the calendar checks then
  // crashed on input that was not even shaped like a date.
  it('reject text that is not shaped like a date with the format message alone', () => {
    expect(dateOnly.safeParse('2026-3-1').error?.issues.map((i) => i.message)).toEqual(['must be a date as YYYY-MM-DD']);
    expect(birthday.safeParse('March 3rd').error?.issues.map((i) => i.message)).toEqual(['must be YYYY-MM-DD, or --MM-DD without a year']);
    expect(instant.safeParse('yesterday').error?.issues.map((i) => i.message)).toEqual([
      'must be an ISO 8601 date and time with an offset, such as 2026-03-05T14:07:00Z',
    ]);
    expect(parseLocalDateTime('yesterday', 'UTC')).toBeNull();
  });

  it('read a local date and time in the given time zone', () => {
    expect(parseLocalDateTime('2026-03-01 10:00', 'Europe/London')).toBe('2026-03-01T10:00:00.000Z');
    expect(parseLocalDateTime('2026-07-01 10:00', 'Europe/London')).toBe('2026-07-01T09:00:00.000Z');
    expect(parseLocalDateTime('2026-07-01', 'America/New_York')).toBe('2026-07-01T16:00:00.000Z');
    expect(parseLocalDateTime('2026-07-01T10:00:00+02:00', 'UTC')).toBe('2026-07-01T08:00:00.000Z');
  });
});
