import { importError } from './model.js';

/*
 * Reading bytes as text. Exports come as UTF-8 (with or without a BOM), UTF-16 with a BOM (Outlook,
 * Excel "Unicode text"), UTF-16 without one (Apple's address book), or the Windows ANSI code page
 * (localized Outlook). Node ships full ICU, so TextDecoder knows every label vCard's CHARSET uses.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Sniffed {
  encoding: TextEncoding;
  /** Bytes of byte order mark to skip. */
  bom: number;
}

/**
 * Picks the encoding from the first bytes: a BOM decides; NUL bytes in every other position mean
 * UTF-16 without one; otherwise UTF-8, which the caller confirms by decoding with `fatal`.
 */
export function sniffEncoding(head: Uint8Array): Sniffed {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const sample = head.subarray(0, Math.min(head.length, 512) & ~1);
  if (sample.length >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < sample.length; i += 2) {
      if (sample[i] === 0) evenNul += 1;
      if (sample[i + 1] === 0) oddNul += 1;
    }
    const pairs = sample.length / 2;
    if (evenNul > pairs * 0.4 && oddNul === 0) return { encoding: 'utf-16be', bom: 0 };
    if (oddNul > pairs * 0.4 && evenNul === 0) return { encoding: 'utf-16le', bom: 0 };
  }
  return { encoding: 'utf-8', bom: 0 };
}

/** True for bytes that text files do not contain: NUL and most C0 controls (tab, CR, LF, FF excepted). */
export function looksBinary(head: Uint8Array): boolean {
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) control += 1;
  }
  return control > sample.length * 0.01;
}

// Node 20's TextDecoder reads windows-1252 as ISO-8859-1, leaving 0x80–0x9F as C1 controls; these
// are the characters Windows-1252 has there (the euro sign, curly quotes, dashes…).
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 to text, with the characters Node's decoder misses. */
export function decode1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

/**
 * Decodes a whole file: BOM or UTF-16 pattern first, then UTF-8 if every byte sequence is valid,
 * else Windows-1252 (which maps every byte, so nothing is ever dropped).
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw importError(file, 'the file is empty');
  const sniffed = sniffEncoding(bytes);
  if (sniffed.encoding === 'utf-8' && looksBinary(bytes)) throw importError(file, 'this is a binary file, not a text export (CSV or vCard)');
  const body = bytes.subarray(sniffed.bom);
  if (sniffed.encoding !== 'utf-8') return { text: new TextDecoder(sniffed.encoding).decode(body), encoding: sniffed.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decode1252(body), encoding: 'windows-1252' };
  }
}

/**
 * Decodes one value's bytes in a declared charset (vCard 2.1's CHARSET parameter); without one, as
 * UTF-8 when valid, else Windows-1252. Returns a warning when the bytes are not what was declared.
 */
export function decodeValue(bytes: Uint8Array, charset: string | undefined): { text: string; warning?: string } {
  if (charset && ['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'us-ascii', 'ascii'].includes(charset.toLowerCase())) return { text: decode1252(bytes) };
  if (charset) {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(charset.toLowerCase(), { fatal: true });
    } catch {
      const fallback = decodeValue(bytes, undefined);
      return { text: fallback.text, warning: `unknown CHARSET ${charset}; read as ${isUtf8(bytes) ? 'UTF-8' : 'Windows-1252'}` };
    }
    try {
      return { text: decoder.decode(bytes) };
    } catch {
      return { text: new TextDecoder(charset.toLowerCase()).decode(bytes), warning: `bytes that are not valid ${charset} were replaced by \uFFFD` };
    }
  }
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes) };
  return { text: decode1252(bytes) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(bytes: Uint8Array): boolean {
  // Pure ASCII is by far the common case and needs no decoder.
  let ascii = true;
  for (const byte of bytes) {
    if (byte > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return true;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
