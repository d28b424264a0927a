import { openCsv } from './csv-read.js';
import { importError, type ImportFormat, type ParsedRecord } from './model.js';
import { detectEncoding, readAll, textChunks, type ImportSource } from './source.js';
import { readVcards } from './vcard-read.js';

export interface Reading {
  format: ImportFormat;
  encoding: string;
  records: AsyncIterable<ParsedRecord>;
  notes: { line: number; message: string }[];
}

/** What the start of a file says it is, before any parsing. */
export function sniffFormat(headText: string): 'vcard' | 'xcard' | 'jcard' | 'csv' {
  const start = headText.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  if (/^BEGIN:VCARD\b/i.test(start) || /^BEGIN:VCARD\s*$/im.test(start)) return 'vcard';
  if (/^<\?xml/i.test(start) || /^<vcards?\b/i.test(start)) return 'xcard';
  if (/^\[\s*"vcard"/i.test(start)) return 'jcard';
  return 'csv';
}

/**
 * Opens a file for import: learns its encoding, detects its format from the content (or takes the
 * one given), and returns its records as a stream. File-level problems (empty, binary, unknown
 * layout) are thrown here, before anything is stored.
 */
export async function readSource(source: ImportSource, format?: ImportFormat): Promise<Reading> {
  const { encoding, bom } = await detectEncoding(source);
  let headText = '';
  for await (const text of textChunks(source, encoding, bom)) {
    headText += text;
    if (headText.length >= 4096) break;
  }
  if (headText.trim() === '') throw importError(source.name, 'the file has no content (only blank lines)', { line: 1 });
  const sniffed = sniffFormat(headText);
  if (format === 'vcard' || (!format && sniffed === 'vcard')) {
    const bytes = await readAll(source);
    // Values are decoded per property (2.1 CHARSET), so the card text stays as bytes; only UTF-16
    // needs decoding first.
    const data = encoding.startsWith('utf-16')
      ? Buffer.from(new TextDecoder(encoding).decode(bytes.subarray(bom)), 'utf8').toString('latin1')
      : bytes.subarray(bom).toString('latin1');
    const { records, notes } = readVcards(data);
    if (records.length === 0) throw importError(source.name, 'no vCard found (no BEGIN:VCARD … END:VCARD)', { line: 1 });
    return { format: 'vcard', encoding, records: toAsync(records), notes };
  }
  if (sniffed === 'xcard') throw importError(source.name, 'this is an XML file (xCard); export the contacts as vCard (.vcf) or CSV instead', { line: 1 });
  if (sniffed === 'jcard') throw importError(source.name, 'this is a jCard (JSON) file; export the contacts as vCard (.vcf) or CSV instead', { line: 1 });
  const csv = await openCsv(textChunks(source, encoding, bom), source.name, format);
  return { format: csv.header.format, encoding, records: csv.records, notes: [] };
}

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}
