import { describe, expect, it } from 'vitest';
import { asArray, contactInput, displayNameOf, normalizeTags, parseDimensionFilters, sortNameOf } from './model.js';

describe('displayNameOf', () => {
  it('uses the name given', () => {
    expect(displayNameOf({ displayName: '  The Countess  ', firstName: 'Ada', lastName: 'Lovelace' })).toBe('The Countess');
  });

  it('builds the name from first, middle and last name', () => {
    expect(displayNameOf({ firstName: 'Grace', middleName: 'Brewster', lastName: 'Hopper' })).toBe('Grace Brewster Hopper');
    expect(displayNameOf({ firstName: ' Grace ', middleName: '', lastName: null })).toBe('Grace');
    expect(displayNameOf({ displayName: '   ', lastName: 'Hopper' })).toBe('Hopper');
  });

  it('falls back to the nickname, then to nothing', () => {
    expect(displayNameOf({ nickname: ' Amazing Grace ' })).toBe('Amazing Grace');
    expect(displayNameOf({ firstName: '  ', nickname: null })).toBe('');
    expect(displayNameOf({})).toBe('');
  });
});

describe('sortNameOf', () => {
  it('sorts regardless of case and accents', () => {
    expect(sortNameOf('Élodie Ångström')).toBe('elodie angstrom');
    expect(sortNameOf(' ADA ')).toBe('ada');
    expect(['Zoë', 'élodie', 'Emma', 'ada'].map(sortNameOf).sort()).toEqual(['ada', 'elodie', 'emma', 'zoe']);
  });

  it('folds compatibility characters', () => {
    expect(sortNameOf('ﬁona')).toBe('fiona');
  });
});

describe('normalizeTags', () => {
  it('trims, squeezes spaces and drops repeats, keeping the first-seen order', () => {
    expect(normalizeTags([' open  source ', 'mentor', 'open source', '', '  ', 'Mentor'])).toEqual(['open source', 'mentor', 'Mentor']);
    expect(normalizeTags([])).toEqual([]);
  });
});

describe('parseDimensionFilters', () => {
  it('reads name:value pairs; the value may contain colons', () => {
    expect(parseDimensionFilters(['industry:Fintech', ' region : EU:West ', 'custom_2:x'])).toEqual([
      { dimension: 'industry', value: 'Fintech' },
      { dimension: 'region', value: 'EU:West' },
      { dimension: 'custom_2', value: 'x' },
    ]);
    expect(parseDimensionFilters([])).toEqual([]);
  });

  it.each(['industry', 'industry:', ':Fintech', 'Industry:Fintech', '2fa:yes', 'in dustry:x'])('refuses %j', (raw) => {
    expect(parseDimensionFilters(['industry:Fintech', raw])).toEqual({ error: `"${raw}" is not name:value, such as industry:Fintech` });
  });
});

describe('asArray', () => {
  it('makes a list of one value, a list or nothing', () => {
    expect(asArray('a')).toEqual(['a']);
    expect(asArray(['a', 'b'])).toEqual(['a', 'b']);
    expect(asArray(undefined)).toEqual([]);
  });
});

describe('contactInput', () => {
  it('normalises what a person types', () => {
    expect(
      contactInput.parse({
        firstName: ' Ada ',
        company: '',
        emails: [{ value: ' Ada@Example.COM ' }],
        urls: [{ value: 'linkedin.com/in/ada', type: 'LinkedIn' }],
        phones: [{ value: '+44 20 7946 0958 ext. 12', type: 'work' }],
      }),
    ).toEqual({
      firstName: 'Ada',
      company: null,
      emails: [{ value: 'ada@example.com', type: 'other' }],
      urls: [{ value: 'https://linkedin.com/in/ada', type: 'linkedin' }],
      phones: [{ value: '+44 20 7946 0958 ext. 12', type: 'work' }],
      dimensions: {},
      tags: [],
    });
  });

  it('counts the length of a URL in bytes', () => {
    const urls = (path: string) => contactInput.safeParse({ firstName: 'Ada', urls: [{ value: `https://example.com/${path}` }] });
    expect(urls('a'.repeat(2000 - 20)).success).toBe(true);
    expect(urls('a'.repeat(2000 - 19)).error?.issues.map((i) => i.message)).toEqual(['must be at most 2000 bytes long']);
    expect(urls('é'.repeat(991)).error?.issues.map((i) => i.message)).toEqual(['must be at most 2000 bytes long']);
  });

  it('refuses a URL that is not on the web', () => {
    expect(contactInput.safeParse({ firstName: 'Ada', urls: [{ value: 'javascript:alert(1)' }] }).error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['urls', 0, 'value'], 'must be a web address'],
    ]);
  });
});
