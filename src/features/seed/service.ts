import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Scope } from '../../platform/auth/scope.js';
import { refreshStatistics, withBulkLoad } from '../../platform/database/bulk.js';
import { lockAccount } from '../../platform/database/locks.js';
import type { DB } from '../../platform/database/schema.js';
import { createSearchIndex } from '../../platform/database/search.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import * as contactStore from '../contacts/store.js';
import type { ContactsService } from '../contacts/service.js';
import * as interactionStore from '../interactions/store.js';
import { benchSource } from './bench.js';
import { demoSource } from './demo.js';
import type { ContactRef, SeedContact, SeedCounts, SeedInteraction, SeedSource } from './model.js';
import * as store from './store.js';

const ROW_TABLES = ['contacts', 'contact_methods', 'contact_dimensions', 'contact_tags', 'interactions', 'interaction_participants'] as const;

// Rows held in memory between writes: large enough for big INSERTs, small enough to stream a million.
const CONTACT_BATCH = 2_000;
const INTERACTION_BATCH = 5_000;

export type SeedStage = 'contacts' | 'interactions' | 'search index' | 'check-ins and strength';

export interface SeedProgress {
  stage: SeedStage;
  done: number;
  /** Null when the stage does not know its size in advance. */
  total: number | null;
}

export interface SeedOptions {
  onProgress?: (progress: SeedProgress) => void;
}

export const benchInput = z.strictObject({
  contacts: z.number().int().min(1, 'must be at least 1').max(10_000_000),
  interactions: z.number().int().min(0).max(100_000_000),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
});
export type BenchInput = z.input<typeof benchInput>;

export function createSeedService(deps: Deps, contacts: ContactsService) {
  const db = deps.db.kysely;
  const dialect = deps.db.dialect;
  const search = createSearchIndex(dialect);

  /**
   * The one bulk path of both modes: rows in large multi-row INSERTs, then the search index filled
   * in bulk (interactions in time order, so newer documents get higher sequence numbers), then
   * every contact's last interaction date in one grouped UPDATE.
   */
  async function write(tx: Kysely<DB>, scope: Scope, source: SeedSource, totals: { contacts: number | null; interactions: number | null }, options: SeedOptions): Promise<SeedCounts> {
    const progress = (stage: SeedStage, done: number, total: number | null) => options.onProgress?.({ stage, done, total });
    const refs: ContactRef[] = [];
    let contactBatch: SeedContact[] = [];
    const flushContacts = async () => {
      await store.insertContacts(tx, dialect, scope.userId, contactBatch);
      contactBatch = [];
      progress('contacts', refs.length, totals.contacts);
    };
    for (const contact of source.contacts()) {
      refs.push({ id: contact.id, circle: contact.circle, cadenceDays: contact.cadenceDays });
      contactBatch.push(contact);
      if (contactBatch.length >= CONTACT_BATCH) await flushContacts();
    }
    await flushContacts();

    let written = 0;
    let interactionBatch: SeedInteraction[] = [];
    const flushInteractions = async () => {
      await store.insertInteractions(tx, dialect, scope.userId, interactionBatch);
      written += interactionBatch.length;
      interactionBatch = [];
      progress('interactions', written, totals.interactions);
    };
    for (const interaction of source.interactions(refs)) {
      interactionBatch.push(interaction);
      if (interactionBatch.length >= INTERACTION_BATCH) await flushInteractions();
    }
    await flushInteractions();

    // The queries below join the new rows; planned with statistics that predate them, PostgreSQL
    // scans a whole table once per contact. ANALYZE inside the transaction sees its own rows.
    await refreshStatistics(tx, dialect, ROW_TABLES);
    progress('search index', 0, 2);
    await search.fill(tx, 'contact', contactStore.documentSource(tx, dialect, { ownerId: scope.userId }));
    progress('search index', 1, 2);
    await search.fill(tx, 'interaction', interactionStore.documentSource(tx, { ownerId: scope.userId }));
    progress('search index', 2, 2);
    progress('check-ins and strength', 0, 1);
    await contacts.refreshAllSchedules(tx, scope);
    progress('check-ins and strength', 1, 1);
    return { contacts: refs.length, interactions: written };
  }

  async function run(scope: Scope, source: SeedSource, totals: { contacts: number | null; interactions: number | null }, options: SeedOptions & { requireEmpty: boolean }): Promise<SeedCounts> {
    // One transaction: a seed that fails half-way leaves the account as it was.
    const counts = await withBulkLoad(deps.db, () =>
      db.transaction().execute(async (tx) => {
        if (options.requireEmpty) {
          await lockAccount(tx, dialect, scope.userId);
          if (await store.hasContacts(tx, scope.userId)) {
            throw new AppError('ACCOUNT_NOT_EMPTY', 'This account already has contacts: the demo network only goes into an empty account.');
          }
        }
        return write(tx, scope, source, totals, options);
      }),
    );
    await refreshStatistics(db, dialect, ['contacts', 'search_docs']);
    return counts;
  }

  return {
    /** Fills the account with the demo network, as of the clock; refused when it has contacts unless forced. */
    async demo(scope: Scope, options: SeedOptions & { force?: boolean } = {}): Promise<SeedCounts> {
      const source = demoSource({ ownerId: scope.userId, now: deps.clock() });
      return run(scope, source, { contacts: null, interactions: null }, { ...options, requireEmpty: !options.force });
    },

    /** Adds deterministic benchmark data: the same seed gives the same rows for the same account. */
    async bench(scope: Scope, input: BenchInput, options: SeedOptions = {}): Promise<SeedCounts> {
      const params = parseInput(benchInput, input);
      const source = benchSource({ ...params, ownerId: scope.userId });
      return run(scope, source, params, { ...options, requireEmpty: false });
    },
  };
}

export type SeedService = ReturnType<typeof createSeedService>;
