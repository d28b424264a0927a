import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../shared/types';
import { draftOf, emptyDraft, inputOf } from './model.js';

describe('the log form’s draft', () => {
  it('starts at the current minute in the user’s zone with nothing else filled in', () => {
    const draft = emptyDraft(new Date('2026-03-05T14:07:31Z'), 'Europe/Berlin', [{ id: 'c1', displayName: 'Ada' }]);
    expect(draft.when).toBe('2026-03-05T15:07');
    expect(inputOf({ ...draft, summary: 'Coffee' }, 'Europe/Berlin')).toEqual({
      participantIds: ['c1'],
      kind: 'coffee',
      occurredAt: '2026-03-05T14:07:00.000Z',
      summary: 'Coffee',
      channel: null,
      notes: null,
      shared: { needs: null, challenges: null, plans: null },
      learned: null,
      quality: null,
      followUp: null,
    });
  });

  it('round-trips a stored interaction, follow-up included', () => {
    const stored: Interaction = {
      id: 'i1',
      kind: 'video_call',
      channel: 'Zoom',
      occurredAt: '2026-03-01T09:30:00.000Z',
      summary: 'Quarterly catch-up',
      notes: 'Long talk',
      shared: { needs: 'A designer', challenges: null, plans: 'Move to Lisbon' },
      learned: 'Ask earlier',
      quality: 4,
      followUp: { text: 'Send intro', due: '2026-03-08', doneAt: null },
      participants: [{ id: 'c1', displayName: 'Ada', inTrash: false }],
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
      deletedAt: null,
    };
    const draft = draftOf(stored, 'America/New_York');
    expect(draft.when).toBe('2026-03-01T04:30');
    expect(inputOf(draft, 'America/New_York')).toEqual({
      participantIds: ['c1'],
      kind: 'video_call',
      occurredAt: '2026-03-01T09:30:00.000Z',
      summary: 'Quarterly catch-up',
      channel: 'Zoom',
      notes: 'Long talk',
      shared: { needs: 'A designer', challenges: null, plans: 'Move to Lisbon' },
      learned: 'Ask earlier',
      quality: 4,
      followUp: { text: 'Send intro', due: '2026-03-08', done: false },
    });
  });

  it('sends an unreadable date as typed so the server can name the field', () => {
    const draft = { ...emptyDraft(new Date('2026-03-05T14:07:00Z'), 'UTC'), when: '' };
    expect(inputOf(draft, 'UTC').occurredAt).toBe('');
  });
});
