import type { Kysely } from 'kysely';
import type { DB } from './database/schema.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';

/** At most `max` hits under `key` within the window. */
export interface Limit {
  key: string;
  max: number;
}

/**
 * Counts hits (failed sign-ins, public requests) per key in the database, so every server instance
 * sees the same counts and a restart forgets nothing.
 */
export function createRateLimiter(deps: Deps, windowMinutes: number) {
  const db: Kysely<DB> = deps.db.kysely;
  const windowMs = windowMinutes * 60_000;

  return {
    /** Throws RATE_LIMITED, with the seconds until a hit leaves the window, when any limit is used up. */
    async check(limits: readonly Limit[], message = 'Too many attempts'): Promise<void> {
      const now = deps.clock().getTime();
      for (const { key, max } of limits) {
        const row = await db
          .selectFrom('rate_limit_hits')
          .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
          .where('key', '=', key)
          .where('at', '>', new Date(now - windowMs).toISOString())
          .executeTakeFirstOrThrow();
        if (Number(row.count) >= max && row.oldest) {
          const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(row.oldest as string) + windowMs - now) / 1000));
          throw new AppError('RATE_LIMITED', `${message}; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, { retryAfterSeconds });
        }
      }
    },

    async hit(keys: readonly string[]): Promise<void> {
      const at = deps.clock().toISOString();
      await db.insertInto('rate_limit_hits').values(keys.map((key) => ({ id: deps.newId(), key, at }))).execute();
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('rate_limit_hits').where('key', '=', key).execute();
    },

    /** Forgets hits that have left the window. */
    async prune(): Promise<void> {
      await db.deleteFrom('rate_limit_hits').where('at', '<=', new Date(deps.clock().getTime() - windowMs).toISOString()).execute();
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
