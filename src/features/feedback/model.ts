import { z } from 'zod';

/** Caps on what a stranger can send through a share link. */
export const LIMITS = { name: 100, comment: 2000, answer: 5000, questions: 10, skills: 10 } as const;
export const DEFAULT_EXPIRY_DAYS = 14;

export const requestInput = z
  .strictObject({
    skillIds: z.array(z.string().min(1).max(100)).max(LIMITS.skills).default([]).describe('Skills the person is asked to rate'),
    questions: z.array(z.string().trim().min(1, 'must not be empty').max(500)).max(LIMITS.questions).default([]),
    message: z.string().trim().min(1, 'say who you are asking and why').max(2000).describe('Shown to the person asked: why you ask'),
    recipient: z.string().trim().max(200).nullable().optional().describe('Whom you will send it to; only you see this'),
    allowAnonymous: z.boolean().default(true),
    responses: z.enum(['one', 'many']).default('one').describe('Accept one response, or several (for sharing with a group)'),
    expiresInDays: z.number().int().min(1).max(90).default(DEFAULT_EXPIRY_DAYS),
  })
  .refine((r) => r.skillIds.length + r.questions.length > 0, { path: ['skillIds'], message: 'choose at least one skill or question' });
export type RequestInput = z.input<typeof requestInput>;

export const responseInput = z.strictObject({
  name: z.string().trim().max(LIMITS.name).nullable().optional(),
  ratings: z
    .array(
      z.strictObject({
        skillId: z.string().min(1).max(100),
        rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
        comment: z.string().trim().max(LIMITS.comment).nullable().optional(),
      }),
    )
    .max(LIMITS.skills)
    .default([]),
  answers: z
    .array(z.strictObject({ position: z.number().int().min(1).max(LIMITS.questions), answer: z.string().trim().max(LIMITS.answer) }))
    .max(LIMITS.questions)
    .default([]),
});
export type ResponseInput = z.input<typeof responseInput>;

export const STATUSES = ['open', 'expired', 'revoked', 'answered'] as const;
export type RequestStatus = (typeof STATUSES)[number];

/** Whether a link still takes responses; anything but open is answered with the same plain page. */
export function statusOf(r: { revoked_at: string | null; expires_at: string; max_responses: number | null }, responses: number, now: Date): RequestStatus {
  if (r.revoked_at) return 'revoked';
  if (r.max_responses !== null && responses >= r.max_responses) return 'answered';
  if (Date.parse(r.expires_at) <= now.getTime()) return 'expired';
  return 'open';
}

const skillRef = z.object({ id: z.string(), name: z.string(), description: z.string().nullable() });

/** What the person asked sees: the requester's name and the request, nothing else. */
export const publicRequestSchema = z.object({
  requester: z.string(),
  message: z.string(),
  skills: z.array(skillRef),
  questions: z.array(z.object({ position: z.number().int(), text: z.string() })),
  allowAnonymous: z.boolean(),
  expiresAt: z.string(),
});
export type PublicRequest = z.infer<typeof publicRequestSchema>;

export const responseSchema = z.object({
  id: z.string(),
  respondentName: z.string().nullable(),
  createdAt: z.string(),
  ratings: z.array(z.object({ skillId: z.string(), skillName: z.string(), rating: z.number().int(), comment: z.string().nullable() })),
  answers: z.array(z.object({ position: z.number().int(), question: z.string(), answer: z.string() })),
});
export type FeedbackResponse = z.infer<typeof responseSchema>;

export const requestSchema = z.object({
  id: z.string(),
  message: z.string(),
  recipient: z.string().nullable(),
  skills: z.array(skillRef),
  questions: z.array(z.object({ position: z.number().int(), text: z.string() })),
  allowAnonymous: z.boolean(),
  responses: z.enum(['one', 'many']),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(STATUSES),
  responseCount: z.number().int(),
});
export type FeedbackRequest = z.infer<typeof requestSchema>;

/** The share link a person opens: a page of the web app, which reads the public API (routes.ts). */
export function shareLink(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/feedback/${token}`;
}
