import { authenticatedScope, type Scope } from '../../platform/auth/scope.js';
import type { Deps } from '../../platform/deps.js';
import type { Contact } from '../contacts/model.js';
import type { ContactsService } from '../contacts/service.js';
import type { Interaction } from '../interactions/model.js';
import type { InteractionsService } from '../interactions/service.js';

/** How long a deleted row waits in the trash before it is purged for good. */
export const TRASH_DAYS = 30;

export type TrashEntity = 'contact' | 'interaction';

export interface TrashList {
  contacts: Contact[];
  interactions: Interaction[];
  /** When each item will be purged, by id. */
  purgeAt: Record<string, string>;
}

export function purgeDate(deletedAt: string): string {
  return new Date(Date.parse(deletedAt) + TRASH_DAYS * 24 * 60 * 60 * 1000).toISOString();
}

export function createTrashService(deps: Deps, contacts: ContactsService, interactions: InteractionsService) {
  const db = deps.db.kysely;

  async function purgeContacts(scope: Scope, ids: readonly string[]) {
    await db.transaction().execute(async (tx) => {
      // An interaction with nobody else in it would be left about no one; it goes with them.
      const orphans = await interactions.onlyWith(tx, scope, ids);
      await interactions.purge(tx, scope, orphans, { requireTrashed: false });
      await contacts.purge(tx, scope, ids);
    });
  }

  async function purgeInteractions(scope: Scope, ids: readonly string[]) {
    await db.transaction().execute((tx) => interactions.purge(tx, scope, ids, { requireTrashed: true }));
  }

  async function list(scope: Scope): Promise<TrashList> {
    const [c, i] = await Promise.all([contacts.listTrashed(scope), interactions.listTrashed(scope)]);
    const purgeAt = Object.fromEntries([...c, ...i].map((item) => [item.id, purgeDate(item.deletedAt!)]));
    return { contacts: c, interactions: i, purgeAt };
  }

  return {
    list,

    async restore(scope: Scope, entity: TrashEntity, id: string): Promise<Contact | Interaction> {
      return entity === 'contact' ? contacts.restore(scope, id) : interactions.restore(scope, id);
    },

    async purge(scope: Scope, entity: TrashEntity, id: string): Promise<void> {
      if (entity === 'contact') await purgeContacts(scope, [id]);
      else await purgeInteractions(scope, [id]);
    },

    async empty(scope: Scope): Promise<{ contacts: number; interactions: number }> {
      const { contacts: c, interactions: i } = await list(scope);
      if (i.length > 0) await purgeInteractions(scope, i.map((x) => x.id));
      if (c.length > 0) await purgeContacts(scope, c.map((x) => x.id));
      return { contacts: c.length, interactions: i.length };
    },

    /** Purges everything that has been in any user's trash longer than TRASH_DAYS. */
    async purgeExpired(): Promise<number> {
      const before = new Date(deps.clock().getTime() - TRASH_DAYS * 24 * 60 * 60 * 1000).toISOString();
      const byOwner = new Map<string, { contacts: string[]; interactions: string[] }>();
      const bucket = (owner: string) => byOwner.get(owner) ?? byOwner.set(owner, { contacts: [], interactions: [] }).get(owner)!;
      for (const row of await interactions.expiredTrash(before)) bucket(row.owner_id).interactions.push(row.id);
      for (const row of await contacts.expiredTrash(before)) bucket(row.owner_id).contacts.push(row.id);
      let purged = 0;
      for (const [owner, work] of byOwner) {
        // The job acts for each owner in turn, through the same scoped paths as a user would.
        const scope = authenticatedScope(owner);
        if (work.interactions.length > 0) await purgeInteractions(scope, work.interactions);
        if (work.contacts.length > 0) await purgeContacts(scope, work.contacts);
        purged += work.interactions.length + work.contacts.length;
      }
      return purged;
    },
  };
}

export type TrashService = ReturnType<typeof createTrashService>;
