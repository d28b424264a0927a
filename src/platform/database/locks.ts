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
