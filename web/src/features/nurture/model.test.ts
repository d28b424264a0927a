import { describe, expect, it } from 'vitest';
import {
  addDays,
  balanceSentence,
  cadenceOf,
  chartPoints,
  dueHeadline,
  dueLabel,
  formatDay,
  inDaysLabel,
  isAllClear,
  localDate,
  occasionLabel,
  openSentence,
  overdueLabel,
  trendSummary,
  type Today,
} from './model';

const settings = { cadences: { inner: 14, close: 30, network: 90, wide: 180 }, strengthHalfLifeDays: 90 };
const balance = (given: number, received: number, iOwe = 0, theyOwe = 0) => ({ given, received, balance: given - received, iOwe, theyOwe });

describe('nurture web model', () => {
  it('says how late a check-in is', () => {
    expect([0, 1, 27].map(overdueLabel)).toEqual(['due today', '1 day overdue', '27 days overdue']);
  });

  it('says how a due date stands against now', () => {
    const now = new Date('2026-03-02T12:00:00.000Z');
    expect(
      ['2026-03-16T11:59:00.000Z', '2026-03-03T09:00:00.000Z', '2026-03-02T15:00:00.000Z', '2026-03-02T12:00:00.000Z', '2026-03-01T13:00:00.000Z', '2026-01-30T12:00:00.000Z'].map((d) => dueLabel(d, now)),
    ).toEqual(['in 14 days', 'tomorrow', 'today', 'due today', 'due today', '31 days overdue']);
  });

  it('says how soon a date comes', () => {
    expect([0, 1, 2, 14].map(inDaysLabel)).toEqual(['today', 'tomorrow', 'in 2 days', 'in 14 days']);
  });

  it('names an occasion with the age or the years when known', () => {
    expect([
      occasionLabel('birthday', 36),
      occasionLabel('birthday', null),
      occasionLabel('work_anniversary', 7),
      occasionLabel('work_anniversary', 1),
      occasionLabel('work_anniversary', 0),
    ]).toEqual(['Birthday, turns 36', 'Birthday', 'Work anniversary, 7 years', 'Work anniversary, 1 year', 'Work anniversary']);
  });

  it('puts the give-and-take balance into words', () => {
    expect([balanceSentence(balance(0, 0)), balanceSentence(balance(3, 1)), balanceSentence(balance(1, 3)), balanceSentence(balance(1, 1))]).toEqual([
      'Nothing given or received yet.',
      'You have given 2 more than you received (3 given, 1 received).',
      'You have received 2 more than you gave (1 given, 3 received).',
      'Even (1 given, 1 received).',
    ]);
    expect([openSentence(balance(0, 0)), openSentence(balance(0, 0, 2, 1))]).toEqual(['Nothing open.', 'Open: you owe 2, they owe 1.']);
  });

  it('follows the server on which cadence applies', () => {
    expect([
      cadenceOf({ circle: 'close', cadenceDays: null, reminders: true }, settings),
      cadenceOf({ circle: 'close', cadenceDays: 10, reminders: true }, settings),
      cadenceOf({ circle: 'inner', cadenceDays: 10, reminders: false }, settings),
      cadenceOf({ circle: null, cadenceDays: null, reminders: true }, settings),
    ]).toEqual([
      { days: 30, source: 'circle' },
      { days: 10, source: 'own' },
      { days: null, source: 'off' },
      { days: null, source: 'none' },
    ]);
  });

  it('counts calendar days across months, years and leap days', () => {
    expect([addDays('2026-03-02', 7), addDays('2026-02-27', 2), addDays('2028-02-28', 1), addDays('2026-12-31', 1), addDays('2026-03-01', -1)]).toEqual([
      '2026-03-09',
      '2026-03-01',
      '2028-02-29',
      '2027-01-01',
      '2026-02-28',
    ]);
  });

  it('finds the local date of an instant in the user time zone', () => {
    const at = new Date('2026-03-02T23:30:00.000Z');
    expect([localDate(at, 'UTC'), localDate(at, 'Europe/Berlin'), localDate(at, 'America/Los_Angeles')]).toEqual(['2026-03-02', '2026-03-03', '2026-03-02']);
  });

  it('writes a day with its weekday, without shifting it by a time zone', () => {
    expect([formatDay('2026-03-02', 'en-GB'), formatDay('2026-03-02', 'en-US')]).toEqual(['Monday 2 March', 'Monday, March 2']);
  });

  it('counts the people due in words, with a plus past the bound', () => {
    const due = (total: number, moreThanTotal = false) => dueHeadline({ total, moreThanTotal, items: [] });
    expect([due(0), due(1), due(12), due(1000), due(1000, true)]).toEqual([
      'nobody to reach out to',
      '1 person to reach out to',
      '12 people to reach out to',
      '1,000 people to reach out to',
      '1,000+ people to reach out to',
    ]);
  });

  it('knows when Today has nothing to show', () => {
    const empty: Today = { date: '2026-03-02', timeZone: 'UTC', due: { total: 0, moreThanTotal: false, items: [] }, followUps: [], upcoming: [], successes: [], promises: [] };
    expect(isAllClear(empty)).toBe(true);
    expect(isAllClear({ ...empty, due: { total: 1, moreThanTotal: false, items: [] } })).toBe(false);
    expect(isAllClear({ ...empty, upcoming: [{ contact: { id: 'c', displayName: 'C', company: null, title: null, circle: null }, kind: 'birthday', date: '2026-03-03', inDays: 1, years: null, eventId: null, note: null }] })).toBe(false);
  });

  it('describes a strength trend in words', () => {
    const trend = (values: number[]) => values.map((strength, i) => ({ at: `2026-${String(i + 1).padStart(2, '0')}-01T00:00:00.000Z`, strength }));
    expect([trendSummary([]), trendSummary(trend([0, 3, 42])), trendSummary(trend([40, 60, 20])), trendSummary(trend([5, 5]))]).toEqual([
      'No history yet.',
      'Over the last year, strength rose from 0 to 42.',
      'Over the last year, strength fell from 40 to 20, peaking at 60.',
      'Over the last year, strength stayed at 5.',
    ]);
  });

  it('lays a 0–100 series out across the chart, 100 at the top', () => {
    expect(chartPoints([0, 50, 100], 208, 58)).toEqual([
      { x: 4, y: 54 },
      { x: 104, y: 29 },
      { x: 204, y: 4 },
    ]);
    expect(chartPoints([42], 100, 50)).toEqual([{ x: 4, y: 28.4 }]);
    expect(chartPoints([], 100, 50)).toEqual([]);
  });
});
