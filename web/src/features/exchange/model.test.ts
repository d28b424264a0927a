import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/types';
import { commitLabel, conflictingFields, formatBytes, mergeRequest, reasonLabel, reasonLabels, resultSentence, tableLabel } from './model';

const counts = (c: Partial<Record<'new' | 'updated' | 'unchanged' | 'rejected', number>>) => ({
  rows: 0, new: 0, updated: 0, unchanged: 0, possibleDuplicates: 0, conflicts: 0, rejected: 0, warnings: 0, ...c,
});

function contact(fields: Partial<Contact>): Contact {
  return {
    id: 'x', displayName: 'X', firstName: null, middleName: null, lastName: null, nickname: null, prefix: null, suffix: null,
    emails: [], phones: [], urls: [], company: null, title: null, location: null, birthday: null, metHow: null, metOn: null,
    circle: null, cadenceDays: null, reminders: true, dueAt: null, snoozedUntil: null, strength: 0, dimensions: {}, tags: [],
    notes: null, lastInteractionAt: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null,
    ...fields,
  };
}

describe('import wording', () => {
  it('names what the commit does, and nothing when there is nothing to do', () => {
    expect(commitLabel(counts({ new: 60 }))).toBe('Add 60 contacts');
    expect(commitLabel(counts({ new: 1 }))).toBe('Add 1 contact');
    expect(commitLabel(counts({ updated: 2 }))).toBe('Update 2 contacts');
    expect(commitLabel(counts({ new: 3, updated: 1 }))).toBe('Add 3 and update 1 contact');
    expect(commitLabel(counts({ new: 3, updated: 1 }), true)).toBe('Adding 3 and updating 1 contact');
    expect(commitLabel(counts({ updated: 2 }), true)).toBe('Updating 2 contacts');
    expect(commitLabel(counts({ unchanged: 5, rejected: 1 }))).toBeNull();
  });

  it('sums up a committed import in one sentence', () => {
    expect(resultSentence(counts({ new: 60, unchanged: 1, rejected: 3 }))).toBe('Added 60 contacts, updated 0, 1 already up to date, 3 rows rejected.');
    expect(resultSentence(counts({ new: 1, updated: 2 }))).toBe('Added 1 contact, updated 2.');
  });

  it('writes sizes the way file managers do', () => {
    expect([formatBytes(0), formatBytes(1), formatBytes(2048), formatBytes(200 * 1024), formatBytes(52_428_800)]).toEqual(['0 bytes', '1 byte', '2.0 KB', '200 KB', '50.0 MB']);
  });

  it('names backup tables in words', () => {
    expect([tableLabel('contacts'), tableLabel('contact_events'), tableLabel('weekly_review_answers')]).toEqual(['Contacts', 'Milestones', 'Weekly review answers']);
  });
});

describe('duplicates', () => {
  it('says why a pair looks alike, without repeating a similar name next to the same name', () => {
    expect(reasonLabel('same email ada@example.com')).toBe('Same email: ada@example.com');
    expect(reasonLabel('same phone +442079460000')).toBe('Same phone: +442079460000');
    expect(reasonLabel('same name ada lovelace')).toBe('Same name');
    expect(reasonLabels(['same name ada lovelace', 'similar name', 'same link ada'])).toEqual(['Same name', 'Same link: ada']);
    expect(reasonLabels(['similar name'])).toEqual(['Similar name']);
  });

  it('asks the server for the other contact’s value only where it was chosen, the name with its parts', () => {
    const a = contact({ id: 'a', displayName: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical', title: 'Analyst' });
    const b = contact({ id: 'b', displayName: 'Ada King', firstName: 'Ada', lastName: 'King', company: 'Babbage', location: 'London' });
    expect(conflictingFields(a, b).map((f) => f.key)).toEqual(['name', 'company']);
    expect(mergeRequest(a, b, 'a', {})).toEqual({ keepId: 'a', mergeId: 'b' });
    expect(mergeRequest(a, b, 'b', {})).toEqual({ keepId: 'b', mergeId: 'a' });
    expect(mergeRequest(a, b, 'a', { company: 'b', name: 'a' })).toEqual({ keepId: 'a', mergeId: 'b', prefer: { company: 'merge' } });
    expect(mergeRequest(a, b, 'b', { name: 'a' })).toEqual({
      keepId: 'b',
      mergeId: 'a',
      prefer: { displayName: 'merge', firstName: 'merge', middleName: 'merge', lastName: 'merge', prefix: 'merge', suffix: 'merge' },
    });
    // A choice about a field without a conflict (only one has a location) asks nothing.
    expect(mergeRequest(a, b, 'a', { location: 'b' })).toEqual({ keepId: 'a', mergeId: 'b' });
  });
});
