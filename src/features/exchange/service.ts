import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/database/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { ContactsService } from '../contacts/service.js';
import type { InteractionsService } from '../interactions/service.js';
import { createBackupService } from './backup.js';
import { createExportService } from './export.js';
import { runImport } from './importer.js';
import { createMergeService } from './merge.js';
import { FORMAT_NAMES, IMPORT_FORMATS, importReportSchema, type ImportFormat, type ImportReport } from './model.js';
import { readSource } from './read.js';
import { bufferSource, type ImportSource } from './source.js';

/** How long an uploaded file waits for its commit. */
export const SESSION_MINUTES = 60;

export interface ImportSession {
  id: string;
  fileName: string;
  createdAt: string;
  expiresAt: string;
  committedAt: string | null;
  report: ImportReport;
}

class Rollback extends Error {}

function sessionNotFound(id: string): AppError {
  return new AppError('IMPORT_NOT_FOUND', `No import ${id} is waiting: it was never uploaded by you, or it expired after ${SESSION_MINUTES} minutes. Upload the file again.`, { id });
}

export function parseFormat(value: string | undefined): ImportFormat | undefined {
  if (value === undefined || value === '' || value === 'auto') return undefined;
  if ((IMPORT_FORMATS as readonly string[]).includes(value)) return value as ImportFormat;
  throw new AppError('VALIDATION_FAILED', `format: must be one of auto, ${IMPORT_FORMATS.join(', ')}`, {
    fields: [{ path: 'format', message: `must be one of auto, ${IMPORT_FORMATS.join(', ')}` }],
  });
}

export function createExchangeService(deps: Deps, contacts: ContactsService, interactions: InteractionsService) {
  const db = deps.db.kysely;
  const now = () => deps.clock().toISOString();

  /** Reads and imports a file in a transaction; a dry run rolls it back and only reports. */
  async function importSource(
    scope: Scope,
    source: ImportSource,
    options: { format?: ImportFormat; dryRun: boolean; onProgress?: (rows: number, of: number) => void; inTransaction?: (tx: Kysely<DB>) => Promise<void> },
  ): Promise<ImportReport> {
    const reading = await readSource(source, options.format);
    let report: ImportReport | null = null;
    const run = (tx: Kysely<DB>) =>
      runImport(tx, deps, contacts, scope, reading, {
        source: reading.format,
        file: source.name,
        onProgress: options.onProgress && ((rows) => options.onProgress!(rows, source.size)),
      });
    try {
      await db.transaction().execute(async (tx) => {
        report = await run(tx);
        if (options.dryRun) throw new Rollback();
        await options.inTransaction?.(tx);
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return { ...report!, committed: !options.dryRun };
  }

  async function loadSession(scope: Scope, id: string) {
    const row = await db.selectFrom('import_sessions').selectAll().where('owner_id', '=', scope.userId).where('id', '=', id).executeTakeFirst();
    if (!row || (row.expires_at < now() && !row.committed_at)) throw sessionNotFound(id);
    return row;
  }

  function toSession(row: { id: string; file_name: string; created_at: string; expires_at: string; committed_at: string | null; report: string }): ImportSession {
    return {
      id: row.id,
      fileName: row.file_name,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      committedAt: row.committed_at,
      report: importReportSchema.parse(JSON.parse(row.report)),
    };
  }

  return {
    importSource,

    /**
     * Stores an uploaded file and previews its import. The file, not the preview, is kept: a
     * commit re-reads it against the contacts as they are then, so edits made in between are
     * never overwritten by a stale plan.
     */
    async upload(scope: Scope, input: { fileName: string; format?: string; content: Buffer }): Promise<ImportSession> {
      const format = parseFormat(input.format);
      const fileName = input.fileName.trim().slice(0, 200) || 'upload';
      const report = await importSource(scope, bufferSource(fileName, input.content), { format, dryRun: true });
      const createdAt = now();
      const row = {
        id: deps.newId(),
        owner_id: scope.userId,
        file_name: fileName,
        format: format ?? null,
        content: input.content,
        report: JSON.stringify(report),
        created_at: createdAt,
        expires_at: new Date(deps.clock().getTime() + SESSION_MINUTES * 60_000).toISOString(),
        committed_at: null,
      };
      await db.transaction().execute(async (tx) => {
        // Expired uploads of anyone go here, so files never pile up in the database.
        await tx.deleteFrom('import_sessions').where('expires_at', '<', createdAt).where('committed_at', 'is', null).execute();
        await tx.insertInto('import_sessions').values(row).execute();
      });
      return toSession(row);
    },

    async getSession(scope: Scope, id: string): Promise<ImportSession> {
      return toSession(await loadSession(scope, id));
    },

    async commitSession(scope: Scope, id: string): Promise<ImportSession> {
      const row = await loadSession(scope, id);
      if (row.committed_at || !row.content) {
        throw new AppError('IMPORT_ALREADY_COMMITTED', `The import of ${row.file_name} was already committed at ${row.committed_at}.`, { id });
      }
      const committedAt = now();
      const report = await importSource(scope, bufferSource(row.file_name, Buffer.from(row.content)), {
        format: parseFormat(row.format ?? undefined),
        dryRun: false,
        // Claimed in the import's own transaction: of two commits at once, one imports, one fails.
        inTransaction: async (tx) => {
          const claimed = await tx
            .updateTable('import_sessions')
            .set({ committed_at: committedAt, content: null })
            .where('owner_id', '=', scope.userId)
            .where('id', '=', id)
            .where('committed_at', 'is', null)
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) === 0) throw new AppError('IMPORT_ALREADY_COMMITTED', `The import of ${row.file_name} was already committed.`, { id });
        },
      });
      await db.updateTable('import_sessions').set({ report: JSON.stringify(report) }).where('owner_id', '=', scope.userId).where('id', '=', id).execute();
      return toSession({ ...row, committed_at: committedAt, report: JSON.stringify(report) });
    },

    async discardSession(scope: Scope, id: string): Promise<void> {
      await loadSession(scope, id);
      await db.deleteFrom('import_sessions').where('owner_id', '=', scope.userId).where('id', '=', id).execute();
    },

    formats: () => IMPORT_FORMATS.map((id) => ({ id, name: FORMAT_NAMES[id] })),
    ...createExportService(deps),
    ...createBackupService(deps, contacts, interactions),
    ...createMergeService(deps, contacts),
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
