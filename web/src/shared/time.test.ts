import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatRelative, fromLocalInput, timelineGroup, toLocalInput } from './time.js';

describe('time zone conversions for date inputs', () => {
  it('shows an instant as wall time in the user’s zone, not the browser’s', () => {
    expect(toLocalInput('2026-03-05T14:07:00.000Z', 'Europe/Berlin')).toBe('2026-03-05T15:07');
    expect(toLocalInput('2026-03-05T14:07:00.000Z', 'America/New_York')).toBe('2026-03-05T09:07');
    expect(toLocalInput('2026-03-05T23:30:00.000Z', 'Asia/Kolkata')).toBe('2026-03-06T05:00');
  });

  it('turns wall time back into the same instant, across a daylight-saving change', () => {
    expect(fromLocalInput('2026-03-05T15:07', 'Europe/Berlin')).toBe('2026-03-05T14:07:00.000Z');
    // Summer time in Berlin (UTC+2) began on 29 March 2026 at 02:00.
    expect(fromLocalInput('2026-03-29T01:30', 'Europe/Berlin')).toBe('2026-03-29T00:30:00.000Z');
    expect(fromLocalInput('2026-03-29T03:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLocalInput('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLocalInput('2026-07-01T12:00', 'UTC')).toBe('2026-07-01T12:00:00.000Z');
    expect(fromLocalInput('not a date', 'UTC')).toBe(null);
  });
});

describe('dates in words', () => {
  it('keeps calendar dates on their day whatever the zone, with or without a year', () => {
    expect(formatCalendarDate('1815-12-10', 'en-GB')).toBe('10 Dec 1815');
    expect(formatCalendarDate('--02-29', 'en-GB')).toBe('29 February');
  });

  it('says how long ago in the nearest unit', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(formatRelative('2026-03-10T11:40:00Z', now, 'en')).toBe('20 minutes ago');
    expect(formatRelative('2026-03-09T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatRelative('2026-02-10T12:00:00Z', now, 'en')).toBe('4 weeks ago');
    expect(formatRelative('2024-03-10T12:00:00Z', now, 'en')).toBe('2 years ago');
  });
});

describe('timeline groups', () => {
  // Wednesday 11 March 2026, 10:00 in Berlin.
  const now = new Date('2026-03-11T09:00:00Z');

  it('starts the week on the user’s chosen day', () => {
    // Sunday 8 March: this week when weeks start on Sunday, last week when they start on Monday.
    expect(timelineGroup('2026-03-08T12:00:00Z', now, 'Europe/Berlin', 0, 'en')).toBe('This week');
    expect(timelineGroup('2026-03-08T12:00:00Z', now, 'Europe/Berlin', 1, 'en')).toBe('Last week');
    expect(timelineGroup('2026-03-01T12:00:00Z', now, 'Europe/Berlin', 1, 'en')).toBe('March 2026');
    expect(timelineGroup('2026-02-27T12:00:00Z', now, 'Europe/Berlin', 1, 'en')).toBe('February 2026');
    expect(timelineGroup('2026-03-20T12:00:00Z', now, 'Europe/Berlin', 1, 'en')).toBe('Upcoming');
  });

  it('uses the user’s zone to decide the day', () => {
    // 23:30 UTC on Sunday 8 March is already Monday 9 March in Berlin.
    expect(timelineGroup('2026-03-08T23:30:00Z', now, 'Europe/Berlin', 1, 'en')).toBe('This week');
    expect(timelineGroup('2026-03-08T23:30:00Z', now, 'UTC', 1, 'en')).toBe('Last week');
  });
});
