/*
 * The content lines vCard (RFC 6350) and iCalendar (RFC 5545) share: lines folded at 75 octets and
 * text values with backslash escapes.
 */

/** Folds a content line at 75 octets (RFC 6350 §3.2, RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  // A UTF-16 unit is at most 3 bytes in UTF-8, so short lines need no counting.
  if (line.length <= 25 || (line.length <= 75 && Buffer.byteLength(line) <= 75)) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const char of line) {
    const size = char.length === 2 ? 4 : char.charCodeAt(0) < 0x80 ? 1 : char.charCodeAt(0) < 0x800 ? 2 : 3;
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = 74;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Escapes a text value: backslash, newline, comma and semicolon (RFC 6350 §3.4, RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  // Most values have nothing to escape, and testing is much cheaper than replacing.
  if (!/[\\,;\n\r]/.test(value)) return value;
  return value.replace(/[\\,;\n]|\r\n?/g, (c) => (c === '\\' ? '\\\\' : c === ',' ? '\\,' : c === ';' ? '\\;' : '\\n'));
}
