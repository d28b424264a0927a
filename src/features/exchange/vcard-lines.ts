import { decodeValue } from './decode.js';

/*
 * The line layer of vCard reading: splits a file into cards and properties, undoing everything that
 * differs between the versions below the value level, so that ical.js can read every value:
 * - line folding (RFC 6350 §3.2; RFC 2426 §2.6; vCard 2.1 §2.1.3), including folds inside a
 *   multi-byte UTF-8 character, since unfolding happens on bytes before decoding;
 * - vCard 2.1's quoted-printable with `=` soft line breaks, and its CHARSET parameter (Shift_JIS,
 *   ISO-8859-1…) applied to the bytes of each value;
 * - 2.1's bare parameters (`TEL;WORK;VOICE`) and base64 blocks ended by a blank line;
 * - CR, LF, CRLF and Apple's CR CR LF line ends; `#` comment lines; blank lines inside cards.
 * Every property keeps the number of the line it starts on, for messages.
 */

export interface RawProperty {
  /** 1-based line where the property starts. */
  line: number;
  group: string | null;
  /** Upper case, such as EMAIL or X-ABLABEL. */
  name: string;
  /** Lower-case parameter names; bare 2.1 parameters are collected under `type`. */
  params: Record<string, string[]>;
  /** Decoded text, still escaped as its vCard version escapes values. */
  value: string;
  /** True when the value was quoted-printable (so its line breaks are real, not escaped). */
  quotedPrintable: boolean;
}

export interface RawCard {
  /** Line of BEGIN:VCARD. */
  line: number;
  /** Line of END:VCARD, or null when the file ended first. */
  endLine: number | null;
  version: string | null;
  properties: RawProperty[];
  /** Problems below the property level, each with its line. */
  warnings: { line: number; message: string }[];
}

interface Logical {
  line: number;
  text: string;
  qp: boolean;
  base64: boolean;
}

const ENCODING_WORDS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Index of the first `:` not inside double quotes, or -1. */
function headEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 58 && !quoted) return i;
  }
  return -1;
}

/** Splits on a separator outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** RFC 6868 caret escapes in parameter values: ^n newline, ^' double quote, ^^ caret. */
function decodeParamValue(value: string): string {
  const unquoted = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value.replace(/"/g, '');
  return unquoted.replace(/\^(n|N|'|\^)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c === "'" ? '"' : '^'));
}

export function parseParams(segments: readonly string[]): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  const add = (key: string, values: string[]) => {
    (params[key] ??= []).push(...values);
  };
  for (const segment of segments) {
    const trimmed = segment.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq === -1) {
      // vCard 2.1 writes parameter values alone: TEL;WORK;VOICE, PHOTO;JPEG, NOTE;QUOTED-PRINTABLE.
      const word = trimmed.toUpperCase();
      add(ENCODING_WORDS.has(word) ? 'encoding' : 'type', [trimmed]);
      continue;
    }
    const key = trimmed.slice(0, eq).trim().toLowerCase();
    const values = splitOutsideQuotes(trimmed.slice(eq + 1), ',').map(decodeParamValue);
    add(key, values);
  }
  return params;
}

function isQuotedPrintable(head: string): boolean {
  return /(^|;)\s*(encoding\s*=\s*)?quoted-printable\s*(;|$)/i.test(head);
}

function isBase64(head: string): boolean {
  return /(^|;)\s*(encoding\s*=\s*)?(base64|b)\s*(;|$)/i.test(head);
}

/** Quoted-printable to bytes (RFC 2045 §6.7); a malformed `=XY` is kept as it stands. */
export function decodeQuotedPrintable(latin1: string): Uint8Array {
  const out = new Uint8Array(latin1.length);
  let n = 0;
  for (let i = 0; i < latin1.length; i++) {
    const c = latin1.charCodeAt(i);
    if (c === 61 /* = */ && /^[0-9A-Fa-f]{2}$/.test(latin1.slice(i + 1, i + 3))) {
      out[n++] = parseInt(latin1.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[n++] = c & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Physical lines of a latin1 string (one char per byte), with CR, LF, CRLF and CR CR LF ends. */
function* physicalLines(data: string): Generator<string> {
  let start = 0;
  let i = 0;
  while (i < data.length) {
    const c = data.charCodeAt(i);
    if (c === 10) {
      yield data.slice(start, i);
      i += 1;
      start = i;
    } else if (c === 13) {
      yield data.slice(start, i);
      if (data.charCodeAt(i + 1) === 10) i += 2;
      else if (data.charCodeAt(i + 1) === 13 && data.charCodeAt(i + 2) === 10) i += 3;
      else i += 1;
      start = i;
    } else {
      i += 1;
    }
  }
  if (start < data.length) yield data.slice(start);
}

/** Logical lines: folds undone, quoted-printable soft breaks joined, comments dropped. */
function* logicalLines(data: string): Generator<Logical> {
  let current: Logical | null = null;
  let lineNo = 0;
  for (const line of physicalLines(data)) {
    lineNo += 1;
    if (current) {
      if (current.qp && current.text.endsWith('=')) {
        // A soft line break: the next line continues the value, leading space included.
        current.text = current.text.slice(0, -1) + line;
        continue;
      }
      if (line.length > 0 && (line[0] === ' ' || line[0] === '\t')) {
        current.text += line.slice(1);
        continue;
      }
      if (current.base64 && line.length > 0 && headEnd(line) === -1) {
        // 2.1 base64 blocks sometimes continue without indentation until a blank line.
        current.text += line;
        continue;
      }
      yield current;
      current = null;
    }
    if (line.trim() === '' || line[0] === '#') continue;
    const end = headEnd(line);
    const head = end === -1 ? line : line.slice(0, end);
    current = { line: lineNo, text: line, qp: isQuotedPrintable(head), base64: isBase64(head) };
  }
  if (current) yield current;
}

function toProperty(logical: Logical, warnings: RawCard['warnings']): RawProperty | null {
  const end = headEnd(logical.text);
  if (end === -1) {
    warnings.push({ line: logical.line, message: `"${preview(logical.text)}" is not a property (no ":"); skipped` });
    return null;
  }
  const [nameSegment = '', ...paramSegments] = splitOutsideQuotes(logical.text.slice(0, end), ';');
  const dot = nameSegment.lastIndexOf('.');
  const group = dot === -1 ? null : nameSegment.slice(0, dot).trim();
  const name = nameSegment.slice(dot + 1).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) {
    warnings.push({ line: logical.line, message: `"${preview(nameSegment)}" is not a property name; skipped` });
    return null;
  }
  const params = parseParams(paramSegments);
  const raw = logical.text.slice(end + 1);
  const charset = params.charset?.[0];
  delete params.charset;
  let value: string;
  if (logical.qp) {
    const decoded = decodeValue(decodeQuotedPrintable(raw), charset);
    value = decoded.text;
    if (decoded.warning) warnings.push({ line: logical.line, message: `${name}: ${decoded.warning}` });
    params.encoding = (params.encoding ?? []).filter((e) => e.toUpperCase() !== 'QUOTED-PRINTABLE');
    if (params.encoding.length === 0) delete params.encoding;
  } else {
    const decoded = decodeValue(Buffer.from(raw, 'latin1'), charset);
    value = decoded.text;
    if (decoded.warning) warnings.push({ line: logical.line, message: `${name}: ${decoded.warning}` });
  }
  return { line: logical.line, group: group || null, name, params, value, quotedPrintable: logical.qp };
}

function preview(text: string): string {
  const flat = Buffer.from(text, 'latin1').toString('utf8').replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/**
 * Splits vCard data, given as a latin1 string of the file's bytes (UTF-16 files re-encoded as
 * UTF-8 first), into cards of raw properties. Nested cards (2.1's AGENT) are skipped with a
 * warning; text outside cards is reported and ignored.
 */
export function readRawCards(data: string): { cards: RawCard[]; stray: { line: number; message: string }[] } {
  const cards: RawCard[] = [];
  const stray: { line: number; message: string }[] = [];
  let card: RawCard | null = null;
  let nested = 0;
  for (const logical of logicalLines(data)) {
    const upper = logical.text.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (card) {
        nested += 1;
        if (nested === 1) card.warnings.push({ line: logical.line, message: 'a vCard nested inside this one (AGENT) was skipped' });
        continue;
      }
      card = { line: logical.line, endLine: null, version: null, properties: [], warnings: [] };
      continue;
    }
    if (upper === 'END:VCARD') {
      if (nested > 0) {
        nested -= 1;
        continue;
      }
      if (card) {
        card.endLine = logical.line;
        cards.push(card);
        card = null;
      } else {
        stray.push({ line: logical.line, message: 'END:VCARD without a BEGIN:VCARD; ignored' });
      }
      continue;
    }
    if (!card) {
      stray.push({ line: logical.line, message: `"${preview(logical.text)}" is outside any BEGIN:VCARD … END:VCARD; ignored` });
      continue;
    }
    if (nested > 0) continue;
    const property = toProperty(logical, card.warnings);
    if (!property) continue;
    if (property.name === 'VERSION') card.version = property.value.trim();
    else card.properties.push(property);
  }
  if (card) cards.push(card);
  return { cards, stray };
}
