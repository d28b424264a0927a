import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, ResourcesTable, SkillRatingsTable, SkillsTable } from '../../platform/database/schema.js';
import type { Rating, Resource } from './model.js';

type Db = Kysely<DB>;
export type SkillRow = Selectable<SkillsTable>;

export function toResource(row: Selectable<ResourcesTable>): Resource {
  return {
    id: row.id,
    skillId: row.skill_id,
    kind: row.kind as Resource['kind'],
    title: row.title,
    url: row.url,
    status: row.status as Resource['status'],
    startedOn: row.started_on,
    finishedOn: row.finished_on,
    takeaways: row.takeaways,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function countAll(db: Db, ownerId: string): Promise<number> {
  const row = await db.selectFrom('skills').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', ownerId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSkills(db: Db, rows: Insertable<SkillsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('skills').values(rows).execute();
}

export async function listSkills(db: Db, ownerId: string, includeArchived: boolean): Promise<SkillRow[]> {
  let query = db.selectFrom('skills').selectAll().where('owner_id', '=', ownerId);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy('position').orderBy('id').execute();
}

export async function findSkills(db: Db, ownerId: string, ids: readonly string[]): Promise<SkillRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('skills').selectAll().where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
}

export async function findByKey(db: Db, ownerId: string, key: string): Promise<SkillRow | undefined> {
  return db.selectFrom('skills').selectAll().where('owner_id', '=', ownerId).where('name_key', '=', key).executeTakeFirst();
}

export async function maxPosition(db: Db, ownerId: string): Promise<number> {
  const row = await db.selectFrom('skills').select((eb) => eb.fn.max('position').as('p')).where('owner_id', '=', ownerId).executeTakeFirst();
  return Number(row?.p ?? 0);
}

export async function updateSkill(db: Db, ownerId: string, id: string, patch: Updateable<SkillsTable>): Promise<void> {
  await db.updateTable('skills').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function insertRatings(db: Db, rows: Insertable<SkillRatingsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('skill_ratings').values(rows).execute();
}

export async function deleteRating(db: Db, ownerId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('skill_ratings').where('owner_id', '=', ownerId).where('id', '=', id).where('source', '=', 'self').executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ratings of the given skills, oldest first, with the name of whoever gave a feedback rating. */
export async function ratingsOf(db: Db, ownerId: string, skillIds: readonly string[]): Promise<Rating[]> {
  if (skillIds.length === 0) return [];
  const rows = await db
    .selectFrom('skill_ratings as r')
    .leftJoin('feedback_responses as f', 'f.id', 'r.response_id')
    .select(['r.id', 'r.skill_id', 'r.source', 'r.rating', 'r.note', 'r.rated_at', 'r.response_id', 'f.respondent_name'])
    .where('r.owner_id', '=', ownerId)
    .where('r.skill_id', 'in', skillIds)
    .orderBy('r.rated_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    skillId: r.skill_id,
    source: r.source,
    rating: r.rating,
    note: r.note,
    ratedAt: r.rated_at,
    from: r.respondent_name,
    responseId: r.response_id,
  }));
}

export async function insertResource(db: Db, row: Insertable<ResourcesTable>): Promise<void> {
  await db.insertInto('resources').values(row).execute();
}

export async function findResource(db: Db, ownerId: string, id: string) {
  return db.selectFrom('resources').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
}

export async function listResources(db: Db, ownerId: string, filter: { skillId?: string | undefined; status?: string | undefined }): Promise<Resource[]> {
  let query = db.selectFrom('resources').selectAll().where('owner_id', '=', ownerId);
  if (filter.skillId) query = query.where('skill_id', '=', filter.skillId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toResource);
}

export async function updateResource(db: Db, ownerId: string, id: string, patch: Updateable<ResourcesTable>): Promise<void> {
  await db.updateTable('resources').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function deleteResource(db: Db, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('resources').where('owner_id', '=', ownerId).where('id', '=', id).execute();
}
