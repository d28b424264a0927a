import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { precompiled } from '../../platform/database/precompiled.js';
import type { ApiTokensTable, DB, UsersTable } from '../../platform/database/schema.js';
import type { ApiToken, User } from './model.js';

type Db = Kysely<DB>;

export function toUser(row: Pick<Selectable<UsersTable>, 'id' | 'email' | 'display_name' | 'time_zone' | 'week_start' | 'created_at'>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    timeZone: row.time_zone,
    weekStart: row.week_start,
    createdAt: row.created_at,
  };
}

function toToken(row: Selectable<ApiTokensTable>): ApiToken {
  return { id: row.id, name: row.name, hint: row.hint, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function findUserByEmail(db: Db, email: string): Promise<Selectable<UsersTable> | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

const userById = precompiled((db: Db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id));

/** Most requests read the signed-in user (Today first of all), so the query is compiled once. */
export async function findUserById(db: Db, id: string): Promise<Selectable<UsersTable> | undefined> {
  const [row] = await userById(db, id);
  return row;
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toUser);
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Updateable<UsersTable>,
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function insertSession(
  db: Db,
  row: { id: string; user_id: string; created_at: string; expires_at: string; user_agent: string | null; ip: string | null },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The user of a live session, or undefined when the session is unknown or expired. */
export async function findSessionUser(db: Db, sessionId: string, now: string): Promise<Selectable<UsersTable> | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string, keep: string | null): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) query = query.where('id', '!=', keep);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function insertToken(db: Db, row: Selectable<ApiTokensTable>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function listTokens(db: Db, userId: string): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toToken);
}

export async function deleteToken(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('api_tokens').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

const tokenByHash = precompiled((db: Db, hash: string) => db.selectFrom('api_tokens').select(['id', 'user_id', 'last_used_at']).where('token_hash', '=', hash));

/** Every request with an API token looks it up, so the query is compiled once. */
export async function findTokenByHash(db: Db, hash: string): Promise<{ id: string; user_id: string; last_used_at: string | null } | undefined> {
  const [row] = await tokenByHash(db, hash);
  return row;
}

export async function touchToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
