import fs from 'node:fs';
import { once } from 'node:events';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { AppError } from '../../platform/errors.js';
import { FORMAT_NAMES, IMPORT_FORMATS, type ImportReport } from './model.js';
import { parseFormat } from './service.js';
import { fileSource, type ImportSource } from './source.js';

/** A progress bar on standard error, only when it is a terminal and output is for people. */
function progressBar(ctx: CliContext, label: string, total: number) {
  if (!process.stderr.isTTY || ctx.json() || total <= 0) return null;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

/** The source with each read pass reported as bytes read so far. */
function counting(source: ImportSource, onBytes: (bytes: number) => void): ImportSource {
  return {
    name: source.name,
    size: source.size,
    async *chunks() {
      let read = 0;
      for await (const chunk of source.chunks()) {
        read += chunk.length;
        onBytes(read);
        yield chunk;
      }
    },
  };
}

export function summarize(report: ImportReport): string {
  const c = report.counts;
  const what = report.committed ? 'Imported' : 'Dry run (nothing was changed)';
  const lines = [
    `${what}: ${report.file} as ${FORMAT_NAMES[report.format]} (${report.encoding}), ${c.rows} rows`,
    `  ${c.new} new${c.possibleDuplicates ? ` (${c.possibleDuplicates} possible duplicates)` : ''}, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected` +
      `${c.conflicts ? `, ${c.conflicts} conflicts kept as you had them` : ''}${c.warnings ? `, ${c.warnings} warnings` : ''}`,
  ];
  for (const r of report.rejected) lines.push(`  line ${r.line}: rejected${r.field ? ` (${r.field})` : ''}: ${r.reason}`);
  for (const item of [...report.new, ...report.possibleDuplicates, ...report.updated, ...report.unchanged]) {
    for (const w of item.warnings) lines.push(`  line ${w.line}: ${w.field}: ${w.message}`);
    for (const conflict of item.conflicts) lines.push(`  line ${item.line}: ${item.name}: ${conflict.field} kept as "${conflict.current}" (file says "${conflict.incoming}")`);
  }
  for (const p of report.possibleDuplicates) lines.push(`  line ${p.line}: ${p.name} may be the same person as ${p.duplicateOf.map((d) => d.name).join(', ')}`);
  if (report.counts.rejected > report.rejected.length) lines.push(`  … and ${report.counts.rejected - report.rejected.length} more rejected rows`);
  return lines.join('\n');
}

/** Writes text chunks to a file, or to standard output for `-`. */
async function writeOut(chunks: AsyncIterable<string>, output: string, onChunk?: (chunk: string) => void): Promise<void> {
  const stream = output === '-' ? process.stdout : fs.createWriteStream(output);
  for await (const chunk of chunks) {
    onChunk?.(chunk);
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  if (stream !== process.stdout) {
    stream.end();
    await once(stream, 'finish');
  }
}

export function exchangeCommands(program: Command, ctx: CliContext) {
  program
    .command('import <file>')
    .description(`import contacts from a file: ${IMPORT_FORMATS.map((f) => FORMAT_NAMES[f]).join(', ')}`)
    .option('--format <format>', `auto (from the content), ${IMPORT_FORMATS.join(', ')}`, 'auto')
    .option('--dry-run', 'show what would change without changing anything')
    .action(async (file: string, o: { format: string; dryRun?: boolean }) => {
      if (!fs.existsSync(file)) throw new AppError('IMPORT_FILE_INVALID', `${file}: no such file`, { file, reason: 'no such file' });
      const format = parseFormat(o.format);
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const source = fileSource(file);
      const bar = progressBar(ctx, 'Importing', source.size);
      try {
        const report = await services.exchange.importSource(
          scope,
          counting(source, (bytes) => bar?.update(bytes)),
          { format, dryRun: Boolean(o.dryRun) },
        );
        bar?.stop();
        ctx.out(ctx.json() ? JSON.stringify(report) : summarize(report));
      } finally {
        bar?.stop();
      }
    });

  program
    .command('export <format>')
    .description('export contacts: vcard (vCard 4.0), csv (Google Contacts layout), json (the full backup)')
    .option('-o, --output <file>', 'file to write (- for standard output)', '-')
    .option('--id <id>', 'only this contact (repeatable; vcard and csv)', (v: string, p: string[] = []) => [...p, v])
    .action(async (format: string, o: { output: string; id?: string[] }) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const exchange = services.exchange;
      const chunks =
        format === 'vcard' ? exchange.exportVcard(scope, { ids: o.id }) : format === 'csv' ? exchange.exportCsv(scope, { ids: o.id }) : format === 'json' ? exchange.backup(scope) : null;
      if (!chunks) throw new AppError('VALIDATION_FAILED', `format: must be vcard, csv or json, not "${format}"`, { fields: [{ path: 'format', message: 'must be vcard, csv or json' }] });
      const cards = { n: 0 };
      await writeOut(chunks, o.output, (chunk) => {
        cards.n += format === 'vcard' ? chunk.split('BEGIN:VCARD').length - 1 : 0;
      });
      if (o.output !== '-') ctx.err(format === 'vcard' ? `Wrote ${cards.n} contacts to ${o.output}.` : `Wrote ${o.output}.`);
    });

  program
    .command('backup [file]')
    .description('write a JSON backup of everything your account holds (standard output without a file)')
    .option('--database <file>', 'instead, copy the whole SQLite database to this file, safely while the server runs')
    .action(async (file: string | undefined, o: { database?: string }) => {
      const { services, db } = await ctx.open();
      if (o.database) {
        if (!db.sqlite) throw new AppError('VALIDATION_FAILED', '--database copies SQLite databases; for PostgreSQL use pg_dump.', { fields: [{ path: 'database', message: 'needs SQLite' }] });
        if (fs.existsSync(o.database)) throw new AppError('VALIDATION_FAILED', `--database ${o.database}: the file exists already; choose a new one.`, { fields: [{ path: 'database', message: 'exists' }] });
        let bar: ReturnType<typeof progressBar> = null;
        // SQLite's online backup copies pages in steps while other connections keep writing.
        await db.sqlite.backup(o.database, {
          progress: ({ totalPages, remainingPages }) => {
            bar ??= progressBar(ctx, 'Copying', totalPages);
            bar?.update(totalPages - remainingPages);
            return 200;
          },
        });
        (bar as ReturnType<typeof progressBar>)?.stop();
        ctx.out(ctx.json() ? JSON.stringify({ database: o.database }) : `Copied the database to ${o.database}.`);
        return;
      }
      const scope = await ctx.scope();
      await writeOut(services.exchange.backup(scope), file ?? '-');
      if (file) ctx.err(`Wrote the backup to ${file}.`);
    });

  program
    .command('restore <file>')
    .description('restore a JSON backup into your account, which must be empty (create it with `rapport user add`)')
    .action(async (file: string) => {
      if (!fs.existsSync(file)) throw new AppError('BACKUP_INVALID', `${file}: no such file`, { file });
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new AppError('BACKUP_INVALID', `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { file });
      }
      const result = await services.exchange.restore(scope, parsed);
      if (ctx.json()) return ctx.out(JSON.stringify(result));
      const counts = Object.entries(result.restored).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${t}`).join(', ');
      ctx.out(`Restored ${counts || 'an empty backup'}${result.renumbered ? ` (${result.renumbered} ids renumbered, as they are used in this database)` : ''}.`);
    });
}
