import type { Kysely } from 'kysely';
import { authenticatedScope, type Scope } from '../../platform/auth/scope.js';
import { hashSecret, newSecret } from '../../platform/auth/secrets.js';
import type { DB } from '../../platform/database/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { createRateLimiter } from '../../platform/rate-limit.js';
import { parseInput, validationError } from '../../platform/validation.js';
import type { AccountsService } from '../accounts/service.js';
import type { SkillsService } from '../skills/service.js';
import {
  requestInput,
  responseInput,
  statusOf,
  type FeedbackRequest,
  type FeedbackResponse,
  type PublicRequest,
  type RequestInput,
  type ResponseInput,
} from './model.js';
import * as store from './store.js';

const DAY_MS = 86_400_000;

/** Per client address, per hour: how often the public link may be opened and answered. */
export const PUBLIC_LIMITS = { windowMinutes: 60, views: 120, submissions: 10, submissionsPerLink: 50 } as const;

function invalidLink(): AppError {
  // One answer for unknown, expired, withdrawn and used-up links, so a link reveals nothing.
  return new AppError('FEEDBACK_LINK_INVALID', 'This feedback link is not valid. It may have expired or been withdrawn; ask the person who sent it for a new one.');
}

export function createFeedbackService(deps: Deps, accounts: AccountsService, skills: SkillsService) {
  const db = deps.db.kysely;
  const limiter = createRateLimiter(deps, PUBLIC_LIMITS.windowMinutes);

  async function describe(tx: Kysely<DB>, ownerId: string, rows: store.RequestRow[]): Promise<FeedbackRequest[]> {
    const ids = rows.map((r) => r.id);
    const [skillRows, questionRows, counts] = await Promise.all([store.skillsOf(tx, ownerId, ids), store.questionsOf(tx, ownerId, ids), store.responseCounts(tx, ownerId, ids)]);
    return rows.map((r) => {
      const responseCount = counts.get(r.id) ?? 0;
      return {
        id: r.id,
        message: r.message,
        recipient: r.recipient,
        skills: skillRows.filter((s) => s.request_id === r.id).map((s) => ({ id: s.id, name: s.name, description: s.description })),
        questions: questionRows.filter((q) => q.request_id === r.id).map((q) => ({ position: q.position, text: q.text })),
        allowAnonymous: r.allow_anonymous === 1,
        responses: r.max_responses === 1 ? ('one' as const) : ('many' as const),
        expiresAt: r.expires_at,
        revokedAt: r.revoked_at,
        createdAt: r.created_at,
        status: statusOf(r, responseCount, deps.clock()),
        responseCount,
      };
    });
  }

  async function requestOf(tx: Kysely<DB>, scope: Scope, id: string): Promise<store.RequestRow> {
    const row = await store.findRequest(tx, scope.userId, id);
    if (!row) throw new AppError('FEEDBACK_REQUEST_NOT_FOUND', `No feedback request with id ${id}.`, { id });
    return row;
  }

  /** The open request behind a link, or the one plain error whatever is wrong with it. */
  async function openRequest(tx: Kysely<DB>, token: string): Promise<FeedbackRequest & { ownerId: string }> {
    const row = await store.findByTokenHash(tx, hashSecret(token));
    if (!row) throw invalidLink();
    const [request] = await describe(tx, row.owner_id, [row]);
    if (request!.status !== 'open') throw invalidLink();
    return { ...request!, ownerId: row.owner_id };
  }

  return {
    /** Creates a request and its share link; the link's secret is shown only now. */
    async create(scope: Scope, input: RequestInput): Promise<{ request: FeedbackRequest; token: string }> {
      const data = parseInput(requestInput, input);
      return db.transaction().execute(async (tx) => {
        await skills.requireSkills(tx, scope, data.skillIds, 'skillIds');
        const token = newSecret('rpf');
        const at = deps.clock();
        const id = deps.newId();
        await store.insertRequest(
          tx,
          {
            id,
            owner_id: scope.userId,
            token_hash: hashSecret(token),
            recipient: data.recipient || null,
            message: data.message,
            allow_anonymous: data.allowAnonymous ? 1 : 0,
            max_responses: data.responses === 'one' ? 1 : null,
            expires_at: new Date(at.getTime() + data.expiresInDays * DAY_MS).toISOString(),
            revoked_at: null,
            created_at: at.toISOString(),
          },
          data.skillIds,
          data.questions,
        );
        const [request] = await describe(tx, scope.userId, [await requestOf(tx, scope, id)]);
        return { request: request!, token };
      });
    },

    async list(scope: Scope): Promise<FeedbackRequest[]> {
      return describe(db, scope.userId, await store.listRequests(db, scope.userId));
    },

    async get(scope: Scope, id: string): Promise<{ request: FeedbackRequest; responses: FeedbackResponse[] }> {
      const [request] = await describe(db, scope.userId, [await requestOf(db, scope, id)]);
      const { responses, answers, ratings } = await store.responsesOf(db, scope.userId, id);
      return {
        request: request!,
        responses: responses.map((r) => ({
          id: r.id,
          respondentName: r.respondent_name,
          createdAt: r.created_at,
          ratings: ratings.filter((x) => x.response_id === r.id).map((x) => ({ skillId: x.skill_id, skillName: x.name, rating: x.rating, comment: x.note })),
          answers: answers.filter((x) => x.response_id === r.id).map((x) => ({ position: x.position, question: x.question, answer: x.answer })),
        })),
      };
    },

    async revoke(scope: Scope, id: string): Promise<FeedbackRequest> {
      await requestOf(db, scope, id);
      await store.revoke(db, scope.userId, id, deps.clock().toISOString());
      const [request] = await describe(db, scope.userId, [await requestOf(db, scope, id)]);
      return request!;
    },

    /** What a stranger with the link sees: who asks, why, and what. */
    async view(token: string, client: { ip: string }): Promise<PublicRequest> {
      await limiter.attempt([{ key: `feedback-view:${client.ip}`, max: PUBLIC_LIMITS.views }], 'Too many requests');
      const request = await openRequest(db, token);
      const owner = await accounts.getUser(authenticatedScope(request.ownerId));
      return {
        requester: owner.displayName,
        message: request.message,
        skills: request.skills,
        questions: request.questions,
        allowAnonymous: request.allowAnonymous,
        expiresAt: request.expiresAt,
      };
    },

    /** Records a stranger's answers; the link is the credential, so its owner's scope is taken from it. */
    async respond(token: string, input: ResponseInput, client: { ip: string }): Promise<void> {
      const data = parseInput(responseInput, input);
      await limiter.attempt([{ key: `feedback-submit:${client.ip}`, max: PUBLIC_LIMITS.submissions }], 'Too many responses from this address');
      const request = await openRequest(db, token);
      await limiter.attempt([{ key: `feedback-submit-link:${request.id}`, max: PUBLIC_LIMITS.submissionsPerLink }], 'Too many responses to this link');

      const asked = new Set(request.skills.map((s) => s.id));
      const fields: { path: string; message: string }[] = [];
      data.ratings.forEach((r, i) => {
        if (!asked.has(r.skillId)) fields.push({ path: `ratings[${i}].skillId`, message: 'is not a skill this request asks about' });
      });
      data.answers.forEach((a, i) => {
        if (!request.questions.some((q) => q.position === a.position)) fields.push({ path: `answers[${i}].position`, message: 'is not a question of this request' });
      });
      if (new Set(data.ratings.map((r) => r.skillId)).size < data.ratings.length) fields.push({ path: 'ratings', message: 'rate each skill once' });
      if (!request.allowAnonymous && !data.name) fields.push({ path: 'name', message: 'this request asks for your name' });
      const answers = data.answers.filter((a) => a.answer !== '');
      if (data.ratings.length + answers.length === 0) fields.push({ path: 'ratings', message: 'rate a skill or answer a question' });
      if (fields.length > 0) throw validationError(fields);

      await db.transaction().execute(async (tx) => {
        // Checked again inside the transaction: the last allowed response may have just arrived.
        await store.lockRequest(tx, deps.db.dialect, request.id);
        await openRequest(tx, token);
        const owner = authenticatedScope(request.ownerId);
        const responseId = deps.newId();
        await store.insertResponse(
          tx,
          { id: responseId, owner_id: owner.userId, request_id: request.id, respondent_name: data.name || null, created_at: deps.clock().toISOString() },
          answers.map((a) => ({ position: a.position, question: request.questions.find((q) => q.position === a.position)!.text, answer: a.answer })),
        );
        await skills.recordFeedback(tx, owner, responseId, data.ratings.map((r) => ({ skillId: r.skillId, rating: r.rating, comment: r.comment || null })));
      });
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
