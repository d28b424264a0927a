import type { Kysely, Updateable } from 'kysely';
import type { Scope } from '../../platform/auth/scope.js';
import { decodeCursor, encodeCursor } from '../../platform/database/pagination.js';
import type { ContactsTable, DB } from '../../platform/database/schema.js';
import { createSearchIndex } from '../../platform/database/search.js';
import { parseBirthday } from '../../platform/dates.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { parseInput, validationError } from '../../platform/validation.js';
import {
  asArray,
  bulkInput,
  contactInput,
  groupDimensionCounts,
  contactPatch,
  displayNameOf,
  listQuery,
  normalizeTags,
  parseDimensionFilters,
  sortNameOf,
  type Contact,
  type ContactInput,
  type BulkInput,
  type BulkResult,
  type ContactPatch,
  type DimensionCount,
  type ListQuery,
  type TagCount,
} from './model.js';
import type { AccountsService } from '../accounts/service.js';
import * as store from './store.js';

export interface ContactPage {
  items: Contact[];
  nextCursor: string | null;
}

function birthdayColumns(value: string | null | undefined) {
  const b = value ? parseBirthday(value) : null;
  return { birth_year: b?.year ?? null, birth_month: b?.month ?? null, birth_day: b?.day ?? null };
}

function notFound(id: string): AppError {
  return new AppError('CONTACT_NOT_FOUND', `No contact with id ${id}.`, { id });
}

export function createContactsService(deps: Deps, accounts: AccountsService) {
  const db = deps.db.kysely;
  const search = createSearchIndex(deps.db.dialect);
  const now = () => deps.clock().toISOString();
  const source = (tx: Kysely<DB>) => (ids: readonly string[]) => store.documentSource(tx, deps.db.dialect, { ids });

  /** Recomputes last interaction, due date and strength of these contacts, or of all with 'all'. */
  async function refreshSchedule(tx: Kysely<DB>, scope: Scope, ids: readonly string[]) {
    if (ids.length === 0) return;
    await store.refreshSchedule(tx, deps.db.dialect, scope.userId, ids, await accounts.nurtureSettings(scope, tx));
  }

  async function reindex(tx: Kysely<DB>, ids: readonly string[]) {
    await search.refresh(tx, 'contact', ids, source(tx));
  }

  async function loadOne(tx: Kysely<DB>, scope: Scope, id: string, options: { includeDeleted: boolean }): Promise<Contact> {
    const row = await store.findRow(tx, scope.userId, id);
    if (!row || (row.deleted_at && !options.includeDeleted)) throw notFound(id);
    return store.toContact(row, deps.clock());
  }

  async function writeChildren(tx: Kysely<DB>, scope: Scope, id: string, data: Partial<Pick<Contact, 'emails' | 'phones' | 'urls' | 'dimensions' | 'tags'>>) {
    if (data.emails) await store.replaceMethods(tx, scope.userId, id, 'email', data.emails, deps.newId);
    if (data.phones) await store.replaceMethods(tx, scope.userId, id, 'phone', data.phones, deps.newId);
    if (data.urls) await store.replaceMethods(tx, scope.userId, id, 'url', data.urls, deps.newId);
    if (data.dimensions) await store.replaceDimensions(tx, scope.userId, id, data.dimensions);
    if (data.tags) await store.replaceTags(tx, scope.userId, id, normalizeTags(data.tags));
    if (data.emails || data.phones || data.urls || data.dimensions || data.tags) await store.refreshChildren(tx, scope.userId, [id]);
  }

  /** Ids of the given contacts that exist, belong to the user and are not in the trash. */
  async function requireLive(tx: Kysely<DB>, scope: Scope, ids: readonly string[], path: string): Promise<void> {
    const live = await store.liveIds(tx, scope.userId, ids);
    const missing = ids.filter((id) => !live.has(id));
    if (missing.length > 0) {
      throw new AppError('CONTACT_NOT_FOUND', `No contact with id ${missing.join(', ')}.`, {
        fields: ids.flatMap((id, i) => (live.has(id) ? [] : [{ path: `${path}[${i}]`, message: `no contact with id ${id}` }])),
      });
    }
  }

  return {
    async create(scope: Scope, input: ContactInput): Promise<Contact> {
      const data = parseInput(contactInput, input);
      const at = now();
      const displayName = displayNameOf(data);
      const id = deps.newId();
      return db.transaction().execute(async (tx) => {
        await store.insertRow(tx, {
          id,
          owner_id: scope.userId,
          display_name: displayName,
          sort_name: sortNameOf(displayName),
          first_name: data.firstName ?? null,
          middle_name: data.middleName ?? null,
          last_name: data.lastName ?? null,
          nickname: data.nickname ?? null,
          prefix: data.prefix ?? null,
          suffix: data.suffix ?? null,
          company: data.company ?? null,
          title: data.title ?? null,
          location: data.location ?? null,
          ...birthdayColumns(data.birthday),
          met_how: data.metHow ?? null,
          met_on: data.metOn ?? null,
          circle: data.circle ?? null,
          cadence_days: data.cadenceDays ?? null,
          reminders: data.reminders ? 1 : 0,
          notes: data.notes ?? null,
          created_at: at,
          updated_at: at,
          deleted_at: null,
          last_interaction_at: null,
        });
        await writeChildren(tx, scope, id, data);
        await reindex(tx, [id]);
        await refreshSchedule(tx, scope, [id]);
        return loadOne(tx, scope, id, { includeDeleted: false });
      });
    },

    get: (scope: Scope, id: string) => loadOne(db, scope, id, { includeDeleted: false }),

    async update(scope: Scope, id: string, patch: ContactPatch): Promise<Contact> {
      const data = parseInput(contactPatch, patch);
      return db.transaction().execute(async (tx) => {
        const current = await loadOne(tx, scope, id, { includeDeleted: false });
        const merged = { ...current, ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) };
        // A display name built from the name parts follows them; one the user typed stays.
        const derived = current.displayName === displayNameOf({ ...current, displayName: null });
        const displayName =
          data.displayName || (data.displayName === null || derived ? displayNameOf({ ...merged, displayName: null }) : current.displayName);
        if (displayName === '') throw validationError([{ path: 'displayName', message: 'a contact needs a name' }]);
        const row: Updateable<ContactsTable> = { updated_at: now(), display_name: displayName, sort_name: sortNameOf(displayName) };
        const columns = {
          firstName: 'first_name', middleName: 'middle_name', lastName: 'last_name', nickname: 'nickname', prefix: 'prefix', suffix: 'suffix',
          company: 'company', title: 'title', location: 'location', metHow: 'met_how', metOn: 'met_on', circle: 'circle',
          cadenceDays: 'cadence_days', notes: 'notes',
        } as const;
        for (const [field, column] of Object.entries(columns)) {
          const value = data[field as keyof typeof columns];
          if (value !== undefined) (row as Record<string, unknown>)[column] = value;
        }
        if (data.birthday !== undefined) Object.assign(row, birthdayColumns(data.birthday));
        if (data.reminders !== undefined) row.reminders = data.reminders ? 1 : 0;
        await store.updateRow(tx, scope.userId, id, row);
        await writeChildren(tx, scope, id, data);
        await reindex(tx, [id]);
        if (data.circle !== undefined || data.cadenceDays !== undefined || data.reminders !== undefined) await refreshSchedule(tx, scope, [id]);
        return loadOne(tx, scope, id, { includeDeleted: false });
      });
    },

    async list(scope: Scope, query: ListQuery): Promise<ContactPage> {
      const q = parseInput(listQuery, query);
      const dimensions = parseDimensionFilters(asArray(q.dimension));
      if ('error' in dimensions) throw validationError([{ path: 'query.dimension', message: dimensions.error }]);
      const spec = store.sortSpec(q.sort);
      const cursor = q.cursor ? decodeCursor(spec, q.cursor) : null;
      const filter = { q: q.q || undefined, tags: asArray(q.tag), circles: asArray(q.circle), dimensions };
      const rows = await store.listRows(db, search, scope.userId, filter, spec, cursor, q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => store.toContact(row, deps.clock())),
        nextCursor: rows.length > q.limit && last ? encodeCursor(spec, store.sortValue(last, spec), last.id) : null,
      };
    },

    async trash(scope: Scope, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await loadOne(tx, scope, id, { includeDeleted: false });
        await store.setDeleted(tx, scope.userId, [id], now(), now());
        await search.remove(tx, 'contact', [id]);
      });
    },

    async restore(scope: Scope, id: string): Promise<Contact> {
      return db.transaction().execute(async (tx) => {
        const current = await loadOne(tx, scope, id, { includeDeleted: true });
        if (!current.deletedAt) return current;
        await store.setDeleted(tx, scope.userId, [id], null, now());
        await reindex(tx, [id]);
        return loadOne(tx, scope, id, { includeDeleted: false });
      });
    },

    /**
     * Tags, untags or trashes many contacts in one transaction and reports on each: ids that are
     * not the user's live contacts are left out with CONTACT_NOT_FOUND, the rest are changed.
     */
    async bulk(scope: Scope, input: BulkInput): Promise<BulkResult[]> {
      const data = parseInput(bulkInput, input);
      return db.transaction().execute(async (tx) => {
        const live = await store.liveIds(tx, scope.userId, data.ids);
        const ids = data.ids.filter((id) => live.has(id));
        const tags = normalizeTags(data.tags ?? []);
        const at = now();
        if (data.action === 'delete') {
          await store.setDeleted(tx, scope.userId, ids, at, at);
          await search.remove(tx, 'contact', ids);
        } else {
          if (data.action === 'tag') await store.addTags(tx, scope.userId, ids, tags);
          else await store.removeTags(tx, scope.userId, ids, tags);
          await store.refreshChildren(tx, scope.userId, ids);
          await store.touch(tx, scope.userId, ids, at);
          // Tags are part of a contact's search document.
          await reindex(tx, ids);
        }
        return data.ids.map((id): BulkResult =>
          live.has(id) ? { id, ok: true } : { id, ok: false, error: { code: 'CONTACT_NOT_FOUND', message: `No contact with id ${id}.` } },
        );
      });
    },

    /** The user's tags with how many live contacts carry each, for filters and autocomplete. */
    tags: (scope: Scope): Promise<TagCount[]> => store.tagCounts(db, scope.userId),

    /** Every dimension (the standard ones first) with its values and how many live contacts have each. */
    async dimensions(scope: Scope): Promise<DimensionCount[]> {
      return groupDimensionCounts(await store.dimensionCounts(db, scope.userId));
    },

    async listTrashed(scope: Scope): Promise<Contact[]> {
      return (await store.listTrashed(db, scope.userId)).map((row) => store.toContact(row, deps.clock()));
    },

    /** Deletes trashed contacts for good; refuses live ones so one call cannot skip the trash. */
    async purge(tx: Kysely<DB>, scope: Scope, ids: readonly string[]): Promise<void> {
      const rows = await store.findRows(tx, scope.userId, ids);
      const trashed = new Set(rows.filter((r) => r.deleted_at).map((r) => r.id));
      const missing = ids.find((id) => !trashed.has(id));
      if (missing) throw notFound(missing);
      await store.deleteRows(tx, scope.userId, ids);
    },

    expiredTrash: (before: string) => store.expiredTrash(db, before),
    /** Rebuilds the search documents of contacts written outside this service (bulk import, merge). */
    reindex,
    /** Indexes, in one statement, the user's contacts that have no search document yet (bulk writers). */
    indexNew: (tx: Kysely<DB>, scope: Scope) => search.fill(tx, 'contact', store.documentSource(tx, deps.db.dialect, { ownerId: scope.userId })),
    requireLive,
    refreshSchedule,
    /** After a bulk load or a settings change: every contact's last interaction, due date and strength. */
    refreshAllSchedules: async (tx: Kysely<DB>, scope: Scope) =>
      store.refreshAllSchedules(tx, deps.db.dialect, scope.userId, await accounts.nurtureSettings(scope, tx)),
    /** Puts a contact's check-in off until an instant, or ends the snooze with null. */
    async snooze(scope: Scope, id: string, until: string | null): Promise<Contact> {
      return db.transaction().execute(async (tx) => {
        await loadOne(tx, scope, id, { includeDeleted: false });
        await store.updateRow(tx, scope.userId, id, { snoozed_until: until, updated_at: now() });
        await refreshSchedule(tx, scope, [id]);
        return loadOne(tx, scope, id, { includeDeleted: false });
      });
    },
    /** Contacts by id (live or trashed), in no particular order; unknown ids are left out. */
    async findMany(tx: Kysely<DB>, scope: Scope, ids: readonly string[]): Promise<Contact[]> {
      return (await store.findRows(tx, scope.userId, ids)).map((row) => store.toContact(row, deps.clock()));
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
