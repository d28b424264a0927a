import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/auth/scope.js';
import { decodeCursor, encodeCursor } from '../../platform/database/pagination.js';
import type { DB } from '../../platform/database/schema.js';
import { createSearchIndex } from '../../platform/database/search.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import type { ContactsService } from '../contacts/service.js';
import { asArray } from '../contacts/model.js';
import { interactionInput, interactionPatch, listQuery, type Interaction, type InteractionInput, type InteractionPatch, type ListQuery } from './model.js';
import * as store from './store.js';

export interface InteractionPage {
  items: Interaction[];
  nextCursor: string | null;
}

function notFound(id: string): AppError {
  return new AppError('INTERACTION_NOT_FOUND', `No interaction with id ${id}.`, { id });
}

type Parsed = ReturnType<typeof interactionPatch.parse>;

/** Columns of an interaction row for the fields present in a parsed input. */
function columnsOf(data: Parsed, at: string, current: store.InteractionRow | null): Partial<store.InteractionRow> {
  const row: Partial<store.InteractionRow> = {};
  if (data.kind !== undefined) row.kind = data.kind;
  if (data.channel !== undefined) row.channel = data.channel;
  if (data.occurredAt !== undefined) row.occurred_at = data.occurredAt;
  if (data.summary !== undefined) row.summary = data.summary;
  if (data.notes !== undefined) row.notes = data.notes;
  if (data.learned !== undefined) row.learned = data.learned;
  if (data.quality !== undefined) row.quality = data.quality;
  if (data.shared) {
    if (data.shared.needs !== undefined) row.shared_needs = data.shared.needs;
    if (data.shared.challenges !== undefined) row.shared_challenges = data.shared.challenges;
    if (data.shared.plans !== undefined) row.shared_plans = data.shared.plans;
  }
  if (data.followUp === null) Object.assign(row, { follow_up: null, follow_up_due: null, follow_up_done_at: null });
  else if (data.followUp) {
    if (data.followUp.text !== undefined) row.follow_up = data.followUp.text;
    if (data.followUp.due !== undefined) row.follow_up_due = data.followUp.due;
    if (data.followUp.done !== undefined) {
      // Marking done twice keeps the first moment it was done.
      row.follow_up_done_at = data.followUp.done ? (current?.follow_up_done_at ?? at) : null;
    }
  }
  return row;
}

export function createInteractionsService(deps: Deps, contacts: ContactsService) {
  const db = deps.db.kysely;
  const search = createSearchIndex(deps.db.dialect);
  const now = () => deps.clock().toISOString();
  const source = (tx: Kysely<DB>) => (ids: readonly string[]) => store.documentSource(tx, { ids });

  async function loadOne(tx: Kysely<DB>, scope: Scope, id: string, options: { includeDeleted: boolean }): Promise<Interaction> {
    const [row] = await store.findRows(tx, scope.userId, [id]);
    if (!row || (row.deleted_at && !options.includeDeleted)) throw notFound(id);
    const [interaction] = await store.withParticipants(tx, scope.userId, [row]);
    return interaction!;
  }

  async function rowOf(tx: Kysely<DB>, scope: Scope, id: string, options: { includeDeleted: boolean }): Promise<store.InteractionRow> {
    const [row] = await store.findRows(tx, scope.userId, [id]);
    if (!row || (row.deleted_at && !options.includeDeleted)) throw notFound(id);
    return row;
  }

  /** Moves interactions in or out of the trash, keeping search and last-interaction dates right. */
  async function setDeleted(tx: Kysely<DB>, scope: Scope, ids: readonly string[], deletedAt: string | null) {
    await store.setDeleted(tx, scope.userId, ids, deletedAt, now());
    if (deletedAt) await search.remove(tx, 'interaction', ids);
    else await search.refresh(tx, 'interaction', ids, source(tx));
    await contacts.refreshLastInteraction(tx, scope, await store.contactIdsOf(tx, scope.userId, ids));
  }

  return {
    async create(scope: Scope, input: InteractionInput): Promise<Interaction> {
      const data = parseInput(interactionInput, input);
      const at = now();
      const id = deps.newId();
      return db.transaction().execute(async (tx) => {
        await contacts.requireLive(tx, scope, data.participantIds, 'participantIds');
        await store.insertRow(tx, {
          id,
          owner_id: scope.userId,
          kind: data.kind,
          channel: null,
          occurred_at: data.occurredAt,
          summary: data.summary,
          notes: null,
          shared_needs: null,
          shared_challenges: null,
          shared_plans: null,
          learned: null,
          quality: null,
          follow_up: null,
          follow_up_due: null,
          follow_up_done_at: null,
          ...columnsOf(data, at, null),
          created_at: at,
          updated_at: at,
          deleted_at: null,
        });
        await store.replaceParticipants(tx, scope.userId, id, data.participantIds);
        await contacts.refreshLastInteraction(tx, scope, data.participantIds);
        await search.refresh(tx, 'interaction', [id], source(tx));
        return loadOne(tx, scope, id, { includeDeleted: false });
      });
    },

    get: (scope: Scope, id: string) => loadOne(db, scope, id, { includeDeleted: false }),

    async update(scope: Scope, id: string, patch: InteractionPatch): Promise<Interaction> {
      const data = parseInput(interactionPatch, patch);
      return db.transaction().execute(async (tx) => {
        const current = await rowOf(tx, scope, id, { includeDeleted: false });
        if (data.followUp && data.followUp.text === undefined && current.follow_up === null) {
          throw new AppError('VALIDATION_FAILED', 'followUp.text: needed to create a follow-up', { fields: [{ path: 'followUp.text', message: 'is required' }] });
        }
        const before = await store.contactIdsOf(tx, scope.userId, [id]);
        if (data.participantIds) {
          await contacts.requireLive(tx, scope, data.participantIds, 'participantIds');
          await store.replaceParticipants(tx, scope.userId, id, data.participantIds);
        }
        await store.updateRow(tx, scope.userId, id, { ...columnsOf(data, now(), current), updated_at: now() });
        await contacts.refreshLastInteraction(tx, scope, [...new Set([...before, ...(data.participantIds ?? [])])]);
        await search.refresh(tx, 'interaction', [id], source(tx));
        return loadOne(tx, scope, id, { includeDeleted: false });
      });
    },

    async list(scope: Scope, query: ListQuery): Promise<InteractionPage> {
      const q = parseInput(listQuery, query);
      const cursor = q.cursor ? decodeCursor(store.NEWEST_FIRST, q.cursor) : null;
      if (q.contactId && (await contacts.findMany(db, scope, [q.contactId])).length === 0) {
        throw new AppError('CONTACT_NOT_FOUND', `No contact with id ${q.contactId}.`, { id: q.contactId });
      }
      const rows = await store.listRows(db, scope.userId, { contactId: q.contactId, kinds: asArray(q.kind), from: q.from, to: q.to }, cursor, q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: await store.withParticipants(db, scope.userId, page),
        nextCursor: rows.length > q.limit && last ? encodeCursor(store.NEWEST_FIRST, last.occurred_at, last.id) : null,
      };
    },

    async trash(scope: Scope, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await rowOf(tx, scope, id, { includeDeleted: false });
        await setDeleted(tx, scope, [id], now());
      });
    },

    async restore(scope: Scope, id: string): Promise<Interaction> {
      return db.transaction().execute(async (tx) => {
        const row = await rowOf(tx, scope, id, { includeDeleted: true });
        if (row.deleted_at) await setDeleted(tx, scope, [id], null);
        return loadOne(tx, scope, id, { includeDeleted: false });
      });
    },

    async listTrashed(scope: Scope): Promise<Interaction[]> {
      return store.withParticipants(db, scope.userId, await store.listTrashed(db, scope.userId));
    },

    /** Many interactions by id (live or trashed), for search results; unknown ids are left out. */
    async findMany(scope: Scope, ids: readonly string[]): Promise<Interaction[]> {
      return store.withParticipants(db, scope.userId, await store.findRows(db, scope.userId, ids));
    },

    /** Deletes interactions for good: trashed ones, or those left without participants by a contact purge. */
    async purge(tx: Kysely<DB>, scope: Scope, ids: readonly string[], options: { requireTrashed: boolean }): Promise<void> {
      const rows = await store.findRows(tx, scope.userId, ids);
      const allowed = new Set(rows.filter((r) => r.deleted_at || !options.requireTrashed).map((r) => r.id));
      const missing = ids.find((id) => !allowed.has(id));
      if (missing) throw notFound(missing);
      await search.remove(tx, 'interaction', ids);
      await store.deleteRows(tx, scope.userId, ids);
    },

    /** Interactions that would be left without participants if these contacts were purged. */
    onlyWith: (tx: Kysely<DB>, scope: Scope, contactIds: readonly string[]) => store.onlyWith(tx, scope.userId, contactIds),
    expiredTrash: (before: string) => store.expiredTrash(db, before),
    /** Rebuilds the search documents of interactions written outside this service (restore). */
    reindex: (tx: Kysely<DB>, ids: readonly string[]) => search.refresh(tx, 'interaction', ids, source(tx)),
  };
}

export type InteractionsService = ReturnType<typeof createInteractionsService>;
