import { displayNameOf } from '../contacts/model.js';
import type { ExportedContact } from './model.js';

/*
 * CSV export in Google Contacts' layout, which Google Contacts, Outlook.com and Rapport itself read
 * back, plus trailing Rapport columns (circle, cadence, how and when you met, dimensions).
 */

/** One RFC 4180 cell: quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export interface CsvShape {
  emails: number;
  phones: number;
  websites: number;
}

export function shapeOf(contacts: readonly ExportedContact[], shape: CsvShape = { emails: 1, phones: 1, websites: 1 }): CsvShape {
  for (const c of contacts) {
    shape.emails = Math.max(shape.emails, c.emails.length);
    shape.phones = Math.max(shape.phones, c.phones.length);
    shape.websites = Math.max(shape.websites, c.urls.length);
  }
  return shape;
}

const repeat = (n: number, f: (i: number) => string[]) => Array.from({ length: n }, (_, i) => f(i + 1)).flat();

export function csvHeader(shape: CsvShape): string {
  return csvLine([
    'First Name', 'Middle Name', 'Last Name', 'Name Prefix', 'Name Suffix', 'Nickname', 'File As',
    'Organization Name', 'Organization Title', 'Birthday', 'Notes', 'Labels',
    ...repeat(shape.emails, (n) => [`E-mail ${n} - Label`, `E-mail ${n} - Value`]),
    ...repeat(shape.phones, (n) => [`Phone ${n} - Label`, `Phone ${n} - Value`]),
    'Address 1 - Label', 'Address 1 - Formatted',
    ...repeat(shape.websites, (n) => [`Website ${n} - Label`, `Website ${n} - Value`]),
    'Rapport Circle', 'Rapport Cadence Days', 'Rapport Met How', 'Rapport Met On', 'Rapport Dimensions',
  ]);
}

/** Google's label for a method type: `* ` marks the first (primary) one. */
function label(type: string, first: boolean): string {
  const word = type === 'other' ? '' : type.replace(/\b\w/g, (c) => c.toUpperCase());
  return first ? `* ${word}`.trimEnd() : word || 'Other';
}

export function csvRow(c: ExportedContact, shape: CsvShape): string {
  const derived = displayNameOf({ ...c, displayName: null });
  const methods = (list: ExportedContact['emails'], n: number) => repeat(n, (i) => {
    const m = list[i - 1];
    return m ? [label(m.type, i === 1), m.value] : ['', ''];
  });
  return csvLine([
    c.firstName, c.middleName, c.lastName, c.prefix, c.suffix, c.nickname,
    c.displayName === derived ? '' : c.displayName,
    c.company, c.title, c.birthday, c.notes, c.tags.join(' ::: '),
    ...methods(c.emails, shape.emails),
    ...methods(c.phones, shape.phones),
    c.location ? 'Home' : '', c.location,
    ...methods(c.urls, shape.websites),
    c.circle, c.cadenceDays, c.metHow, c.metOn,
    Object.entries(c.dimensions).map(([k, v]) => `${k}=${v}`).join(' ::: '),
  ]);
}
