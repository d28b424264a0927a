import { describe, expect, it } from 'vitest';
import { gapOf, nameKey } from './model.js';
import { statusOf } from '../feedback/model.js';

const now = new Date('2026-03-01T00:00:00.000Z');
const self = (rating: number, ratedAt: string) => ({ source: 'self' as const, rating, ratedAt });
const others = (rating: number, ratedAt = '2026-02-01T00:00:00.000Z') => ({ source: 'feedback' as const, rating, ratedAt });

describe('the gap between how you and others rate a skill', () => {
  it('needs a self-rating and two ratings from others', () => {
    expect(gapOf([self(4, '2026-01-01T00:00:00.000Z'), others(2)], now)).toEqual({ self: 4, others: 2, othersCount: 1, gap: null, verdict: 'not_enough_data' });
    expect(gapOf([others(2), others(3)], now)).toEqual({ self: null, others: 2.5, othersCount: 2, gap: null, verdict: 'not_enough_data' });
  });

  it('calls rating yourself a point above others a blind spot, a point below a hidden strength', () => {
    expect(gapOf([self(2, '2025-06-01T00:00:00.000Z'), self(5, '2026-02-01T00:00:00.000Z'), others(3), others(4)], now)).toEqual({ self: 5, others: 3.5, othersCount: 2, gap: 1.5, verdict: 'blind_spot' });
    expect(gapOf([self(2, '2026-02-01T00:00:00.000Z'), others(3), others(4), others(3)], now)).toEqual({ self: 2, others: 3.33, othersCount: 3, gap: -1.33, verdict: 'hidden_strength' });
    expect(gapOf([self(3, '2026-02-01T00:00:00.000Z'), others(3), others(4)], now)).toEqual({ self: 3, others: 3.5, othersCount: 2, gap: -0.5, verdict: 'aligned' });
  });

  it('forgets what others said more than a year ago', () => {
    expect(gapOf([self(4, '2026-02-01T00:00:00.000Z'), others(1, '2025-01-01T00:00:00.000Z'), others(4), others(4)], now).others).toBe(4);
  });

  it('compares skill names without case or extra space', () => {
    expect(nameKey('  Active   Listening ')).toBe('active listening');
  });
});

describe('feedback link status', () => {
  const open = { revoked_at: null, expires_at: '2026-03-15T00:00:00.000Z', max_responses: 1 };
  it('is open until revoked, answered as often as allowed, or expired', () => {
    expect(statusOf(open, 0, now)).toBe('open');
    expect(statusOf(open, 1, now)).toBe('answered');
    expect(statusOf({ ...open, max_responses: null }, 30, now)).toBe('open');
    expect(statusOf({ ...open, expires_at: '2026-03-01T00:00:00.000Z' }, 0, now)).toBe('expired');
    expect(statusOf({ ...open, revoked_at: '2026-02-01T00:00:00.000Z' }, 0, now)).toBe('revoked');
  });
});
