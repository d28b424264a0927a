import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CADENCES,
  effectiveCadence,
  nextOccurrence,
  occurrenceIn,
  overdueDays,
  schedule,
  strengthAt,
  strengthLog,
  strengthTrend,
  type WeightedInteraction,
} from './model.js';
import { monthDayRanges } from './service.js';
import { balanceOf } from './schemas.js';
import { addDays, daysBetween, localDate, startOfLocalDay } from '../../platform/dates.js';

const settings = { cadences: { ...DEFAULT_CADENCES }, halfLifeDays: 90 };
const base = { circle: 'close' as const, cadenceDays: null, reminders: true, createdAt: '2026-01-01T00:00:00.000Z', lastInteractionAt: '2026-02-01T12:00:00.000Z', snoozedUntil: null };

describe('schedule', () => {
  it('is due one cadence after the last interaction, and a full urgency unit later it is at its priority', () => {
    // close: 30 days, weight 3, so one unit is 10 days.
    expect(schedule(base, settings)).toEqual({ dueAt: '2026-03-03T12:00:00.000Z', priorityAt: '2026-03-13T12:00:00.000Z' });
  });

  it("uses the contact's own cadence over its circle's", () => {
    expect(schedule({ ...base, cadenceDays: 7 }, settings)).toEqual({ dueAt: '2026-02-08T12:00:00.000Z', priorityAt: '2026-02-10T20:00:00.000Z' });
  });

  it('counts from the day the contact was added when there was never an interaction', () => {
    expect(schedule({ ...base, circle: 'inner', lastInteractionAt: null }, settings)).toEqual({
      dueAt: '2026-01-15T00:00:00.000Z',
      priorityAt: '2026-01-18T12:00:00.000Z',
    });
  });

  it('waits until the end of a snooze, and ignores a snooze that ends before the due date', () => {
    expect(schedule({ ...base, snoozedUntil: '2026-04-01T00:00:00.000Z' }, settings).dueAt).toBe('2026-04-01T00:00:00.000Z');
    expect(schedule({ ...base, snoozedUntil: '2026-02-10T00:00:00.000Z' }, settings).dueAt).toBe('2026-03-03T12:00:00.000Z');
  });

  it('is never due without a cadence or with reminders off', () => {
    expect(schedule({ ...base, circle: null }, settings)).toEqual({ dueAt: null, priorityAt: null });
    expect(schedule({ ...base, cadenceDays: 10, reminders: false }, settings)).toEqual({ dueAt: null, priorityAt: null });
    expect(effectiveCadence({ circle: 'wide', cadenceDays: null, reminders: true }, { ...settings, cadences: { ...DEFAULT_CADENCES, wide: 365 } })).toBe(365);
  });

  it('ranks an inner-circle contact 5 days late above a network contact 30 days late', () => {
    const inner = schedule({ ...base, circle: 'inner', lastInteractionAt: '2026-02-10T00:00:00.000Z' }, settings);
    const network = schedule({ ...base, circle: 'network', lastInteractionAt: '2025-11-05T00:00:00.000Z' }, settings);
    expect(inner.priorityAt! < network.priorityAt!).toBe(true);
    expect(overdueDays(inner.dueAt!, new Date('2026-02-24T00:00:00Z'))).toBe(0);
    expect(overdueDays(inner.dueAt!, new Date('2026-03-01T00:00:00Z'))).toBe(5);
  });
});

describe('relationship strength', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
  const strength = (list: WeightedInteraction[], halfLife = 90) => strengthAt(strengthLog(list, halfLife), now, halfLife);

  it('pins exact values for known histories', () => {
    expect(strength([])).toBe(0);
    // 1.2 → 100·(1 − e^(−1.2/4)) = 25.9
    expect(strength([{ kind: 'coffee', quality: null, occurredAt: at(0) }])).toBe(26);
    // 1.2 · 2^(−30/90) = 0.952 → 21.2
    expect(strength([{ kind: 'coffee', quality: null, occurredAt: at(30) }])).toBe(21);
    // a great meal today (1.5 · 1.4) and a poor email a half-life ago (0.3 · 0.6 / 2) → 42.2
    expect(strength([{ kind: 'meal', quality: 5, occurredAt: at(0) }, { kind: 'email', quality: 1, occurredAt: at(90) }])).toBe(42);
    // a coffee every 30 days for a year → 74
    expect(strength(Array.from({ length: 12 }, (_, k) => ({ kind: 'coffee' as const, quality: null, occurredAt: at(30 * k) })))).toBe(74);
  });

  it('decays by half over the half-life, which the user may change', () => {
    const once = [{ kind: 'meeting' as const, quality: 3, occurredAt: at(0) }];
    const later = new Date(now.getTime() + 30 * 86_400_000);
    const log = strengthLog(once, 30)!;
    // 1 → 22.1 now; 0.5 a half-life later → 11.8
    expect(strengthAt(log, now, 30)).toBe(22);
    expect(strengthAt(log, later, 30)).toBe(12);
  });

  it('orders contacts the same way at any time, so the stored value can be sorted on', () => {
    const a = strengthLog([{ kind: 'coffee', quality: 4, occurredAt: at(10) }], 90)!;
    const b = strengthLog([{ kind: 'call', quality: 3, occurredAt: at(2) }], 90)!;
    const inAYear = new Date(now.getTime() + 365 * 86_400_000);
    expect(Math.sign(a - b)).toBe(Math.sign(strengthAt(a, now, 90) - strengthAt(b, now, 90)));
    expect(a > b).toBe(true);
    expect(2 ** (a - b)).toBeCloseTo((1.2 * 1.2 * 2 ** (-10 / 90)) / (0.8 * 2 ** (-2 / 90)), 10);
    expect(strengthAt(a, inAYear, 90)).toBeGreaterThanOrEqual(strengthAt(b, inAYear, 90));
  });

  it('gives a trend at each month end of the last year and now, counting only what had happened', () => {
    const monthly = Array.from({ length: 12 }, (_, k) => ({ kind: 'coffee' as const, quality: null, occurredAt: at(30 * k) }));
    expect(strengthTrend(monthly, now, 90).map((p) => `${p.at.slice(0, 10)} ${p.strength}`)).toEqual([
      '2025-04-01 0',
      '2025-05-01 22',
      '2025-06-01 36',
      '2025-07-01 45',
      '2025-08-01 51',
      '2025-09-01 55',
      '2025-10-01 58',
      '2025-11-01 60',
      '2025-12-01 62',
      '2026-01-01 73',
      '2026-02-01 73',
      '2026-03-01 66',
      '2026-03-01 74',
    ]);
  });
});

describe("the user's local day", () => {
  it('changes day at local midnight, not at UTC midnight', () => {
    expect(localDate(new Date('2026-03-01T22:59:59Z'), 'Europe/Berlin')).toBe('2026-03-01');
    expect(localDate(new Date('2026-03-01T23:00:00Z'), 'Europe/Berlin')).toBe('2026-03-02');
    expect(localDate(new Date('2026-03-02T04:59:59Z'), 'America/New_York')).toBe('2026-03-01');
  });

  it('knows that days around a daylight-saving change are 23 or 25 hours long', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDay('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('adds and counts calendar days across months and years', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-25', '2027-01-08')).toBe(14);
  });
});

describe('yearly occasions', () => {
  it('celebrates a 29 February birthday on 28 February in other years', () => {
    expect(occurrenceIn(2027, 2, 29)).toBe('2027-02-28');
    expect(occurrenceIn(2028, 2, 29)).toBe('2028-02-29');
    expect(nextOccurrence(2, 29, '2027-02-01')).toBe('2027-02-28');
    expect(nextOccurrence(2, 29, '2027-03-01')).toBe('2028-02-29');
  });

  it('finds the next occurrence this year or next', () => {
    expect(nextOccurrence(3, 14, '2026-03-14')).toBe('2026-03-14');
    expect(nextOccurrence(1, 2, '2026-12-25')).toBe('2027-01-02');
  });

  it('covers a window across New Year with two month-day ranges, and 29 February with 28 February', () => {
    expect(monthDayRanges('2026-12-25', '2027-01-08')).toEqual([{ from: 1225, to: 1231 }, { from: 101, to: 108 }]);
    expect(monthDayRanges('2027-02-14', '2027-02-28')).toEqual([{ from: 214, to: 229 }]);
    expect(monthDayRanges('2028-02-20', '2028-03-05')).toEqual([{ from: 220, to: 305 }]);
  });
});

describe('give and take', () => {
  it('balances what was given against what was received, and counts what is still open', () => {
    const done = '2026-03-01T00:00:00.000Z';
    expect(
      balanceOf([
        { direction: 'i_offered', doneAt: done },
        { direction: 'they_asked', doneAt: done },
        { direction: 'they_offered', doneAt: done },
        { direction: 'i_offered', doneAt: null },
        { direction: 'i_asked', doneAt: null },
        { direction: 'they_asked', doneAt: null },
      ]),
    ).toEqual({ given: 2, received: 1, balance: 1, iOwe: 2, theyOwe: 1 });
  });
});
