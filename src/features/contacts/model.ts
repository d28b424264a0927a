import { z } from 'zod';
import { birthday, dateOnly } from '../../platform/dates.js';
import { optionalText, text } from '../../platform/validation.js';

export const CIRCLES = ['inner', 'close', 'network', 'wide'] as const;
export type Circle = (typeof CIRCLES)[number];

/** Dimensions every user has; users may add their own keys. */
export const STANDARD_DIMENSIONS = ['industry', 'function', 'seniority', 'region', 'community'] as const;

export const SORTS = ['name', '-name', 'company', '-company', 'lastInteraction', '-lastInteraction', 'strength', '-strength', 'created', '-created'] as const;
export type ContactSort = (typeof SORTS)[number];


const methodType = z.string().trim().toLowerCase().min(1).max(40).regex(/^[\p{L}\p{N} _-]+$/u, 'must be a plain word such as work or home');

const emailMethod = z.strictObject({
  value: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' }).max(254)),
  type: methodType.default('other'),
});

const phoneMethod = z.strictObject({
  value: text(60).regex(/^\+?[\d\s().\-/]{3,}(?:\s*(?:x|ext\.?)\s*\d+)?$/i, 'must be a phone number (digits, spaces, + - ( ) .)'),
  type: methodType.default('other'),
});

const URL_MAX_BYTES = 2000;

const urlMethod = z.strictObject({
  value: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    // Counted in bytes: PostgreSQL indexes the value, and an index entry holds about 2,700 bytes at
    // most, which 2,000 characters of Chinese (6,000 bytes) would overflow.
    // (A UTF-16 unit is at most 3 bytes in UTF-8: most links are short enough not to need encoding.)
    .refine((v) => v.length * 3 <= URL_MAX_BYTES || new TextEncoder().encode(v).length <= URL_MAX_BYTES, `must be at most ${URL_MAX_BYTES} bytes long`)
    // People paste "linkedin.com/in/someone"; a scheme makes it a link.
    .transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
    .pipe(z.url({ protocol: /^https?$/, message: 'must be a web address' })),
  type: methodType.default('other'),
});

const dimensionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'dimension names are lowercase letters, digits and _, such as industry');

const contactFields = {
  displayName: optionalText(200),
  firstName: optionalText(100),
  middleName: optionalText(100),
  lastName: optionalText(100),
  nickname: optionalText(100),
  prefix: optionalText(40),
  suffix: optionalText(40),
  emails: z.array(emailMethod).max(50),
  phones: z.array(phoneMethod).max(50),
  urls: z.array(urlMethod).max(50),
  company: optionalText(200),
  title: optionalText(200),
  location: optionalText(200),
  birthday: birthday.nullable(),
  metHow: optionalText(1000),
  metOn: dateOnly.nullable(),
  circle: z.enum(CIRCLES).nullable(),
  cadenceDays: z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days').nullable(),
  reminders: z.boolean().describe('false opts the contact out of check-in reminders'),
  dimensions: z.record(dimensionKey, text(200).min(1, 'must not be empty')).refine((d) => Object.keys(d).length <= 40, 'at most 40 dimensions'),
  tags: z.array(text(60).min(1, 'must not be empty')).max(100),
  notes: optionalText(100_000),
};

export const contactInput = z
  .strictObject({
    ...contactFields,
    emails: contactFields.emails.default([]),
    phones: contactFields.phones.default([]),
    urls: contactFields.urls.default([]),
    birthday: contactFields.birthday.optional(),
    metOn: contactFields.metOn.optional(),
    circle: contactFields.circle.optional(),
    cadenceDays: contactFields.cadenceDays.optional(),
    reminders: contactFields.reminders.default(true),
    dimensions: contactFields.dimensions.default({}),
    tags: contactFields.tags.default([]),
  })
  .refine((c) => displayNameOf(c) !== '', { path: ['displayName'], message: 'a contact needs a name: give displayName, firstName, lastName or nickname' });
export type ContactInput = z.input<typeof contactInput>;

/** Every field optional; arrays and the dimensions object replace the stored ones when given. */
export const contactPatch = z.strictObject({
  displayName: contactFields.displayName,
  firstName: contactFields.firstName,
  middleName: contactFields.middleName,
  lastName: contactFields.lastName,
  nickname: contactFields.nickname,
  prefix: contactFields.prefix,
  suffix: contactFields.suffix,
  emails: contactFields.emails.optional(),
  phones: contactFields.phones.optional(),
  urls: contactFields.urls.optional(),
  company: contactFields.company,
  title: contactFields.title,
  location: contactFields.location,
  birthday: contactFields.birthday.optional(),
  metHow: contactFields.metHow,
  metOn: contactFields.metOn.optional(),
  circle: contactFields.circle.optional(),
  cadenceDays: contactFields.cadenceDays.optional(),
  reminders: contactFields.reminders.optional(),
  dimensions: contactFields.dimensions.optional(),
  tags: contactFields.tags.optional(),
  notes: contactFields.notes,
});
export type ContactPatch = z.input<typeof contactPatch>;

const methodSchema = z.object({ value: z.string(), type: z.string() });

export const contactSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  lastName: z.string().nullable(),
  nickname: z.string().nullable(),
  prefix: z.string().nullable(),
  suffix: z.string().nullable(),
  emails: z.array(methodSchema),
  phones: z.array(methodSchema),
  urls: z.array(methodSchema),
  company: z.string().nullable(),
  title: z.string().nullable(),
  location: z.string().nullable(),
  birthday: z.string().nullable().describe('YYYY-MM-DD, or --MM-DD when the year is unknown'),
  metHow: z.string().nullable(),
  metOn: z.string().nullable(),
  circle: z.enum(CIRCLES).nullable(),
  cadenceDays: z.number().int().nullable().describe("The contact's own cadence; null follows its circle"),
  reminders: z.boolean(),
  dueAt: z.string().nullable().describe('When the next check-in is due; null without a cadence or with reminders off'),
  snoozedUntil: z.string().nullable(),
  strength: z.number().int().describe('Relationship strength 0–100 now'),
  dimensions: z.record(z.string(), z.string()),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  lastInteractionAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const listQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Text that the contact must match (names, company, notes, emails, tags)'),
  tag: z.union([z.string(), z.array(z.string())]).optional().describe('Only contacts with every one of these tags'),
  circle: z.union([z.enum(CIRCLES), z.array(z.enum(CIRCLES))]).optional().describe('Only contacts in one of these circles'),
  dimension: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('Only contacts with this dimension value, as name:value (industry:Fintech); repeat for several'),
  sort: z.enum(SORTS).default('name').describe('Sort key; a leading - reverses it'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(1000).optional(),
});
export type ListQuery = z.input<typeof listQuery>;

export interface ContactFilter {
  q?: string;
  tags: string[];
  circles: Circle[];
  dimensions: { dimension: string; value: string }[];
}

/** The name shown for a contact: the one given, else built from its parts, else the nickname. */
export function displayNameOf(c: {
  displayName?: string | null;
  prefix?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  suffix?: string | null;
  nickname?: string | null;
}): string {
  const given = c.displayName?.trim();
  if (given) return given;
  const built = [c.firstName, c.middleName, c.lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return built || c.nickname?.trim() || '';
}

/** Key for sorting by name regardless of case and accents: "Élodie" sorts with "elodie". */
export function sortNameOf(displayName: string): string {
  return displayName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
}

/** Tags as the user typed them, without repeats or surrounding space, in first-seen order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag)) {
      seen.add(tag);
      out.push(tag);
    }
  }
  return out;
}

/** Turns `industry:Fintech` query values into filters; the value may itself contain colons. */
export function parseDimensionFilters(values: readonly string[]): { dimension: string; value: string }[] | { error: string } {
  const out: { dimension: string; value: string }[] = [];
  for (const raw of values) {
    const at = raw.indexOf(':');
    const dimension = at > 0 ? raw.slice(0, at).trim() : '';
    const value = at > 0 ? raw.slice(at + 1).trim() : '';
    if (!dimensionKey.safeParse(dimension).success || value === '') return { error: `"${raw}" is not name:value, such as industry:Fintech` };
    out.push({ dimension, value });
  }
  return out;
}

export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export const BULK_ACTIONS = ['tag', 'untag', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** One action over many contacts: add tags, remove tags, or move them to the trash. */
export const bulkInput = z
  .strictObject({
    action: z.enum(BULK_ACTIONS),
    ids: z
      .array(z.string().trim().min(1).max(100))
      .min(1, 'name at least one contact')
      .max(1000, 'at most 1000 contacts at a time')
      .transform((ids) => [...new Set(ids)]),
    tags: contactFields.tags.optional().describe('The tags to add or remove; required for tag and untag'),
  })
  .refine((b) => b.action === 'delete' || normalizeTags(b.tags ?? []).length > 0, { path: ['tags'], message: 'give at least one tag to add or remove' })
  .refine((b) => b.action !== 'delete' || b.tags === undefined, { path: ['tags'], message: 'is not used when moving contacts to the trash' });
export type BulkInput = z.input<typeof bulkInput>;

export const bulkResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional().describe('Why this contact was left unchanged'),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const tagCountSchema = z.object({ tag: z.string(), count: z.number().int() });
export type TagCount = z.infer<typeof tagCountSchema>;

export const dimensionCountSchema = z.object({
  name: z.string(),
  values: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export type DimensionCount = z.infer<typeof dimensionCountSchema>;

/**
 * Groups (dimension, value, count) rows by dimension: the standard dimensions always appear, so a
 * form can offer them before any contact has one; values keep the order given (most used first).
 */
export function groupDimensionCounts(rows: readonly { dimension: string; value: string; count: number }[]): DimensionCount[] {
  const byName = new Map<string, DimensionCount>(STANDARD_DIMENSIONS.map((name) => [name, { name, values: [] }]));
  for (const row of rows) {
    const entry = byName.get(row.dimension) ?? byName.set(row.dimension, { name: row.dimension, values: [] }).get(row.dimension)!;
    entry.values.push({ value: row.value, count: row.count });
  }
  return [...byName.values()];
}
