import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { decodeText, sniffEncoding } from './decode.js';
import { linkedinKey, parseDate, phoneKey } from './model.js';
import { readSource } from './read.js';
import { bufferSource } from './source.js';
import { decodeQuotedPrintable, readRawCards } from './vcard-lines.js';
import { foldLine } from '../../platform/content-lines.js';

async function names(file: string, bytes: Buffer | string) {
  const reading = await readSource(bufferSource(file, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)));
  const out: string[] = [];
  for await (const r of reading.records) out.push('rejected' in r ? `line ${r.line}: ${r.rejected}` : [r.draft.firstName, r.draft.lastName, r.draft.displayName].filter(Boolean).join(' '));
  return { format: reading.format, encoding: reading.encoding, out };
}

async function failure(file: string, bytes: Buffer | string): Promise<AppError> {
  try {
    const reading = await readSource(bufferSource(file, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)));
    for await (const r of reading.records) void r;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe('encodings', () => {
  const row = 'Zoë,Fernández,https://www.linkedin.com/in/zoe,,Café Ltd,CTO,05 Mar 2024';
  const text = `${LINKEDIN_HEADER}\r\n${row}\r\n`;

  it('reads UTF-8, UTF-8 with BOM, UTF-16 LE and BE with BOM, UTF-16 without BOM and Windows-1252 alike', async () => {
    const utf16be = Buffer.from(text, 'utf16le').swap16();
    const files: [string, Buffer, string][] = [
      ['utf-8', Buffer.from(text), 'utf-8'],
      ['utf-8 bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
      ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), 'utf-16be'],
      ['utf-16le no bom', Buffer.from(text, 'utf16le'), 'utf-16le'],
      ['windows-1252', Buffer.from(text, 'latin1'), 'windows-1252'],
    ];
    for (const [name, bytes, encoding] of files) {
      const read = await names(name, bytes);
      expect(read, name).toEqual({ format: 'linkedin', encoding, out: ['Zoë Fernández'] });
    }
  });

  it('reads Windows-1252 bytes that Latin-1 lacks, such as the euro sign and curly quotes', () => {
    expect(decodeText(Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94]), 'f').text).toBe('€ “a”');
  });

  it('sniffs a BOM before anything else', () => {
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ encoding: 'utf-16le', bom: 2 });
    expect(sniffEncoding(Buffer.from('abc'))).toEqual({ encoding: 'utf-8', bom: 0 });
  });
});

describe('bad files', () => {
  it('refuses an empty file, a blank one and a binary one, naming the file', async () => {
    expect((await failure('empty.csv', '')).message).toBe('empty.csv: the file is empty');
    expect((await failure('blank.csv', '\n\n  \n')).message).toBe('blank.csv, line 1: the file has no content (only blank lines)');
    const binary = await failure('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
    expect(binary.message).toBe('photo.jpg, line 1: this is a binary file, not a text export (CSV or vCard)');
    expect(binary.code).toBe('IMPORT_FILE_INVALID');
    expect(binary.details).toMatchObject({ file: 'photo.jpg', line: 1 });
  });

  it('refuses a CSV without the expected columns, saying what it found', async () => {
    const error = await failure('people.csv', 'Name;Phone\nAda;123\n');
    expect(error.message).toMatch(/^people\.csv, line 1: no header row with the columns of LinkedIn \(First Name, Last Name, … Connected On\).*the file starts with: Name;Phone$/);
  });

  it('rejects a truncated CSV row at its line and keeps the rows before it', async () => {
    const read = await names('Connections.csv', `${LINKEDIN_HEADER}\nAda,Lovelace,,,,,05 Mar 2024\nGrace,"Hopper,,,,,`);
    expect(read.out).toEqual(['Ada Lovelace', 'line 3: a quoted cell is not closed before the end of the file (truncated?)']);
  });

  it('rejects a truncated vCard, which has no END:VCARD', async () => {
    const read = await names('cut.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gra');
    expect(read.out).toEqual(['Ada', 'line 5: the card has no END:VCARD: the file ends inside it (truncated?)']);
  });

  it('reads European Outlook exports separated by semicolons, with day-first dates', async () => {
    const csv = 'First Name;Last Name;E-mail Address;Birthday\r\nAda;Lovelace;ada@example.com;10/12/1815\r\n';
    const reading = await readSource(bufferSource('contacts.csv', Buffer.from(csv)));
    const records = [];
    for await (const r of reading.records) records.push(r);
    const [record] = records;
    expect(reading.format).toBe('outlook');
    expect(record && 'draft' in record && record.draft.birthday).toBe('1815-12-10');
  });

  it('takes a format given by the caller over the one detected', async () => {
    const error = await failure('contacts.csv', `${LINKEDIN_HEADER}\n`).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    const reading = await readSource(bufferSource('x.vcf', Buffer.from('FN:Ada\n')), 'vcard').catch((e: AppError) => e);
    expect(reading).toBeInstanceOf(AppError);
    expect((reading as AppError).message).toBe('x.vcf, line 1: no vCard found (no BEGIN:VCARD … END:VCARD)');
  });
});

describe('the vCard line layer', () => {
  it('unfolds lines, including a fold inside a UTF-8 character', () => {
    const bytes = Buffer.concat([Buffer.from('BEGIN:VCARD\r\nFN:Zo'), Buffer.from([0xc3]), Buffer.from('\r\n '), Buffer.from([0xab]), Buffer.from('\r\nEND:VCARD\r\n')]);
    const { cards } = readRawCards(bytes.toString('latin1'));
    expect(cards[0]!.properties.map((p) => p.value)).toEqual(['Zoë']);
  });

  it('joins quoted-printable soft line breaks and decodes the declared charset', () => {
    const data = Buffer.from('BEGIN:VCARD\nVERSION:2.1\nNOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:K=F6ln=\n is=0D=0Anice\nEND:VCARD\n', 'latin1');
    const { cards } = readRawCards(data.toString('latin1'));
    expect(cards[0]!.properties[0]).toMatchObject({ line: 3, name: 'NOTE', value: 'Köln is\r\nnice', params: {} });
  });

  it('reads Apple CR CR LF line ends, bare 2.1 parameters, groups and comments', () => {
    const { cards } = readRawCards('BEGIN:VCARD\r\r\nVERSION:2.1\r\r\n# comment\r\r\nitem1.TEL;WORK;VOICE:123\r\r\nEND:VCARD\r\r\n');
    expect(cards[0]!.version).toBe('2.1');
    expect(cards[0]!.properties).toEqual([{ line: 4, group: 'item1', name: 'TEL', params: { type: ['WORK', 'VOICE'] }, value: '123', quotedPrintable: false }]);
  });

  it('decodes quoted-printable and keeps a malformed escape as written', () => {
    expect(Buffer.from(decodeQuotedPrintable('a=3Db=ZZ=4')).toString('latin1')).toBe('a=b=ZZ=4');
  });

  it('folds output at 75 octets without splitting a character', () => {
    const folded = foldLine(`NOTE:${'é'.repeat(60)}`);
    const lines = folded.split('\r\n');
    expect(lines.map((l) => Buffer.byteLength(l))).toEqual([75, 51]);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`NOTE:${'é'.repeat(60)}`);
  });
});

describe('dates and keys', () => {
  it('reads the date shapes exports write', () => {
    expect(['05 Mar 2024', '5-Mar-24', '4/11/18, 9:35 AM', '19800322', '1980-03-22', '--0203', '--04-16', '2019-02-10T00:00:33', '1953-10-15T23:10:00Z', '12/7/1976'].map((d) => parseDate(d))).toEqual([
      '2024-03-05', '2024-03-05', '2018-04-11', '1980-03-22', '1980-03-22', '--02-03', '--04-16', '2019-02-10', '1953-10-15', '1976-12-07',
    ]);
  });

  it('refuses dates that do not exist', () => {
    expect(['2023-02-29', '31 Apr 2024', '13/13/2020', 'soon', '--13-01', '0/0/00'].map((d) => parseDate(d))).toEqual([null, null, null, null, null, null]);
    expect(parseDate('--02-29')).toBe('--02-29');
  });

  it('reduces LinkedIn URLs and phone numbers to stable keys', () => {
    expect(linkedinKey('http://linkedin.com/in/Zo%C3%AB-x/')).toBe('zoë-x');
    expect(linkedinKey('https://www.linkedin.com/in/zoë-x?trk=1')).toBe('zoë-x');
    expect(linkedinKey('https://example.com/in/zoe')).toBeNull();
    expect(phoneKey('+1 (555) 010-0100')).toBe('+15550100100');
    expect(phoneKey('555.010.0100 ext. 12')).toBe('5550100100');
    expect(phoneKey('12')).toBeNull();
  });
});
