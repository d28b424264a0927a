import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/database/schema.js';
import { createSearchIndex } from '../../platform/database/search.js';
import { addDays, localDate, startOfLocalDay } from '../../platform/dates.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { parseInput, validationError } from '../../platform/validation.js';
import type { AccountsService } from '../accounts/service.js';
import type { InteractionsService } from '../interactions/service.js';
import type { SkillsService } from '../skills/service.js';
import {
  insightsQuery,
  promptsFor,
  reflectionInput,
  reviewInput,
  streakOf,
  weekStartOf,
  type Insight,
  type InsightsQuery,
  type Reflection,
  type ReflectionInput,
  type Review,
  type ReviewInput,
} from './model.js';
import * as store from './store.js';

function notReflected(interactionId: string): AppError {
  return new AppError('REFLECTION_NOT_FOUND', `Interaction ${interactionId} has no reflection yet.`, { id: interactionId });
}

function encodeCursor(c: store.InsightCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id, c.type])).toString('base64url');
}

function decodeCursor(text: string): store.InsightCursor {
  try {
    const [at, id, type] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && (type === 'learned' || type === 'reflection')) return { at, id, type };
  } catch {
    // fall through
  }
  throw new AppError('INVALID_CURSOR', 'The cursor does not belong to the insights journal; start again without one.', { fields: [{ path: 'query.cursor', message: 'is not a cursor of this listing' }] });
}

export function createReflectService(deps: Deps, accounts: AccountsService, interactions: InteractionsService, skills: SkillsService) {
  const db = deps.db.kysely;
  const search = createSearchIndex(deps.db.dialect);
  const now = () => deps.clock().toISOString();

  async function requireInteraction(tx: Kysely<DB>, scope: Scope, interactionId: string): Promise<void> {
    // Throws INTERACTION_NOT_FOUND for an unknown, foreign or trashed interaction.
    await interactions.get(scope, interactionId, tx);
  }

  async function reflectionOf(tx: Kysely<DB>, scope: Scope, interactionId: string): Promise<Reflection> {
    const row = await store.findByInteraction(tx, scope.userId, interactionId);
    if (!row) throw notReflected(interactionId);
    const [reflection] = await store.reflectionsById(tx, scope.userId, [row.id]);
    return reflection!;
  }

  /** The week a day belongs to, in the user's calendar, with the instants it spans. */
  async function weekOf(scope: Scope, weekStart?: string): Promise<store.WeekBounds & { current: string }> {
    const user = await accounts.getUser(scope);
    const today = localDate(deps.clock(), user.timeZone);
    const current = weekStartOf(today, user.weekStart);
    const first = weekStart ?? current;
    if (weekStartOf(first, user.weekStart) !== first) {
      throw validationError([{ path: 'weekStart', message: `is not the first day of a week (your weeks start on ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][user.weekStart]})` }]);
    }
    if (first > current) throw validationError([{ path: 'weekStart', message: 'is a week that has not begun' }]);
    return {
      firstDay: first,
      lastDay: addDays(first, 6),
      start: startOfLocalDay(first, user.timeZone).toISOString(),
      end: startOfLocalDay(addDays(first, 7), user.timeZone).toISOString(),
      today,
      current,
    };
  }

  async function reviewOf(tx: Kysely<DB>, scope: Scope, week: store.WeekBounds & { current: string }): Promise<Review> {
    const [figures, row, previous, completed] = await Promise.all([
      store.figures(tx, scope.userId, week),
      store.findReview(tx, scope.userId, week.firstDay),
      store.previousPlan(tx, scope.userId, week.firstDay),
      store.completedWeeks(tx, scope.userId),
    ]);
    return {
      weekStart: week.firstDay,
      weekEnd: week.lastDay,
      figures,
      prompts: promptsFor(figures, previous?.plan ?? null),
      previousPlan: previous,
      answers: row ? await store.answersOf(tx, scope.userId, row.id) : [],
      nextWeekPlan: row?.next_week_plan ?? null,
      planOutcome: (row?.plan_outcome as Review['planOutcome']) ?? null,
      planOutcomeNote: row?.plan_outcome_note ?? null,
      completedAt: row?.completed_at ?? null,
      streak: streakOf(completed, week.current),
    };
  }

  return {
    get: (scope: Scope, interactionId: string) => reflectionOf(db, scope, interactionId),

    /** Writes the reflection on an interaction, creating it the first time. */
    async save(scope: Scope, interactionId: string, input: ReflectionInput): Promise<Reflection> {
      const data = parseInput(reflectionInput, input);
      return db.transaction().execute(async (tx) => {
        await requireInteraction(tx, scope, interactionId);
        await skills.requireSkills(tx, scope, data.skillIds, 'skillIds');
        const at = now();
        const fields = {
          went_well: data.wentWell ?? null,
          to_improve: data.toImprove ?? null,
          missed_opportunities: data.missedOpportunities ?? null,
          connection_quality: data.connectionQuality ?? null,
          communication_effectiveness: data.communicationEffectiveness ?? null,
          notes: data.notes ?? null,
          updated_at: at,
        };
        const existing = await store.findByInteraction(tx, scope.userId, interactionId);
        const id = existing?.id ?? deps.newId();
        if (existing) await store.updateReflection(tx, scope.userId, id, fields);
        else await store.insertReflection(tx, { id, owner_id: scope.userId, interaction_id: interactionId, ...fields, created_at: at });
        await store.replaceSkills(tx, scope.userId, id, [...new Set(data.skillIds)]);
        await interactions.reindex(tx, [interactionId]);
        return reflectionOf(tx, scope, interactionId);
      });
    },

    async remove(scope: Scope, interactionId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const row = await store.findByInteraction(tx, scope.userId, interactionId);
        if (!row) throw notReflected(interactionId);
        await store.deleteReflection(tx, scope.userId, row.id);
        await interactions.reindex(tx, [interactionId]);
      });
    },

    /** The review of a week (the current one by default): figures, prompts, last week's plan, answers, streak. */
    async review(scope: Scope, weekStart?: string): Promise<Review> {
      return reviewOf(db, scope, await weekOf(scope, weekStart));
    },

    async saveReview(scope: Scope, weekStart: string, input: ReviewInput): Promise<Review> {
      const data = parseInput(reviewInput, input);
      const week = await weekOf(scope, weekStart);
      return db.transaction().execute(async (tx) => {
        const at = now();
        const existing = await store.findReview(tx, scope.userId, week.firstDay);
        const fields = {
          next_week_plan: data.nextWeekPlan ?? null,
          plan_outcome: data.planOutcome ?? null,
          plan_outcome_note: data.planOutcomeNote ?? null,
          // Finishing twice keeps the first moment; saving a draft of a finished review keeps it finished.
          completed_at: data.complete ? (existing?.completed_at ?? at) : (existing?.completed_at ?? null),
          updated_at: at,
        };
        const id = existing?.id ?? deps.newId();
        if (existing) await store.updateReview(tx, scope.userId, id, fields);
        else await store.insertReview(tx, { id, owner_id: scope.userId, week_start: week.firstDay, ...fields, created_at: at });
        await store.replaceAnswers(tx, scope.userId, id, data.answers.filter((a) => a.answer !== ''));
        return reviewOf(tx, scope, week);
      });
    },

    async reviews(scope: Scope): Promise<{ items: { weekStart: string; completedAt: string | null; nextWeekPlan: string | null }[]; streak: number }> {
      const week = await weekOf(scope);
      const rows = await store.listReviews(db, scope.userId);
      return {
        items: rows.map((r) => ({ weekStart: r.week_start, completedAt: r.completed_at, nextWeekPlan: r.next_week_plan })),
        streak: streakOf(rows.filter((r) => r.completed_at).map((r) => r.week_start), week.current),
      };
    },

    /** Every "what I learned" and every reflection, newest first, filtered and searchable. */
    async insights(scope: Scope, query: InsightsQuery): Promise<{ items: Insight[]; nextCursor: string | null }> {
      const q = parseInput(insightsQuery, query);
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      const user = await accounts.getUser(scope);
      if (q.skillId) await skills.requireSkills(db, scope, [q.skillId], 'query.skillId');
      const filter: store.InsightFilter = {
        contactId: q.contactId,
        tag: q.tag,
        skillId: q.skillId,
        q: q.q || undefined,
        from: q.from ? startOfLocalDay(q.from, user.timeZone).toISOString() : undefined,
        to: q.to ? startOfLocalDay(addDays(q.to, 1), user.timeZone).toISOString() : undefined,
      };
      // What I learned carries no skill, so a skill filter leaves only reflections.
      const kinds = (['learned', 'reflection'] as const).filter((k) => (q.type ? k === q.type : true) && !(k === 'learned' && q.skillId));
      const lists = await Promise.all(kinds.map(async (kind) => (await store.insightRows(db, search, scope.userId, kind, filter, cursor, q.limit + 1)).map((row) => ({ kind, row }))));
      const merged = lists
        .flat()
        .sort((a, b) => b.row.occurred_at.localeCompare(a.row.occurred_at) || b.row.id.localeCompare(a.row.id) || a.kind.localeCompare(b.kind))
        .slice(0, q.limit + 1);
      const page = merged.slice(0, q.limit);
      const reflectionIds = page.filter((p) => p.kind === 'reflection').map((p) => p.row.reflection_id!);
      const [reflections, participants] = await Promise.all([
        store.reflectionsById(db, scope.userId, reflectionIds),
        store.participantsOf(db, scope.userId, page.map((p) => p.row.id)),
      ]);
      const last = page.at(-1);
      return {
        items: page.map(({ kind, row }) => ({
          type: kind,
          id: kind === 'learned' ? row.id : row.reflection_id!,
          at: row.occurred_at,
          interactionId: row.id,
          summary: row.summary,
          participants: participants.get(row.id) ?? [],
          learned: kind === 'learned' ? row.learned : null,
          reflection: kind === 'reflection' ? (reflections.find((r) => r.id === row.reflection_id) ?? null) : null,
        })),
        nextCursor: merged.length > q.limit && last ? encodeCursor({ at: last.row.occurred_at, id: last.row.id, type: last.kind }) : null,
      };
    },
  };
}

export type ReflectService = ReturnType<typeof createReflectService>;
