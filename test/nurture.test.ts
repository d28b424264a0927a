import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { countDue, latestNewsOf } from '../src/features/nurture/store.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { PRECOMPILED_TEXTS } from '../src/platform/database/precompiled.js';
import { createUser, describeEachDatabase, type TestEnv, type TestUser } from './harness/app.js';

const DAY = 86_400_000;

function client(env: TestEnv, user: TestUser) {
  return async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const response = await env.app.inject({ method, url: `/api/v1${url}`, headers: user.headers, ...(payload !== undefined && { payload: payload as object }) });
    return { status: response.statusCode, body: response.body ? response.json() : null };
  };
}

async function setUp(env: TestEnv, timeZone: string) {
  const user = await createUser(env);
  const api = client(env, user);
  await api('PATCH', '/me', { timeZone });
  const contact = async (body: object) => (await api('POST', '/contacts', body)).body;
  const log = async (participantIds: string[], occurredAt: string, extra: object = {}) => {
    const response = await api('POST', '/interactions', { participantIds, kind: 'coffee', occurredAt, summary: 'Coffee', ...extra });
    expect(response.status).toBe(201);
    return response.body;
  };
  return { user, api, contact, log };
}

describeEachDatabase('nurture', (env) => {
  it('lists due contacts by urgency with why, their latest news, follow-ups, dates, successes and promises', async () => {
    const { clock } = env();
    clock.set('2025-06-01T09:00:00.000Z');
    const { api, contact, log } = await setUp(env(), 'Europe/Berlin');
    const neverSeen = await contact({ displayName: 'Dana Wide', circle: 'wide' });
    clock.set('2026-01-15T09:00:00.000Z');
    const ines = await contact({ displayName: 'Ines Inner', circle: 'inner', company: 'Atlas', title: 'CTO' });
    const noel = await contact({ displayName: 'Noel Network', circle: 'network' });
    const clara = await contact({ displayName: 'Clara Close', circle: 'close' });
    await contact({ displayName: 'Olga Optout', circle: 'inner', reminders: false });
    await contact({ displayName: 'Nora Nocircle' });
    const gil = await contact({ displayName: 'Gil Birthday', birthday: '--03-10' });
    const hana = await contact({ displayName: 'Hana Today', birthday: '1990-03-02' });
    await contact({ displayName: 'Far Away', birthday: '--04-20' });

    const last = await log([ines.id], '2026-02-10T09:00:00.000Z', { followUp: { text: 'Send the deck', due: '2026-03-01' } });
    await log([ines.id], '2026-01-20T09:00:00.000Z', { followUp: { text: 'Intro to Sam', due: '2026-03-05' } });
    await log([ines.id], '2026-01-21T09:00:00.000Z', { followUp: { text: 'Done already', due: '2026-02-01', done: true } });
    await log([noel.id], '2025-11-05T09:00:00.000Z');
    await log([clara.id], '2026-02-20T09:00:00.000Z');
    const news = (await api('POST', `/contacts/${ines.id}/events`, { kind: 'new_job', date: '2026-02-20', note: 'Joined Atlas' })).body;
    await api('POST', `/contacts/${ines.id}/events`, { kind: 'work_anniversary', date: '2019-03-05' });
    await api('POST', `/contacts/${noel.id}/events`, { kind: 'promotion', date: '2026-01-10' });
    const promise = (await api('POST', `/contacts/${noel.id}/exchanges`, { direction: 'i_offered', description: 'Review their CV', dueOn: '2026-03-04' })).body;
    await api('POST', `/contacts/${noel.id}/exchanges`, { direction: 'they_offered', description: 'Intro to their VP' });

    clock.set('2026-03-02T09:00:00.000Z');
    const { status, body: today } = await api('GET', '/today');
    expect(status).toBe(200);
    expect(today.date).toBe('2026-03-02');
    expect(today.due.total).toBe(3);
    expect(
      today.due.items.map((d: { contact: { displayName: string }; dueAt: string; overdueDays: number; cadenceDays: number; reason: string }) => [
        d.contact.displayName,
        d.dueAt,
        d.overdueDays,
        d.cadenceDays,
        d.reason,
      ]),
    ).toEqual([
      // inner: a full 3.5-day unit late on 27 February, the most urgent
      ['Ines Inner', '2026-02-24T09:00:00.000Z', 6, 14, 'Last contact 20 days ago; you aim for every 14 days, 6 days overdue.'],
      // network: 27 days late but a unit is 45 days
      ['Noel Network', '2026-02-03T09:00:00.000Z', 27, 90, 'Last contact 117 days ago; you aim for every 90 days, 27 days overdue.'],
      ['Dana Wide', '2025-11-28T09:00:00.000Z', 94, 180, 'No interaction logged yet; you aim for every 180 days.'],
    ]);
    expect(today.due.items[0].lastInteraction).toEqual({ id: last.id, kind: 'coffee', summary: 'Coffee', occurredAt: '2026-02-10T09:00:00.000Z' });
    expect(today.due.items[0].latestNews.id).toBe(news.id);
    expect(today.due.items[1].latestNews.kind).toBe('promotion');
    expect(today.due.items[2].contact).toEqual({ id: neverSeen.id, displayName: 'Dana Wide', company: null, title: null, circle: 'wide' });

    expect(today.followUps.map((f: { text: string; due: string; overdueDays: number; contacts: { id: string }[] }) => [f.text, f.due, f.overdueDays, f.contacts.map((c) => c.id)])).toEqual([
      ['Send the deck', '2026-03-01', 1, [ines.id]],
    ]);
    expect(today.upcoming.map((u: { contact: { displayName: string }; kind: string; date: string; inDays: number; years: number | null }) => [u.contact.displayName, u.kind, u.date, u.inDays, u.years])).toEqual([
      ['Hana Today', 'birthday', '2026-03-02', 0, 36],
      ['Ines Inner', 'work_anniversary', '2026-03-05', 3, 7],
      ['Gil Birthday', 'birthday', '2026-03-10', 8, null],
    ]);
    expect(today.successes.map((s: { contact: { id: string }; event: { id: string } }) => [s.contact.id, s.event.id])).toEqual([[ines.id, news.id]]);
    expect(today.promises.map((p: { exchange: { id: string } }) => p.exchange.id)).toEqual([promise.id]);
    expect(gil.birthday).toBe('--03-10');
    expect(hana.birthday).toBe('1990-03-02');
  });

  it('starts the day at local midnight in the user time zone', async () => {
    const { clock } = env();
    clock.set('2026-02-01T09:00:00.000Z');
    const { api, contact, log } = await setUp(env(), 'Europe/Berlin');
    const c = await contact({ displayName: 'Midnight', cadenceDays: 30 });
    // Due 2026-03-02T23:30Z, which is 00:30 on 3 March in Berlin.
    await log([c.id], '2026-01-31T23:30:00.000Z');
    clock.set('2026-03-02T22:30:00.000Z');
    expect((await api('GET', '/today')).body).toMatchObject({ date: '2026-03-02', due: { total: 0 } });
    clock.set('2026-03-02T23:10:00.000Z');
    expect((await api('GET', '/today')).body).toMatchObject({ date: '2026-03-03', due: { total: 1 } });
  });

  it('ends a day that has lost an hour to daylight saving at the right instant', async () => {
    const { clock } = env();
    clock.set('2026-02-01T09:00:00.000Z');
    const { api, contact, log } = await setUp(env(), 'Europe/Berlin');
    const late = await contact({ displayName: 'Late Evening', cadenceDays: 50 });
    const early = await contact({ displayName: 'Early Morning', cadenceDays: 50 });
    // 23:45 on 29 March in Berlin (summer time, UTC+2), and 00:15 on 30 March.
    await log([late.id], new Date(Date.parse('2026-03-29T21:45:00.000Z') - 50 * DAY).toISOString());
    await log([early.id], new Date(Date.parse('2026-03-29T22:15:00.000Z') - 50 * DAY).toISOString());
    clock.set('2026-03-29T21:30:00.000Z');
    const today = (await api('GET', '/today')).body;
    expect(today.date).toBe('2026-03-29');
    expect(today.due.items.map((d: { contact: { id: string } }) => d.contact.id)).toEqual([late.id]);
  });

  it('celebrates a 29 February birthday on 28 February in a year without one', async () => {
    const { clock } = env();
    clock.set('2027-02-20T12:00:00.000Z');
    const { api, contact } = await setUp(env(), 'UTC');
    await contact({ displayName: 'Leap Born', birthday: '2000-02-29' });
    await contact({ displayName: 'Leap Unknown Year', birthday: '--02-29' });
    const today = (await api('GET', '/today')).body;
    expect(today.upcoming.map((u: { contact: { displayName: string }; date: string; inDays: number; years: number | null }) => [u.contact.displayName, u.date, u.inDays, u.years])).toEqual([
      ['Leap Born', '2027-02-28', 8, 27],
      ['Leap Unknown Year', '2027-02-28', 8, null],
    ]);
  });

  it('lists the 50 soonest dates across New Year, by day and then name, when more fall in the fortnight', async () => {
    const { clock, services } = env();
    clock.set('2026-12-27T12:00:00.000Z');
    const { api, user } = await setUp(env(), 'UTC');
    const scope = authenticatedScope(user.userId);
    // 30 on 30 December, 20 on 2 January (the 50th and after), 5 on 3 January; names run against creation order.
    const days = [...Array<string>(30).fill('--12-30'), ...Array<string>(20).fill('--01-02'), ...Array<string>(5).fill('--01-03')];
    for (const [i, birthday] of days.entries()) await services.contacts.create(scope, { displayName: `Person ${String(99 - i).padStart(2, '0')}`, birthday });
    await services.contacts.create(scope, { displayName: 'Aaron Early', birthday: '--01-02' });
    const today = (await api('GET', '/today')).body;
    const listed = today.upcoming.map((u: { contact: { displayName: string }; date: string }) => `${u.date} ${u.contact.displayName}`);
    const expected = [
      ...days.slice(0, 30).map((_, i) => `2026-12-30 Person ${String(99 - i).padStart(2, '0')}`).sort(),
      ...['Aaron Early', ...days.slice(30, 50).map((_, i) => `Person ${String(69 - i).padStart(2, '0')}`)].sort().slice(0, 20).map((name) => `2027-01-02 ${name}`),
    ];
    expect(listed).toEqual(expected);
  });

  it('lists work anniversaries recurring in the fortnight across New Year, read off the index by kind and day', async () => {
    const { clock, db, dialect } = env();
    clock.set('2026-12-27T12:00:00.000Z');
    const { api, contact, user } = await setUp(env(), 'UTC');
    const anniversary = async (name: string, date: string) => {
      const c = await contact({ displayName: name });
      expect((await api('POST', `/contacts/${c.id}/events`, { kind: 'work_anniversary', date })).status).toBe(201);
    };
    await anniversary('Yesterday', '2020-12-26');
    await anniversary('Old Year', '2019-12-30');
    await anniversary('New Year', '2021-01-02');
    await anniversary('Last Day In', '2022-01-10');
    await anniversary('First Day Out', '2022-01-11');
    const upcoming = (await api('GET', '/today')).body.upcoming;
    expect(upcoming.map((u: { contact: { displayName: string }; kind: string; date: string; years: number | null }) => [u.contact.displayName, u.kind, u.date, u.years])).toEqual([
      ['Old Year', 'work_anniversary', '2026-12-30', 7],
      ['New Year', 'work_anniversary', '2027-01-02', 6],
      ['Last Day In', 'work_anniversary', '2027-01-10', 5],
    ]);
    if (dialect !== 'sqlite') return;
    const text = [...PRECOMPILED_TEXTS].find((t) => t.includes('"e"."kind" in') && t.includes('BETWEEN'))!;
    const plan = db
      .sqlite!.prepare(`EXPLAIN QUERY PLAN ${text}`)
      .all(user.userId, user.userId, 'birthday', 'work_anniversary', 1227, 1231, 500)
      .map((row) => (row as { detail: string }).detail);
    // By kind alone, it read every work anniversary of the owner and worked out each one's day.
    expect(plan.filter((step) => step.includes(' e '))).toEqual(['SEARCH e USING INDEX contact_events_by_kind_day (owner_id=? AND kind=? AND <expr>>? AND <expr><?)']);
  });

  it('lists the 50 soonest milestones by day and then name, whatever order they were added in', async () => {
    const { clock, services } = env();
    clock.set('2026-03-01T12:00:00.000Z');
    const { api, user } = await setUp(env(), 'UTC');
    const scope = authenticatedScope(user.userId);
    // 48 launches on 3 March, then 4 on 5 March of which the last added sorts first by name.
    const planned = [...Array.from({ length: 48 }, (_, i) => [`Person ${String(i).padStart(2, '0')}`, '2026-03-03']), ['Zed', '2026-03-05'], ['Yan', '2026-03-05'], ['Xia', '2026-03-05'], ['Abe', '2026-03-05']];
    for (const [name, date] of planned) {
      const c = await services.contacts.create(scope, { displayName: name! });
      expect((await api('POST', `/contacts/${c.id}/events`, { kind: 'launch', date })).status).toBe(201);
    }
    const listed = (await api('GET', '/today')).body.upcoming.map((u: { contact: { displayName: string }; date: string }) => `${u.date} ${u.contact.displayName}`);
    expect(listed).toEqual([...planned.slice(0, 48).map(([name]) => `2026-03-03 ${name}`), '2026-03-05 Abe', '2026-03-05 Xia']);
  });

  it('snoozes a check-in for a week, a month or until a date, and refuses a past date', async () => {
    const { clock } = env();
    clock.set('2026-01-01T09:00:00.000Z');
    const { api, contact } = await setUp(env(), 'America/New_York');
    const c = await contact({ displayName: 'Sleepy', cadenceDays: 10 });
    clock.set('2026-03-02T15:00:00.000Z');
    expect((await api('GET', '/today')).body.due.total).toBe(1);

    const week = await api('POST', `/contacts/${c.id}/snooze`, { for: 'week' });
    expect(week.status).toBe(200);
    // Summer time starts in New York on 8 March, so 9 March begins at 04:00Z.
    expect(week.body.dueAt).toBe('2026-03-09T04:00:00.000Z');
    expect((await api('GET', '/today')).body.due.total).toBe(0);
    expect((await api('POST', `/contacts/${c.id}/snooze`, { for: 'month' })).body.dueAt).toBe('2026-04-01T04:00:00.000Z');
    expect((await api('POST', `/contacts/${c.id}/snooze`, { until: '2026-05-01' })).body.snoozedUntil).toBe('2026-05-01T04:00:00.000Z');

    const before = (await api('GET', `/contacts/${c.id}`)).body;
    for (const until of ['2026-03-01', '2026-03-02']) {
      const refused = await api('POST', `/contacts/${c.id}/snooze`, { until });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toEqual({ code: 'VALIDATION_FAILED', message: 'Invalid input: until must be after today (2026-03-02)', details: { fields: [{ path: 'until', message: 'must be after today (2026-03-02)' }] } });
    }
    expect((await api('POST', `/contacts/${c.id}/snooze`, { until: '2026-02-30' })).status).toBe(400);
    expect((await api('POST', '/contacts/nope/snooze', { for: 'week' })).body.error.code).toBe('CONTACT_NOT_FOUND');
    expect((await api('GET', `/contacts/${c.id}`)).body).toEqual(before);

    const woken = await api('DELETE', `/contacts/${c.id}/snooze`);
    expect(woken.body.snoozedUntil).toBeNull();
    expect(woken.body.dueAt).toBe('2026-01-11T09:00:00.000Z');
  });

  it('refuses cadences of zero or less, and recomputes due dates when circle cadences change', async () => {
    const { clock } = env();
    clock.set('2026-01-01T09:00:00.000Z');
    const { api, contact } = await setUp(env(), 'UTC');
    const c = await contact({ displayName: 'Inner One', circle: 'inner' });
    expect(c.dueAt).toBe('2026-01-15T09:00:00.000Z');
    const zero = await api('PATCH', `/contacts/${c.id}`, { cadenceDays: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.error.details.fields).toEqual([{ path: 'cadenceDays', message: 'must be at least 1 day' }]);
    expect((await api('PATCH', '/nurture/settings', { cadences: { inner: -3 } })).status).toBe(400);
    expect((await api('GET', '/nurture/settings')).body).toEqual({ cadences: { inner: 14, close: 30, network: 90, wide: 180 }, strengthHalfLifeDays: 90 });

    const changed = await api('PATCH', '/nurture/settings', { cadences: { inner: 7 } });
    expect(changed.body.cadences.inner).toBe(7);
    expect((await api('GET', `/contacts/${c.id}`)).body.dueAt).toBe('2026-01-08T09:00:00.000Z');
    const own = await api('PATCH', `/contacts/${c.id}`, { cadenceDays: 3 });
    expect(own.body.dueAt).toBe('2026-01-04T09:00:00.000Z');
    const off = await api('PATCH', `/contacts/${c.id}`, { reminders: false });
    expect(off.body.dueAt).toBeNull();
  });

  it('records their milestones, refuses dates that do not exist, and celebrates them with an interaction', async () => {
    const { clock } = env();
    clock.set('2026-03-02T09:00:00.000Z');
    const { api, contact } = await setUp(env(), 'UTC');
    const c = await contact({ displayName: 'Mira Promoted', circle: 'close' });
    const bad = await api('POST', `/contacts/${c.id}/events`, { kind: 'promotion', date: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toEqual([{ path: 'date', message: 'is not a real calendar date' }]);
    expect((await api('POST', '/contacts/unknown/events', { kind: 'promotion', date: '2026-02-01' })).body.error.code).toBe('CONTACT_NOT_FOUND');
    expect((await api('GET', `/contacts/${c.id}/events`)).body.items).toEqual([]);

    const event = (await api('POST', `/contacts/${c.id}/events`, { kind: 'promotion', date: '2026-02-25', note: 'Head of Design' })).body;
    expect((await api('GET', '/today')).body.successes).toHaveLength(1);
    const celebrated = await api('POST', `/events/${event.id}/celebrate`, { kind: 'message', channel: 'LinkedIn' });
    expect(celebrated.status).toBe(200);
    expect(celebrated.body.acknowledgedAt).toBe('2026-03-02T09:00:00.000Z');
    const interaction = (await api('GET', `/interactions/${celebrated.body.acknowledgementId}`)).body;
    expect([interaction.summary, interaction.kind, interaction.channel, interaction.participants.map((p: { id: string }) => p.id)]).toEqual([
      'Congratulated Mira Promoted on their promotion',
      'message',
      'LinkedIn',
      [c.id],
    ]);
    expect((await api('GET', `/contacts/${c.id}`)).body.lastInteractionAt).toBe('2026-03-02T09:00:00.000Z');
    expect((await api('GET', '/today')).body.successes).toEqual([]);
    expect((await api('PATCH', `/events/${event.id}`, { date: '2026-02-24' })).body.date).toBe('2026-02-24');
    expect((await api('DELETE', `/events/${event.id}`)).status).toBe(204);
    expect((await api('DELETE', `/events/${event.id}`)).body.error.code).toBe('EVENT_NOT_FOUND');
  });

  it('keeps a ledger of offers and asks with its balance', async () => {
    const { clock } = env();
    clock.set('2026-03-02T09:00:00.000Z');
    const { api, contact } = await setUp(env(), 'UTC');
    const c = await contact({ displayName: 'Ledger Person' });
    const mine = (await api('POST', `/contacts/${c.id}/exchanges`, { direction: 'i_offered', description: 'Intro to a designer' })).body;
    expect(mine.openedOn).toBe('2026-03-02');
    await api('POST', `/contacts/${c.id}/exchanges`, { direction: 'they_offered', description: 'Coffee with their CEO', done: true });
    await api('POST', `/contacts/${c.id}/exchanges`, { direction: 'they_asked', description: 'Feedback on pitch' });
    expect((await api('GET', `/contacts/${c.id}/exchanges`)).body.balance).toEqual({ given: 0, received: 1, balance: -1, iOwe: 2, theyOwe: 0 });
    expect((await api('GET', '/today')).body.promises).toHaveLength(2);
    const done = await api('PATCH', `/exchanges/${mine.id}`, { done: true });
    expect(done.body.doneAt).toBe('2026-03-02T09:00:00.000Z');
    expect((await api('GET', `/contacts/${c.id}/exchanges`)).body.balance).toEqual({ given: 1, received: 1, balance: 0, iOwe: 1, theyOwe: 0 });
    expect((await api('POST', `/contacts/${c.id}/exchanges`, { direction: 'sideways', description: 'x' })).status).toBe(400);
  });

  it('lists open promises by due date with undated ones last, oldest first', async () => {
    const { clock } = env();
    clock.set('2026-03-02T09:00:00.000Z');
    const { api, contact } = await setUp(env(), 'UTC');
    const c = await contact({ displayName: 'Promise Keeper' });
    const promise = async (direction: string, description: string, extra: object = {}) =>
      (await api('POST', `/contacts/${c.id}/exchanges`, { direction, description, ...extra })).body;
    await promise('they_asked', 'Undated, opened later', { openedOn: '2026-02-20' });
    await promise('i_offered', 'Due last', { dueOn: '2026-04-01' });
    await promise('i_offered', 'Undated, opened first', { openedOn: '2026-01-10' });
    await promise('they_asked', 'Due first', { dueOn: '2026-03-05' });
    await promise('they_offered', 'Theirs to keep', { dueOn: '2026-03-03' });
    await promise('i_offered', 'Kept', { dueOn: '2026-03-01', done: true });
    expect((await api('GET', '/today')).body.promises.map((p: { exchange: { description: string } }) => p.exchange.description)).toEqual([
      'Due first',
      'Due last',
      'Undated, opened first',
      'Undated, opened later',
    ]);
  });

  it('counts due contacts up to a bound', async () => {
    const { clock, db } = env();
    clock.set('2026-01-01T09:00:00.000Z');
    const { user, contact } = await setUp(env(), 'UTC');
    for (const name of ['One', 'Two', 'Three']) await contact({ displayName: name, circle: 'inner' });
    clock.set('2026-03-02T09:00:00.000Z');
    const before = '2026-03-03T00:00:00.000Z';
    expect(await countDue(db.kysely, user.userId, before, 10)).toBe(3);
    expect(await countDue(db.kysely, user.userId, before, 2)).toBe(2);
  });

  it("reads due contacts' latest news through each contact's milestones, even before SQLite has statistics (SQLite)", async () => {
    const { db, dialect } = env();
    if (dialect !== 'sqlite') return;
    const { user, contact } = await setUp(env(), 'UTC');
    const ids = [(await contact({ displayName: 'Ana' })).id, (await contact({ displayName: 'Ben' })).id];
    await latestNewsOf(db.kysely, user.userId, ids, '2026-01-01', '2026-06-30');
    // Precompiled, so its text is among those kept; its values in the order they appear.
    const text = [...PRECOMPILED_TEXTS].find((t) => t.startsWith('select "e".* from "contact_events"'))!;
    const plan = db
      .sqlite!.prepare(`EXPLAIN QUERY PLAN ${text}`)
      .all(JSON.stringify(ids), user.userId, 'birthday', '2026-01-01', '2026-06-30')
      .map((row) => (row as { detail: string }).detail);
    // By the owner's date index, SQLite read every milestone of the six months once per contact.
    expect(plan.filter((step) => step.includes(' e '))).toEqual(['SEARCH e USING INDEX contact_events_contact (contact_id=? AND occurred_on>? AND occurred_on<?)']);
  });

  it('shows relationship strength now and over the last year', async () => {
    const { clock } = env();
    clock.set('2026-03-01T12:00:00.000Z');
    const { api, contact, log } = await setUp(env(), 'UTC');
    const c = await contact({ displayName: 'Strong Tie', circle: 'inner' });
    await log([c.id], '2026-03-01T12:00:00.000Z', { kind: 'meal', quality: 5 });
    await log([c.id], '2025-12-01T12:00:00.000Z', { kind: 'email', quality: 1 });
    const strength = (await api('GET', `/contacts/${c.id}/strength`)).body;
    expect(strength.strength).toBe(42);
    expect(strength.trend.map((p: { strength: number }) => p.strength)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 2, 42]);
    expect((await api('GET', `/contacts/${c.id}`)).body.strength).toBe(42);
    const weak = await contact({ displayName: 'Weak Tie' });
    await log([weak.id], '2025-06-01T12:00:00.000Z');
    const sorted = (await api('GET', '/contacts?sort=strength')).body.items.map((x: { displayName: string; strength: number }) => [x.displayName, x.strength]);
    expect(sorted).toEqual([
      ['Strong Tie', 42],
      ['Weak Tie', 4],
    ]);
  });

  it('publishes check-ins, follow-ups and birthdays as a valid iCalendar feed at a secret, revocable address', async () => {
    const { clock, app } = env();
    clock.set('2026-01-01T09:00:00.000Z');
    const { api, contact, log } = await setUp(env(), 'UTC');
    expect((await api('GET', '/calendar')).body).toEqual({ active: false, createdAt: null });
    const due = await contact({ displayName: 'Due Person', cadenceDays: 20 });
    const leap = await contact({ displayName: 'Leap Person', birthday: '--02-29' });
    const bday = await contact({ displayName: 'Born Person', birthday: '1985-07-14' });
    const interaction = await log([due.id], '2026-01-01T09:00:00.000Z', { followUp: { text: 'Send notes', due: '2026-01-10' } });
    clock.set('2026-02-05T10:00:00.000Z');

    const created = await api('POST', '/calendar');
    expect(created.status).toBe(201);
    const path = new URL(created.body.url).pathname;
    expect(path).toMatch(/^\/calendar\/rpc_[\w-]{43}\.ics$/);
    const fetched = await app.inject({ method: 'GET', url: path });
    expect(fetched.statusCode).toBe(200);
    expect([fetched.headers['content-type'], fetched.headers['cache-control']]).toEqual(['text/calendar; charset=utf-8', 'private, max-age=300']);
    expect(fetched.headers['set-cookie']).toBeUndefined();

    const events = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => {
        const start = e.getFirstPropertyValue('dtstart') as ICAL.Time;
        const rrule = e.getFirstPropertyValue('rrule') as ICAL.Recur | null;
        return [e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('summary'), start.toString(), start.isDate, rrule ? rrule.toString() : null];
      });
    expect(events(fetched.body)).toEqual([
      // due on 21 January, so overdue: shown today
      [`checkin-${due.id}@rapport`, 'Check in with Due Person', '2026-02-05', true, null],
      [`followup-${interaction.id}@rapport`, 'Follow up: Send notes', '2026-02-05', true, null],
      [`birthday-${leap.id}@rapport`, "Leap Person's birthday", '2000-02-29', true, 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1'],
      [`birthday-${bday.id}@rapport`, "Born Person's birthday", '1985-07-14', true, 'FREQ=YEARLY'],
    ]);
    const leapSeries = new ICAL.Component(ICAL.parse(fetched.body)).getAllSubcomponents('vevent')[2]!;
    const iterator = new ICAL.Event(leapSeries).iterator();
    const occurrences = Array.from({ length: 30 }, () => iterator.next()!.toString()).filter((d) => d >= '2027');
    expect(occurrences.slice(0, 2)).toEqual(['2027-02-28', '2028-02-29']);

    // The calendar sees the change on its next refresh: a new interaction moves the check-in.
    await log([due.id], '2026-02-05T10:00:00.000Z');
    await api('PATCH', `/interactions/${interaction.id}`, { followUp: { done: true } });
    const refreshed = events((await app.inject({ method: 'GET', url: path })).body);
    expect(refreshed.slice(0, 1)).toEqual([[`checkin-${due.id}@rapport`, 'Check in with Due Person', '2026-02-25', true, null]]);
    expect(refreshed.map((e) => e[0])).not.toContain(`followup-${interaction.id}@rapport`);

    const notFound = await app.inject({ method: 'GET', url: '/calendar/rpc_madeup.ics' });
    const regenerated = await api('POST', '/calendar');
    const old = await app.inject({ method: 'GET', url: path });
    expect([notFound.statusCode, old.statusCode]).toEqual([404, 404]);
    expect(old.body).toBe(notFound.body);
    expect(notFound.json().error.code).toBe('CALENDAR_NOT_FOUND');
    const newPath = new URL(regenerated.body.url).pathname;
    expect((await app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);
    expect((await api('DELETE', '/calendar')).status).toBe(204);
    expect((await app.inject({ method: 'GET', url: newPath })).body).toBe(notFound.body);
    expect((await api('DELETE', '/calendar')).body.error.code).toBe('CALENDAR_NOT_FOUND');
  });
});
