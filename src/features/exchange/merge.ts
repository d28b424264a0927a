import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/database/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { parseInput, validationError } from '../../platform/validation.js';
import { sortNameOf, type Contact } from '../contacts/model.js';
import type { ContactsService } from '../contacts/service.js';
import { refreshChildren } from '../contacts/store.js';
import { findDuplicates } from './duplicates.js';
import { SCALARS, type Scalar } from './match.js';
import { decodeRow, encodeRow, type Row } from './rows.js';
import * as store from './store.js';

/*
 * Duplicates and merging. A merge keeps one contact and folds the other into it: every
 * interaction, tag, milestone, email, phone, link and kept vCard property moves over; for each
 * field the kept contact's value wins unless it is blank or the caller picks the other, and values
 * that lose are written into the notes so nothing is lost. The merge record keeps the rows as they
 * were, so undo splits the two again exactly.
 */

/**
 * Every table that points at a contact, and what makes a row a repeat of one the kept contact
 * already has (such rows are dropped and kept in the merge record, not moved). A test fails when a
 * table with a contact_id column is missing here.
 */
export const CONTACT_TABLES: Record<string, { same: (a: Row, b: Row) => boolean; ordered?: boolean }> = {
  contact_methods: { same: (a, b) => a.kind === b.kind && String(a.value).toLowerCase() === String(b.value).toLowerCase(), ordered: true },
  contact_tags: { same: (a, b) => a.tag === b.tag },
  contact_dimensions: { same: (a, b) => a.dimension === b.dimension },
  contact_photos: { same: () => true },
  contact_extras: { same: () => false, ordered: true },
  contact_sources: { same: (a, b) => a.source === b.source },
  interaction_participants: { same: (a, b) => a.interaction_id === b.interaction_id },
  // Their milestones and the ledger of offers and asks: each one is kept, none is a duplicate.
  contact_events: { same: () => false },
  exchanges: { same: () => false },
};

/** Columns other than contact_id that identify a row, for tables without an id. */
function keyOf(row: Row): Row {
  if ('id' in row) return { id: row.id };
  const key: Row = {};
  for (const column of ['tag', 'dimension', 'source', 'interaction_id']) if (column in row) key[column] = row[column];
  return key;
}

export const mergeInput = z.strictObject({
  keepId: z.string().min(1).max(100).describe('The contact that stays'),
  mergeId: z.string().min(1).max(100).describe('The contact folded into it and then removed'),
  prefer: z
    .partialRecord(z.enum(SCALARS), z.enum(['keep', 'merge']))
    .optional()
    .describe('Per field, whose value to keep when both have one (default: the kept contact)'),
});
export type MergeInput = z.input<typeof mergeInput>;

export const pairInput = z.strictObject({
  a: z.string().min(1).max(100).describe('One contact of the pair'),
  b: z.string().min(1).max(100).describe('The other contact'),
});
export type PairInput = z.input<typeof pairInput>;

interface UndoRecord {
  kept: Row;
  merged: Row;
  moved: { table: string; original: Row }[];
  dropped: { table: string; row: Row }[];
  /** The kept contact's row right after the merge: undo refuses when it has been edited since. */
  keptAfter: Row;
  /** The merged contact's "not the same person" marks (absent from merges made before they were kept). */
  dismissals?: { row: Row; moved: boolean }[];
}

/** Columns that follow from interactions, settings and child rows, not from edits. */
const DERIVED = new Set(['last_interaction_at', 'due_at', 'priority_at', 'strength_log', 'children']);

function editedSince(before: Row, now: Row): boolean {
  return Object.keys(now).some((k) => !DERIVED.has(k) && JSON.stringify(now[k]) !== JSON.stringify(before[k]));
}

const FIELD_LABELS: Record<Scalar, string> = {
  displayName: 'name', firstName: 'first name', middleName: 'middle name', lastName: 'last name', nickname: 'nickname', prefix: 'prefix', suffix: 'suffix',
  company: 'company', title: 'title', location: 'location', birthday: 'birthday', metHow: 'how you met', metOn: 'met on', circle: 'circle',
  cadenceDays: 'cadence (days)', notes: 'notes',
};

const COLUMNS: Record<Exclude<Scalar, 'birthday' | 'displayName'>, string> = {
  firstName: 'first_name', middleName: 'middle_name', lastName: 'last_name', nickname: 'nickname', prefix: 'prefix', suffix: 'suffix', company: 'company',
  title: 'title', location: 'location', metHow: 'met_how', metOn: 'met_on', circle: 'circle', cadenceDays: 'cadence_days', notes: 'notes',
};

export const mergeSchema = z.object({
  id: z.string(),
  keptId: z.string(),
  mergedId: z.string(),
  mergedName: z.string(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type MergeRecord = z.infer<typeof mergeSchema>;

function toRecord(row: Selectable): MergeRecord {
  return { id: row.id, keptId: row.kept_id, mergedId: row.merged_id, mergedName: row.merged_name, createdAt: row.created_at, undoneAt: row.undone_at };
}
type Selectable = { id: string; kept_id: string; merged_id: string; merged_name: string; created_at: string; undone_at: string | null };

export function createMergeService(deps: Deps, contacts: ContactsService) {
  const db = deps.db.kysely;
  const now = () => deps.clock().toISOString();
  type AnyDb = Kysely<Record<string, Row>>;

  async function live(tx: Kysely<DB>, scope: Scope, id: string, path: string): Promise<Contact> {
    const [found] = await contacts.findMany(tx, scope, [id]);
    if (!found || found.deletedAt) throw new AppError('CONTACT_NOT_FOUND', `No contact with id ${id}.`, { fields: [{ path, message: `no contact with id ${id}` }] });
    return found;
  }

  return {
    /** Pairs of contacts that are likely the same person, strongest evidence first. */
    async duplicates(scope: Scope, options: { limit?: number } = {}) {
      const all: Contact[] = [];
      let cursor: string | undefined;
      do {
        const page = await contacts.list(scope, { limit: 500, cursor });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const byId = new Map(all.map((c) => [c.id, c]));
      const dismissed = await store.dismissedPairs(db, scope.userId);
      const pairs = findDuplicates(
        all.map((c) => ({ id: c.id, displayName: c.displayName, company: c.company, emails: c.emails.map((e) => e.value), phones: c.phones.map((p) => p.value), urls: c.urls.map((u) => u.value) })),
      ).filter((p) => !dismissed.has(`${p.a} ${p.b}`));
      return pairs.slice(0, options.limit ?? 200).map((p) => ({ a: byId.get(p.a)!, b: byId.get(p.b)!, reasons: p.reasons }));
    },

    /** Marks two contacts as different people: the pair leaves the duplicates view, whatever they share. */
    async dismissDuplicate(scope: Scope, input: PairInput): Promise<void> {
      const { a, b } = parseInput(pairInput, input);
      if (a === b) throw validationError([{ path: 'b', message: 'is the same contact as a' }]);
      await db.transaction().execute(async (tx) => {
        await live(tx, scope, a, 'a');
        await live(tx, scope, b, 'b');
        await store.addDismissal(tx, scope.userId, a, b, now());
      });
    },

    /** Takes a dismissal back: the pair shows in the duplicates view again if it still looks alike. */
    async undoDismissal(scope: Scope, input: PairInput): Promise<void> {
      const { a, b } = parseInput(pairInput, input);
      if (!(await store.removeDismissal(db, scope.userId, a, b))) throw new AppError('DISMISSAL_NOT_FOUND', `${a} and ${b} were not marked as different people.`, { a, b });
    },

    async merge(scope: Scope, input: MergeInput): Promise<{ merge: MergeRecord; contact: Contact }> {
      const data = parseInput(mergeInput, input);
      if (data.keepId === data.mergeId) throw validationError([{ path: 'mergeId', message: 'is the same contact as keepId' }]);
      return db.transaction().execute(async (trx) => {
        const tx = trx as unknown as AnyDb;
        const kept = await live(trx, scope, data.keepId, 'keepId');
        const merged = await live(trx, scope, data.mergeId, 'mergeId');
        const keptRow = await tx.selectFrom('contacts').selectAll().where('owner_id', '=', scope.userId).where('id', '=', kept.id).executeTakeFirstOrThrow();
        const mergedRow = await tx.selectFrom('contacts').selectAll().where('owner_id', '=', scope.userId).where('id', '=', merged.id).executeTakeFirstOrThrow();
        const undo: UndoRecord = { kept: encodeRow(keptRow), merged: encodeRow(mergedRow), moved: [], dropped: [], keptAfter: {} };

        for (const [table, rule] of Object.entries(CONTACT_TABLES)) {
          const mine = await tx.selectFrom(table).selectAll().where('owner_id', '=', scope.userId).where('contact_id', '=', kept.id).execute();
          const theirs = await tx.selectFrom(table).selectAll().where('owner_id', '=', scope.userId).where('contact_id', '=', merged.id).execute();
          let position = rule.ordered ? Math.max(-1, ...mine.map((r) => Number(r.position))) + 1 : 0;
          for (const row of theirs) {
            const where = (q: any, contactId: string) => Object.entries(keyOf(row)).reduce((acc, [k, v]) => acc.where(k, '=', v), q.where('owner_id', '=', scope.userId).where('contact_id', '=', contactId));
            if (mine.some((m) => rule.same(m, row))) {
              undo.dropped.push({ table, row: encodeRow(row) });
              await where(tx.deleteFrom(table), merged.id).execute();
            } else {
              undo.moved.push({ table, original: encodeRow(row) });
              await where(tx.updateTable(table).set({ contact_id: kept.id, ...(rule.ordered ? { position: position++ } : {}) }), merged.id).execute();
            }
          }
        }

        undo.dismissals = (await store.moveDismissals(trx, scope.userId, merged.id, kept.id)).map((d) => ({ row: encodeRow(d.row), moved: d.moved }));

        // Fields: the kept contact's value unless blank or the other is preferred; losers go to notes.
        const patch: Row = {};
        const lost: string[] = [];
        const value = (c: Contact, f: Scalar) => (c as unknown as Record<string, string | number | null>)[f] ?? null;
        for (const field of SCALARS) {
          if (field === 'notes') continue;
          const mine = value(kept, field);
          const theirs = value(merged, field);
          if (theirs === null || theirs === mine) continue;
          const takeTheirs = mine === null || data.prefer?.[field] === 'merge';
          if (takeTheirs) {
            if (field === 'birthday') {
              const [y, m, d] = String(theirs).startsWith('--') ? [null, ...String(theirs).slice(2).split('-').map(Number)] : String(theirs).split('-').map(Number);
              Object.assign(patch, { birth_year: y ?? null, birth_month: m, birth_day: d });
            } else if (field === 'displayName') {
              patch.display_name = theirs;
            } else {
              patch[COLUMNS[field]] = theirs;
            }
          }
          const loser = takeTheirs ? mine : theirs;
          if (loser !== null) lost.push(`${FIELD_LABELS[field]}: ${loser}`);
        }
        const notes = [kept.notes, merged.notes && merged.notes !== kept.notes ? merged.notes : null, lost.length > 0 ? `Merged from ${merged.displayName}: ${lost.join('; ')}` : null]
          .filter(Boolean)
          .join('\n\n');
        if ((notes || null) !== kept.notes) patch.notes = notes || null;
        if (patch.display_name) patch.sort_name = sortNameOf(String(patch.display_name));
        const at = now();
        await tx.updateTable('contacts').set({ ...patch, updated_at: at }).where('owner_id', '=', scope.userId).where('id', '=', kept.id).execute();
        await tx.deleteFrom('contacts').where('owner_id', '=', scope.userId).where('id', '=', merged.id).execute();
        await refreshChildren(trx, scope.userId, [kept.id]);
        await contacts.refreshSchedule(trx, scope, [kept.id]);
        await contacts.reindex(trx, [kept.id, merged.id]);
        undo.keptAfter = encodeRow(await tx.selectFrom('contacts').selectAll().where('owner_id', '=', scope.userId).where('id', '=', kept.id).executeTakeFirstOrThrow());
        const record = { id: deps.newId(), owner_id: scope.userId, kept_id: kept.id, merged_id: merged.id, merged_name: merged.displayName, undo: JSON.stringify(undo), created_at: at, undone_at: null };
        await trx.insertInto('contact_merges').values(record).execute();
        const [after] = await contacts.findMany(trx, scope, [kept.id]);
        return { merge: toRecord(record), contact: after! };
      });
    },

    async listMerges(scope: Scope): Promise<MergeRecord[]> {
      const rows = await db.selectFrom('contact_merges').selectAll().where('owner_id', '=', scope.userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(100).execute();
      return rows.map(toRecord);
    },

    /** Splits a merge again: both contacts as they were, with what they had; later interactions stay with the kept one. */
    async undoMerge(scope: Scope, mergeId: string): Promise<{ kept: Contact; restored: Contact }> {
      return db.transaction().execute(async (trx) => {
        const tx = trx as unknown as AnyDb;
        const record = await trx.selectFrom('contact_merges').selectAll().where('owner_id', '=', scope.userId).where('id', '=', mergeId).executeTakeFirst();
        if (!record) throw new AppError('MERGE_NOT_FOUND', `No merge with id ${mergeId}.`, { id: mergeId });
        if (record.undone_at) throw new AppError('MERGE_UNDO_CONFLICT', `This merge was already undone at ${record.undone_at}.`, { id: mergeId });
        const undo = JSON.parse(record.undo) as UndoRecord;
        const keptNow = await tx.selectFrom('contacts').selectAll().where('owner_id', '=', scope.userId).where('id', '=', record.kept_id).executeTakeFirst();
        if (!keptNow || keptNow.deleted_at) throw new AppError('MERGE_UNDO_CONFLICT', 'The kept contact is gone or in the trash; restore it first.', { id: mergeId });
        if (editedSince(undo.keptAfter, encodeRow(keptNow))) {
          throw new AppError('MERGE_UNDO_CONFLICT', `${String(undo.kept.display_name)} was edited after the merge; undoing it would lose those edits.`, { id: mergeId });
        }
        await tx.insertInto('contacts').values(decodeRow(undo.merged)).execute();
        for (const { table, original } of undo.moved) {
          const row = decodeRow(original);
          const key = keyOf(row);
          await Object.entries(key)
            .reduce((q: any, [k, v]) => q.where(k, '=', v), tx.deleteFrom(table).where('owner_id', '=', scope.userId).where('contact_id', '=', record.kept_id))
            .execute();
          await tx.insertInto(table).values(row).execute();
        }
        for (const { table, row } of undo.dropped) await tx.insertInto(table).values(decodeRow(row)).execute();
        const dismissals = (undo.dismissals ?? []).map((d) => ({ row: decodeRow(d.row) as store.MergedDismissal['row'], moved: d.moved }));
        await store.restoreDismissals(trx, scope.userId, record.merged_id, record.kept_id, dismissals);
        const keptColumns = Object.fromEntries(Object.entries(decodeRow(undo.kept)).filter(([k]) => k !== 'id' && k !== 'owner_id'));
        await tx.updateTable('contacts').set({ ...keptColumns, updated_at: now() }).where('owner_id', '=', scope.userId).where('id', '=', record.kept_id).execute();
        await trx.updateTable('contact_merges').set({ undone_at: now() }).where('owner_id', '=', scope.userId).where('id', '=', mergeId).execute();
        // Merges recorded before contacts stored their children bring none back.
        await refreshChildren(trx, scope.userId, [record.kept_id, record.merged_id]);
        await contacts.refreshSchedule(trx, scope, [record.kept_id, record.merged_id]);
        await contacts.reindex(trx, [record.kept_id, record.merged_id]);
        const both = await contacts.findMany(trx, scope, [record.kept_id, record.merged_id]);
        return { kept: both.find((c) => c.id === record.kept_id)!, restored: both.find((c) => c.id === record.merged_id)! };
      });
    },
  };
}
