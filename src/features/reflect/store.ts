import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { orderBy, type SortSpec } from '../../platform/database/pagination.js';
import type { DB, ReflectionsTable, WeeklyReviewsTable } from '../../platform/database/schema.js';
import type { SearchIndex } from '../../platform/database/search.js';
import type { Figures, Reflection } from './model.js';

type Db = Kysely<DB>;
export type ReflectionRow = Selectable<ReflectionsTable>;

export const NEWEST_FIRST: SortSpec = { name: 'insights', column: 'i.occurred_at', direction: 'desc', nullable: false, kind: 'instant', id: 'i.id' };

export async function findByInteraction(db: Db, ownerId: string, interactionId: string): Promise<ReflectionRow | undefined> {
  return db.selectFrom('reflections').selectAll().where('owner_id', '=', ownerId).where('interaction_id', '=', interactionId).executeTakeFirst();
}

export async function insertReflection(db: Db, row: Insertable<ReflectionsTable>): Promise<void> {
  await db.insertInto('reflections').values(row).execute();
}

export async function updateReflection(db: Db, ownerId: string, id: string, patch: Updateable<ReflectionsTable>): Promise<void> {
  await db.updateTable('reflections').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function deleteReflection(db: Db, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('reflections').where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function replaceSkills(db: Db, ownerId: string, reflectionId: string, skillIds: readonly string[]): Promise<void> {
  await db.deleteFrom('reflection_skills').where('owner_id', '=', ownerId).where('reflection_id', '=', reflectionId).execute();
  if (skillIds.length > 0) {
    await db.insertInto('reflection_skills').values(skillIds.map((skill_id) => ({ reflection_id: reflectionId, skill_id, owner_id: ownerId }))).execute();
  }
}

/** Reflections by id with their interaction, its live participants, and the skills practised. */
export async function reflectionsById(db: Db, ownerId: string, ids: readonly string[]): Promise<Reflection[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('reflections as r')
    .innerJoin('interactions as i', 'i.id', 'r.interaction_id')
    .selectAll('r')
    .select(['i.summary', 'i.occurred_at'])
    .where('r.owner_id', '=', ownerId)
    .where('r.id', 'in', ids)
    .execute();
  const interactionIds = rows.map((r) => r.interaction_id);
  const [participants, skills] = await Promise.all([
    participantsOf(db, ownerId, interactionIds),
    db
      .selectFrom('reflection_skills as rs')
      .innerJoin('skills as s', 's.id', 'rs.skill_id')
      .select(['rs.reflection_id', 's.id', 's.name'])
      .where('rs.owner_id', '=', ownerId)
      .where('rs.reflection_id', 'in', ids)
      .orderBy('s.position')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    interactionId: r.interaction_id,
    interactionSummary: r.summary,
    occurredAt: r.occurred_at,
    participants: participants.get(r.interaction_id) ?? [],
    wentWell: r.went_well,
    toImprove: r.to_improve,
    missedOpportunities: r.missed_opportunities,
    connectionQuality: r.connection_quality,
    communicationEffectiveness: r.communication_effectiveness,
    notes: r.notes,
    skills: skills.filter((s) => s.reflection_id === r.id).map((s) => ({ id: s.id, name: s.name })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function participantsOf(db: Db, ownerId: string, interactionIds: readonly string[]): Promise<Map<string, { id: string; displayName: string }[]>> {
  const out = new Map<string, { id: string; displayName: string }[]>();
  if (interactionIds.length === 0) return out;
  const rows = await db
    .selectFrom('interaction_participants as p')
    .innerJoin('contacts as c', 'c.id', 'p.contact_id')
    .select(['p.interaction_id', 'c.id', 'c.display_name'])
    .where('p.owner_id', '=', ownerId)
    .where('p.interaction_id', 'in', interactionIds)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.sort_name')
    .execute();
  for (const row of rows) {
    const list = out.get(row.interaction_id) ?? out.set(row.interaction_id, []).get(row.interaction_id)!;
    list.push({ id: row.id, displayName: row.display_name });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Weekly review

export interface WeekBounds {
  /** First and last local day of the week, and the instants the week starts and ends. */
  firstDay: string;
  lastDay: string;
  start: string;
  end: string;
  /** For a week still running: follow-ups count as missed only once their day has passed. */
  today: string;
}

const count = sql<number>`count(*)`.as('n');

export async function figures(db: Db, ownerId: string, w: WeekBounds): Promise<Figures> {
  const live = (table: 'interactions' | 'contacts') => db.selectFrom(table).select(count).where('owner_id', '=', ownerId).where('deleted_at', 'is', null);
  const [interactions, newContacts, done, missed, reflections, practised] = await Promise.all([
    live('interactions').where('occurred_at', '>=', w.start).where('occurred_at', '<', w.end).executeTakeFirstOrThrow(),
    live('contacts').where('created_at', '>=', w.start).where('created_at', '<', w.end).executeTakeFirstOrThrow(),
    live('interactions').where('follow_up_done_at', '>=', w.start).where('follow_up_done_at', '<', w.end).executeTakeFirstOrThrow(),
    // Due on a day of this week that has passed, and not done by the end of the week.
    live('interactions')
      .where('follow_up', 'is not', null)
      .where('follow_up_due', '>=', w.firstDay)
      .where('follow_up_due', '<=', w.lastDay)
      .where('follow_up_due', '<', w.today)
      .where((eb) => eb.or([eb('follow_up_done_at', 'is', null), eb('follow_up_done_at', '>=', w.end)]))
      .executeTakeFirstOrThrow(),
    db.selectFrom('reflections').select(count).where('owner_id', '=', ownerId).where('created_at', '>=', w.start).where('created_at', '<', w.end).executeTakeFirstOrThrow(),
    sql<{ n: number }>`SELECT count(*) AS n FROM (
        SELECT rs.skill_id FROM reflection_skills rs JOIN reflections r ON r.id = rs.reflection_id
        WHERE rs.owner_id = ${ownerId} AND r.created_at >= ${w.start} AND r.created_at < ${w.end}
        UNION
        SELECT skill_id FROM skill_ratings
        WHERE owner_id = ${ownerId} AND source = 'self' AND rated_at >= ${w.start} AND rated_at < ${w.end}
      ) practised`.execute(db),
  ]);
  return {
    interactions: Number(interactions.n),
    newContacts: Number(newContacts.n),
    followUpsDone: Number(done.n),
    followUpsMissed: Number(missed.n),
    reflections: Number(reflections.n),
    skillsPractised: Number(practised.rows[0]?.n ?? 0),
  };
}

export async function findReview(db: Db, ownerId: string, weekStart: string) {
  return db.selectFrom('weekly_reviews').selectAll().where('owner_id', '=', ownerId).where('week_start', '=', weekStart).executeTakeFirst();
}

export async function answersOf(db: Db, ownerId: string, reviewId: string) {
  return db.selectFrom('weekly_review_answers').select(['prompt', 'answer']).where('owner_id', '=', ownerId).where('review_id', '=', reviewId).orderBy('position').execute();
}

export async function insertReview(db: Db, row: Insertable<WeeklyReviewsTable>): Promise<void> {
  await db.insertInto('weekly_reviews').values(row).execute();
}

export async function updateReview(db: Db, ownerId: string, id: string, patch: Updateable<WeeklyReviewsTable>): Promise<void> {
  await db.updateTable('weekly_reviews').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function replaceAnswers(db: Db, ownerId: string, reviewId: string, answers: readonly { prompt: string; answer: string }[]): Promise<void> {
  await db.deleteFrom('weekly_review_answers').where('owner_id', '=', ownerId).where('review_id', '=', reviewId).execute();
  if (answers.length > 0) {
    await db.insertInto('weekly_review_answers').values(answers.map((a, i) => ({ review_id: reviewId, owner_id: ownerId, position: i + 1, ...a }))).execute();
  }
}

export async function completedWeeks(db: Db, ownerId: string): Promise<string[]> {
  const rows = await db.selectFrom('weekly_reviews').select('week_start').where('owner_id', '=', ownerId).where('completed_at', 'is not', null).orderBy('week_start').execute();
  return rows.map((r) => r.week_start);
}

/** The plan from the latest review of a week before this one. */
export async function previousPlan(db: Db, ownerId: string, weekStart: string): Promise<{ weekStart: string; plan: string } | null> {
  const row = await db
    .selectFrom('weekly_reviews')
    .select(['week_start', 'next_week_plan'])
    .where('owner_id', '=', ownerId)
    .where('week_start', '<', weekStart)
    .where('next_week_plan', 'is not', null)
    .orderBy('week_start', 'desc')
    .executeTakeFirst();
  return row ? { weekStart: row.week_start, plan: row.next_week_plan! } : null;
}

export async function listReviews(db: Db, ownerId: string) {
  return db.selectFrom('weekly_reviews').selectAll().where('owner_id', '=', ownerId).orderBy('week_start', 'desc').execute();
}

// ---------------------------------------------------------------------------------------------
// Insights journal

export interface InsightCursor {
  at: string;
  id: string;
  type: 'learned' | 'reflection';
}

export interface InsightFilter {
  contactId?: string | undefined;
  tag?: string | undefined;
  skillId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

/**
 * What I learned (interactions with `learned`) and reflections, newest interaction first. Each kind
 * is read with the same filters and a limit, then the two are merged by the caller.
 */
export async function insightRows(
  db: Db,
  search: SearchIndex,
  ownerId: string,
  kind: 'learned' | 'reflection',
  filter: InsightFilter,
  cursor: InsightCursor | null,
  limit: number,
) {
  let query = db
    .selectFrom('interactions as i')
    .leftJoin('reflections as r', 'r.interaction_id', 'i.id')
    .select(['i.id', 'i.occurred_at', 'i.summary', 'i.learned', 'r.id as reflection_id'])
    .where('i.owner_id', '=', ownerId)
    .where('i.deleted_at', 'is', null);
  query = kind === 'learned' ? query.where('i.learned', 'is not', null) : query.where('r.id', 'is not', null);
  if (filter.contactId) {
    const contactId = filter.contactId;
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('interaction_participants as p').select('p.contact_id').whereRef('p.interaction_id', '=', 'i.id').where('p.contact_id', '=', contactId)));
  }
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('interaction_participants as p')
          .innerJoin('contact_tags as t', 't.contact_id', 'p.contact_id')
          .select('t.tag')
          .whereRef('p.interaction_id', '=', 'i.id')
          .where('t.tag', '=', tag),
      ),
    );
  }
  if (filter.skillId) {
    const skillId = filter.skillId;
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('reflection_skills as rs').select('rs.skill_id').whereRef('rs.reflection_id', '=', 'r.id').where('rs.skill_id', '=', skillId)));
  }
  if (filter.from) query = query.where('i.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('i.occurred_at', '<', filter.to);
  // A reflection is searched as part of its interaction's document.
  if (filter.q) query = query.where('i.id', 'in', search.matchingIds(db, ownerId, 'interaction', filter.q));
  if (cursor) {
    // The learned note of an interaction comes before its reflection, so after a learned note the
    // same interaction's reflection is still to come.
    const cmp = kind === 'reflection' && cursor.type === 'learned' ? sql`<=` : sql`<`;
    query = query.where(sql<boolean>`(i.occurred_at, i.id) ${cmp} (${cursor.at}, ${cursor.id})`);
  }
  return query.orderBy(orderBy(NEWEST_FIRST)).limit(limit).execute();
}
