import ICAL from 'ical.js';
import { z } from 'zod';
import {
  EXTRA_LIMIT_BYTES,
  PHOTO_LIMIT_BYTES,
  clean,
  emptyDraft,
  parseDate,
  type ContactDraft,
  type ExtraProperty,
  type Method,
  type ParsedRecord,
  type Warning,
} from './model.js';
import { photoMediaType } from './photo.js';
import { readRawCards, type RawCard, type RawProperty } from './vcard-lines.js';

/*
 * vCard 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350) cards to contact drafts. The line layer has undone
 * folding, quoted-printable and charsets; ical.js reads each value (escapes, structured values,
 * dates). Properties Rapport has no field for are kept whole, so export gives them back.
 */

type JCardProperty = [string, Record<string, unknown>, string, ...unknown[]];

/** Properties that describe the file rather than the person, regenerated on export. */
const DROPPED = new Set(['PRODID', 'REV']);
/** Type words that carry no meaning for a contact method. */
const NOISE_TYPES = new Set(['internet', 'pref', 'voice', 'x400', 'msg', 'text', 'textphone', 'postal', 'parcel', 'dom', 'intl']);
const MULTI_VALUED = new Set(['CATEGORIES', 'NICKNAME']);
/** Properties read into contact fields (some are also kept whole); the rest are kept as they are. */
const MAPPED = new Set(['FN', 'N', 'NICKNAME', 'ORG', 'TITLE', 'NOTE', 'EMAIL', 'TEL', 'URL', 'BDAY', 'CATEGORIES', 'UID', 'PHOTO', 'ADR',
  'X-RAPPORT-CIRCLE', 'X-RAPPORT-CADENCE', 'X-RAPPORT-MET-HOW', 'X-RAPPORT-MET-ON', 'X-RAPPORT-DIMENSION']);

const email = z.email();

/**
 * Escapes a vCard 2.1 value the way 3.0 expects, so one reader serves both: 2.1 has no comma
 * separators and no line-break escapes (quoted-printable carries real line breaks).
 */
function escape21(value: string, name: string): string {
  let out = value.replace(/\r\n|\r|\n/g, '\\n');
  if (!MULTI_VALUED.has(name)) out = out.replace(/,/g, '\\,');
  return out;
}

/** A value's text escaped as 3.0 and 4.0 escape it, whatever version wrote it. */
function escapedValue(property: RawProperty, version: string): string {
  if (version.startsWith('2')) return escape21(property.value, property.name);
  return property.quotedPrintable ? property.value.replace(/\r\n|\r|\n/g, '\\n') : property.value;
}

/** Reads one value with ical.js; returns its jCard form, or a reason it could not be read. */
function readValue(property: RawProperty, version: string): JCardProperty | string {
  const design = version.startsWith('4') ? ICAL.design.vcard : ICAL.design.vcard3;
  const value = escapedValue(property, version);
  const valueParam = property.params.value?.[0];
  const head = valueParam && /^[a-z-]+$/i.test(valueParam) ? `${property.name};VALUE=${valueParam}` : property.name;
  try {
    const jcard = ICAL.parse.property(`${head}:${value}`, design) as JCardProperty;
    if (jcard[2] !== 'text') return jcard;
    // ical.js leaves \; in single text values, and 3.0 writers escape : and " that need none.
    const leftover = version.startsWith('2') ? /\\(;)/g : /\\([;:"])/g;
    const unescape = (v: unknown): unknown => (typeof v === 'string' ? v.replace(leftover, '$1') : Array.isArray(v) ? v.map(unescape) : v);
    return [jcard[0], jcard[1], jcard[2], ...jcard.slice(3).map(unescape)];
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function text(values: unknown[]): string {
  return values.map((v) => (Array.isArray(v) ? v.join(' ') : String(v ?? ''))).join(', ');
}

function component(value: unknown): string | null {
  if (Array.isArray(value)) return clean(value.map(String).join(' '));
  return clean(value === undefined || value === null ? null : String(value));
}

/** Apple's `_$!<HomePage>!$_` labels and plain custom labels as a method type. */
function labelType(label: string): string | null {
  const plain = label.replace(/^_\$!<(.*)>!\$_$/, '$1').trim().toLowerCase().replace(/[^\p{L}\p{N} _-]+/gu, ' ').trim();
  return plain ? plain.slice(0, 40) : null;
}

function methodType(property: RawProperty, labels: Map<string, string>, kind: 'email' | 'phone' | 'url'): string {
  const label = property.group ? labels.get(property.group.toLowerCase()) : undefined;
  if (label) return label;
  const words = (property.params.type ?? [])
    .flatMap((t) => t.split(','))
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t && !NOISE_TYPES.has(t) && !t.startsWith('x-'));
  const mapped = words.map((w) => (kind === 'phone' && (w === 'cell' || w === 'mobile') ? 'mobile' : w));
  const type = [...new Set(mapped)].join(' ').slice(0, 40).replace(/[^\p{L}\p{N} _-]/gu, '');
  return type || 'other';
}

function isPreferred(property: RawProperty): boolean {
  return (property.params.type ?? []).some((t) => t.toLowerCase().split(',').includes('pref')) || property.params.pref?.[0] === '1';
}

/** Preferred values first, each once, in file order otherwise. */
function ordered(methods: { method: Method; pref: boolean }[], key: (m: Method) => string): Method[] {
  const seen = new Set<string>();
  return [...methods.filter((m) => m.pref), ...methods.filter((m) => !m.pref)]
    .map((m) => m.method)
    .filter((m) => {
      const k = key(m);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

/** A structured ADR as one line: locality, region, country (street when that is all there is). */
export function addressLine(components: unknown[]): string | null {
  const [, , street, locality, region, , country] = components.map(component);
  return [locality, region, country].filter(Boolean).join(', ') || street || null;
}

const MEDIA_TYPES: Record<string, string> = { jpeg: 'image/jpeg', jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', x509: 'application/pkix-cert' };

function extraOf(property: RawProperty, version: string): ExtraProperty {
  const params = Object.fromEntries(Object.entries(property.params).filter(([k]) => k !== 'encoding'));
  const encoding = property.params.encoding?.[0]?.toLowerCase();
  const value = escapedValue(property, version);
  if (encoding === 'b' || encoding === 'base64') {
    // Inline binaries of 2.1 and 3.0 (KEY, LOGO, SOUND) are kept in their 4.0 form, a data: URI.
    const types = params.type ?? [];
    const media = types.map((t) => MEDIA_TYPES[t.toLowerCase()]).find(Boolean) ?? 'application/octet-stream';
    const rest = types.filter((t) => !MEDIA_TYPES[t.toLowerCase()]);
    if (rest.length > 0) params.type = rest;
    else delete params.type;
    return { group: property.group, name: property.name, params, value: `data:${media};base64,${value.replace(/\s+/g, '')}` };
  }
  return { group: property.group, name: property.name, params, value };
}

function decodePhoto(property: RawProperty, jcard: JCardProperty): { data: Buffer; typeHint: string | null } | { uri: true } | { error: string } {
  const [, , type, value] = jcard;
  const raw = String(value ?? '');
  const encoding = property.params.encoding?.[0]?.toLowerCase();
  let base64: string;
  let typeHint = property.params.type?.[0] ?? null;
  if (encoding === 'b' || encoding === 'base64' || (type === 'binary' && !/^[a-z][a-z0-9+.-]*:/i.test(raw))) {
    base64 = raw;
  } else {
    const data = /^data:([^;,]*)(;base64)?,(.*)$/is.exec(raw.trim());
    if (!data) return { uri: true };
    if (!data[2]) return { error: 'is a data: URI without base64' };
    base64 = data[3]!;
    typeHint = data[1] || typeHint;
  }
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return { error: 'is not valid base64' };
  return { data: Buffer.from(compact, 'base64'), typeHint };
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Turns one card into a draft; a card with no name at all is rejected. */
export function cardToRecord(card: RawCard): ParsedRecord {
  const warnings: Warning[] = card.warnings.map((w) => ({ line: w.line, field: 'vcard', message: w.message }));
  const version = card.version ?? '3.0';
  const draft: ContactDraft = emptyDraft();
  const labels = new Map<string, string>();
  const consumedGroups = new Set<string>();
  for (const p of card.properties) {
    if (p.name === 'X-ABLABEL' && p.group) {
      const label = labelType(p.value);
      if (label) labels.set(p.group.toLowerCase(), label);
    }
  }
  const emails: { method: Method; pref: boolean }[] = [];
  const phones: { method: Method; pref: boolean }[] = [];
  const urls: { method: Method; pref: boolean }[] = [];
  const notes: string[] = [];
  const extras: RawProperty[] = [];
  let fn: string | null = null;
  let orgSeen = false;
  let titleSeen = false;
  let nSeen = false;
  let addressSeen = false;
  const warn = (p: RawProperty, message: string) => warnings.push({ line: p.line, field: p.name, message });

  for (const p of card.properties) {
    if (DROPPED.has(p.name) || p.name === 'X-ABLABEL') continue;
    if (!MAPPED.has(p.name)) {
      extras.push(p);
      continue;
    }
    const jcard = readValue(p, version);
    if (typeof jcard === 'string') {
      warn(p, `could not be read (${jcard}); skipped`);
      continue;
    }
    const values = jcard.slice(3);
    const first = values[0];
    const consume = () => {
      if (p.group) consumedGroups.add(p.group.toLowerCase());
    };
    switch (p.name) {
      case 'FN':
        fn ??= clean(text(values));
        continue;
      case 'N': {
        if (nSeen) break;
        nSeen = true;
        const parts = Array.isArray(first) ? first : [first];
        draft.lastName = component(parts[0]);
        draft.firstName = component(parts[1]);
        draft.middleName = component(parts[2]);
        draft.prefix = component(parts[3]);
        draft.suffix = component(parts[4]);
        continue;
      }
      case 'NICKNAME':
        if (draft.nickname) break;
        draft.nickname = clean(values.map(String).filter((v) => v.trim()).join(', '));
        continue;
      case 'ORG': {
        if (orgSeen) break;
        orgSeen = true;
        const parts = Array.isArray(first) ? first : [first];
        draft.company = component(parts[0]);
        // Departments have no field: the whole ORG is kept too, and export writes it back.
        if (parts.slice(1).some((part) => component(part))) break;
        continue;
      }
      case 'TITLE':
        if (titleSeen) break;
        titleSeen = true;
        draft.title = clean(text(values));
        continue;
      case 'NOTE': {
        const note = clean(text(values));
        if (note) notes.push(note);
        continue;
      }
      case 'EMAIL': {
        const value = clean(text(values))?.toLowerCase();
        if (!value) continue;
        if (!email.safeParse(value).success) {
          warn(p, `"${value}" is not an email address; skipped`);
          continue;
        }
        consume();
        emails.push({ method: { value, type: methodType(p, labels, 'email') }, pref: isPreferred(p) });
        continue;
      }
      case 'TEL': {
        const value = clean(text(values).replace(/^tel:/i, '').replace(/;ext=/i, ' ext. '));
        if (!value) continue;
        if (!/^\+?[\d\s().\-/]{3,}(?:\s*(?:x|ext\.?)\s*\d+)?$/i.test(value)) {
          warn(p, `"${value}" is not a phone number; skipped`);
          continue;
        }
        consume();
        phones.push({ method: { value, type: methodType(p, labels, 'phone') }, pref: isPreferred(p) });
        continue;
      }
      case 'URL': {
        const raw = clean(text(values).replace(/\\([:,;])/g, '$1'));
        if (!raw) continue;
        const value = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
        if (!/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value)) break;
        consume();
        urls.push({ method: { value, type: methodType(p, labels, 'url') }, pref: isPreferred(p) });
        continue;
      }
      case 'BDAY': {
        if (draft.birthday) break;
        const omitYear = p.params['x-apple-omit-year']?.[0];
        const date = parseDate(String(first ?? ''));
        if (!date) {
          warn(p, `"${String(first ?? '')}" is not a date; skipped`);
          continue;
        }
        draft.birthday = omitYear && date.startsWith(omitYear) ? `--${date.slice(5)}` : date;
        continue;
      }
      case 'CATEGORIES':
        for (const tag of values.map((v) => clean(String(v)))) if (tag && !draft.tags.includes(tag)) draft.tags.push(tag.slice(0, 60));
        continue;
      case 'UID':
        // Kept as a property too, so export gives the same UID back.
        draft.uid ??= clean(String(first ?? ''));
        break;
      case 'PHOTO': {
        const photo = decodePhoto(p, jcard);
        if ('uri' in photo) break;
        if ('error' in photo) {
          warn(p, `${photo.error}; the picture was skipped`);
          continue;
        }
        if (draft.photo) {
          warn(p, 'only the first picture is kept; this one was skipped');
          continue;
        }
        if (photo.data.length > PHOTO_LIMIT_BYTES) {
          warn(p, `the picture is ${mb(photo.data.length)}, over the ${mb(PHOTO_LIMIT_BYTES)} limit; skipped`);
          continue;
        }
        const mediaType = photoMediaType(photo.data);
        if (!mediaType) {
          warn(p, 'is not a JPEG, PNG, GIF or WebP image; the picture was skipped');
          continue;
        }
        draft.photo = { mediaType, data: photo.data };
        continue;
      }
      case 'ADR': {
        if (addressSeen) break;
        addressSeen = true;
        const parts = Array.isArray(first) ? first : [first];
        draft.location = addressLine(parts)?.replace(/\s*\n\s*/g, ', ') ?? null;
        // The full address is kept, as location is only its summary; an address that is nothing
        // but a place (Rapport's export of a location) says no more than the location.
        if (parts.some((part, i) => i !== 3 && component(part)) || Object.keys(p.params).length > 0) break;
        continue;
      }
      case 'X-RAPPORT-CIRCLE':
        draft.circle = clean(String(first ?? ''));
        continue;
      case 'X-RAPPORT-CADENCE': {
        const days = Number(String(first ?? '').trim());
        draft.cadenceDays = Number.isInteger(days) ? days : null;
        continue;
      }
      case 'X-RAPPORT-MET-HOW':
        draft.metHow = clean(String(first ?? '').replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1'));
        continue;
      case 'X-RAPPORT-MET-ON':
        draft.metOn = parseDate(String(first ?? ''));
        continue;
      case 'X-RAPPORT-DIMENSION': {
        const name = p.params.name?.[0]?.toLowerCase();
        const value = clean(String(first ?? '').replace(/\\([,;\\])/g, '$1'));
        if (name && value) draft.dimensions[name] = value;
        continue;
      }
    }
    extras.push(p);
  }

  draft.displayName = fn;
  draft.notes = notes.length > 0 ? notes.join('\n\n') : null;
  draft.emails = ordered(emails, (m) => m.value);
  draft.phones = ordered(phones, (m) => m.value.replace(/\D/g, ''));
  draft.urls = ordered(urls, (m) => m.value);
  for (const property of extras) {
    const extra = extraOf(property, version);
    if (extra.value.length > EXTRA_LIMIT_BYTES) {
      warn(property, `is larger than ${EXTRA_LIMIT_BYTES / 1024} KB; skipped`);
      continue;
    }
    draft.extras.push(extra);
  }
  // A label belongs to the property in its group; it stays only with properties that stay.
  for (const p of card.properties) {
    if (p.name === 'X-ABLABEL' && p.group && !consumedGroups.has(p.group.toLowerCase())) draft.extras.push(extraOf(p, version));
  }
  if (!draft.displayName && !draft.firstName && !draft.lastName && !draft.nickname) {
    if (draft.company) draft.displayName = draft.company;
    else return { line: card.line, rejected: 'the card has no name (FN, N, NICKNAME or ORG)', field: 'FN', warnings };
  }
  if (card.endLine === null) {
    return { line: card.line, rejected: 'the card has no END:VCARD: the file ends inside it (truncated?)', field: 'END', warnings };
  }
  return { line: card.line, draft, warnings };
}

/** Every card of a vCard file, as records in file order, plus notes about text outside cards. */
export function readVcards(data: string): { records: ParsedRecord[]; notes: { line: number; message: string }[] } {
  const { cards, stray } = readRawCards(data);
  return { records: cards.map(cardToRecord), notes: stray };
}
