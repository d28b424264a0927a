import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Contact } from '../contacts/model.js';

export const IMPORT_FORMATS = ['linkedin', 'google', 'outlook', 'thunderbird', 'vcard'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  linkedin: 'LinkedIn Connections.csv',
  google: 'Google Contacts CSV',
  outlook: 'Outlook CSV',
  thunderbird: 'Thunderbird CSV',
  vcard: 'vCard',
};

/** Largest picture kept for a contact, decoded. */
export const PHOTO_LIMIT_BYTES = 1024 * 1024;
/** Largest value of a vCard property kept as it is (X- and other unmapped properties). */
export const EXTRA_LIMIT_BYTES = 64 * 1024;

/** A file that cannot be imported at all; nothing of it is stored. */
export function importError(file: string, message: string, where: { line?: number; field?: string } = {}): AppError {
  const at = [file, where.line !== undefined ? `line ${where.line}` : null, where.field ?? null].filter(Boolean).join(', ');
  return new AppError('IMPORT_FILE_INVALID', `${at}: ${message}`, { file, ...where, reason: message });
}

export interface Method {
  value: string;
  type: string;
}

/**
 * A vCard property Rapport has no field for, kept so that export gives it back as it came: the
 * group, the name, the parameters and the value text as vCard 4.0 writes it (escaped, one line).
 * Kept as text rather than parsed, because 2.1/3.0 properties that 4.0 dropped (LABEL, CLASS…)
 * have no 4.0 meaning to parse into, and text round-trips exactly.
 */
export interface ExtraProperty {
  group: string | null;
  name: string;
  params: Record<string, string[]>;
  value: string;
}

export interface Photo {
  mediaType: string;
  data: Buffer;
}

/** What a vCard or CSV export writes of a contact. */
export type ExportedContact = Pick<
  Contact,
  | 'id' | 'displayName' | 'firstName' | 'middleName' | 'lastName' | 'nickname' | 'prefix' | 'suffix'
  | 'emails' | 'phones' | 'urls' | 'dimensions' | 'tags' | 'company' | 'title' | 'location' | 'birthday'
  | 'metHow' | 'metOn' | 'circle' | 'cadenceDays' | 'notes' | 'updatedAt'
>;

/** A contact to export with the vCard properties kept from its import and its picture. */
export interface ExportCard {
  contact: ExportedContact;
  extras: ExtraProperty[];
  photo: Photo | null;
}

/** One contact as a file describes it, before it is checked and matched. */
export interface ContactDraft {
  displayName: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  nickname: string | null;
  prefix: string | null;
  suffix: string | null;
  company: string | null;
  title: string | null;
  location: string | null;
  birthday: string | null;
  metHow: string | null;
  metOn: string | null;
  circle: string | null;
  cadenceDays: number | null;
  notes: string | null;
  emails: Method[];
  phones: Method[];
  urls: Method[];
  tags: string[];
  dimensions: Record<string, string>;
  /** vCard UID, so a re-import of an export finds the contact it came from. */
  uid: string | null;
  photo: Photo | null;
  extras: ExtraProperty[];
}

export function emptyDraft(): ContactDraft {
  return {
    displayName: null,
    firstName: null,
    middleName: null,
    lastName: null,
    nickname: null,
    prefix: null,
    suffix: null,
    company: null,
    title: null,
    location: null,
    birthday: null,
    metHow: null,
    metOn: null,
    circle: null,
    cadenceDays: null,
    notes: null,
    emails: [],
    phones: [],
    urls: [],
    tags: [],
    dimensions: {},
    uid: null,
    photo: null,
    extras: [],
  };
}

export interface Warning {
  line: number;
  field: string;
  message: string;
}

/** What a parser makes of one row or card: a draft, or the reason it was rejected. */
export type ParsedRecord =
  | { line: number; draft: ContactDraft; warnings: Warning[] }
  | { line: number; rejected: string; field?: string; warnings: Warning[] };

/** Text with surrounding space removed; blank becomes null. */
export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // NUL cannot be stored in PostgreSQL text.
  const trimmed = value.replaceAll('\u0000', '').trim();
  return trimmed === '' ? null : trimmed;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function realDate(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 ? (y === null || (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

function twoDigitYear(yy: number, pivot: number): number {
  // Spreadsheets write 24 for 2024 and 85 for 1985: the nearest century not after the pivot.
  return yy + 2000 <= pivot ? yy + 2000 : yy + 1900;
}

/**
 * Reads the date shapes that exports write, as `YYYY-MM-DD` (or `--MM-DD` without a year):
 * ISO dates, vCard's basic `19800322`, `--0203` and `--04-16`, LinkedIn's `05 Mar 2024` and
 * Excel's `5-Mar-24`, US `4/3/1991` and `4/11/18, 9:35 AM`. Returns null for anything else.
 * `dayFirst` reads `03/04/1991` as 3 April (exports from European locales).
 */
export function parseDate(text: string, options: { pivotYear?: number; dayFirst?: boolean } = {}): string | null {
  const value = text.trim();
  const pivot = options.pivotYear ?? 2069;
  let m: RegExpExecArray | null;
  const out = (y: number | null, mo: number, d: number) => (realDate(y, mo, d) ? `${y === null ? '-' : String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}` : null);
  if ((m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value))) return out(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^--(\d{2})-?(\d{2})$/.exec(value))) return out(null, Number(m[1]), Number(m[2]));
  if ((m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{2}|\d{4})$/.exec(value))) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (!month) return null;
    const year = m[3]!.length === 2 ? twoDigitYear(Number(m[3]), pivot) : Number(m[3]);
    return out(year, month, Number(m[1]));
  }
  if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?:,? +\d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$/i.exec(value))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const year = m[3]!.length === 2 ? twoDigitYear(Number(m[3]), pivot) : Number(m[3]);
    return options.dayFirst ? out(year, b, a) : out(year, a, b);
  }
  return null;
}

/** Keys that identify a person across exports, strongest first. */
export type MatchKey = 'uid' | 'email' | 'linkedin' | 'phone' | 'name';

/** A LinkedIn profile URL reduced to its member slug, so http/https, www and trailing slashes agree. */
export function linkedinKey(url: string): string | null {
  const match = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?(?:www\.)?linkedin\.com\/in\/([^/?#]+)/i.exec(url.trim());
  if (!match) return null;
  let slug = match[1]!;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A malformed escape is still a stable key as written.
  }
  return slug.normalize('NFC').toLowerCase();
}

/** A phone number as its digits, with a leading + kept: formatting differs between exports. */
export function phoneKey(phone: string): string | null {
  const main = phone.split(/\s*(?:x|ext\.?|;ext=)\s*/i)[0] ?? '';
  const digits = main.replace(/[^\d]/g, '');
  if (digits.length < 5) return null;
  return main.trim().startsWith('+') ? `+${digits}` : digits;
}

/** Names compared without case, accents or extra spaces. */
export function fold(text: string): string {
  // ASCII has no decompositions or marks: most names skip the costly Unicode steps.
  const decomposed = /^\p{ASCII}*$/u.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return decomposed.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Exact name with company, the weakest identifying key; null without a company. */
export function nameCompanyKey(name: string, company: string | null): string | null {
  if (!company) return null;
  return `${fold(name)}\u0000${fold(company)}`;
}

export const warningSchema = z.object({ line: z.number().int(), field: z.string(), message: z.string() });

export const conflictSchema = z.object({
  field: z.string(),
  current: z.string().nullable().describe('What the contact has (kept)'),
  incoming: z.string().nullable().describe('What the file says (not applied)'),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const importItemSchema = z.object({
  line: z.number().int(),
  name: z.string(),
  contactId: z.string().nullable().describe('The existing contact it matched, or the one created on commit'),
  matchedBy: z.enum(['uid', 'email', 'linkedin', 'phone', 'name']).nullable(),
  changes: z.array(z.string()).describe('Fields that were (or will be) filled or added'),
  conflicts: z.array(conflictSchema),
  duplicateOf: z.array(z.object({ id: z.string(), name: z.string() })).describe('Existing contacts with the same name that were not merged'),
  warnings: z.array(warningSchema),
});
export type ImportItem = z.infer<typeof importItemSchema>;

export const rejectedSchema = z.object({ line: z.number().int(), field: z.string().nullable(), reason: z.string() });

/** How many items of each kind a report lists; the counts are always complete. */
export const REPORT_LIST_LIMIT = 500;

export const importReportSchema = z.object({
  file: z.string(),
  format: z.enum(IMPORT_FORMATS),
  encoding: z.string(),
  committed: z.boolean(),
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    possibleDuplicates: z.number().int(),
    conflicts: z.number().int(),
    rejected: z.number().int(),
    warnings: z.number().int(),
  }),
  new: z.array(importItemSchema),
  updated: z.array(importItemSchema),
  unchanged: z.array(importItemSchema),
  possibleDuplicates: z.array(importItemSchema),
  rejected: z.array(rejectedSchema),
  /** Problems outside any row: text between vCards, a skipped preamble. */
  notes: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;
