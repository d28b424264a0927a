import { describe, expect, it } from 'vitest';
import { birthday, dateOnly, daysInMonth, formatBirthday, instant, isRealDate, localDate, localDater, parseBirthday, parseLocalDateTime, zonedTimeToInstant, zoneOffsetMinutes } from './dates.js';

const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe('isRealDate', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [null, 2, 29, true],
    [null, 2, 30, false],
    [2026, 4, 30, true],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 13, 1, false],
    [2026, 0, 10, false],
    [2026, 1, 0, false],
  ])('%s-%s-%s is %s', (year, month, day, real) => {
    expect(isRealDate(year, month, day)).toBe(real);
  });

  it('knows the length of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe('dateOnly', () => {
  it('accepts a real date', () => {
    expect(dateOnly.parse('2026-04-30')).toBe('2026-04-30');
  });

  it.each([
    ['2026-04-31', ['is not a real calendar date']],
    ['2026-13-01', ['is not a real calendar date']],
    ['2026-3-1', ['must be a date as YYYY-MM-DD']],
    ['soon', ['must be a date as YYYY-MM-DD']],
    ['2026-03-01T10:00:00Z', ['must be a date as YYYY-MM-DD']],
  ])('rejects %s with one clear message', (value, messages) => {
    expect(issues(dateOnly.safeParse(value))).toEqual(messages);
  });
});

describe('birthday', () => {
  it.each(['1985-03-14', '--03-14', '--02-29', '2024-02-29'])('accepts %s', (value) => {
    expect(birthday.parse(value)).toBe(value);
  });

  it.each([
    ['2023-02-29', ['is not a real calendar date']],
    ['--02-30', ['is not a real calendar date']],
    ['--13-01', ['is not a real calendar date']],
    ['March 14', ['must be YYYY-MM-DD, or --MM-DD without a year']],
    ['-03-14', ['must be YYYY-MM-DD, or --MM-DD without a year']],
  ])('rejects %s with one clear message', (value, messages) => {
    expect(issues(birthday.safeParse(value))).toEqual(messages);
  });

  it('reads and writes the year-less form', () => {
    expect(parseBirthday('--03-14')).toEqual({ year: null, month: 3, day: 14 });
    expect(parseBirthday('0985-03-14')).toEqual({ year: 985, month: 3, day: 14 });
    expect(parseBirthday('14.03.1985')).toBeNull();
    expect(formatBirthday({ year: null, month: 3, day: 14 })).toBe('--03-14');
    expect(formatBirthday({ year: 985, month: 3, day: 14 })).toBe('0985-03-14');
    expect(formatBirthday({ year: null, month: null, day: null })).toBeNull();
  });
});

describe('instant', () => {
  it.each([
    ['2026-03-05T14:07:00Z', '2026-03-05T14:07:00.000Z'],
    ['2026-03-05T14:07Z', '2026-03-05T14:07:00.000Z'],
    ['2026-03-05T14:07:00.5Z', '2026-03-05T14:07:00.500Z'],
    ['2026-03-05T14:07:00.123456789Z', '2026-03-05T14:07:00.123Z'],
    ['2026-03-05T14:07:00+01:00', '2026-03-05T13:07:00.000Z'],
    ['2026-03-05T14:07:00-05:00', '2026-03-05T19:07:00.000Z'],
    ['2026-03-05T14:07+0530', '2026-03-05T08:37:00.000Z'],
    ['2026-03-01T00:30:00+01:00', '2026-02-28T23:30:00.000Z'],
    ['2024-12-31T23:00:00-02:00', '2025-01-01T01:00:00.000Z'],
  ])('normalises %s to UTC with milliseconds', (value, expected) => {
    expect(instant.parse(value)).toBe(expected);
  });

  it.each([
    ['2026-02-30T10:00:00Z', ['is not a real date and time']],
    ['2026-03-01T24:00:00Z', ['is not a real date and time']],
    ['2026-03-01T10:60:00Z', ['is not a real date and time']],
    ['2026-03-01T10:00:60Z', ['is not a real date and time']],
    ['2026-03-01T10:00:00+25:00', ['is not a real date and time']],
    ['2026-03-01T10:00:00+05:75', ['is not a real date and time']],
    ['2026-03-01T10:00:00', ['must be an ISO 8601 date and time with an offset, such as 2026-03-05T14:07:00Z']],
    ['yesterday', ['must be an ISO 8601 date and time with an offset, such as 2026-03-05T14:07:00Z']],
  ])('rejects %s with one clear message', (value, messages) => {
    expect(issues(instant.safeParse(value))).toEqual(messages);
  });
});

describe('parseLocalDateTime', () => {
  it('takes an instant with an offset as it is', () => {
    expect(parseLocalDateTime('2026-03-01T10:00:00+02:00', 'America/New_York')).toBe('2026-03-01T08:00:00.000Z');
  });

  it('reads a local date and time in the given time zone', () => {
    expect(parseLocalDateTime('2026-03-01 10:00', 'Europe/Berlin')).toBe('2026-03-01T09:00:00.000Z');
    expect(parseLocalDateTime('2026-07-01T10:00', 'Europe/Berlin')).toBe('2026-07-01T08:00:00.000Z');
  });

  it('puts a date without a time at noon', () => {
    expect(parseLocalDateTime(' 2026-03-01 ', 'America/New_York')).toBe('2026-03-01T17:00:00.000Z');
  });

  it.each(['2026-02-30', '2026-03-01 24:00', '2026-03-01 10:60', 'last tuesday', '2026-03-01T10:00:00+25:00'])('answers null for %s', (text) => {
    expect(parseLocalDateTime(text, 'UTC')).toBeNull();
  });
});

describe('zonedTimeToInstant', () => {
  const at = (timeZone: string, year: number, month: number, day: number, hour: number, minute: number) =>
    zonedTimeToInstant(year, month, day, hour, minute, timeZone).toISOString();

  it('reads an ordinary wall-clock time in winter and in summer', () => {
    expect(at('Europe/Berlin', 2026, 1, 15, 12, 0)).toBe('2026-01-15T11:00:00.000Z');
    expect(at('Europe/Berlin', 2026, 7, 15, 12, 0)).toBe('2026-07-15T10:00:00.000Z');
    expect(at('America/New_York', 2026, 1, 15, 12, 0)).toBe('2026-01-15T17:00:00.000Z');
    expect(at('America/New_York', 2026, 7, 15, 12, 0)).toBe('2026-07-15T16:00:00.000Z');
    expect(at('UTC', 2026, 3, 29, 2, 30)).toBe('2026-03-29T02:30:00.000Z');
  });

  it('moves a time skipped by the spring jump forward by the jump', () => {
    // Berlin goes from 02:00 CET to 03:00 CEST on 29 March 2026: 02:30 reads as 03:30 CEST.
    expect(at('Europe/Berlin', 2026, 3, 29, 2, 30)).toBe('2026-03-29T01:30:00.000Z');
    // New York goes from 02:00 EST to 03:00 EDT on 8 March 2026.
    expect(at('America/New_York', 2026, 3, 8, 2, 30)).toBe('2026-03-08T07:30:00.000Z');
  });

  it('reads the times on either side of the spring jump with their own offsets', () => {
    expect(at('Europe/Berlin', 2026, 3, 29, 1, 59)).toBe('2026-03-29T00:59:00.000Z');
    expect(at('Europe/Berlin', 2026, 3, 29, 3, 0)).toBe('2026-03-29T01:00:00.000Z');
    expect(at('America/New_York', 2026, 3, 8, 1, 59)).toBe('2026-03-08T06:59:00.000Z');
    expect(at('America/New_York', 2026, 3, 8, 3, 0)).toBe('2026-03-08T07:00:00.000Z');
  });

  it('takes the first of a time that the autumn change repeats', () => {
    // Berlin shows 02:00–02:59 twice on 25 October 2026, first in CEST (+02:00).
    expect(at('Europe/Berlin', 2026, 10, 25, 2, 30)).toBe('2026-10-25T00:30:00.000Z');
    // New York shows 01:00–01:59 twice on 1 November 2026, first in EDT (-04:00).
    expect(at('America/New_York', 2026, 11, 1, 1, 30)).toBe('2026-11-01T05:30:00.000Z');
  });

  it('reads the times on either side of the autumn change with their own offsets', () => {
    expect(at('Europe/Berlin', 2026, 10, 25, 1, 30)).toBe('2026-10-24T23:30:00.000Z');
    expect(at('Europe/Berlin', 2026, 10, 25, 3, 0)).toBe('2026-10-25T02:00:00.000Z');
    expect(at('America/New_York', 2026, 11, 1, 0, 30)).toBe('2026-11-01T04:30:00.000Z');
    expect(at('America/New_York', 2026, 11, 1, 2, 0)).toBe('2026-11-01T07:00:00.000Z');
  });

  it('reports the offset of a zone at an instant', () => {
    expect(zoneOffsetMinutes(new Date('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2026-11-01T05:59:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(new Date('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2026-03-01T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('reads a local time typed across a change through parseLocalDateTime', () => {
    expect(parseLocalDateTime('2026-03-29 02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(parseLocalDateTime('2026-11-01 01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('localDater', () => {
  it('gives the local date of an instant as localDate does, on days when the offset changes too', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Apia', 'UTC'];
    // Around the spring and autumn changes of 2026, and Samoa skipping 30 December 2011.
    const spans = [['2026-03-07', '2026-04-07'], ['2026-10-24', '2026-11-03'], ['2011-12-28', '2012-01-02']];
    for (const timeZone of zones) {
      const toLocal = localDater(timeZone);
      for (const [from, to] of spans) {
        for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += 7 * 60_000) {
          const at = new Date(t);
          if (toLocal(at) !== localDate(at, timeZone)) expect.fail(`${timeZone} ${at.toISOString()}: ${toLocal(at)} ≠ ${localDate(at, timeZone)}`);
        }
      }
    }
  });

  it('puts an instant just before and after local midnight on its local day', () => {
    const toLocal = localDater('Asia/Kathmandu');
    expect(toLocal(new Date('2026-05-31T18:14:59Z'))).toBe('2026-05-31');
    expect(toLocal(new Date('2026-05-31T18:15:00Z'))).toBe('2026-06-01');
    expect(localDater('Pacific/Apia')(new Date('2011-12-30T10:00:00Z'))).toBe('2011-12-31');
  });
});
