import fs from 'node:fs';
import { decode1252, looksBinary, sniffEncoding, type TextEncoding } from './decode.js';
import { importError } from './model.js';

/**
 * An uploaded or local file that can be read more than once: once to learn its encoding, once to
 * import it, and again when a preview is committed.
 */
export interface ImportSource {
  /** File name for messages. */
  readonly name: string;
  readonly size: number;
  chunks(): AsyncIterable<Buffer>;
}

/**
 * Bytes read at a time. The CSV parser turns a whole chunk into rows at once, and those rows wait
 * for the import to take them: 64 KB is a few hundred rows rather than ten thousand, which the
 * garbage collector would otherwise carry into the old generation (a tenth less peak memory).
 */
const CHUNK = 64 * 1024;

export function bufferSource(name: string, data: Buffer): ImportSource {
  return {
    name,
    size: data.length,
    async *chunks() {
      // Slices, so a large upload is parsed in steps like a file rather than in one piece.
      for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
    },
  };
}

export function fileSource(file: string, name = file): ImportSource {
  const size = fs.statSync(file).size;
  return {
    name,
    size,
    chunks: () => fs.createReadStream(file, { highWaterMark: CHUNK }),
  };
}

/** Reads the whole source into memory (vCard files, which are read as a whole). */
export async function readAll(source: ImportSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return Buffer.concat(parts);
}

/** The first bytes of a source, for sniffing its encoding and format. */
export async function head(source: ImportSource, bytes = 64 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of source.chunks()) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= bytes) break;
  }
  return Buffer.concat(parts).subarray(0, bytes);
}

/**
 * The text encoding of a whole source: a BOM or UTF-16 pattern decides; otherwise UTF-8 when every
 * byte sequence in the file is valid (checked by streaming through once), else Windows-1252.
 * Empty and binary files are refused here, before anything is parsed.
 */
export async function detectEncoding(source: ImportSource): Promise<{ encoding: TextEncoding; bom: number }> {
  const first = await head(source, 4096);
  if (first.length === 0) throw importError(source.name, 'the file is empty');
  const sniffed = sniffEncoding(first);
  if (sniffed.encoding !== 'utf-8') return sniffed;
  if (looksBinary(first)) throw importError(source.name, 'this is a binary file, not a text export (CSV or vCard)', { line: 1 });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of source.chunks()) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return sniffed;
  } catch {
    return { encoding: 'windows-1252', bom: 0 };
  }
}

/** The source as text chunks in a known encoding, without its BOM. */
export async function* textChunks(source: ImportSource, encoding: TextEncoding, bom: number): AsyncGenerator<string> {
  if (encoding === 'windows-1252') {
    // One byte is one character, so chunks decode independently.
    for await (const chunk of source.chunks()) yield decode1252(chunk);
    return;
  }
  const decoder = new TextDecoder(encoding);
  let skip = bom;
  for await (const chunk of source.chunks()) {
    const part = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
    skip = Math.max(0, skip - chunk.length);
    const text = decoder.decode(part, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
