import type { Database } from './database/connect.js';
import { uuidV7Generator } from './ids.js';

/**
 * What every service needs, passed in explicitly so tests can fix the clock and the ids and nothing
 * opens a connection at import time.
 */
export interface Deps {
  readonly db: Database;
  /** The current instant; tests pass a fixed one. */
  readonly clock: () => Date;
  /** A new time-sortable id (UUID v7). */
  readonly newId: () => string;
}

export function systemDeps(db: Database): Deps {
  return { db, clock: () => new Date(), newId: uuidV7Generator() };
}
