import { z } from 'zod';
import { clean, emptyDraft, parseDate, type ContactDraft, type ImportFormat, type Method, type ParsedRecord, type Warning } from './model.js';

/*
 * The CSV layouts people export contacts in, recognised by their header and mapped by column name
 * (never by position: LinkedIn's order has changed, and hand-edited files reorder columns). See
 * ../shared/fixtures/FORMAT_NOTES.md for what each writes.
 */

export type CsvFormat = Exclude<ImportFormat, 'vcard'>;

export interface Header {
  format: CsvFormat;
  /** Lower-case column name → index. */
  columns: Map<string, number>;
  /** Read 03/04/1991 as 3 April (a `;`-separated export from a European locale). */
  dayFirst: boolean;
}

function has(columns: Map<string, number>, ...names: string[]): boolean {
  return names.every((n) => columns.has(n));
}

/** Exports that are not address books, with what to import instead. */
const NOT_CONTACTS: { test: (c: Map<string, number>) => boolean; message: string }[] = [
  {
    test: (c) => has(c, 'conversation id', 'from', 'content') || has(c, 'from', 'to', 'date', 'subject', 'content'),
    message: "this is LinkedIn's messages.csv; import Connections.csv from the same archive to bring in your contacts",
  },
  {
    test: (c) => (has(c, 'from', 'to', 'message', 'direction') && (c.has('sent at') || c.has('date sent'))),
    message: "this is LinkedIn's Invitations.csv; import Connections.csv from the same archive to bring in your contacts",
  },
];

/**
 * Recognises a header row; returns null when the cells are not a header (preamble lines), or an
 * error message when they are a header of something Rapport does not import.
 */
export function recognizeHeader(cells: readonly string[], delimiter: string): Header | { error: string } | null {
  const columns = new Map<string, number>();
  cells.forEach((cell, i) => {
    const name = cell.replace(/^\uFEFF/, '').trim().toLowerCase();
    if (name && !columns.has(name)) columns.set(name, i);
  });
  const dayFirst = delimiter === ';';
  const header = (format: CsvFormat): Header => ({ format, columns, dayFirst });
  for (const other of NOT_CONTACTS) if (other.test(columns)) return { error: other.message };
  if (has(columns, 'first name', 'last name', 'connected on')) return header('linkedin');
  if (has(columns, 'primary email', 'display name')) return header('thunderbird');
  if (has(columns, 'first name', 'labels') || has(columns, 'name', 'given name', 'family name')) return header('google');
  if (has(columns, 'first name', 'last name', 'e-mail address')) return header('outlook');
  return null;
}

export const EXPECTED_COLUMNS =
  'LinkedIn (First Name, Last Name, … Connected On), Google (First Name … Labels, or Name, Given Name, Family Name), ' +
  'Outlook (First Name, Last Name, E-mail Address) or Thunderbird (Display Name, Primary Email)';

type Get = (column: string) => string | null;

const email = z.email();

class RowBuilder {
  readonly draft: ContactDraft = emptyDraft();
  readonly warnings: Warning[] = [];
  constructor(
    readonly line: number,
    readonly get: Get,
    readonly header: Header,
  ) {}

  warn(field: string, message: string) {
    this.warnings.push({ line: this.line, field, message });
  }

  email(column: string, type: string) {
    for (const value of splitValues(this.get(column))) {
      const lower = value.toLowerCase();
      if (!email.safeParse(lower).success) this.warn(column, `"${value}" is not an email address; skipped`);
      else addMethod(this.draft.emails, { value: lower, type });
    }
  }

  phone(column: string, type: string) {
    for (const value of splitValues(this.get(column))) {
      if (!/^\+?[\d\s().\-/]{3,}(?:\s*(?:x|ext\.?)\s*\d+)?$/i.test(value)) this.warn(column, `"${value}" is not a phone number; skipped`);
      else addMethod(this.draft.phones, { value, type });
    }
  }

  url(column: string, type: string) {
    for (const value of splitValues(this.get(column))) addMethod(this.draft.urls, { value: /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`, type });
  }

  date(column: string): string | null {
    const value = this.get(column);
    // Outlook writes 0/0/00 for "no date".
    if (!value || /^0?0\/0?0\/0{2,4}$/.test(value)) return null;
    const date = parseDate(value, { dayFirst: this.header.dayFirst });
    if (!date) this.warn(column, `"${value}" is not a date; skipped`);
    return date;
  }
}

/** Google puts several values in one cell separated by ` ::: `. */
function splitValues(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(' ::: ')
    .map((v) => v.trim())
    .filter(Boolean);
}

function addMethod(list: Method[], method: Method) {
  if (!list.some((m) => m.value === method.value)) list.push(method);
}

/** Google's `* Work` (the star marks the primary one), `Mobile`, a lone `* `: a method type. */
function labelType(label: string | null): string {
  const plain = (label ?? '').replace(/^\*\s*/, '').trim().toLowerCase().replace(/[^\p{L}\p{N} _-]+/gu, ' ').trim();
  return plain ? plain.slice(0, 40) : 'other';
}

function locationOf(get: Get, prefixes: string[], suffixes: [string, string, string], formatted?: string): string | null {
  for (const prefix of prefixes) {
    const parts = suffixes.map((s) => get(`${prefix}${s}`)).filter(Boolean);
    if (parts.length > 0) return parts.join(', ');
    const whole = formatted ? get(`${prefix}${formatted}`) : null;
    if (whole) return whole.replace(/\s*\n\s*/g, ', ');
  }
  return null;
}

/** Indexes N that appear in a header as `Prefix N - …`. */
function groupIndexes(header: Header, prefix: string): number[] {
  const found = new Set<number>();
  for (const name of header.columns.keys()) {
    const m = new RegExp(`^${prefix} (\\d+) - `).exec(name);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

function mapLinkedIn(b: RowBuilder) {
  const { draft, get } = b;
  draft.firstName = get('first name');
  draft.lastName = get('last name');
  draft.company = get('company');
  draft.title = get('position');
  b.email('email address', 'other');
  const url = get('url');
  if (url) addMethod(draft.urls, { value: url, type: 'linkedin' });
  draft.metOn = b.date('connected on');
  draft.metHow = 'LinkedIn';
}

function mapGoogle(b: RowBuilder) {
  const { draft, get, header } = b;
  const legacy = header.columns.has('given name');
  draft.displayName = legacy ? get('name') : get('file as');
  draft.firstName = get(legacy ? 'given name' : 'first name');
  draft.middleName = get(legacy ? 'additional name' : 'middle name');
  draft.lastName = get(legacy ? 'family name' : 'last name');
  draft.prefix = get('name prefix');
  draft.suffix = get('name suffix');
  draft.nickname = get('nickname');
  draft.company = get(legacy ? 'organization 1 - name' : 'organization name');
  draft.title = get(legacy ? 'organization 1 - title' : 'organization title');
  draft.birthday = b.date('birthday');
  draft.notes = get('notes');
  // System labels (`* myContacts`, `* starred`) are Google's bookkeeping, not the user's tags.
  draft.tags = splitValues(get(legacy ? 'group membership' : 'labels')).filter((l) => !l.startsWith('*'));
  const kind = legacy ? 'type' : 'label';
  for (const n of groupIndexes(header, 'e-mail')) b.email(`e-mail ${n} - value`, labelType(get(`e-mail ${n} - ${kind}`)));
  for (const n of groupIndexes(header, 'phone')) b.phone(`phone ${n} - value`, labelType(get(`phone ${n} - ${kind}`)));
  for (const n of groupIndexes(header, 'website')) b.url(`website ${n} - value`, labelType(get(`website ${n} - ${kind}`)));
  draft.location = locationOf(get, groupIndexes(header, 'address').map((n) => `address ${n} - `), ['city', 'region', 'country'], 'formatted');
  mapRapportColumns(b);
}

/** Columns Rapport's own CSV export adds after Google's, so its export reads back whole. */
function mapRapportColumns(b: RowBuilder) {
  const { draft, get } = b;
  draft.circle = get('rapport circle');
  const cadence = get('rapport cadence days');
  if (cadence) draft.cadenceDays = Number.isInteger(Number(cadence)) ? Number(cadence) : null;
  draft.metHow = get('rapport met how') ?? draft.metHow;
  draft.metOn = b.date('rapport met on') ?? draft.metOn;
  for (const pair of splitValues(get('rapport dimensions'))) {
    const at = pair.indexOf('=');
    if (at > 0) draft.dimensions[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
}

const OUTLOOK_PHONES: [string, string][] = [
  ['mobile phone', 'mobile'],
  ['business phone', 'work'],
  ['business phone 2', 'work'],
  ['home phone', 'home'],
  ['home phone 2', 'home'],
  ['primary phone', 'other'],
  ['company main phone', 'work'],
  ['other phone', 'other'],
  ['car phone', 'car'],
  ['pager', 'pager'],
  ['business fax', 'work fax'],
  ['home fax', 'home fax'],
  ['other fax', 'fax'],
  ["assistant's phone", 'assistant'],
];

function mapOutlook(b: RowBuilder) {
  const { draft, get } = b;
  draft.prefix = get('title');
  draft.firstName = get('first name');
  draft.middleName = get('middle name');
  draft.lastName = get('last name');
  draft.suffix = get('suffix');
  draft.nickname = get('nickname');
  draft.company = get('company');
  draft.title = get('job title');
  for (const column of ['e-mail address', 'e-mail 2 address', 'e-mail 3 address']) b.email(column, 'other');
  for (const [column, type] of OUTLOOK_PHONES) b.phone(column, type);
  b.url('web page', 'work');
  b.url('personal web page', 'home');
  draft.birthday = b.date('birthday');
  draft.notes = get('notes');
  draft.location =
    get('location') ??
    locationOf(get, ['home ', 'business ', 'other '], ['city', 'state', 'country/region']) ??
    locationOf(get, ['home ', 'business ', 'other '], ['city', 'state', 'country']);
  draft.tags = (get('categories') ?? '').split(';').map((t) => t.trim()).filter(Boolean);
}

function mapThunderbird(b: RowBuilder) {
  const { draft, get } = b;
  draft.displayName = get('display name');
  draft.firstName = get('first name');
  draft.lastName = get('last name');
  draft.nickname = get('nickname');
  draft.company = get('organization');
  draft.title = get('job title');
  b.email('primary email', 'other');
  b.email('secondary email', 'other');
  for (const [column, type] of [['mobile number', 'mobile'], ['work phone', 'work'], ['home phone', 'home'], ['fax number', 'fax'], ['pager number', 'pager']]) b.phone(column!, type!);
  b.url('web page 1', 'work');
  b.url('web page 2', 'home');
  const [y, m, d] = ['birth year', 'birth month', 'birth day'].map((c) => get(c));
  if (m && d) {
    const text = `${y ? y.padStart(4, '0') : '-'}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    draft.birthday = parseDate(text);
    if (!draft.birthday) b.warn('birth day', `"${text}" is not a date; skipped`);
  }
  draft.notes = get('notes');
  draft.location = locationOf(get, ['home ', 'work '], ['city', 'state', 'country']);
}

const MAPPERS: Record<CsvFormat, (b: RowBuilder) => void> = {
  linkedin: mapLinkedIn,
  google: mapGoogle,
  outlook: mapOutlook,
  thunderbird: mapThunderbird,
};

const NO_NAME: Record<CsvFormat, string> = {
  linkedin: 'the row has no name (LinkedIn lists hidden or deleted members this way)',
  google: 'the row has no name (First Name, Last Name, Nickname or Organization Name)',
  outlook: 'the row has no name (First Name, Last Name, Nickname or Company)',
  thunderbird: 'the row has no name (Display Name, First Name, Last Name or Organization)',
};

/** One data row of a recognised export as a draft, or the reason it cannot be one. */
export function mapRow(header: Header, cells: readonly string[], line: number): ParsedRecord {
  const get: Get = (column) => {
    const index = header.columns.get(column);
    return index === undefined ? null : clean(cells[index]);
  };
  const builder = new RowBuilder(line, get, header);
  MAPPERS[header.format](builder);
  const { draft, warnings } = builder;
  if (!draft.displayName && !draft.firstName && !draft.lastName && !draft.nickname) {
    if (draft.company && header.format !== 'linkedin') draft.displayName = draft.company;
    else return { line, rejected: NO_NAME[header.format], field: header.format === 'thunderbird' ? 'Display Name' : 'First Name', warnings };
  }
  return { line, draft, warnings };
}
