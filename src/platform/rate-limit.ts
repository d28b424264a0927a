import type { Kysely } from 'kysely';
import type { DB } from './database/schema.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';

/** At most `max` attempts under `key` within the window. */
export interface Limit {
  key: string;
  max: number;
}

/**
 * Counts attempts (sign-ins, public requests) per key in the database, so every server instance
 * sees the same counts and a restart forgets nothing.
 */
export function createRateLimiter(deps: Deps, windowMinutes: number) {
  const db: Kysely<DB> = deps.db.kysely;
  const windowMs = windowMinutes * 60_000;
  const forget = async (ids: readonly string[]) => {
    await db.deleteFrom('rate_limit_hits').where('id', 'in', ids).execute();
  };

  return {
    /**
     * Counts an attempt under every key, then checks the limits. Counting first means attempts sent
     * all at once cannot each pass a check made before any of them counted. A refused attempt takes
     * its count back; `forget()` takes it back later (after a successful sign-in, say). Throws
     * RATE_LIMITED with the seconds until the oldest attempt leaves the window.
     */
    async attempt(limits: readonly Limit[], message: string): Promise<{ forget(): Promise<void> }> {
      const at = deps.clock();
      const ids = limits.map(() => deps.newId());
      await db.insertInto('rate_limit_hits').values(limits.map((l, i) => ({ id: ids[i]!, key: l.key, at: at.toISOString() }))).execute();
      for (const { key, max } of limits) {
        const row = await db
          .selectFrom('rate_limit_hits')
          .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
          .where('key', '=', key)
          .where('at', '>', new Date(at.getTime() - windowMs).toISOString())
          .executeTakeFirstOrThrow();
        if (Number(row.count) > max && row.oldest) {
          await forget(ids);
          const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(row.oldest as string) + windowMs - at.getTime()) / 1000));
          throw new AppError('RATE_LIMITED', `${message}; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, { retryAfterSeconds });
        }
      }
      return { forget: () => forget(ids) };
    },

    /** Forgets every attempt under a key (a successful sign-in clears the account's failures). */
    async clear(key: string): Promise<void> {
      await db.deleteFrom('rate_limit_hits').where('key', '=', key).execute();
    },

    /** Forgets attempts that have left the window. */
    async prune(): Promise<void> {
      await db.deleteFrom('rate_limit_hits').where('at', '<=', new Date(deps.clock().getTime() - windowMs).toISOString()).execute();
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
