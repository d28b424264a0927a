import { expect, it } from 'vitest';
import { createUser, describeEachDatabase, type TestEnv, type TestUser } from './harness/app.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function client(env: TestEnv, user: TestUser) {
  return async (method: Method, url: string, payload?: unknown) => {
    const response = await env.app.inject({ method, url: `/api/v1${url}`, headers: user.headers, ...(payload !== undefined && { payload: payload as object }) });
    return { status: response.statusCode, body: response.body ? response.json() : null };
  };
}

/** A stranger with a share link: no session, no token, their own address. */
function stranger(env: TestEnv, ip: string) {
  return async (method: 'GET' | 'POST', path: string, payload?: unknown) => {
    const response = await env.app.inject({ method, url: path, remoteAddress: ip, ...(payload !== undefined && { payload: payload as object }) });
    return { status: response.statusCode, body: response.body, json: () => response.json(), headers: response.headers };
  };
}

async function setUp(env: TestEnv, timeZone = 'UTC') {
  const user = await createUser(env, 'Robin Reflective');
  const api = client(env, user);
  await api('PATCH', '/me', { timeZone });
  const contact = async (body: object) => (await api('POST', '/contacts', body)).body;
  const log = async (participantIds: string[], occurredAt: string, extra: object = {}) => (await api('POST', '/interactions', { participantIds, kind: 'coffee', occurredAt, summary: 'Coffee', ...extra })).body;
  const skills = (await api('GET', '/skills')).body.items as { id: string; name: string }[];
  const skill = (name: string) => skills.find((s) => s.name === name)!.id;
  return { user, api, contact, log, skill };
}

describeEachDatabase('growth', (env) => {
  it('reflects on interactions and gathers what was learned in a searchable, filterable journal', async () => {
    env().clock.set('2026-03-04T12:00:00.000Z');
    const { api, contact, log, skill } = await setUp(env());
    const ada = await contact({ displayName: 'Ada', tags: ['mentor'] });
    const ben = await contact({ displayName: 'Ben' });
    const i1 = await log([ada.id], '2026-03-02T10:00:00.000Z', { summary: 'Career chat', learned: 'Listen for the second answer' });
    const i2 = await log([ben.id], '2026-03-03T10:00:00.000Z', { summary: 'Product sync' });
    await log([ada.id], '2026-02-20T10:00:00.000Z', { summary: 'Old coffee', learned: 'An old lesson' });

    const saved = await api('PUT', `/interactions/${i2.id}/reflection`, {
      wentWell: 'Asked about their roadmap',
      toImprove: 'Talked too much',
      connectionQuality: 4,
      skillIds: [skill('Active listening')],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      interactionId: i2.id,
      interactionSummary: 'Product sync',
      participants: [{ id: ben.id, displayName: 'Ben' }],
      wentWell: 'Asked about their roadmap',
      toImprove: 'Talked too much',
      missedOpportunities: null,
      connectionQuality: 4,
      communicationEffectiveness: null,
      skills: [{ id: skill('Active listening'), name: 'Active listening' }],
    });
    const rewritten = await api('PUT', `/interactions/${i2.id}/reflection`, { wentWell: 'Asked about their roadmap', communicationEffectiveness: 3 });
    expect([rewritten.body.id, rewritten.body.toImprove, rewritten.body.communicationEffectiveness, rewritten.body.skills]).toEqual([saved.body.id, null, 3, []]);
    await api('PUT', `/interactions/${i2.id}/reflection`, { wentWell: 'Asked about their roadmap', skillIds: [skill('Active listening')] });

    const search = await api('GET', '/search?q=roadmap');
    expect(search.body.items.map((r: { type: string; id: string }) => [r.type, r.id])).toEqual([['interaction', i2.id]]);

    const journal = async (query = '') => {
      const { status, body } = await api('GET', `/insights${query}`);
      expect(status).toBe(200);
      return body.items.map((x: { type: string; interactionId: string }) => `${x.type}:${x.interactionId === i1.id ? 'i1' : x.interactionId === i2.id ? 'i2' : 'i3'}`);
    };
    expect(await journal()).toEqual(['reflection:i2', 'learned:i1', 'learned:i3']);
    expect(await journal(`?contactId=${ada.id}`)).toEqual(['learned:i1', 'learned:i3']);
    expect(await journal('?tag=mentor')).toEqual(['learned:i1', 'learned:i3']);
    expect(await journal(`?skillId=${skill('Active listening')}`)).toEqual(['reflection:i2']);
    expect(await journal('?from=2026-03-01&to=2026-03-02')).toEqual(['learned:i1']);
    expect(await journal('?q=roadmap')).toEqual(['reflection:i2']);
    expect(await journal('?q=second')).toEqual(['learned:i1']);
    expect(await journal('?type=learned')).toEqual(['learned:i1', 'learned:i3']);

    // The learned note and the reflection of one interaction never fall between two pages.
    await api('PATCH', `/interactions/${i2.id}`, { learned: 'Roadmaps change monthly' });
    const pages: string[] = [];
    let cursor = '';
    for (let n = 0; n < 5; n += 1) {
      const page = (await api('GET', `/insights?limit=1${cursor}`)).body;
      pages.push(...page.items.map((x: { type: string; interactionId: string }) => `${x.type}:${x.interactionId === i2.id ? 'i2' : x.interactionId === i1.id ? 'i1' : 'i3'}`));
      if (!page.nextCursor) break;
      cursor = `&cursor=${page.nextCursor}`;
    }
    expect(pages).toEqual(['learned:i2', 'reflection:i2', 'learned:i1', 'learned:i3']);

    await api('DELETE', `/interactions/${i2.id}`);
    expect((await api('GET', '/search?q=roadmap')).body.items).toEqual([]);
    expect(await journal()).toEqual(['learned:i1', 'learned:i3']);
    await api('POST', `/interactions/${i2.id}/restore`);
    expect((await api('GET', '/search?q=roadmap')).body.items).toHaveLength(1);

    expect((await api('PUT', '/interactions/unknown/reflection', { wentWell: 'x' })).body.error.code).toBe('INTERACTION_NOT_FOUND');
    expect((await api('PUT', `/interactions/${i1.id}/reflection`, {})).body.error.details.fields).toEqual([{ path: 'wentWell', message: 'write something or give a score' }]);
    expect((await api('PUT', `/interactions/${i1.id}/reflection`, { connectionQuality: 6 })).body.error.details.fields).toEqual([{ path: 'connectionQuality', message: 'must be 1 to 5' }]);
    expect((await api('PUT', `/interactions/${i1.id}/reflection`, { wentWell: 'x', skillIds: ['nope'] })).body.error).toMatchObject({ code: 'SKILL_NOT_FOUND', details: { fields: [{ path: 'skillIds[0]', message: 'is not one of your skills' }] } });
    expect((await api('GET', `/interactions/${i1.id}/reflection`)).body.error.code).toBe('REFLECTION_NOT_FOUND');
    expect((await api('DELETE', `/interactions/${i2.id}/reflection`)).status).toBe(204);
    expect(await journal()).toEqual(['learned:i2', 'learned:i1', 'learned:i3']);
  });

  it("reviews the week with its figures and prompts, shows last week's plan back, and counts the streak", async () => {
    const { clock } = env();
    clock.set('2026-02-20T12:00:00.000Z');
    const { api, contact, log, skill } = await setUp(env(), 'Europe/Berlin');
    const old = await contact({ displayName: 'Old Friend' });
    // Last week (Monday 23 February), finished with a plan.
    clock.set('2026-02-27T12:00:00.000Z');
    const last = await api('PUT', '/reviews/2026-02-23', { nextWeekPlan: 'Ask one follow-up question', complete: true });
    expect(last.body.streak).toBe(1);

    clock.set('2026-03-02T08:00:00.000Z');
    const fresh = await contact({ displayName: 'New Person' });
    const a = await log([fresh.id], '2026-03-02T09:00:00.000Z', { followUp: { text: 'Send intro', due: '2026-03-02' } });
    await log([old.id], '2026-03-03T09:00:00.000Z', { followUp: { text: 'Share notes', due: '2026-03-03', done: true } });
    await log([old.id], '2026-03-01T22:30:00.000Z', { followUp: { text: 'Later', due: '2026-03-06' } });
    clock.set('2026-03-03T12:00:00.000Z');
    await api('PATCH', `/interactions/${a.id}`, { summary: 'First coffee' });
    await api('PUT', `/interactions/${a.id}/reflection`, { wentWell: 'Good questions', skillIds: [skill('Asking good questions')] });
    await api('POST', `/skills/${skill('Storytelling')}/ratings`, { rating: 3 });

    // Wednesday 4 March, 00:30 in Berlin.
    clock.set('2026-03-03T23:30:00.000Z');
    const review = (await api('GET', '/reviews/current')).body;
    expect({ ...review, prompts: undefined }).toEqual({
      weekStart: '2026-03-02',
      weekEnd: '2026-03-08',
      // 22:30Z on 1 March is 23:30 on Sunday in Berlin: last week.
      figures: { interactions: 2, newContacts: 1, followUpsDone: 1, followUpsMissed: 1, reflections: 1, skillsPractised: 2 },
      previousPlan: { weekStart: '2026-02-23', plan: 'Ask one follow-up question' },
      answers: [],
      nextWeekPlan: null,
      planOutcome: null,
      planOutcomeNote: null,
      completedAt: null,
      streak: 1,
      prompts: undefined,
    });
    expect(review.prompts).toEqual([
      'Last week you planned to try: "Ask one follow-up question". How did it go, and what did you learn from it?',
      'Of your 2 interactions this week, which went best, and why?',
      '1 follow-up slipped. What got in the way, and which will you do first?',
      'You reflected on 1 of 2 interactions. Which conversation deserves a second look?',
      'You met 1 new person. Whom do you want to see again, and how will you follow up?',
      'What did you learn about yourself as a networker this week?',
    ]);

    const draft = await api('PUT', '/reviews/2026-03-02', { answers: [{ prompt: review.prompts[1], answer: 'The first coffee' }], planOutcome: 'partly' });
    expect([draft.body.completedAt, draft.body.streak, draft.body.answers]).toEqual([null, 1, [{ prompt: review.prompts[1], answer: 'The first coffee' }]]);
    const done = await api('PUT', '/reviews/2026-03-02', { answers: draft.body.answers, planOutcome: 'partly', nextWeekPlan: 'Reflect on every coffee', complete: true });
    expect([done.body.completedAt, done.body.streak, done.body.planOutcome, done.body.nextWeekPlan]).toEqual(['2026-03-03T23:30:00.000Z', 2, 'partly', 'Reflect on every coffee']);
    expect((await api('GET', '/reviews')).body).toEqual({
      items: [
        { weekStart: '2026-03-02', completedAt: '2026-03-03T23:30:00.000Z', nextWeekPlan: 'Reflect on every coffee' },
        { weekStart: '2026-02-23', completedAt: '2026-02-27T12:00:00.000Z', nextWeekPlan: 'Ask one follow-up question' },
      ],
      streak: 2,
    });

    clock.set('2026-03-17T12:00:00.000Z');
    expect((await api('GET', '/reviews')).body.streak).toBe(0);
    expect((await api('GET', '/reviews/2026-03-03')).body.error.details.fields).toEqual([{ path: 'weekStart', message: 'is not the first day of a week (your weeks start on Monday)' }]);
    expect((await api('PUT', '/reviews/2026-03-23', { complete: true })).body.error.details.fields).toEqual([{ path: 'weekStart', message: 'is a week that has not begun' }]);
    expect((await api('GET', '/reviews/2026-02-30')).status).toBe(400);
  });

  it('keeps skills with self-ratings over time, resources, and refuses what does not fit', async () => {
    env().clock.set('2026-03-04T12:00:00.000Z');
    const { api, skill } = await setUp(env());
    expect((await api('GET', '/skills')).body.items.map((s: { name: string }) => s.name)).toEqual([
      'Active listening',
      'Clear communication',
      'Relationship building',
      'Following up',
      'Asking good questions',
      'Storytelling',
      'Offering help',
    ]);
    const listening = skill('Active listening');
    await api('POST', `/skills/${listening}/ratings`, { rating: 2, ratedAt: '2026-01-10T10:00:00Z', note: 'I interrupt' });
    const rated = await api('POST', `/skills/${listening}/ratings`, { rating: 4 });
    expect(rated.status).toBe(201);
    expect((await api('POST', `/skills/${listening}/ratings`, { rating: 0 })).status).toBe(400);

    const own = await api('POST', '/skills', { name: 'Remembering names' });
    expect(own.status).toBe(201);
    expect((await api('POST', '/skills', { name: '  remembering NAMES ' })).body.error.details.fields).toEqual([{ path: 'name', message: 'is taken' }]);
    await api('PATCH', `/skills/${own.body.id}`, { archived: true });
    expect((await api('GET', '/skills')).body.items).toHaveLength(7);
    expect((await api('GET', '/skills?archived=true')).body.items).toHaveLength(8);

    const book = await api('POST', `/skills/${listening}/resources`, { kind: 'book', title: 'You’re Not Listening', url: 'https://example.com/book' });
    expect(book.body).toMatchObject({ kind: 'book', status: 'planned', skillId: listening });
    const finished = await api('PATCH', `/resources/${book.body.id}`, { status: 'done', finishedOn: '2026-03-01', takeaways: 'Curiosity first' });
    expect([finished.body.status, finished.body.finishedOn, finished.body.takeaways]).toEqual(['done', '2026-03-01', 'Curiosity first']);
    await api('POST', `/skills/${skill('Storytelling')}/resources`, { kind: 'workshop', title: 'Story lab' });
    expect((await api('GET', '/resources?status=done')).body.items.map((r: { title: string }) => r.title)).toEqual(['You’re Not Listening']);
    expect((await api('GET', '/resources?status=later')).status).toBe(400);
    expect((await api('POST', `/skills/${listening}/resources`, { kind: 'book', title: 'x', url: 'javascript:alert(1)' })).status).toBe(400);

    const detail = (await api('GET', `/skills/${listening}`)).body;
    expect(detail.ratings.map((r: { rating: number; source: string; note: string | null; ratedAt: string }) => [r.rating, r.source, r.note, r.ratedAt])).toEqual([
      [2, 'self', 'I interrupt', '2026-01-10T10:00:00.000Z'],
      [4, 'self', null, '2026-03-04T12:00:00.000Z'],
    ]);
    expect(detail.skill.gap).toEqual({ self: 4, others: null, othersCount: 0, gap: null, verdict: 'not_enough_data' });
    expect(detail.resources).toHaveLength(1);
    expect((await api('DELETE', `/ratings/${rated.body.id}`)).status).toBe(204);
    expect((await api('DELETE', `/ratings/${rated.body.id}`)).body.error.code).toBe('RATING_NOT_FOUND');
  });

  it('lets a mentor answer through a share link without an account, feeding the skill chart', async () => {
    const { clock, app } = env();
    clock.set('2026-03-04T12:00:00.000Z');
    const { api, user, skill } = await setUp(env());
    const mentor = stranger(env(), '203.0.113.7');
    const created = await api('POST', '/feedback-requests', {
      message: 'You saw me pitch on Monday. How did I come across?',
      recipient: 'Maria (mentor)',
      skillIds: [skill('Storytelling'), skill('Clear communication')],
      questions: ['What should I do more of?', 'What should I stop doing?'],
    });
    expect(created.status).toBe(201);
    const path = new URL(created.body.url).pathname;
    expect(path).toMatch(/^\/feedback\/rpf_[\w-]{43}$/);
    const token = path.split('/').pop()!;
    expect(created.body.request).toMatchObject({ status: 'open', responseCount: 0, responses: 'one', allowAnonymous: true, expiresAt: '2026-03-18T12:00:00.000Z' });

    const page = await mentor('GET', `/api/v1/public/feedback/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.json()).toEqual({
      requester: 'Robin Reflective',
      message: 'You saw me pitch on Monday. How did I come across?',
      skills: [
        { id: skill('Storytelling'), name: 'Storytelling', description: 'Sharing your work and ideas so people remember them.' },
        { id: skill('Clear communication'), name: 'Clear communication', description: 'Saying what you mean briefly and warmly, in writing and in person.' },
      ],
      questions: [
        { position: 1, text: 'What should I do more of?' },
        { position: 2, text: 'What should I stop doing?' },
      ],
      allowAnonymous: true,
      expiresAt: '2026-03-18T12:00:00.000Z',
    });
    expect(page.body).not.toContain(user.email);
    expect(page.body).not.toContain('Maria');

    // Someone else's skill, an unknown question, an over-long comment: refused, nothing stored.
    expect((await mentor('POST', `/api/v1/public/feedback/${token}`, { ratings: [{ skillId: skill('Offering help'), rating: 4 }] })).json().error.details.fields).toEqual([
      { path: 'ratings[0].skillId', message: 'is not a skill this request asks about' },
    ]);
    expect((await mentor('POST', `/api/v1/public/feedback/${token}`, { answers: [{ position: 7, answer: 'Hi' }] })).json().error.details.fields).toEqual([
      { path: 'answers[0].position', message: 'is not a question of this request' },
    ]);
    expect((await mentor('POST', `/api/v1/public/feedback/${token}`, { ratings: [{ skillId: skill('Storytelling'), rating: 4, comment: 'x'.repeat(2001) }] })).status).toBe(400);
    expect((await mentor('POST', `/api/v1/public/feedback/${token}`, {})).json().error.details.fields).toEqual([{ path: 'ratings', message: 'rate a skill or answer a question' }]);
    expect((await mentor('POST', `/api/v1/public/feedback/${token}`, { answers: [{ position: 1, answer: 'x'.repeat(70_000) }] })).status).toBe(413);
    expect((await api('GET', `/feedback-requests/${created.body.request.id}`)).body.responses).toEqual([]);

    const sent = await mentor('POST', `/api/v1/public/feedback/${token}`, {
      ratings: [
        { skillId: skill('Storytelling'), rating: 2, comment: 'Lost the thread in the middle' },
        { skillId: skill('Clear communication'), rating: 4 },
      ],
      answers: [
        { position: 1, answer: 'Stories about customers' },
        { position: 2, answer: '' },
      ],
    });
    expect(sent.status).toBe(201);
    expect(sent.headers['set-cookie']).toBeUndefined();

    const seen = (await api('GET', `/feedback-requests/${created.body.request.id}`)).body;
    expect(seen.request).toMatchObject({ status: 'answered', responseCount: 1 });
    expect(seen.responses).toEqual([
      {
        id: seen.responses[0].id,
        respondentName: null,
        createdAt: '2026-03-04T12:00:00.000Z',
        ratings: [
          { skillId: skill('Clear communication'), skillName: 'Clear communication', rating: 4, comment: null },
          { skillId: skill('Storytelling'), skillName: 'Storytelling', rating: 2, comment: 'Lost the thread in the middle' },
        ],
        answers: [{ position: 1, question: 'What should I do more of?', answer: 'Stories about customers' }],
      },
    ]);
    const chart = (await api('GET', `/skills/${skill('Storytelling')}`)).body;
    expect(chart.ratings.map((r: { source: string; rating: number; from: string | null }) => [r.source, r.rating, r.from])).toEqual([['feedback', 2, null]]);

    // Used up, made up, withdrawn and expired links all get the same plain answer.
    const usedUp = await mentor('GET', `/api/v1/public/feedback/${token}`);
    const madeUp = await mentor('GET', '/api/v1/public/feedback/rpf_madeupmadeupmadeupmadeupmadeupmadeupmadeup');
    const twice = await mentor('POST', `/api/v1/public/feedback/${token}`, { ratings: [{ skillId: skill('Storytelling'), rating: 5 }] });
    expect([usedUp.status, madeUp.status, twice.status]).toEqual([404, 404, 404]);
    expect(usedUp.body).toBe(madeUp.body);
    expect(twice.body).toBe(madeUp.body);
    expect(madeUp.json().error.code).toBe('FEEDBACK_LINK_INVALID');

    const group = await api('POST', '/feedback-requests', { message: 'Team feedback', skillIds: [skill('Following up')], responses: 'many', allowAnonymous: false, expiresInDays: 7 });
    const groupToken = new URL(group.body.url).pathname.split('/').pop()!;
    expect((await mentor('POST', `/api/v1/public/feedback/${groupToken}`, { ratings: [{ skillId: skill('Following up'), rating: 3 }] })).json().error.details.fields).toEqual([
      { path: 'name', message: 'this request asks for your name' },
    ]);
    for (const name of ['Sam', 'Kai']) {
      expect((await stranger(env(), `198.51.100.${name.length}${name === 'Sam' ? 1 : 2}`)('POST', `/api/v1/public/feedback/${groupToken}`, { name, ratings: [{ skillId: skill('Following up'), rating: 5 }] })).status).toBe(201);
    }
    expect((await api('GET', `/skills/${skill('Following up')}`)).body.ratings.map((r: { from: string }) => r.from)).toEqual(['Sam', 'Kai']);
    await api('POST', `/skills/${skill('Following up')}/ratings`, { rating: 2 });
    expect((await api('GET', `/skills/${skill('Following up')}`)).body.skill.gap).toEqual({ self: 2, others: 5, othersCount: 2, gap: -3, verdict: 'hidden_strength' });

    const revoked = await api('POST', `/feedback-requests/${group.body.request.id}/revoke`);
    expect(revoked.body.status).toBe('revoked');
    expect((await mentor('GET', `/api/v1/public/feedback/${groupToken}`)).body).toBe(madeUp.body);

    const later = await api('POST', '/feedback-requests', { message: 'Later', questions: ['Anything?'], expiresInDays: 1 });
    const laterToken = new URL(later.body.url).pathname.split('/').pop()!;
    clock.set('2026-03-05T12:00:00.000Z');
    expect((await mentor('GET', `/api/v1/public/feedback/${laterToken}`)).body).toBe(madeUp.body);
    expect((await api('GET', '/feedback-requests')).body.items.map((r: { message: string; status: string }) => [r.message, r.status])).toEqual([
      ['Later', 'expired'],
      ['Team feedback', 'revoked'],
      ['You saw me pitch on Monday. How did I come across?', 'answered'],
    ]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/feedback-requests/${later.body.request.id}` })).statusCode).toBe(401);
  });

  it('rate-limits answers from one address', async () => {
    env().clock.set('2026-03-04T12:00:00.000Z');
    const { api } = await setUp(env());
    const open = await api('POST', '/feedback-requests', { message: 'Many answers', questions: ['Anything?'], responses: 'many' });
    const token = new URL(open.body.url).pathname.split('/').pop()!;
    const spammer = stranger(env(), '192.0.2.99');
    for (let n = 0; n < 10; n += 1) expect((await spammer('POST', `/api/v1/public/feedback/${token}`, { answers: [{ position: 1, answer: `#${n}` }] })).status).toBe(201);
    const limited = await spammer('POST', `/api/v1/public/feedback/${token}`, { answers: [{ position: 1, answer: 'again' }] });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('3600');
    expect((await api('GET', `/feedback-requests/${open.body.request.id}`)).body.responses).toHaveLength(10);
  });
});
