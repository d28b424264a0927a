import { z } from 'zod';
import { dateOnly, instant } from '../../platform/dates.js';
import { CIRCLES } from '../contacts/model.js';
import { KINDS } from '../interactions/model.js';

// ---------------------------------------------------------------------------------------------
// Their milestones and dates

export const EVENT_KINDS = ['new_job', 'promotion', 'award', 'launch', 'move', 'birthday', 'work_anniversary', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Occasions that come back every year on the same day. */
export const YEARLY_KINDS: readonly EventKind[] = ['birthday', 'work_anniversary'];
/** Their successes: news worth a congratulation. */
export const SUCCESS_KINDS: readonly EventKind[] = ['new_job', 'promotion', 'award', 'launch', 'move', 'other'];

const note = z.string().trim().max(2000).nullable().optional().transform((v) => (v === '' ? null : v));

export const eventInput = z.strictObject({ kind: z.enum(EVENT_KINDS), date: dateOnly, note });
export const eventPatch = z.strictObject({ kind: z.enum(EVENT_KINDS).optional(), date: dateOnly.optional(), note });
export type EventInput = z.input<typeof eventInput>;
export type EventPatch = z.input<typeof eventPatch>;

export const eventSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  kind: z.enum(EVENT_KINDS),
  date: z.string(),
  note: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgementId: z.string().nullable().describe('The interaction in which the user celebrated it'),
  createdAt: z.string(),
});
export type ContactEvent = z.infer<typeof eventSchema>;

export const celebrateInput = z.strictObject({
  kind: z.enum(KINDS).default('message'),
  channel: z.string().trim().max(100).nullable().optional(),
  summary: z.string().trim().min(1).max(500).optional().describe('Defaults to "Congratulated <name> on <milestone>"'),
  notes: z.string().trim().max(100_000).nullable().optional(),
  occurredAt: instant.optional(),
});
export type CelebrateInput = z.input<typeof celebrateInput>;

const EVENT_PHRASES: Record<EventKind, string> = {
  new_job: 'their new job',
  promotion: 'their promotion',
  award: 'their award',
  launch: 'their launch',
  move: 'their move',
  birthday: 'their birthday',
  work_anniversary: 'their work anniversary',
  other: 'their news',
};

export function celebrationSummary(name: string, kind: EventKind): string {
  return `Congratulated ${name} on ${EVENT_PHRASES[kind]}`;
}

// ---------------------------------------------------------------------------------------------
// Give and take

export const DIRECTIONS = ['i_offered', 'they_offered', 'i_asked', 'they_asked'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Directions in which the user gives: what they offered, and what was asked of them (Today's promises). */
export const GIVING: readonly Direction[] = ['i_offered', 'they_asked'];

export const exchangeInput = z.strictObject({
  direction: z.enum(DIRECTIONS),
  description: z.string().trim().min(1, 'must not be empty').max(2000),
  openedOn: dateOnly.optional().describe('When it was offered or asked; today by default'),
  dueOn: dateOnly.nullable().optional(),
  done: z.boolean().optional(),
});
export const exchangePatch = z.strictObject({
  direction: z.enum(DIRECTIONS).optional(),
  description: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
  openedOn: dateOnly.optional(),
  dueOn: dateOnly.nullable().optional(),
  done: z.boolean().optional(),
});
export type ExchangeInput = z.input<typeof exchangeInput>;
export type ExchangePatch = z.input<typeof exchangePatch>;

export const exchangeSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  direction: z.enum(DIRECTIONS),
  description: z.string(),
  openedOn: z.string(),
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Exchange = z.infer<typeof exchangeSchema>;

export const balanceSchema = z.object({
  given: z.number().int().describe('Done: what I offered and what they asked of me'),
  received: z.number().int().describe('Done: what they offered and what I asked of them'),
  balance: z.number().int().describe('given − received: above zero, I have given more'),
  iOwe: z.number().int().describe('Open: my offers and their asks'),
  theyOwe: z.number().int().describe('Open: their offers and my asks'),
});
export type Balance = z.infer<typeof balanceSchema>;

export function balanceOf(exchanges: readonly Pick<Exchange, 'direction' | 'doneAt'>[]): Balance {
  const out = { given: 0, received: 0, balance: 0, iOwe: 0, theyOwe: 0 };
  for (const e of exchanges) {
    const giving = GIVING.includes(e.direction);
    if (e.doneAt) {
      if (giving) out.given += 1;
      else out.received += 1;
    } else if (giving) out.iOwe += 1;
    else out.theyOwe += 1;
  }
  out.balance = out.given - out.received;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Today

export const contactSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  circle: z.enum(CIRCLES).nullable(),
});
export type ContactSummary = z.infer<typeof contactSummary>;

export const snoozeInput = z.union([
  z.strictObject({ for: z.enum(['week', 'month']).describe('Snooze for 7 or 30 days from today') }),
  z.strictObject({ until: dateOnly.describe('Snooze until this day (in your time zone); must be in the future') }),
]);
export type SnoozeInput = z.input<typeof snoozeInput>;

export const todaySchema = z.object({
  date: z.string().describe("The user's local date"),
  timeZone: z.string(),
  due: z.object({
    total: z.number().int().describe('How many contacts are due, counted up to 1,000'),
    moreThanTotal: z.boolean().describe('More contacts than `total` are due (only past 1,000)'),
    items: z.array(
      z.object({
        contact: contactSummary,
        dueAt: z.string(),
        overdueDays: z.number().int(),
        cadenceDays: z.number().int(),
        reason: z.string().describe('Why this contact is due, in a sentence'),
        lastInteraction: z.object({ id: z.string(), kind: z.enum(KINDS), summary: z.string(), occurredAt: z.string() }).nullable(),
        latestNews: eventSchema.nullable(),
      }),
    ),
  }),
  followUps: z.array(
    z.object({
      interactionId: z.string(),
      text: z.string(),
      due: z.string(),
      overdueDays: z.number().int(),
      summary: z.string(),
      contacts: z.array(contactSummary),
    }),
  ),
  upcoming: z.array(
    z.object({
      contact: contactSummary,
      kind: z.enum(EVENT_KINDS),
      date: z.string().describe('The day of this occurrence'),
      inDays: z.number().int(),
      years: z.number().int().nullable().describe('Age or anniversary count when the year is known'),
      eventId: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  successes: z.array(z.object({ contact: contactSummary, event: eventSchema })),
  promises: z.array(z.object({ contact: contactSummary, exchange: exchangeSchema })),
});
export type Today = z.infer<typeof todaySchema>;
