import { sql, type Kysely } from 'kysely';
import type { Dialect } from './connect.js';
import type { DB } from './schema.js';

/**
 * Makes a transaction the only writer of a table until it ends, so a check followed by an insert
 * ("is there an account yet?", "is this email taken?") cannot interleave with another one.
 * PostgreSQL needs the lock (SHARE ROW EXCLUSIVE conflicts with itself and with INSERT); SQLite
 * already runs one transaction at a time on its single connection.
 */
export async function lockForWrites(tx: Kysely<DB>, dialect: Dialect, table: keyof DB): Promise<void> {
  if (dialect === 'postgres') await sql`LOCK TABLE ${sql.table(table)} IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
}

/**
 * Makes a transaction the only one working on this account's data until it ends, for checks over
 * an account ("has it any contacts yet?") that a concurrent request could otherwise pass too. Other
 * accounts are not held up. SQLite needs nothing, as above.
 */
export async function lockAccount(tx: Kysely<DB>, dialect: Dialect, userId: string): Promise<void> {
  if (dialect === 'postgres') await tx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}
