import { validate, version, v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { uuidV7Generator } from './ids.js';

const MS = 0x0123456789ab;

describe('uuidV7Generator', () => {
  it('writes the millisecond, then a counter started from random bits, then random bits', () => {
    const next = uuidV7Generator({ now: () => MS, fill: (b) => b.fill(0) });
    expect([next(), next(), next()]).toEqual([
      '01234567-89ab-7000-8000-000000000000',
      '01234567-89ab-7000-8000-040000000000',
      '01234567-89ab-7000-8000-080000000000',
    ]);
  });

  it('lays out the same bytes as the uuid package for the same instant, counter and random bytes', () => {
    const next = uuidV7Generator({ now: () => MS, fill: (b) => b.fill(0xff) });
    const random = new Uint8Array(16).fill(0xff);
    expect(next()).toBe('01234567-89ab-77ff-bfff-ffffffffffff');
    expect(v7({ msecs: MS, seq: 0x7fffffff, random })).toBe('01234567-89ab-77ff-bfff-ffffffffffff');
    // The counter goes on past 2^31 as an unsigned 32-bit number.
    expect(next()).toBe('01234567-89ab-7800-8000-03ffffffffff');
    expect(v7({ msecs: MS, seq: 0x80000000, random })).toBe('01234567-89ab-7800-8000-03ffffffffff');
  });

  it('restarts the counter in a new millisecond and keeps counting when the clock goes back', () => {
    const times = [MS, MS + 1, MS];
    const next = uuidV7Generator({ now: () => times.shift()!, fill: (b) => b.fill(0) });
    expect([next(), next(), next()]).toEqual([
      '01234567-89ab-7000-8000-000000000000',
      '01234567-89ac-7000-8000-000000000000',
      '01234567-89ac-7000-8000-040000000000',
    ]);
  });

  it('takes 16 random bytes per id from a pool refilled every 256 ids', () => {
    let fills = 0;
    const next = uuidV7Generator({
      now: () => MS,
      fill: (b) => {
        fills += 1;
        for (let i = 0; i < b.length; i++) b[i] = (i >> 4) + fills - 1;
      },
    });
    const ids = Array.from({ length: 257 }, next);
    expect(fills).toBe(2);
    // The last five random bytes of id n are n (the pool's 16-byte slot); the 257th is slot 0 of the second fill.
    expect(ids[1]!.slice(-10)).toBe('0101010101');
    expect(ids[255]!.slice(-10)).toBe('ffffffffff');
    expect(ids[256]!.slice(-10)).toBe('0101010101');
  });

  it('gives valid v7 ids in increasing order', () => {
    const next = uuidV7Generator();
    const ids = Array.from({ length: 5000 }, next);
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true);
    expect(new Set(ids).size).toBe(5000);
    expect([...ids].sort()).toEqual(ids);
  });
});
