import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/auth/scope.js';
import { hashSecret, newSecret } from '../../platform/auth/secrets.js';
import { lockAccount } from '../../platform/database/locks.js';
import { appliedMigrations } from '../../platform/database/migrate.js';
import type { DB } from '../../platform/database/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { MIGRATIONS } from '../../migrations/index.js';
import type { ContactsService } from '../contacts/service.js';
import { refreshChildren } from '../contacts/store.js';
import { decodeValue, encodeValue, type Row } from './rows.js';
import type { InteractionsService } from '../interactions/service.js';

/*
 * The lossless JSON backup of everything a user owns, written generically from the list of
 * owner-scoped tables below (a test fails when a table with owner_id is in neither list), and its
 * restore into an empty account, of this database or another. Rows are sorted and keys ordered,
 * so backup → restore → backup gives the same file apart from `exportedAt`.
 */

/** Tables whose rows belong to a user through owner_id, in an order that satisfies foreign keys. */
export const BACKUP_TABLES = [
  'contacts',
  'contact_methods',
  'contact_dimensions',
  'contact_tags',
  'contact_photos',
  'contact_extras',
  'contact_sources',
  'interactions',
  'interaction_participants',
  'contact_events',
  'exchanges',
  'skills',
  'reflections',
  'reflection_skills',
  'weekly_reviews',
  'weekly_review_answers',
  'resources',
  'feedback_requests',
  'feedback_request_skills',
  'feedback_request_questions',
  'feedback_responses',
  'feedback_answers',
  'skill_ratings',
  'contact_merges',
  'duplicate_dismissals',
] as const satisfies readonly (keyof DB)[];

/** Owner-scoped tables deliberately left out, and why. */
export const NOT_BACKED_UP: Record<string, string> = {
  search_docs: 'derived from the rows; rebuilt on restore',
  import_sessions: 'uploads waiting an hour for their commit',
  calendar_feeds: 'a secret address, like a password: turn the feed on again after restoring to get a new one',
};

/** Account columns that identify or secure the account rather than describe the user's choices. */
const ACCOUNT_EXCLUDED = new Set(['id', 'email', 'password_hash', 'created_at', 'updated_at']);

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

function sortedRow(row: Row, drop: ReadonlySet<string>): Row {
  return Object.fromEntries(
    Object.keys(row)
      .filter((k) => !drop.has(k))
      .sort()
      .map((k) => [k, encodeValue(row[k])]),
  );
}

const OWNER = new Set(['owner_id']);
/** Columns a backup leaves out: the owner is the account restored into; derived columns are rebuilt on restore. */
const NOT_COPIED: Partial<Record<string, ReadonlySet<string>>> = { contacts: new Set(['owner_id', 'children']) };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function invalid(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('BACKUP_INVALID', `The backup cannot be restored: ${message}`, details);
}

export interface Backup {
  format: string;
  version: number;
  exportedAt: string;
  schema: string;
  account: Row;
  tables: Record<string, Row[]>;
}

export function createBackupService(deps: Deps, contacts: ContactsService, interactions: InteractionsService) {
  const db = deps.db.kysely;
  const anyDb = db as unknown as Kysely<Record<string, Row>>;

  async function tableRows(tx: Kysely<Record<string, Row>>, table: string, ownerId: string): Promise<Row[]> {
    const rows = await tx.selectFrom(table).selectAll().where('owner_id', '=', ownerId).execute();
    return rows.map((r) => sortedRow(r, NOT_COPIED[table] ?? OWNER)).sort((a, b) => {
      const x = JSON.stringify(a);
      const y = JSON.stringify(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  return {
    /** The backup as text chunks, one table at a time, one row per line. */
    async *backup(scope: Scope): AsyncGenerator<string> {
      const user = await anyDb.selectFrom('users').selectAll().where('id', '=', scope.userId).executeTakeFirstOrThrow();
      const schema = (await appliedMigrations(deps.db)).at(-1) ?? '';
      const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: deps.clock().toISOString(), schema, account: sortedRow(user, ACCOUNT_EXCLUDED) };
      yield `${JSON.stringify(head).slice(0, -1)},\n"tables": {`;
      let first = true;
      for (const table of BACKUP_TABLES) {
        const rows = await tableRows(anyDb, table, scope.userId);
        yield `${first ? '' : ','}\n${JSON.stringify(table)}: [${rows.map((r) => `\n${JSON.stringify(r)}`).join(',')}${rows.length > 0 ? '\n' : ''}]`;
        first = false;
      }
      yield '\n}}\n';
    },

    /**
     * Restores a backup into the signed-in account, which must hold no data. Ids are kept where
     * free; ids already used in this database (a backup restored next to its original account)
     * get new ones, changed consistently wherever they appear.
     */
    async restore(scope: Scope, input: unknown): Promise<{ restored: Record<string, number>; renumbered: number; revokedLinks: number }> {
      const backup = input as Partial<Backup>;
      if (!backup || typeof backup !== 'object' || backup.format !== BACKUP_FORMAT) throw invalid(`it is not a Rapport backup (format is not "${BACKUP_FORMAT}")`, { field: 'format' });
      if (backup.version !== BACKUP_VERSION) throw invalid(`version ${String(backup.version)} is not ${BACKUP_VERSION}, the one this Rapport reads`, { field: 'version' });
      if (typeof backup.schema !== 'string' || (backup.schema !== '' && !(backup.schema in MIGRATIONS))) {
        throw invalid(`it was written by a newer Rapport (schema ${String(backup.schema)}); upgrade first`, { field: 'schema' });
      }
      const tables = backup.tables;
      if (!tables || typeof tables !== 'object') throw invalid('it has no tables', { field: 'tables' });
      const known = new Set<string>(BACKUP_TABLES);
      for (const [name, rows] of Object.entries(tables)) {
        if (!known.has(name)) throw invalid(`it has a table "${name}" this Rapport does not know`, { field: `tables.${name}` });
        if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) throw invalid(`tables.${name} is not a list of rows`, { field: `tables.${name}` });
      }
      return db.transaction().execute(async (trx) => {
        const tx = trx as unknown as Kysely<Record<string, Row>>;
        await lockAccount(trx, deps.db.dialect, scope.userId);
        const existing: Record<string, number> = {};
        for (const table of BACKUP_TABLES) {
          const { n } = await tx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', scope.userId).executeTakeFirstOrThrow();
          if (Number(n) > 0) existing[table] = Number(n);
        }
        if (Object.keys(existing).length > 0) {
          const what = Object.entries(existing).map(([t, n]) => `${n} ${t}`).join(', ');
          throw new AppError('RESTORE_TARGET_NOT_EMPTY', `This account already has data (${what}); restore into a new, empty account.`, { tables: existing });
        }
        // Ids taken by rows of any account here get new ones.
        const renumber = new Map<string, string>();
        for (const table of BACKUP_TABLES) {
          const ids = (tables[table] ?? []).map((r) => r.id).filter((id): id is string => typeof id === 'string');
          for (let i = 0; i < ids.length; i += 500) {
            const taken = await tx.selectFrom(table).select('id').where('id', 'in', ids.slice(i, i + 500)).execute();
            for (const row of taken) renumber.set(String(row.id).toLowerCase(), deps.newId());
          }
        }
        const remap = (value: unknown): unknown => (typeof value === 'string' && renumber.size > 0 ? value.replace(UUID, (id) => renumber.get(id.toLowerCase()) ?? id) : value);
        const restored: Record<string, number> = {};
        let revokedLinks = 0;
        for (const table of BACKUP_TABLES) {
          const rows = (tables[table] ?? []).map((r) => ({
            ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, remap(decodeValue(v))])),
            owner_id: scope.userId,
          }));
          if (table === 'feedback_requests') revokedLinks = await unlinkTakenShareLinks(tx, rows, deps.clock().toISOString());
          const columns = rows[0] ? Object.keys(rows[0]).length : 1;
          const size = Math.max(1, Math.floor(3000 / columns));
          try {
            for (let i = 0; i < rows.length; i += size) await tx.insertInto(table).values(rows.slice(i, i + size)).execute();
          } catch (error) {
            throw invalid(`the rows of ${table} do not fit this database (${error instanceof Error ? error.message : String(error)})`, { field: `tables.${table}` });
          }
          restored[table] = rows.length;
        }
        const account = Object.fromEntries(Object.entries(backup.account ?? {}).filter(([k]) => !ACCOUNT_EXCLUDED.has(k)));
        if (Object.keys(account).length > 0) {
          try {
            await tx.updateTable('users').set(account).where('id', '=', scope.userId).execute();
          } catch (error) {
            throw invalid(`the account settings do not fit this database (${error instanceof Error ? error.message : String(error)})`, { field: 'account' });
          }
        }
        await refreshChildren(trx, scope.userId, (tables.contacts ?? []).map((r) => String(remap(r.id))));
        const contactIds = (tables.contacts ?? []).filter((r) => r.deleted_at === null).map((r) => String(remap(r.id)));
        const interactionIds = (tables.interactions ?? []).filter((r) => r.deleted_at === null).map((r) => String(remap(r.id)));
        for (let i = 0; i < contactIds.length; i += 500) await contacts.reindex(trx, contactIds.slice(i, i + 500));
        for (let i = 0; i < interactionIds.length; i += 500) await interactions.reindex(trx, interactionIds.slice(i, i + 500));
        return { restored, renumbered: renumber.size, revokedLinks };
      });
    },
  };
}

/**
 * A share link belongs to one request. Restored next to the account it came from, a request whose
 * link the original still answers gets a new secret nobody holds, and is revoked: the copy keeps
 * its responses, the person asked keeps answering the original.
 */
async function unlinkTakenShareLinks(tx: Kysely<Record<string, Row>>, rows: Row[], now: string): Promise<number> {
  const hashes = rows.map((r) => r.token_hash).filter((h): h is string => typeof h === 'string');
  const taken = new Set<unknown>();
  for (let i = 0; i < hashes.length; i += 500) {
    for (const row of await tx.selectFrom('feedback_requests').select('token_hash').where('token_hash', 'in', hashes.slice(i, i + 500)).execute()) taken.add(row.token_hash);
  }
  for (const row of rows) {
    if (!taken.has(row.token_hash)) continue;
    row.token_hash = hashSecret(newSecret('rpf'));
    row.revoked_at ??= now;
  }
  return taken.size;
}

/** Every table of the database that has an owner_id column (for the completeness test). */
export async function ownerScopedTables(db: Kysely<DB>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.filter((t) => t.columns.some((c) => c.name === 'owner_id')).map((t) => t.name).sort();
}

