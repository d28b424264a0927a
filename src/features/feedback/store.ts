import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Dialect } from '../../platform/database/connect.js';
import type { DB, FeedbackRequestsTable, FeedbackResponsesTable } from '../../platform/database/schema.js';

type Db = Kysely<DB>;
export type RequestRow = Selectable<FeedbackRequestsTable>;

export async function insertRequest(
  db: Db,
  row: Insertable<FeedbackRequestsTable>,
  skillIds: readonly string[],
  questions: readonly string[],
): Promise<void> {
  await db.insertInto('feedback_requests').values(row).execute();
  if (skillIds.length > 0) {
    await db.insertInto('feedback_request_skills').values(skillIds.map((skill_id, i) => ({ request_id: row.id, skill_id, owner_id: row.owner_id, position: i + 1 }))).execute();
  }
  if (questions.length > 0) {
    await db.insertInto('feedback_request_questions').values(questions.map((text, i) => ({ request_id: row.id, owner_id: row.owner_id, position: i + 1, text }))).execute();
  }
}

export async function findRequest(db: Db, ownerId: string, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('feedback_requests').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
}

/** The request behind a share link, whoever owns it: the link is the credential. */
export async function findByTokenHash(db: Db, tokenHash: string): Promise<RequestRow | undefined> {
  return db.selectFrom('feedback_requests').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function listRequests(db: Db, ownerId: string): Promise<RequestRow[]> {
  return db.selectFrom('feedback_requests').selectAll().where('owner_id', '=', ownerId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function revoke(db: Db, ownerId: string, id: string, at: string): Promise<void> {
  await db.updateTable('feedback_requests').set({ revoked_at: at }).where('owner_id', '=', ownerId).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function skillsOf(db: Db, ownerId: string, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('feedback_request_skills as rs')
    .innerJoin('skills as s', 's.id', 'rs.skill_id')
    .select(['rs.request_id', 's.id', 's.name', 's.description'])
    .where('rs.owner_id', '=', ownerId)
    .where('rs.request_id', 'in', requestIds)
    .orderBy('rs.position')
    .execute();
}

export async function questionsOf(db: Db, ownerId: string, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('feedback_request_questions')
    .select(['request_id', 'position', 'text'])
    .where('owner_id', '=', ownerId)
    .where('request_id', 'in', requestIds)
    .orderBy('position')
    .execute();
}

export async function responseCounts(db: Db, ownerId: string, requestIds: readonly string[]): Promise<Map<string, number>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('feedback_responses')
    .select((eb) => ['request_id', eb.fn.countAll<number>().as('n')])
    .where('owner_id', '=', ownerId)
    .where('request_id', 'in', requestIds)
    .groupBy('request_id')
    .execute();
  return new Map(rows.map((r) => [r.request_id, Number(r.n)]));
}

export async function insertResponse(db: Db, row: Insertable<FeedbackResponsesTable>, answers: readonly { position: number; question: string; answer: string }[]): Promise<void> {
  await db.insertInto('feedback_responses').values(row).execute();
  if (answers.length > 0) {
    await db.insertInto('feedback_answers').values(answers.map((a) => ({ response_id: row.id, owner_id: row.owner_id, ...a }))).execute();
  }
}

export async function responsesOf(db: Db, ownerId: string, requestId: string) {
  const responses = await db
    .selectFrom('feedback_responses')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ids = responses.map((r) => r.id);
  const [answers, ratings] = ids.length === 0
    ? [[], []]
    : await Promise.all([
        db.selectFrom('feedback_answers').select(['response_id', 'position', 'question', 'answer']).where('owner_id', '=', ownerId).where('response_id', 'in', ids).orderBy('position').execute(),
        db
          .selectFrom('skill_ratings as r')
          .innerJoin('skills as s', 's.id', 'r.skill_id')
          .select(['r.response_id', 'r.skill_id', 's.name', 'r.rating', 'r.note'])
          .where('r.owner_id', '=', ownerId)
          .where('r.response_id', 'in', ids)
          .orderBy('s.position')
          .execute(),
      ]);
  return { responses, answers, ratings };
}

/**
 * Serialises responses to one request, so a one-response link cannot take two at once. SQLite
 * already runs one write transaction at a time; PostgreSQL locks the request's row.
 */
export async function lockRequest(db: Db, dialect: Dialect, id: string): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT id FROM feedback_requests WHERE id = ${id} FOR UPDATE`.execute(db);
}
