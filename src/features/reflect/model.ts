import { z } from 'zod';
import { addDays, dateOnly } from '../../platform/dates.js';
import { optionalText } from '../../platform/validation.js';

const score = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').nullable().optional();

export const reflectionInput = z
  .strictObject({
    wentWell: optionalText(20_000),
    toImprove: optionalText(20_000),
    missedOpportunities: optionalText(20_000),
    connectionQuality: score.describe('How connected you felt, 1 to 5'),
    communicationEffectiveness: score.describe('How well you got your points across and understood theirs, 1 to 5'),
    notes: optionalText(50_000),
    skillIds: z.array(z.string().min(1).max(100)).max(10).default([]).describe('Skills you practised'),
  })
  .refine(
    (r) => [r.wentWell, r.toImprove, r.missedOpportunities, r.connectionQuality, r.communicationEffectiveness, r.notes].some((v) => v !== null && v !== undefined),
    { path: ['wentWell'], message: 'write something or give a score' },
  );
export type ReflectionInput = z.input<typeof reflectionInput>;

export const reflectionSchema = z.object({
  id: z.string(),
  interactionId: z.string(),
  interactionSummary: z.string(),
  occurredAt: z.string(),
  participants: z.array(z.object({ id: z.string(), displayName: z.string() })),
  wentWell: z.string().nullable(),
  toImprove: z.string().nullable(),
  missedOpportunities: z.string().nullable(),
  connectionQuality: z.number().int().nullable(),
  communicationEffectiveness: z.number().int().nullable(),
  notes: z.string().nullable(),
  skills: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Reflection = z.infer<typeof reflectionSchema>;

// ---------------------------------------------------------------------------------------------
// Weekly review

export const OUTCOMES = ['yes', 'partly', 'no'] as const;

export const reviewInput = z.strictObject({
  answers: z.array(z.strictObject({ prompt: z.string().trim().min(1).max(500), answer: z.string().trim().max(20_000) })).max(20).default([]),
  nextWeekPlan: optionalText(2000).describe('What I will try next week'),
  planOutcome: z.enum(OUTCOMES).nullable().optional().describe("Did you try last week's plan?"),
  planOutcomeNote: optionalText(5000),
  complete: z.boolean().default(false).describe('true finishes the review; it counts toward the streak'),
});
export type ReviewInput = z.input<typeof reviewInput>;

export const figuresSchema = z.object({
  interactions: z.number().int(),
  newContacts: z.number().int(),
  followUpsDone: z.number().int(),
  followUpsMissed: z.number().int().describe('Due this week and not done by its end (or by now)'),
  reflections: z.number().int(),
  skillsPractised: z.number().int().describe('Skills named in reflections or self-rated this week'),
});
export type Figures = z.infer<typeof figuresSchema>;

export const reviewSchema = z.object({
  weekStart: z.string(),
  weekEnd: z.string().describe('The last day of the week'),
  figures: figuresSchema,
  prompts: z.array(z.string()),
  previousPlan: z.object({ weekStart: z.string(), plan: z.string() }).nullable().describe('What you said you would try, from the review before'),
  answers: z.array(z.object({ prompt: z.string(), answer: z.string() })),
  nextWeekPlan: z.string().nullable(),
  planOutcome: z.enum(OUTCOMES).nullable(),
  planOutcomeNote: z.string().nullable(),
  completedAt: z.string().nullable(),
  streak: z.number().int().describe('Consecutive weeks with a finished review, up to this one or the one before'),
});
export type Review = z.infer<typeof reviewSchema>;

export const weekParam = z.strictObject({ weekStart: dateOnly });

/** The first day of the week holding a date, for a week starting on `weekStart` (0 = Sunday … 6). */
export function weekStartOf(date: string, weekStart: number): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day - weekStart + 7) % 7));
}

/** Questions for the week, drawn from what its figures say. */
export function promptsFor(f: Figures, previousPlan: string | null): string[] {
  const prompts: string[] = [];
  if (previousPlan) prompts.push(`Last week you planned to try: "${previousPlan}". How did it go, and what did you learn from it?`);
  if (f.interactions === 0) prompts.push('You logged no interactions this week. What kept you from reaching out, and whom will you contact first next week?');
  else prompts.push(`Of your ${f.interactions} interaction${f.interactions === 1 ? '' : 's'} this week, which went best, and why?`);
  if (f.followUpsMissed > 0) prompts.push(`${f.followUpsMissed} follow-up${f.followUpsMissed === 1 ? '' : 's'} slipped. What got in the way, and which will you do first?`);
  else if (f.followUpsDone > 0) prompts.push(`You kept every follow-up that was due (${f.followUpsDone}). What helped you do it?`);
  if (f.interactions > 0 && f.reflections < f.interactions) {
    prompts.push(`You reflected on ${f.reflections} of ${f.interactions} interactions. Which conversation deserves a second look?`);
  }
  if (f.newContacts > 0) prompts.push(`You met ${f.newContacts} new ${f.newContacts === 1 ? 'person' : 'people'}. Whom do you want to see again, and how will you follow up?`);
  if (f.skillsPractised === 0) prompts.push('Which skill will you practise on purpose next week, and in which conversation?');
  prompts.push('What did you learn about yourself as a networker this week?');
  return prompts;
}

/**
 * Consecutive finished weekly reviews, counting back from the current week, or from the week
 * before while the current one is still open (a streak is not lost until the week ends).
 */
export function streakOf(completedWeeks: readonly string[], currentWeek: string): number {
  const done = new Set(completedWeeks);
  let week = done.has(currentWeek) ? currentWeek : addDays(currentWeek, -7);
  let streak = 0;
  while (done.has(week)) {
    streak += 1;
    week = addDays(week, -7);
  }
  return streak;
}

// ---------------------------------------------------------------------------------------------
// Insights journal

export const insightsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  contactId: z.string().max(100).optional(),
  tag: z.string().max(60).optional().describe('Only insights from interactions with a contact carrying this tag'),
  skillId: z.string().max(100).optional().describe('Only reflections that practised this skill'),
  from: dateOnly.optional().describe('From this day (your time zone)'),
  to: dateOnly.optional().describe('Up to and including this day'),
  type: z.enum(['learned', 'reflection']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});
export type InsightsQuery = z.input<typeof insightsQuery>;

export const insightSchema = z.object({
  type: z.enum(['learned', 'reflection']),
  id: z.string().describe('The interaction id for what I learned, the reflection id for a reflection'),
  at: z.string().describe('When the interaction happened'),
  interactionId: z.string(),
  summary: z.string(),
  participants: z.array(z.object({ id: z.string(), displayName: z.string() })),
  learned: z.string().nullable(),
  reflection: reflectionSchema.nullable(),
});
export type Insight = z.infer<typeof insightSchema>;
