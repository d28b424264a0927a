import { z } from 'zod';
import { dateOnly, instant } from '../../platform/dates.js';
import { optionalText } from '../../platform/validation.js';

/** The skills every user starts with; they can rename, archive or add their own. */
export const STARTING_SKILLS: readonly { name: string; description: string }[] = [
  { name: 'Active listening', description: 'Hearing what people mean, asking back before answering, remembering what they said.' },
  { name: 'Clear communication', description: 'Saying what you mean briefly and warmly, in writing and in person.' },
  { name: 'Relationship building', description: 'Turning a first meeting into trust over time.' },
  { name: 'Following up', description: 'Doing what you said you would, when you said you would.' },
  { name: 'Asking good questions', description: 'Questions that open people up and show you listened.' },
  { name: 'Storytelling', description: 'Sharing your work and ideas so people remember them.' },
  { name: 'Offering help', description: 'Giving before asking: introductions, advice, time.' },
];

export const RESOURCE_KINDS = ['workshop', 'course', 'book', 'article', 'programme', 'video', 'podcast', 'other'] as const;
export const RESOURCE_STATUSES = ['planned', 'in_progress', 'done'] as const;


export const skillInput = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80),
  description: optionalText(500),
});
export const skillPatch = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80).optional(),
  description: optionalText(500),
  archived: z.boolean().optional(),
});
export type SkillInput = z.input<typeof skillInput>;
export type SkillPatch = z.input<typeof skillPatch>;

export const ratingInput = z.strictObject({
  rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  note: optionalText(2000),
  ratedAt: instant.optional().describe('When; now by default'),
});
export type RatingInput = z.input<typeof ratingInput>;

export const resourceInput = z.strictObject({
  kind: z.enum(RESOURCE_KINDS),
  title: z.string().trim().min(1, 'must not be empty').max(300),
  url: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, message: 'must be a web address' }))
    .nullable()
    .optional(),
  status: z.enum(RESOURCE_STATUSES).default('planned'),
  startedOn: dateOnly.nullable().optional(),
  finishedOn: dateOnly.nullable().optional(),
  takeaways: optionalText(20_000),
});
export const resourcePatch = z.strictObject({
  kind: z.enum(RESOURCE_KINDS).optional(),
  title: z.string().trim().min(1, 'must not be empty').max(300).optional(),
  url: resourceInput.shape.url,
  status: z.enum(RESOURCE_STATUSES).optional(),
  startedOn: dateOnly.nullable().optional(),
  finishedOn: dateOnly.nullable().optional(),
  takeaways: optionalText(20_000),
  skillId: z.string().max(100).optional(),
});
export type ResourceInput = z.input<typeof resourceInput>;
export type ResourcePatch = z.input<typeof resourcePatch>;

export const resourceSchema = z.object({
  id: z.string(),
  skillId: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  status: z.enum(RESOURCE_STATUSES),
  startedOn: z.string().nullable(),
  finishedOn: z.string().nullable(),
  takeaways: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Resource = z.infer<typeof resourceSchema>;

export const ratingSchema = z.object({
  id: z.string(),
  skillId: z.string(),
  source: z.enum(['self', 'feedback']),
  rating: z.number().int(),
  note: z.string().nullable(),
  ratedAt: z.string(),
  /** Who gave a feedback rating: their name, or null when anonymous; null for self-ratings. */
  from: z.string().nullable(),
  responseId: z.string().nullable(),
});
export type Rating = z.infer<typeof ratingSchema>;

export const VERDICTS = ['blind_spot', 'hidden_strength', 'aligned', 'not_enough_data'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const gapSchema = z.object({
  self: z.number().nullable().describe('Your latest self-rating'),
  others: z.number().nullable().describe('The average of ratings others gave in the last year'),
  othersCount: z.number().int(),
  gap: z.number().nullable().describe('self − others'),
  verdict: z.enum(VERDICTS),
});
export type Gap = z.infer<typeof gapSchema>;

export const skillSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  gap: gapSchema,
});
export type Skill = z.infer<typeof skillSchema>;

/** Ratings from others needed before a gap means anything. */
export const MIN_OTHERS = 2;
/** A gap of a full point or more is worth pointing out. */
export const NOTABLE_GAP = 1;
const YEAR_MS = 365 * 86_400_000;

/**
 * Compares how the user rates a skill with how others rate it. Rating yourself a point or more
 * above others is a blind spot; a point or more below, a hidden strength.
 */
export function gapOf(ratings: readonly Pick<Rating, 'source' | 'rating' | 'ratedAt'>[], now: Date): Gap {
  const selfRatings = ratings.filter((r) => r.source === 'self').sort((a, b) => a.ratedAt.localeCompare(b.ratedAt));
  const recentOthers = ratings.filter((r) => r.source === 'feedback' && now.getTime() - Date.parse(r.ratedAt) <= YEAR_MS);
  const self = selfRatings.at(-1)?.rating ?? null;
  const others = recentOthers.length > 0 ? Math.round((recentOthers.reduce((sum, r) => sum + r.rating, 0) / recentOthers.length) * 100) / 100 : null;
  if (self === null || others === null || recentOthers.length < MIN_OTHERS) {
    return { self, others, othersCount: recentOthers.length, gap: null, verdict: 'not_enough_data' };
  }
  const gap = Math.round((self - others) * 100) / 100;
  const verdict: Verdict = gap >= NOTABLE_GAP ? 'blind_spot' : gap <= -NOTABLE_GAP ? 'hidden_strength' : 'aligned';
  return { self, others, othersCount: recentOthers.length, gap, verdict };
}

/** Skill names compare without case or surrounding space. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
