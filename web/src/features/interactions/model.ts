import { fromLocalInput, toLocalInput } from '../../shared/time';
import type { Interaction, InteractionInput, InteractionKind } from '../../shared/types';

/** What the log form holds while the user types: strings as typed, turned into the API's shape on save. */
export interface InteractionDraft {
  participants: { id: string; displayName: string }[];
  kind: InteractionKind;
  /** datetime-local value in the user's time zone. */
  when: string;
  summary: string;
  channel: string;
  notes: string;
  needs: string;
  challenges: string;
  plans: string;
  learned: string;
  quality: number | null;
  followUpText: string;
  followUpDue: string;
  followUpDone: boolean;
}

export function emptyDraft(now: Date, timeZone: string, participants: InteractionDraft['participants'] = []): InteractionDraft {
  return {
    participants,
    kind: 'coffee',
    when: toLocalInput(now.toISOString(), timeZone),
    summary: '',
    channel: '',
    notes: '',
    needs: '',
    challenges: '',
    plans: '',
    learned: '',
    quality: null,
    followUpText: '',
    followUpDue: '',
    followUpDone: false,
  };
}

export function draftOf(i: Interaction, timeZone: string): InteractionDraft {
  return {
    participants: i.participants.map((p) => ({ id: p.id, displayName: p.displayName })),
    kind: i.kind,
    when: toLocalInput(i.occurredAt, timeZone),
    summary: i.summary,
    channel: i.channel ?? '',
    notes: i.notes ?? '',
    needs: i.shared.needs ?? '',
    challenges: i.shared.challenges ?? '',
    plans: i.shared.plans ?? '',
    learned: i.learned ?? '',
    quality: i.quality,
    followUpText: i.followUp?.text ?? '',
    followUpDue: i.followUp?.due ?? '',
    followUpDone: Boolean(i.followUp?.doneAt),
  };
}

/**
 * The request body for a draft. Empty text becomes null so clearing a field clears it on the
 * server; an unreadable date is sent as typed so the server names the field.
 */
export function inputOf(d: InteractionDraft, timeZone: string): InteractionInput {
  const orNull = (s: string) => (s.trim() === '' ? null : s);
  return {
    participantIds: d.participants.map((p) => p.id),
    kind: d.kind,
    occurredAt: fromLocalInput(d.when, timeZone) ?? d.when,
    summary: d.summary,
    channel: orNull(d.channel),
    notes: orNull(d.notes),
    shared: { needs: orNull(d.needs), challenges: orNull(d.challenges), plans: orNull(d.plans) },
    learned: orNull(d.learned),
    quality: d.quality,
    followUp: d.followUpText.trim() === '' ? null : { text: d.followUpText, due: orNull(d.followUpDue), done: d.followUpDone },
  };
}
