import type { Reflection, ReflectionInput, Review, ReviewInput } from '../growth/types';

/** What the reflection form holds while the user types. */
export interface ReflectionDraft {
  wentWell: string;
  toImprove: string;
  missedOpportunities: string;
  connectionQuality: number | null;
  communicationEffectiveness: number | null;
  skillIds: string[];
  notes: string;
}

export function reflectionDraftOf(r: Reflection | null): ReflectionDraft {
  return {
    wentWell: r?.wentWell ?? '',
    toImprove: r?.toImprove ?? '',
    missedOpportunities: r?.missedOpportunities ?? '',
    connectionQuality: r?.connectionQuality ?? null,
    communicationEffectiveness: r?.communicationEffectiveness ?? null,
    skillIds: r?.skills.map((s) => s.id) ?? [],
    notes: r?.notes ?? '',
  };
}

/** The request body: empty text is sent as null, so clearing a field clears it. */
export function reflectionInputOf(d: ReflectionDraft): ReflectionInput {
  const orNull = (s: string) => (s.trim() === '' ? null : s);
  return {
    wentWell: orNull(d.wentWell),
    toImprove: orNull(d.toImprove),
    missedOpportunities: orNull(d.missedOpportunities),
    connectionQuality: d.connectionQuality,
    communicationEffectiveness: d.communicationEffectiveness,
    skillIds: d.skillIds,
    notes: orNull(d.notes),
  };
}

/** What the weekly review form holds: an answer per prompt, the plan, and last week's outcome. */
export interface ReviewDraft {
  answers: Record<string, string>;
  nextWeekPlan: string;
  planOutcome: Review['planOutcome'];
  planOutcomeNote: string;
}

export function reviewDraftOf(r: Review): ReviewDraft {
  return {
    answers: Object.fromEntries(r.answers.map((a) => [a.prompt, a.answer])),
    nextWeekPlan: r.nextWeekPlan ?? '',
    planOutcome: r.planOutcome,
    planOutcomeNote: r.planOutcomeNote ?? '',
  };
}

/**
 * The questions to show: this week's prompts, then any answered earlier that the figures no longer
 * raise (a follow-up done since), so no answer disappears from view.
 */
export function promptsToShow(r: Pick<Review, 'prompts' | 'answers'>): string[] {
  return [...r.prompts, ...r.answers.map((a) => a.prompt).filter((p) => !r.prompts.includes(p))];
}

export function reviewInputOf(d: ReviewDraft, prompts: readonly string[], complete: boolean): ReviewInput {
  const orNull = (s: string) => (s.trim() === '' ? null : s);
  return {
    answers: prompts.map((prompt) => ({ prompt, answer: d.answers[prompt] ?? '' })).filter((a) => a.answer.trim() !== ''),
    nextWeekPlan: orNull(d.nextWeekPlan),
    planOutcome: d.planOutcome,
    planOutcomeNote: orNull(d.planOutcomeNote),
    complete,
  };
}
