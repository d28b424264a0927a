import { z } from 'zod';
import { dateOnly, instant } from '../../platform/dates.js';
import { optionalText, text } from '../../platform/validation.js';

export const KINDS = ['meeting', 'call', 'video_call', 'message', 'email', 'event', 'coffee', 'meal', 'other'] as const;
export type InteractionKind = (typeof KINDS)[number];


const participantIds = z
  .array(z.string().trim().min(1).max(100))
  .min(1, 'an interaction needs at least one participant')
  .max(200)
  .transform((ids) => [...new Set(ids)]);

const shared = z
  .strictObject({
    needs: optionalText(20_000),
    challenges: optionalText(20_000),
    plans: optionalText(20_000),
  })
  .describe('What they shared: their needs, challenges and plans');

const followUp = z
  .strictObject({
    text: text(2000).min(1, 'must not be empty'),
    due: dateOnly.nullable().optional(),
    done: z.boolean().optional(),
  })
  .describe('Something to do after the interaction, with an optional due date');

const fields = {
  participantIds,
  kind: z.enum(KINDS),
  channel: optionalText(100).describe('Where it happened: Zoom, LinkedIn, phone, a venue…'),
  occurredAt: instant,
  summary: text(500).min(1, 'must not be empty'),
  notes: optionalText(100_000),
  shared: shared.optional(),
  learned: optionalText(20_000).describe('What I learned'),
  quality: z.number().int().min(1).max(5).nullable().optional().describe('How good the interaction was, 1 to 5'),
  followUp: followUp.nullable().optional(),
};

export const interactionInput = z.strictObject(fields);
export type InteractionInput = z.input<typeof interactionInput>;

export const interactionPatch = z.strictObject({
  ...fields,
  followUp: followUp.partial({ text: true }).nullable().optional(),
  participantIds: participantIds.optional(),
  kind: fields.kind.optional(),
  occurredAt: fields.occurredAt.optional(),
  summary: fields.summary.optional(),
});
export type InteractionPatch = z.input<typeof interactionPatch>;

export const interactionSchema = z.object({
  id: z.string(),
  kind: z.enum(KINDS),
  channel: z.string().nullable(),
  occurredAt: z.string(),
  summary: z.string(),
  notes: z.string().nullable(),
  shared: z.object({ needs: z.string().nullable(), challenges: z.string().nullable(), plans: z.string().nullable() }),
  learned: z.string().nullable(),
  quality: z.number().int().nullable(),
  followUp: z.object({ text: z.string(), due: z.string().nullable(), doneAt: z.string().nullable() }).nullable(),
  participants: z.array(z.object({ id: z.string(), displayName: z.string(), inTrash: z.boolean() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const listQuery = z.strictObject({
  contactId: z.string().max(100).optional().describe('Only interactions with this contact'),
  kind: z.union([z.enum(KINDS), z.array(z.enum(KINDS))]).optional(),
  from: instant.optional().describe('Only interactions at or after this instant'),
  to: instant.optional().describe('Only interactions before this instant'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(1000).optional(),
});
export type ListQuery = z.input<typeof listQuery>;
