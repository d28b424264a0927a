import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { toCandidate } from './match.js';
import { readSource } from './read.js';
import { bufferSource } from './source.js';

/*
 * The parsers meet whatever people upload. Fed random bytes and mutated real exports, they must
 * either read records or fail with an AppError that names a line, and never throw anything else.
 */

const FIXTURES = path.join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures');
const SAMPLES = [
  ['csv', 'linkedin__Connections_current_layout.csv'],
  ['csv', 'google__contacts_current_format.csv'],
  ['csv', 'outlook__outlook_com_export.csv'],
  ['csv', 'thunderbird__export.csv'],
  ['vcard', 'aosp__v21_complicated.vcf'],
  ['vcard', 'ezvcard__John_Doe_ANDROID.vcf'],
  ['vcard', 'ezvcard__gmail-single2.vcf'],
  ['vcard', 'icaljs__vcard3.vcf'],
  ['vcard', 'aosp__v21_japanese_2.vcf'],
].map(([dir, file]) => fs.readFileSync(path.join(FIXTURES, dir!, file!)));

/** Reads a whole file the way an import does; returns what happened. */
async function readAll(bytes: Uint8Array): Promise<'read' | 'refused'> {
  try {
    const reading = await readSource(bufferSource('fuzz', Buffer.from(bytes)));
    for await (const record of reading.records) {
      expect(record.line).toBeGreaterThanOrEqual(1);
      if ('draft' in record) toCandidate(record.draft, record.line);
    }
    return 'read';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('IMPORT_FILE_INVALID');
    expect(error.message.startsWith('fuzz')).toBe(true);
    return 'refused';
  }
}

/** A real export with bytes flipped, deleted, inserted or the file cut short. */
const mutated = fc
  .record({
    sample: fc.constantFrom(...SAMPLES),
    edits: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('flip', 'delete', 'insert', 'cut'), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
  })
  .map(({ sample, edits }) => {
    let bytes = [...sample];
    for (const edit of edits) {
      const at = edit.at % Math.max(1, bytes.length);
      if (edit.kind === 'flip') bytes[at] = edit.byte;
      else if (edit.kind === 'delete') bytes.splice(at, 1 + (edit.byte % 40));
      else if (edit.kind === 'insert') bytes.splice(at, 0, edit.byte, ...'\r\n;:,"='.split('').map((c) => c.charCodeAt(0)).slice(0, edit.byte % 8));
      else bytes = bytes.slice(0, at);
    }
    return Uint8Array.from(bytes);
  });

const textish = fc.array(fc.constantFrom('BEGIN:VCARD', 'END:VCARD', 'VERSION:2.1', 'FN:', 'N:;;', 'TEL;WORK:', 'EMAIL;PREF:', '=', '=0D=0A', ';ENCODING=QUOTED-PRINTABLE', 'CHARSET=SHIFT_JIS', 'PHOTO;ENCODING=b:', '\r\n', '\n', ' ', '"', ',', 'First Name,Last Name,Connected On', 'é', '\u0000', 'x'), { maxLength: 60 }).map((parts) => Buffer.from(parts.join('')));

describe('parsers under random input', () => {
  it('never throw anything but an AppError on random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => void (await readAll(bytes))), { numRuns: 300 });
  });

  it('never throw anything but an AppError on mutated real exports', async () => {
    await fc.assert(fc.asyncProperty(mutated, async (bytes) => void (await readAll(bytes))), { numRuns: 300 });
  });

  it('never throw anything but an AppError on fragments of vCard and CSV syntax', async () => {
    await fc.assert(fc.asyncProperty(textish, async (bytes) => void (await readAll(bytes))), { numRuns: 500 });
  });
});
