import { describe, expect, it } from 'vitest';
import { chartGeometry, chartSummary, linePath } from './chart';

describe('skill chart geometry', () => {
  it('spreads ratings over the time between the first and the last, 1 at the bottom and 5 at the top', () => {
    const g = chartGeometry(
      [
        { id: 'a', source: 'self', rating: 2, ratedAt: '2026-01-01T00:00:00.000Z' },
        { id: 'b', source: 'feedback', rating: 5, ratedAt: '2026-01-21T00:00:00.000Z' },
        { id: 'c', source: 'self', rating: 4, ratedAt: '2026-01-31T00:00:00.000Z' },
      ],
      428,
      240,
    );
    expect([g.left, g.right, g.top, g.bottom]).toEqual([28, 412, 12, 212]);
    expect(g.self.map((p) => [p.id, p.x, p.y])).toEqual([
      ['a', 28, 162],
      ['c', 412, 62],
    ]);
    expect(g.others.map((p) => [p.id, p.x, p.y])).toEqual([['b', 284, 12]]);
    expect(g.levels).toEqual([
      { value: 1, y: 212 },
      { value: 2, y: 162 },
      { value: 3, y: 112 },
      { value: 4, y: 62 },
      { value: 5, y: 12 },
    ]);
    expect(g.ticks.map((t) => [new Date(t.at).toISOString(), t.x])).toEqual([
      ['2026-01-01T00:00:00.000Z', 28],
      ['2026-01-11T00:00:00.000Z', 156],
      ['2026-01-21T00:00:00.000Z', 284],
      ['2026-01-31T00:00:00.000Z', 412],
    ]);
    expect(linePath(g.self)).toBe('M28 162 L412 62');
  });

  it('centres a single rating on a two-week axis', () => {
    const g = chartGeometry([{ id: 'a', source: 'feedback', rating: 3, ratedAt: '2026-03-04T12:00:00.000Z' }], 300, 200);
    expect(g.others.map((p) => [p.x, p.y])).toEqual([[156, 92]]);
    expect(g.ticks.map((t) => new Date(t.at).toISOString())).toEqual(['2026-02-25T12:00:00.000Z', '2026-03-04T12:00:00.000Z', '2026-03-11T12:00:00.000Z']);
    expect(linePath([])).toBe('');
  });

  it('says in words what the chart shows', () => {
    const ratings = [
      { id: 'a', source: 'self' as const, rating: 2, ratedAt: '2026-01-10T10:00:00.000Z' },
      { id: 'b', source: 'feedback' as const, rating: 5, ratedAt: '2026-02-01T10:00:00.000Z' },
      { id: 'c', source: 'feedback' as const, rating: 4, ratedAt: '2026-02-02T10:00:00.000Z' },
      { id: 'd', source: 'feedback' as const, rating: 4, ratedAt: '2026-02-03T10:00:00.000Z' },
      { id: 'e', source: 'self' as const, rating: 4, ratedAt: '2026-03-04T23:30:00.000Z' },
    ];
    expect(chartSummary(ratings, 'Europe/Berlin', 'en-GB')).toBe('2 self-ratings from 10 Jan 2026 to 5 Mar 2026, latest 4 of 5; 3 ratings from others, averaging 4.3 of 5.');
    expect(chartSummary(ratings.slice(1, 2), 'UTC', 'en-GB')).toBe('no self-ratings; 1 rating from others, averaging 5 of 5.');
    expect(chartSummary(ratings.slice(0, 1), 'UTC', 'en-GB')).toBe('1 self-rating from 10 Jan 2026 to 10 Jan 2026, latest 2 of 5; no ratings from others yet.');
  });
});
