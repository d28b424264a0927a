import { describe, expect, it } from 'vitest';
import { pgTimestampToIso } from './connect.js';

describe('pgTimestampToIso', () => {
  it('reads UTC text as it is, to the millisecond', () => {
    expect(pgTimestampToIso('2026-03-05 14:07:00.123456+00')).toBe('2026-03-05T14:07:00.123Z');
    expect(pgTimestampToIso('2026-03-05 14:07:00.5+00')).toBe('2026-03-05T14:07:00.500Z');
    expect(pgTimestampToIso('2026-03-05 14:07:00+00')).toBe('2026-03-05T14:07:00.000Z');
    expect(pgTimestampToIso('0099-01-01 00:00:00+00')).toBe('0099-01-01T00:00:00.000Z');
  });

  it('moves text at another offset to UTC', () => {
    expect(pgTimestampToIso('2026-03-05 14:07:00.5+02')).toBe('2026-03-05T12:07:00.500Z');
    expect(pgTimestampToIso('2026-03-05 01:07:00.123-05:30')).toBe('2026-03-05T06:37:00.123Z');
    expect(pgTimestampToIso('2026-03-05 14:07:00+00:30')).toBe('2026-03-05T13:37:00.000Z');
  });
});
