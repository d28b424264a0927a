import ICAL from 'ical.js';
import { escapeText, foldLine } from '../../platform/content-lines.js';
import type { ExportedContact, ExtraProperty, Photo } from './model.js';
import { addressLine } from './vcard-read.js';

/*
 * vCard 4.0 output (RFC 6350): UTF-8, CRLF, lines folded at 75 octets without splitting a
 * character. Contact fields become standard properties; Rapport's own fields become X-RAPPORT-*
 * properties, and the properties kept from an import are written back as they came.
 */

/** A parameter value, quoted when it holds `:`, `;` or `,`, with RFC 6868 caret escapes. */
function paramValue(value: string): string {
  // As with escapeText, testing is much cheaper than replacing, and most values need no escape.
  const escaped = /[\^\r\n"]/.test(value) ? value.replace(/\^/g, '^^').replace(/\r\n|\r|\n/g, '^n').replace(/"/g, "^'") : value;
  return /[:;,]/.test(escaped) ? `"${escaped}"` : escaped;
}

// A loop rather than entries().filter().map(): it runs for every line of every exported card.
function params(list: Record<string, string[]>): string {
  let out = '';
  for (const name of Object.keys(list)) {
    const values = list[name]!;
    if (values.length > 0) out += `;${name.toUpperCase()}=${values.map(paramValue).join(',')}`;
  }
  return out;
}

function line(name: string, value: string, list: Record<string, string[]> | null = null, group: string | null = null): string {
  return foldLine(`${group ? `${group}.` : ''}${name}${list ? params(list) : ''}:${value}`);
}

const TEL_TYPES: Record<string, string> = { mobile: 'cell' };

/** A method's type as TYPE values: `home fax` → home,fax; `other` says nothing. */
function typeParam(type: string, kind: 'email' | 'phone' | 'url'): string[] {
  if (type === 'other') return [];
  return type
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => (kind === 'phone' ? (TEL_TYPES[t] ?? t) : t));
}

function extraLine(extra: ExtraProperty): string {
  // A content line cannot hold a line break.
  return line(extra.name, extra.value.replace(/\r\n|\r|\n/g, '\\n'), extra.params, extra.group);
}

/** The components of a kept structured value (ORG, ADR), unescaped. */
function components(extra: ExtraProperty): unknown[] {
  try {
    const [, , , value] = ICAL.parse.property(`${extra.name}:${extra.value}`, ICAL.design.vcard) as unknown[];
    return Array.isArray(value) ? value : [value];
  } catch {
    return [];
  }
}

/** `1985-03-14` → 19850314, `--03-14` → --0314 (RFC 6350 §4.3.1 basic format). */
export function vcardDate(date: string): string {
  return date.startsWith('--') ? `--${date.slice(2).replace('-', '')}` : date.replaceAll('-', '');
}

function stamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/** One contact as a vCard 4.0 card (CRLF line ends, ending with CRLF). */
export function contactToVcard(c: ExportedContact, extras: readonly ExtraProperty[], photo: Photo | null): string {
  const out: string[] = ['BEGIN:VCARD', 'VERSION:4.0'];
  const uid = extras.find((e) => e.name === 'UID');
  out.push(line('UID', uid ? uid.value : `urn:uuid:${c.id}`));
  out.push(line('FN', escapeText(c.displayName)));
  const n = [c.lastName, c.firstName, c.middleName, c.prefix, c.suffix].map((p) => escapeText(p ?? '')).join(';');
  if (n !== ';;;;') out.push(line('N', n));
  if (c.nickname) out.push(line('NICKNAME', escapeText(c.nickname)));
  // An ORG kept whole (with departments) stands for the company while it still names it.
  const keptOrg = extras.some((e) => e.name === 'ORG' && String(components(e)[0] ?? '') === c.company);
  if (c.company && !keptOrg) out.push(line('ORG', escapeText(c.company)));
  if (c.title) out.push(line('TITLE', escapeText(c.title)));
  c.emails.forEach((e, i) => {
    const type = typeParam(e.type, 'email');
    out.push(line('EMAIL', e.value, { ...(type.length ? { type } : {}), ...(i === 0 && c.emails.length > 1 ? { pref: ['1'] } : {}) }));
  });
  c.phones.forEach((p, i) => {
    const type = typeParam(p.type, 'phone');
    out.push(line('TEL', escapeText(p.value), { ...(type.length ? { type } : {}), ...(i === 0 && c.phones.length > 1 ? { pref: ['1'] } : {}) }));
  });
  for (const u of c.urls) {
    const type = typeParam(u.type, 'url');
    out.push(line('URL', u.value, type.length ? { type } : {}));
  }
  if (c.birthday) out.push(line('BDAY', vcardDate(c.birthday)));
  // Likewise the first address kept from an import stands for the location it was read as.
  const firstAddress = extras.find((e) => e.name === 'ADR');
  const keptAddress = firstAddress !== undefined && c.location !== null && addressLine(components(firstAddress))?.replace(/\s*\n\s*/g, ', ') === c.location;
  if (!keptAddress && c.location) out.push(line('ADR', `;;;${escapeText(c.location)};;;`));
  if (c.notes) out.push(line('NOTE', escapeText(c.notes)));
  if (c.tags.length > 0) out.push(line('CATEGORIES', c.tags.map(escapeText).join(',')));
  if (photo) out.push(line('PHOTO', `data:${photo.mediaType};base64,${photo.data.toString('base64')}`));
  if (c.circle) out.push(line('X-RAPPORT-CIRCLE', c.circle));
  if (c.cadenceDays !== null) out.push(line('X-RAPPORT-CADENCE', String(c.cadenceDays)));
  if (c.metHow) out.push(line('X-RAPPORT-MET-HOW', escapeText(c.metHow)));
  if (c.metOn) out.push(line('X-RAPPORT-MET-ON', vcardDate(c.metOn)));
  for (const [name, value] of Object.entries(c.dimensions)) out.push(line('X-RAPPORT-DIMENSION', escapeText(value), { name: [name] }));
  for (const extra of extras) if (extra.name !== 'UID') out.push(extraLine(extra));
  out.push(line('REV', stamp(c.updatedAt)));
  out.push('END:VCARD');
  return `${out.join('\r\n')}\r\n`;
}
