import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactInput } from '../contacts/model.js';
import { findDuplicates } from './duplicates.js';
import { compiledContactInput, MatchIndex, matchKeys, mergeCandidate, snapshotOf, stateOf, toCandidate, type Candidate } from './match.js';
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

  it('keeps a valid row as the schema gives it, and names every bad field as the schema does', () => {
    const linkedin = toCandidate({ ...emptyDraft(), firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines', metHow: 'LinkedIn', metOn: '2024-03-05', urls: [{ value: 'https://www.linkedin.com/in/ada', type: 'linkedin' }] }, 5);
    expect(linkedin).toEqual({
      candidate: {
        fields: { firstName: 'Ada', lastName: 'Lovelace', emails: [], phones: [], urls: [{ value: 'https://www.linkedin.com/in/ada', type: 'linkedin' }], company: 'Analytical Engines', metHow: 'LinkedIn', metOn: '2024-03-05', reminders: true, dimensions: {}, tags: [] },
        uid: null,
        photo: null,
        extras: [],
      },
      warnings: [],
    });
    const bad = toCandidate(
      {
        ...emptyDraft(),
        firstName: 'Ada',
        title: 'x'.repeat(201),
        metOn: '2024-02-30',
        birthday: 'March 1815',
        circle: 'best',
        phones: [{ value: 'call me', type: 'mobile' }],
        urls: [{ value: 'ftp://example.com/ada', type: 'work' }],
        tags: ['  '],
        dimensions: { Industry: 'Computing' },
      },
      9,
    );
    expect(bad).toEqual({
      candidate: { fields: { firstName: 'Ada', emails: [], phones: [], urls: [], reminders: true, dimensions: {}, tags: [] }, uid: null, photo: null, extras: [] },
      warnings: [
        { line: 9, field: 'phones[0].value', message: 'must be a phone number (digits, spaces, + - ( ) .); skipped' },
        { line: 9, field: 'urls[0].value', message: 'must be a web address; skipped' },
        { line: 9, field: 'title', message: 'Too big: expected string to have <=200 characters; skipped' },
        { line: 9, field: 'birthday', message: 'must be YYYY-MM-DD, or --MM-DD without a year; skipped' },
        { line: 9, field: 'metOn', message: 'is not a real calendar date; skipped' },
        { line: 9, field: 'circle', message: 'Invalid option: expected one of "inner"|"close"|"network"|"wide"; skipped' },
        { line: 9, field: 'dimensions.Industry', message: 'dimension names are lowercase letters, digits and _, such as industry; skipped' },
        { line: 9, field: 'tags[0]', message: 'must not be empty; skipped' },
      ],
    });
  });

  it('gets from the compiled schema what the schema as written gives, for valid and invalid input alike', () => {
    const text = fc.oneof(fc.constant('Ada'), fc.constant(' Ada '), fc.constant(''), fc.constant('ADA@Example.com'), fc.constant('x'.repeat(201)), fc.string({ maxLength: 8 }));
    const method = fc.record({ value: fc.oneof(text, fc.constant('https://example.com/a'), fc.constant('example.com'), fc.constant('+1 555 0100'), fc.constant('ada@example.com')), type: fc.oneof(text, fc.constant('work')) });
    const input = fc.record(
      {
        displayName: text,
        firstName: text,
        company: text,
        emails: fc.array(method, { maxLength: 2 }),
        phones: fc.array(method, { maxLength: 2 }),
        urls: fc.array(method, { maxLength: 2 }),
        tags: fc.array(text, { maxLength: 2 }),
        dimensions: fc.dictionary(fc.oneof(fc.constant('industry'), fc.constant('Bad Key'), fc.string({ maxLength: 4 })), text, { maxKeys: 2 }),
        birthday: fc.oneof(fc.constant('1815-12-10'), fc.constant('--02-29'), fc.constant('1815-02-30'), text),
        metOn: fc.oneof(fc.constant('2024-03-05'), text),
        circle: fc.oneof(fc.constant('inner'), text),
        cadenceDays: fc.oneof(fc.integer({ min: -5, max: 4000 }), fc.double()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (value) => {
        expect(JSON.stringify(compiledContactInput.safeParse(value))).toBe(JSON.stringify(contactInput.safeParse(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects a draft with no name', () => {
    expect(toCandidate({ ...emptyDraft(), emails: [{ value: 'a@example.com', type: 'other' }] }, 3)).toMatchObject({ rejected: 'the row has no name' });
  });
});

describe('what a new contact and its snapshot hold', () => {
  it('keeps every field in a fixed order: snapshots are compared as JSON on the next import', () => {
    const c = candidate({ lastName: 'Lovelace', firstName: 'Ada', metOn: '2024-03-05', company: 'Analytical Engines', urls: [{ value: 'https://www.linkedin.com/in/Ada/', type: 'linkedin' }] });
    expect(JSON.stringify(snapshotOf(c))).toBe(
      '{"fields":{"firstName":"Ada","lastName":"Lovelace","company":"Analytical Engines","metOn":"2024-03-05"},"emails":[],"phones":[],"urls":["ada"],"tags":[],"dimensions":{},"photo":null}',
    );
    expect(JSON.stringify(stateOf(c).fields)).toBe(
      '{"displayName":"Ada Lovelace","firstName":"Ada","middleName":null,"lastName":"Lovelace","nickname":null,"prefix":null,"suffix":null,"company":"Analytical Engines","title":null,"location":null,"birthday":null,"metHow":null,"metOn":"2024-03-05","circle":null,"cadenceDays":null,"notes":null}',
    );
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
