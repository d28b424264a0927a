import { describe, expect, it } from 'vitest';
import { KeyTable } from './key-table.js';

describe('KeyTable', () => {
  it('numbers keys in the order they were added and finds each exactly', () => {
    const table = new KeyTable();
    expect(table.add('ab')).toBe(0);
    expect(table.add('abc')).toBe(1);
    expect(table.add('Zoë 🚀')).toBe(2);
    expect(table.add('ab')).toBe(0);
    expect(table.size).toBe(3);
    expect(table.find('abc')).toBe(1);
    expect(table.find('a')).toBe(-1);
    expect(table.find('abd')).toBe(-1);
    expect(table.find('Zoe 🚀')).toBe(-1);
    expect(table.key(2)).toBe('Zoë 🚀');
  });

  it('keeps every key through growth, and keys longer than a chunk', () => {
    const table = new KeyTable();
    const long = 'x'.repeat(1_500_000);
    for (let i = 0; i < 100_000; i++) expect(table.add(`person-${i}`)).toBe(i);
    expect(table.add(long)).toBe(100_000);
    expect(table.add('after the long one')).toBe(100_001);
    for (let i = 0; i < 100_000; i += 997) expect(table.find(`person-${i}`)).toBe(i);
    expect(table.find(`person-100000`)).toBe(-1);
    expect(table.key(99_999)).toBe('person-99999');
    expect(table.key(100_000)).toBe(long);
    expect(table.find(long)).toBe(100_000);
    expect(table.key(100_001)).toBe('after the long one');
  });
});
