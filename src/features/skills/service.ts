import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/database/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { parseInput, validationError } from '../../platform/validation.js';
import {
  gapOf,
  nameKey,
  ratingInput,
  resourceInput,
  resourcePatch,
  RESOURCE_STATUSES,
  skillInput,
  skillPatch,
  STARTING_SKILLS,
  type Rating,
  type RatingInput,
  type Resource,
  type ResourceInput,
  type ResourcePatch,
  type Skill,
  type SkillInput,
  type SkillPatch,
} from './model.js';
import * as store from './store.js';

export interface SkillDetail {
  skill: Skill;
  ratings: Rating[];
  resources: Resource[];
}

export function createSkillsService(deps: Deps) {
  const db = deps.db.kysely;
  const now = () => deps.clock().toISOString();

  /** Gives a user the starting skills the first time they look; archived ones are not brought back. */
  async function ensureStarted(tx: Kysely<DB>, scope: Scope): Promise<void> {
    if ((await store.countAll(tx, scope.userId)) > 0) return;
    const at = now();
    await store.insertSkills(
      tx,
      STARTING_SKILLS.map((s, i) => ({ id: deps.newId(), owner_id: scope.userId, name: s.name, name_key: nameKey(s.name), description: s.description, position: i + 1, archived_at: null, created_at: at, updated_at: at })),
    );
  }

  async function toSkills(tx: Kysely<DB>, scope: Scope, rows: store.SkillRow[]): Promise<Skill[]> {
    const ratings = await store.ratingsOf(tx, scope.userId, rows.map((r) => r.id));
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      archived: row.archived_at !== null,
      createdAt: row.created_at,
      gap: gapOf(ratings.filter((r) => r.skillId === row.id), deps.clock()),
    }));
  }

  async function skillRow(tx: Kysely<DB>, scope: Scope, id: string): Promise<store.SkillRow> {
    const [row] = await store.findSkills(tx, scope.userId, [id]);
    if (!row) throw new AppError('SKILL_NOT_FOUND', `No skill with id ${id}.`, { id });
    return row;
  }

  async function resourceRow(tx: Kysely<DB>, scope: Scope, id: string) {
    const row = await store.findResource(tx, scope.userId, id);
    if (!row) throw new AppError('RESOURCE_NOT_FOUND', `No resource with id ${id}.`, { id });
    return row;
  }

  async function uniqueName(tx: Kysely<DB>, scope: Scope, name: string, except: string | null): Promise<void> {
    const existing = await store.findByKey(tx, scope.userId, nameKey(name));
    if (existing && existing.id !== except) {
      throw new AppError('VALIDATION_FAILED', `You already have a skill called ${existing.name}.`, { fields: [{ path: 'name', message: 'is taken' }] });
    }
  }

  return {
    async list(scope: Scope, options: { includeArchived: boolean } = { includeArchived: false }): Promise<Skill[]> {
      return db.transaction().execute(async (tx) => {
        await ensureStarted(tx, scope);
        return toSkills(tx, scope, await store.listSkills(tx, scope.userId, options.includeArchived));
      });
    },

    async create(scope: Scope, input: SkillInput): Promise<Skill> {
      const data = parseInput(skillInput, input);
      return db.transaction().execute(async (tx) => {
        await ensureStarted(tx, scope);
        await uniqueName(tx, scope, data.name, null);
        const at = now();
        const id = deps.newId();
        const position = (await store.maxPosition(tx, scope.userId)) + 1;
        await store.insertSkills(tx, [{ id, owner_id: scope.userId, name: data.name, name_key: nameKey(data.name), description: data.description ?? null, position, archived_at: null, created_at: at, updated_at: at }]);
        const [skill] = await toSkills(tx, scope, [await skillRow(tx, scope, id)]);
        return skill!;
      });
    },

    async update(scope: Scope, id: string, patch: SkillPatch): Promise<Skill> {
      const data = parseInput(skillPatch, patch);
      return db.transaction().execute(async (tx) => {
        const current = await skillRow(tx, scope, id);
        if (data.name !== undefined) await uniqueName(tx, scope, data.name, id);
        await store.updateSkill(tx, scope.userId, id, {
          ...(data.name !== undefined && { name: data.name, name_key: nameKey(data.name) }),
          ...(data.description !== undefined && { description: data.description }),
          ...(data.archived !== undefined && { archived_at: data.archived ? (current.archived_at ?? now()) : null }),
          updated_at: now(),
        });
        const [skill] = await toSkills(tx, scope, [await skillRow(tx, scope, id)]);
        return skill!;
      });
    },

    /** One skill with every rating (self and others, oldest first) for its chart, and its resources. */
    async detail(scope: Scope, id: string): Promise<SkillDetail> {
      const row = await skillRow(db, scope, id);
      const [skill] = await toSkills(db, scope, [row]);
      return { skill: skill!, ratings: await store.ratingsOf(db, scope.userId, [id]), resources: await store.listResources(db, scope.userId, { skillId: id }) };
    },

    async rate(scope: Scope, id: string, input: RatingInput): Promise<Rating> {
      const data = parseInput(ratingInput, input);
      return db.transaction().execute(async (tx) => {
        await skillRow(tx, scope, id);
        const ratingId = deps.newId();
        await store.insertRatings(tx, [{ id: ratingId, owner_id: scope.userId, skill_id: id, source: 'self', response_id: null, rating: data.rating, note: data.note ?? null, rated_at: data.ratedAt ?? now() }]);
        return (await store.ratingsOf(tx, scope.userId, [id])).find((r) => r.id === ratingId)!;
      });
    },

    async deleteRating(scope: Scope, ratingId: string): Promise<void> {
      if (!(await store.deleteRating(db, scope.userId, ratingId))) {
        throw new AppError('RATING_NOT_FOUND', `No self-rating with id ${ratingId}; ratings others gave cannot be deleted.`, { id: ratingId });
      }
    },

    async resources(scope: Scope, filter: { skillId?: string; status?: string }): Promise<Resource[]> {
      if (filter.status !== undefined && !(RESOURCE_STATUSES as readonly string[]).includes(filter.status)) {
        throw validationError([{ path: 'query.status', message: `must be one of ${RESOURCE_STATUSES.join(', ')}` }]);
      }
      if (filter.skillId) await skillRow(db, scope, filter.skillId);
      return store.listResources(db, scope.userId, filter);
    },

    async addResource(scope: Scope, skillId: string, input: ResourceInput): Promise<Resource> {
      const data = parseInput(resourceInput, input);
      return db.transaction().execute(async (tx) => {
        await skillRow(tx, scope, skillId);
        const at = now();
        const id = deps.newId();
        await store.insertResource(tx, {
          id, owner_id: scope.userId, skill_id: skillId, kind: data.kind, title: data.title, url: data.url ?? null, status: data.status,
          started_on: data.startedOn ?? null, finished_on: data.finishedOn ?? null, takeaways: data.takeaways ?? null, created_at: at, updated_at: at,
        });
        return store.toResource(await resourceRow(tx, scope, id));
      });
    },

    async updateResource(scope: Scope, id: string, patch: ResourcePatch): Promise<Resource> {
      const data = parseInput(resourcePatch, patch);
      return db.transaction().execute(async (tx) => {
        await resourceRow(tx, scope, id);
        if (data.skillId) await skillRow(tx, scope, data.skillId);
        await store.updateResource(tx, scope.userId, id, {
          ...(data.kind !== undefined && { kind: data.kind }),
          ...(data.title !== undefined && { title: data.title }),
          ...(data.url !== undefined && { url: data.url }),
          ...(data.status !== undefined && { status: data.status }),
          ...(data.startedOn !== undefined && { started_on: data.startedOn }),
          ...(data.finishedOn !== undefined && { finished_on: data.finishedOn }),
          ...(data.takeaways !== undefined && { takeaways: data.takeaways }),
          ...(data.skillId !== undefined && { skill_id: data.skillId }),
          updated_at: now(),
        });
        return store.toResource(await resourceRow(tx, scope, id));
      });
    },

    async deleteResource(scope: Scope, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await resourceRow(tx, scope, id);
        await store.deleteResource(tx, scope.userId, id);
      });
    },

    /** The user's live skills among these ids; throws naming the first unknown one. */
    async requireSkills(tx: Kysely<DB>, scope: Scope, ids: readonly string[], path: string): Promise<store.SkillRow[]> {
      const rows = await store.findSkills(tx, scope.userId, ids);
      const known = new Set(rows.filter((r) => r.archived_at === null).map((r) => r.id));
      const missing = ids.findIndex((id) => !known.has(id));
      if (missing >= 0) throw new AppError('SKILL_NOT_FOUND', `No skill with id ${ids[missing]}.`, { fields: [{ path: `${path}[${missing}]`, message: 'is not one of your skills' }] });
      return ids.map((id) => rows.find((r) => r.id === id)!);
    },

    /** Ratings others gave through a feedback response, recorded in the owner's account. */
    async recordFeedback(tx: Kysely<DB>, ownerScope: Scope, responseId: string, ratings: readonly { skillId: string; rating: number; comment: string | null }[]): Promise<void> {
      const at = now();
      await store.insertRatings(
        tx,
        ratings.map((r) => ({ id: deps.newId(), owner_id: ownerScope.userId, skill_id: r.skillId, source: 'feedback' as const, response_id: responseId, rating: r.rating, note: r.comment, rated_at: at })),
      );
    },

    ensureStarted,
  };
}

export type SkillsService = ReturnType<typeof createSkillsService>;
