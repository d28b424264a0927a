import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { Contact } from '../../src/features/contacts/model.js';
import type { Interaction } from '../../src/features/interactions/model.js';
import { createUser, type TestEnv, type TestUser } from './app.js';
import { signIn, type Session } from './http.js';

/** An account with some of everything: the data the isolation and bad-input tests guard. */
export interface World {
  user: TestUser;
  session: Session;
  /** A word that appears only in this account's contacts and interactions. */
  word: string;
  tag: string;
  /** A dimension filter that matches this account's first contact, as name:value. */
  dimension: string;
  /** Two live contacts, each with emails, phones, URLs, tags and dimensions. */
  contacts: [Contact, Contact];
  trashedContactId: string;
  /** Two live interactions: one with the first contact, one with both. */
  interactions: [Interaction, Interaction];
  trashedInteractionId: string;
  /** Ids of the account's API tokens: the one in user.headers and a second one. */
  tokenIds: string[];
  /** A milestone and an offer of the first contact. */
  eventId: string;
  exchangeId: string;
  /** The path of the account's calendar feed, secret token included. */
  calendarPath: string;
  /** A skill with a self-rating and a resource, a reflection on the first interaction, a finished weekly review, and a feedback request with a response. */
  skillId: string;
  ratingId: string;
  resourceId: string;
  reflectionId: string;
  feedbackRequestId: string;
  feedbackToken: string;
}

async function send<T>(env: TestEnv, user: TestUser, options: InjectOptions, status: number): Promise<T> {
  const response = await env.app.inject({ ...options, headers: { ...user.headers, ...options.headers } });
  expect(response.statusCode, response.body).toBe(status);
  return response.body === '' ? (undefined as T) : (response.json() as T);
}

/** Creates an account and fills it through the API, as its owner would. */
export async function createWorld(env: TestEnv, word: string): Promise<World> {
  const user = await createUser(env, `${word} owner`);
  const tag = `${word}-friends`;
  const contact = (first: string, extra: object) =>
    send<Contact>(env, user, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: {
        firstName: first,
        lastName: word,
        emails: [{ value: `${first}@${word}.example`, type: 'work' }],
        phones: [{ value: '+49 30 1234567', type: 'mobile' }],
        urls: [{ value: `${word}.example/${first}`, type: 'home' }],
        company: `${word} GmbH`,
        birthday: '--04-01',
        circle: 'close',
        cadenceDays: 30,
        tags: [tag, 'shared-tag'],
        notes: `Talks about ${word} a lot`,
        ...extra,
      },
    }, 201);
  const first = await contact('ada', { dimensions: { industry: `${word} industry`, region: 'Europe' } });
  const second = await contact('grace', { dimensions: { community: 'Open source' } });
  const gone = await contact('charles', {});
  await send(env, user, { method: 'DELETE', url: `/api/v1/contacts/${gone.id}` }, 204);

  const interaction = (participantIds: string[], occurredAt: string) =>
    send<Interaction>(env, user, {
      method: 'POST',
      url: '/api/v1/interactions',
      payload: {
        participantIds,
        kind: 'coffee',
        channel: 'Café',
        occurredAt,
        summary: `${word} plans`,
        notes: `Long talk about ${word}`,
        shared: { needs: 'a co-founder', challenges: 'hiring', plans: 'launch in May' },
        learned: `${word} is hard`,
        quality: 4,
        followUp: { text: 'send the deck', due: '2026-03-10' },
      },
    }, 201);
  const one = await interaction([first.id], '2026-02-20T10:00:00Z');
  const both = await interaction([first.id, second.id], '2026-02-25T18:30:00+01:00');
  const dropped = await interaction([second.id], '2026-01-05T08:00:00Z');
  await send(env, user, { method: 'DELETE', url: `/api/v1/interactions/${dropped.id}` }, 204);

  const event = await send<{ id: string }>(env, user, { method: 'POST', url: `/api/v1/contacts/${first.id}/events`, payload: { kind: 'promotion', date: '2026-02-01', note: `${word} lead` } }, 201);
  const exchange = await send<{ id: string }>(env, user, { method: 'POST', url: `/api/v1/contacts/${first.id}/exchanges`, payload: { direction: 'i_offered', description: `${word} intro` } }, 201);
  const calendar = await send<{ url: string }>(env, user, { method: 'POST', url: '/api/v1/calendar' }, 201);
  await send(env, user, { method: 'POST', url: '/api/v1/duplicates/dismissals', payload: { a: first.id, b: second.id } }, 204);

  const skills = await send<{ items: { id: string }[] }>(env, user, { method: 'GET', url: '/api/v1/skills' }, 200);
  const skillId = skills.items[0]!.id;
  const rating = await send<{ id: string }>(env, user, { method: 'POST', url: `/api/v1/skills/${skillId}/ratings`, payload: { rating: 3, note: `${word} self` } }, 201);
  const resource = await send<{ id: string }>(env, user, { method: 'POST', url: `/api/v1/skills/${skillId}/resources`, payload: { kind: 'book', title: `${word} book` } }, 201);
  const reflection = await send<{ id: string }>(env, user, { method: 'PUT', url: `/api/v1/interactions/${one.id}/reflection`, payload: { wentWell: `${word} rapport`, skillIds: [skillId] } }, 200);
  const current = await send<{ weekStart: string }>(env, user, { method: 'GET', url: '/api/v1/reviews/current' }, 200);
  await send(env, user, { method: 'PUT', url: `/api/v1/reviews/${current.weekStart}`, payload: { nextWeekPlan: `${word} plan`, complete: true } }, 200);
  const feedback = await send<{ request: { id: string }; url: string }>(env, user, { method: 'POST', url: '/api/v1/feedback-requests', payload: { message: `${word} asks`, skillIds: [skillId], responses: 'many' } }, 201);
  const feedbackToken = new URL(feedback.url).pathname.split('/').pop()!;
  const answered = await env.app.inject({ method: 'POST', url: `/api/v1/public/feedback/${feedbackToken}`, payload: { ratings: [{ skillId, rating: 4 }] } });
  expect(answered.statusCode, answered.body).toBe(201);

  await send(env, user, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'backup script' } }, 201);
  const tokens = await send<{ items: { id: string }[] }>(env, user, { method: 'GET', url: '/api/v1/tokens' }, 200);
  const session = await signIn(env, user);

  const reread = (id: string) => send<Contact>(env, user, { method: 'GET', url: `/api/v1/contacts/${id}` }, 200);
  return {
    user,
    session,
    word,
    tag,
    dimension: `industry:${word} industry`,
    // Read back: logging interactions moved their last-interaction dates.
    contacts: [await reread(first.id), await reread(second.id)],
    trashedContactId: gone.id,
    interactions: [one, both],
    trashedInteractionId: dropped.id,
    tokenIds: tokens.items.map((t) => t.id),
    eventId: event.id,
    exchangeId: exchange.id,
    calendarPath: new URL(calendar.url).pathname,
    skillId,
    ratingId: rating.id,
    resourceId: resource.id,
    reflectionId: reflection.id,
    feedbackRequestId: feedback.request.id,
    feedbackToken,
  };
}
