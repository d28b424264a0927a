import { describe, expect, it } from 'vitest';
import { findDuplicates } from './duplicates.js';
import { MatchIndex, matchKeys, mergeCandidate, snapshotOf, stateOf, toCandidate, type Candidate } from './match.js';
import { emptyDraft, fold, type ContactDraft } from './model.js';

function candidate(fields: Partial<ContactDraft>): Candidate {
  const checked = toCandidate({ ...emptyDraft(), ...fields }, 1);
  if ('rejected' in checked) throw new Error(checked.rejected);
  return checked.candidate;
}

describe('checking a draft with the contacts rules', () => {
  it('drops the fields that fail, with a warning naming them, and keeps the rest', () => {
    const checked = toCandidate({ ...emptyDraft(), firstName: 'Ada', emails: [{ value: 'ada@example.com', type: 'work' }, { value: 'not-an-email', type: 'home' }], cadenceDays: 0 }, 7);
    expect('candidate' in checked && checked.candidate.fields.emails).toEqual([{ value: 'ada@example.com', type: 'work' }]);
    expect(checked.warnings).toEqual([
      { line: 7, field: 'emails[1].value', message: 'must be an email address; skipped' },
      { line: 7, field: 'cadenceDays', message: 'must be at least 1 day; skipped' },
    ]);
  });

  it('rejects a draft with no name', () => {
    expect(toCandidate({ ...emptyDraft(), emails: [{ value: 'a@example.com', type: 'other' }] }, 3)).toMatchObject({ rejected: 'the row has no name' });
  });
});

describe('folding names for comparison', () => {
  it('drops case, accents and extra spaces, in ASCII and beyond', () => {
    expect(fold('  Ada\tLOVELACE  ')).toBe('ada lovelace');
    expect(fold(' Zoë  Müller ')).toBe('zoe muller');
    expect(fold('Ｓｉｏｂｈáｎ')).toBe('siobhan');
  });
});

describe('matching', () => {
  const index = new MatchIndex();
  index.add('c1', matchKeys({ displayName: 'Ada Lovelace', company: 'Analytical', emails: [{ value: 'ada@example.com', type: 'work' }], phones: [], urls: [] }), 'Ada Lovelace');
  index.add('c2', matchKeys({ displayName: 'Grace Hopper', company: 'Navy', emails: [], phones: [{ value: '+1 555 010 0100', type: 'mobile' }], urls: [{ value: 'https://www.linkedin.com/in/grace', type: 'linkedin' }] }), 'Grace Hopper');

  it('finds a contact by email, LinkedIn URL, phone, or exact name with company, strongest key first', () => {
    const find = (c: Parameters<typeof matchKeys>[0]) => index.find(matchKeys(c));
    expect(find({ displayName: 'X', company: null, emails: [{ value: 'ADA@example.com', type: 'o' }], phones: [{ value: '+15550100100', type: 'o' }], urls: [] })).toEqual({ id: 'c1', by: 'email' });
    expect(find({ displayName: 'X', company: null, emails: [], phones: [], urls: [{ value: 'http://linkedin.com/in/grace/', type: 'o' }] })).toEqual({ id: 'c2', by: 'linkedin' });
    expect(find({ displayName: 'X', company: null, emails: [], phones: [{ value: '+1 (555) 010-0100', type: 'o' }], urls: [] })).toEqual({ id: 'c2', by: 'phone' });
    expect(find({ displayName: 'ada  LOVELACE', company: 'analytical', emails: [], phones: [], urls: [] })).toEqual({ id: 'c1', by: 'name' });
    expect(find({ displayName: 'Ada Lovelace', company: null, emails: [], phones: [], urls: [] })).toBeNull();
    expect(find({ displayName: 'Grace Hopper', company: 'Navy', emails: [], phones: [], urls: [] })).toEqual({ id: 'c2', by: 'name' });
    // Same name and company, another LinkedIn profile: another person.
    expect(find({ displayName: 'Grace Hopper', company: 'Navy', emails: [], phones: [], urls: [{ value: 'https://www.linkedin.com/in/grace-2', type: 'o' }] })).toBeNull();
    expect(index.sameName('ADA lovelace')).toEqual(['c1']);
  });
});

describe('merging an import into a contact', () => {
  const first = candidate({ firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical', title: 'Analyst', emails: [{ value: 'ada@example.com', type: 'work' }], tags: ['math'] });

  it('changes nothing when the same data comes again', () => {
    const result = mergeCandidate(stateOf(first), first, snapshotOf(first));
    expect(result.changes).toEqual([]);
    expect(result.conflicts).toEqual([]);
  });

  it('fills blanks and adds new emails and tags, never removing any', () => {
    const later = candidate({ firstName: 'Ada', lastName: 'Lovelace', location: 'London', emails: [{ value: 'ada@home.example', type: 'home' }], tags: ['poetry'] });
    const result = mergeCandidate(stateOf(first), later, snapshotOf(first));
    expect(result.changes).toEqual(['location', 'emails', 'tags']);
    expect(result.state.emails.map((e) => e.value)).toEqual(['ada@example.com', 'ada@home.example']);
    expect(result.state.tags).toEqual(['math', 'poetry']);
    expect(result.state.fields.company).toBe('Analytical');
  });

  it('follows a newer export where the user kept the old value, and reports a conflict where they changed it', () => {
    const edited = stateOf(first);
    edited.fields.title = 'Countess';
    const newer = candidate({ firstName: 'Ada', lastName: 'Lovelace', company: 'Babbage & Co', title: 'Programmer' });
    const result = mergeCandidate(edited, newer, snapshotOf(first));
    expect(result.state.fields.company).toBe('Babbage & Co');
    expect(result.state.fields.title).toBe('Countess');
    expect(result.changes).toEqual(['company']);
    expect(result.conflicts).toEqual([{ field: 'title', current: 'Countess', incoming: 'Programmer' }]);
  });

  it('keeps a user edit silently when the source still says what it said before', () => {
    const edited = stateOf(first);
    edited.fields.title = 'Countess';
    edited.emails = [];
    const result = mergeCandidate(edited, first, snapshotOf(first));
    expect(result.changes).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.state.emails).toEqual([]);
  });

  it('reports a conflict the first time a source disagrees with a value', () => {
    const result = mergeCandidate(stateOf(first), candidate({ firstName: 'Ada', lastName: 'Lovelace', title: 'Programmer' }), null);
    expect(result.conflicts).toEqual([{ field: 'title', current: 'Analyst', incoming: 'Programmer' }]);
  });
});

describe('likely duplicates', () => {
  const person = (id: string, displayName: string, extra: Partial<{ emails: string[]; phones: string[]; urls: string[] }> = {}) => ({
    id, displayName, company: null, emails: [], phones: [], urls: [], ...extra,
  });

  it('pairs contacts sharing an email, phone or link, or with the same or a nearly same name', () => {
    const pairs = findDuplicates([
      person('1', 'Ada Lovelace', { emails: ['ada@example.com'] }),
      person('2', 'A. Lovelace', { emails: ['ADA@example.com'] }),
      person('3', 'Grace Hopper', { phones: ['+1 555 010 0100'] }),
      person('4', 'Grace B. Hopper', { phones: ['+1 (555) 010-0100'] }),
      person('5', 'Jon Smith'),
      person('6', 'John Smith'),
      person('7', 'Smith John'),
      person('8', 'Mary Major', { urls: ['https://www.linkedin.com/in/mary'] }),
      person('9', 'M. Major', { urls: ['http://linkedin.com/in/mary/'] }),
      person('10', 'Alan Turing'),
    ]);
    expect(pairs.map((p) => [p.a, p.b, p.reasons])).toEqual([
      ['3', '4', ['same phone +15550100100', 'similar name']],
      ['1', '2', ['same email ada@example.com']],
      ['8', '9', ['same link mary']],
      ['6', '7', ['similar name']],
      ['5', '6', ['similar name']],
    ]);
  });
});
