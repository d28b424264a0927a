import { once } from 'node:events';
import { parse, type CsvError } from 'csv-parse';
import { EXPECTED_COLUMNS, mapRow, recognizeHeader, type CsvFormat, type Header } from './csv-formats.js';
import { importError, type ParsedRecord } from './model.js';

/** Lines before the header that may be a preamble (LinkedIn writes three). */
const PREAMBLE_LINES = 20;
const DELIMITERS = [',', ';', '\t'] as const;

/** Cells of a line split naively, quotes removed: enough to spot a header. */
function naiveCells(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * The delimiter under which one of the first lines reads as a known header (`,` otherwise), and
 * that line's number, so parsing can start at the header rather than in a preamble.
 */
export function sniffHeader(headText: string): { delimiter: string; line: number } {
  const lines = headText.split(/\r\n|\r|\n/).slice(0, PREAMBLE_LINES);
  for (const delimiter of DELIMITERS) {
    const index = lines.findIndex((line) => recognizeHeader(naiveCells(line, delimiter), delimiter) !== null);
    if (index !== -1) return { delimiter, line: index + 1 };
  }
  return { delimiter: ',', line: 1 };
}

interface CsvRow {
  record: string[];
  raw: string;
  info: { lines: number };
}

export interface CsvReading {
  header: Header;
  /** Data rows after the header, mapped; malformed rows come as rejections with their line. */
  records: AsyncGenerator<ParsedRecord>;
}

/**
 * Opens a CSV export as a stream of records: finds the header among the first lines (skipping a
 * preamble such as LinkedIn's notes), recognises the layout (or takes `format`), and maps each
 * following row by column name. Rows are parsed as they are read, so memory stays flat however
 * long the file is.
 */
export async function openCsv(text: AsyncIterable<string>, file: string, format?: CsvFormat): Promise<CsvReading> {
  const iterator = text[Symbol.asyncIterator]();
  const first = await iterator.next();
  const headText = first.done ? '' : first.value;
  const { delimiter, line: headerLine } = sniffHeader(headText.slice(0, 64 * 1024));
  const parser = parse({
    delimiter,
    // Starting at the header keeps the rows' column count consistent: csv-parse builds an error
    // object (with a stack) for every row whose count differs from the first, which is slow.
    from_line: headerLine,
    raw: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const skipped: ParsedRecord[] = [];
  parser.on('skip', (error: CsvError) => {
    const line = Number((error as CsvError & { lines?: number }).lines ?? 0);
    const reason = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is not closed before the end of the file (truncated?)' : error.message;
    skipped.push({ line, rejected: reason, field: 'CSV', warnings: [] });
  });
  const feeding = (async () => {
    try {
      if (!first.done) if (!parser.write(first.value)) await once(parser, 'drain');
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (!parser.write(next.value)) await once(parser, 'drain');
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<CsvRow>;
  const startLine = (row: CsvRow) => row.info.lines - (row.raw.replace(/\r?\n$|\r$/, '').match(/\r\n|\r|\n/g)?.length ?? 0);

  let header: Header | null = null;
  let firstCells: string[] | null = null;
  for (let i = 0; i < PREAMBLE_LINES && !header; i++) {
    const next = await rows.next();
    if (next.done) break;
    firstCells ??= next.value.record;
    const found = recognizeHeader(next.value.record, delimiter);
    if (found && 'error' in found) throw importError(file, found.error, { line: startLine(next.value) });
    header = found;
  }
  if (!header) {
    parser.destroy();
    await feeding;
    if (!firstCells) throw importError(file, 'the file has no rows', { line: 1 });
    const shown = firstCells.slice(0, 8).join(', ');
    throw importError(file, `no header row with the columns of ${EXPECTED_COLUMNS}; the file starts with: ${shown.slice(0, 200)}`, { line: 1 });
  }
  if (format) header = { ...header, format };
  const known = header;

  async function* records(): AsyncGenerator<ParsedRecord> {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      // The parser reports a broken row as soon as it meets it, which may be before it hands over
      // rows read earlier: keep the report in line order.
      const line = startLine(next.value);
      while (skipped.length > 0 && skipped[0]!.line < line) yield skipped.shift()!;
      yield mapRow(known, next.value.record, line);
    }
    await feeding;
    while (skipped.length > 0) yield skipped.shift()!;
  }
  return { header: known, records: records() };
}
