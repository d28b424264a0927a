// Every kind of bad input the issue names gets a 4xx in the one error shape, naming the field or
// the line at fault, and leaves every table of the database exactly as it was.
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './harness/app.js';
import { expectError } from './harness/http.js';
import { snapshotDatabase } from './harness/snapshot.js';
import { createWorld, type World } from './harness/world.js';

interface Worlds {
  mine: World;
  theirs: World;
}

interface BadInput {
  name: string;
  request(w: Worlds): InjectOptions;
  status: number;
  code: string;
  details(w: Worlds): Record<string, unknown>;
}

const field = (path: string, message: string) => () => ({ fields: [{ path, message }] });
const json = (url: string, body: string, method: 'POST' | 'PATCH' = 'POST'): InjectOptions => ({ method, url, headers: { 'content-type': 'application/json' }, payload: body });
const newContact = (payload: object): InjectOptions => ({ method: 'POST', url: '/api/v1/contacts', payload });
const editContact = (w: Worlds, payload: object): InjectOptions => ({ method: 'PATCH', url: `/api/v1/contacts/${w.mine.contacts[0].id}`, payload });
const newInteraction = (w: Worlds, payload: object): InjectOptions => ({
  method: 'POST',
  url: '/api/v1/interactions',
  payload: { participantIds: [w.mine.contacts[0].id], kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'A call', ...payload },
});
const editInteraction = (w: Worlds, payload: object): InjectOptions => ({ method: 'PATCH', url: `/api/v1/interactions/${w.mine.interactions[0].id}`, payload });
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const cursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
/** Varied CJK characters, 3 bytes each in UTF-8 and hard to compress. */
const chinese = (length: number) => Array.from({ length }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join('');

const REAL_DATE = 'is not a real calendar date';
const REAL_INSTANT = 'is not a real date and time';
const INSTANT_FORMAT = 'must be an ISO 8601 date and time with an offset, such as 2026-03-05T14:07:00Z';
const NAME_NEEDED = 'a contact needs a name: give displayName, firstName, lastName or nickname';

const CASES: BadInput[] = [
  // Malformed JSON: the line and column where the document stops being JSON.
  { name: 'JSON with a missing value', request: () => json('/api/v1/contacts', '{\n  "firstName": "Ada",\n  "lastName": \n}'), status: 400, code: 'INVALID_JSON', details: () => ({ line: 4, column: 1 }) },
  { name: 'JSON cut off before its end', request: () => json('/api/v1/contacts', '{"firstName": "Ada"'), status: 400, code: 'INVALID_JSON', details: () => ({ line: 1, column: 20 }) },
  { name: 'JSON with single quotes', request: () => json('/api/v1/contacts', "{'firstName': 'Ada'}"), status: 400, code: 'INVALID_JSON', details: () => ({ line: 1, column: 2 }) },
  { name: 'JSON with a trailing comma', request: () => json('/api/v1/contacts', '{"firstName": "Ada",\n "tags": ["a",]}'), status: 400, code: 'INVALID_JSON', details: () => ({ line: 2, column: 15 }) },
  { name: 'JSON followed by more text', request: () => json('/api/v1/contacts', '{"firstName": "Ada"} {}'), status: 400, code: 'INVALID_JSON', details: () => ({ line: 1, column: 22 }) },
  { name: 'an empty JSON body', request: () => json('/api/v1/contacts', ''), status: 400, code: 'INVALID_JSON', details: () => ({ line: 1, column: 1 }) },
  { name: 'JSON with a __proto__ key', request: () => json('/api/v1/contacts', '{"firstName": "Ada", "__proto__": {"admin": true}}'), status: 400, code: 'INVALID_JSON', details: () => ({}) },
  { name: 'JSON in a PATCH', request: (w) => json(`/api/v1/interactions/${w.mine.interactions[0].id}`, '{"summary": "x",,}', 'PATCH'), status: 400, code: 'INVALID_JSON', details: () => ({ line: 1, column: 17 }) },

  // Wrong types.
  { name: 'a number for a name', request: () => newContact({ firstName: 42 }), status: 400, code: 'VALIDATION_FAILED', details: field('firstName', 'Invalid input: expected string, received number') },
  { name: 'a string for the tag list', request: () => newContact({ firstName: 'Ada', tags: 'friends' }), status: 400, code: 'VALIDATION_FAILED', details: field('tags', 'Invalid input: expected array, received string') },
  { name: 'a string for the cadence', request: () => newContact({ firstName: 'Ada', cadenceDays: '30' }), status: 400, code: 'VALIDATION_FAILED', details: field('cadenceDays', 'Invalid input: expected number, received string') },
  { name: 'an email that is not one', request: () => newContact({ firstName: 'Ada', emails: [{ value: 'ada at example' }] }), status: 400, code: 'VALIDATION_FAILED', details: field('emails[0].value', 'must be an email address') },
  { name: 'a web address of 6000 bytes', request: () => newContact({ firstName: 'Ada', urls: [{ value: `https://x.example/${chinese(1980)}` }] }), status: 400, code: 'VALIDATION_FAILED', details: field('urls[0].value', 'must be at most 2000 bytes long') },
  { name: 'a circle that does not exist', request: (w) => editContact(w, { circle: 'outer' }), status: 400, code: 'VALIDATION_FAILED', details: field('circle', 'Invalid option: expected one of "inner"|"close"|"network"|"wide"') },
  { name: 'a dimension name in capitals', request: () => newContact({ firstName: 'Ada', dimensions: { Industry: 'Fintech' } }), status: 400, code: 'VALIDATION_FAILED', details: field('dimensions.Industry', 'dimension names are lowercase letters, digits and _, such as industry') },
  { name: 'a quality of 6', request: (w) => newInteraction(w, { quality: 6 }), status: 400, code: 'VALIDATION_FAILED', details: field('quality', 'Too big: expected number to be <=5') },
  { name: 'an unknown kind of interaction', request: (w) => editInteraction(w, { kind: 'lunch' }), status: 400, code: 'VALIDATION_FAILED', details: field('kind', 'Invalid option: expected one of "meeting"|"call"|"video_call"|"message"|"email"|"event"|"coffee"|"meal"|"other"') },
  { name: 'a list for a body', request: () => newContact([{ firstName: 'Ada' }]), status: 400, code: 'VALIDATION_FAILED', details: field('(body)', 'Invalid input: expected object, received array') },

  // Unknown fields.
  { name: 'an unknown field', request: () => newContact({ firstName: 'Ada', favouriteColour: 'blue' }), status: 400, code: 'VALIDATION_FAILED', details: field('favouriteColour', 'is not a known field') },
  { name: 'an unknown field in an email', request: () => newContact({ firstName: 'Ada', emails: [{ value: 'ada@example.com', label: 'work' }] }), status: 400, code: 'VALIDATION_FAILED', details: field('emails[0].label', 'is not a known field') },
  { name: 'an unknown field in what they shared', request: (w) => newInteraction(w, { shared: { mood: 'good' } }), status: 400, code: 'VALIDATION_FAILED', details: field('shared.mood', 'is not a known field') },
  { name: 'an id in a change', request: (w) => editContact(w, { id: 'another-id' }), status: 400, code: 'VALIDATION_FAILED', details: field('id', 'is not a known field') },
  { name: 'an unknown query parameter', request: () => get('/api/v1/contacts?colour=blue'), status: 400, code: 'VALIDATION_FAILED', details: field('query.colour', 'is not a known field') },

  // The NUL character, which PostgreSQL cannot store.
  { name: 'a NUL character in a name', request: () => newContact({ firstName: 'Ada\u0000', emails: [{ value: 'ada@example.com', type: 'wo\u0000rk' }] }), status: 400, code: 'VALIDATION_FAILED', details: () => ({ fields: [{ path: 'firstName', message: 'must not contain the NUL character' }, { path: 'emails[0].type', message: 'must not contain the NUL character' }] }) },
  { name: 'a NUL character in a query', request: () => get('/api/v1/contacts?tag=a%00b'), status: 400, code: 'VALIDATION_FAILED', details: field('query.tag', 'must not contain the NUL character') },
  { name: 'a NUL character in an id', request: () => get('/api/v1/contacts/%00'), status: 400, code: 'VALIDATION_FAILED', details: field('params.id', 'must not contain the NUL character') },

  // Oversized bodies.
  { name: 'a body over the size limit', request: () => newContact({ firstName: 'Ada', notes: 'x'.repeat(1024 * 1024) }), status: 413, code: 'BODY_TOO_LARGE', details: () => ({ limit: 1048576 }) },

  // Unknown ids, and ids of another user.
  { name: 'an unknown contact', request: () => get('/api/v1/contacts/no-such-id'), status: 404, code: 'CONTACT_NOT_FOUND', details: () => ({ id: 'no-such-id' }) },
  { name: 'a change to an unknown contact', request: () => ({ method: 'PATCH', url: '/api/v1/contacts/no-such-id', payload: { notes: 'x' } }), status: 404, code: 'CONTACT_NOT_FOUND', details: () => ({ id: 'no-such-id' }) },
  { name: 'an unknown interaction', request: () => ({ method: 'DELETE', url: '/api/v1/interactions/no-such-id' }), status: 404, code: 'INTERACTION_NOT_FOUND', details: () => ({ id: 'no-such-id' }) },
  { name: 'an unknown token', request: () => ({ method: 'DELETE', url: '/api/v1/tokens/no-such-id' }), status: 404, code: 'TOKEN_NOT_FOUND', details: () => ({ id: 'no-such-id' }) },
  { name: 'an unknown contact in the trash', request: () => ({ method: 'POST', url: '/api/v1/trash/contact/no-such-id/restore' }), status: 404, code: 'CONTACT_NOT_FOUND', details: () => ({ id: 'no-such-id' }) },
  { name: 'a live contact purged from the trash', request: (w) => ({ method: 'DELETE', url: `/api/v1/trash/contact/${w.mine.contacts[1].id}` }), status: 404, code: 'CONTACT_NOT_FOUND', details: (w) => ({ id: w.mine.contacts[1].id }) },
  { name: 'an unknown kind of trash', request: (w) => ({ method: 'POST', url: `/api/v1/trash/person/${w.mine.trashedContactId}/restore` }), status: 400, code: 'VALIDATION_FAILED', details: field('params.type', 'Invalid option: expected one of "contact"|"interaction"') },
  { name: 'an id longer than any id', request: () => get(`/api/v1/contacts/${'x'.repeat(101)}`), status: 400, code: 'VALIDATION_FAILED', details: field('params.id', 'Too big: expected string to have <=100 characters') },
  { name: 'a path part longer than 1000 characters', request: () => get(`/api/v1/contacts/${'x'.repeat(1001)}`), status: 400, code: 'BAD_REQUEST', details: () => ({}) },
  { name: 'a path that is not valid percent-encoding', request: () => get('/api/v1/contacts/%E0%A4%A'), status: 400, code: 'BAD_REQUEST', details: () => ({}) },
  { name: 'an unknown contact to list interactions of', request: () => get('/api/v1/interactions?contactId=no-such-id'), status: 404, code: 'CONTACT_NOT_FOUND', details: () => ({ id: 'no-such-id' }) },
  { name: "another user's contact", request: (w) => get(`/api/v1/contacts/${w.theirs.contacts[0].id}`), status: 404, code: 'CONTACT_NOT_FOUND', details: (w) => ({ id: w.theirs.contacts[0].id }) },
  { name: "a change to another user's interaction", request: (w) => ({ method: 'PATCH', url: `/api/v1/interactions/${w.theirs.interactions[0].id}`, payload: { summary: 'x' } }), status: 404, code: 'INTERACTION_NOT_FOUND', details: (w) => ({ id: w.theirs.interactions[0].id }) },
  { name: "another user's token", request: (w) => ({ method: 'DELETE', url: `/api/v1/tokens/${w.theirs.tokenIds[0]}` }), status: 404, code: 'TOKEN_NOT_FOUND', details: (w) => ({ id: w.theirs.tokenIds[0] }) },

  // Dates that do not exist, or are not dates.
  { name: 'a birthday on 29 February 2023', request: () => newContact({ firstName: 'Ada', birthday: '2023-02-29' }), status: 400, code: 'VALIDATION_FAILED', details: field('birthday', REAL_DATE) },
  { name: 'a birthday without a year on 30 February', request: (w) => editContact(w, { birthday: '--02-30' }), status: 400, code: 'VALIDATION_FAILED', details: field('birthday', REAL_DATE) },
  { name: 'a birthday in words', request: () => newContact({ firstName: 'Ada', birthday: 'March 14' }), status: 400, code: 'VALIDATION_FAILED', details: field('birthday', 'must be YYYY-MM-DD, or --MM-DD without a year') },
  { name: 'a meeting date in month 13', request: () => newContact({ firstName: 'Ada', metOn: '2026-13-01' }), status: 400, code: 'VALIDATION_FAILED', details: field('metOn', REAL_DATE) },
  { name: 'a meeting date without leading zeros', request: (w) => editContact(w, { metOn: '2026-3-1' }), status: 400, code: 'VALIDATION_FAILED', details: field('metOn', 'must be a date as YYYY-MM-DD') },
  { name: 'an interaction on 30 February', request: (w) => newInteraction(w, { occurredAt: '2026-02-30T10:00:00Z' }), status: 400, code: 'VALIDATION_FAILED', details: field('occurredAt', REAL_INSTANT) },
  { name: 'an interaction at 24:00', request: (w) => editInteraction(w, { occurredAt: '2026-03-01T24:00:00Z' }), status: 400, code: 'VALIDATION_FAILED', details: field('occurredAt', REAL_INSTANT) },
  { name: 'an interaction 25 hours ahead of UTC', request: (w) => newInteraction(w, { occurredAt: '2026-03-01T10:00:00+25:00' }), status: 400, code: 'VALIDATION_FAILED', details: field('occurredAt', REAL_INSTANT) },
  { name: 'an interaction time without an offset', request: (w) => newInteraction(w, { occurredAt: '2026-03-01T10:00:00' }), status: 400, code: 'VALIDATION_FAILED', details: field('occurredAt', INSTANT_FORMAT) },
  { name: 'an interaction "yesterday"', request: (w) => newInteraction(w, { occurredAt: 'yesterday' }), status: 400, code: 'VALIDATION_FAILED', details: field('occurredAt', INSTANT_FORMAT) },
  { name: 'a follow-up due on 31 April', request: (w) => newInteraction(w, { followUp: { text: 'Send the deck', due: '2026-04-31' } }), status: 400, code: 'VALIDATION_FAILED', details: field('followUp.due', REAL_DATE) },
  { name: 'a follow-up due "soon"', request: (w) => editInteraction(w, { followUp: { due: 'soon' } }), status: 400, code: 'VALIDATION_FAILED', details: field('followUp.due', 'must be a date as YYYY-MM-DD') },
  { name: 'interactions from 30 February', request: () => get('/api/v1/interactions?from=2026-02-30T00:00:00Z'), status: 400, code: 'VALIDATION_FAILED', details: field('query.from', REAL_INSTANT) },
  { name: 'interactions from "yesterday"', request: () => get('/api/v1/interactions?from=yesterday'), status: 400, code: 'VALIDATION_FAILED', details: field('query.from', INSTANT_FORMAT) },

  // Empty names and texts.
  { name: 'a contact without any name', request: () => newContact({ company: 'Navy' }), status: 400, code: 'VALIDATION_FAILED', details: field('displayName', NAME_NEEDED) },
  { name: 'a contact whose names are blank', request: () => newContact({ firstName: '   ', lastName: '' }), status: 400, code: 'VALIDATION_FAILED', details: field('displayName', NAME_NEEDED) },
  { name: 'a change that removes every name', request: (w) => editContact(w, { firstName: null, lastName: null }), status: 400, code: 'VALIDATION_FAILED', details: field('displayName', 'a contact needs a name') },
  { name: 'an empty tag', request: () => newContact({ firstName: 'Ada', tags: ['ok', ' '] }), status: 400, code: 'VALIDATION_FAILED', details: field('tags[1]', 'must not be empty') },
  { name: 'an interaction without a summary', request: (w) => newInteraction(w, { summary: '  ' }), status: 400, code: 'VALIDATION_FAILED', details: field('summary', 'must not be empty') },

  // Participants.
  { name: 'a participant that does not exist', request: (w) => newInteraction(w, { participantIds: [w.mine.contacts[0].id, 'no-such-id'] }), status: 404, code: 'CONTACT_NOT_FOUND', details: () => ({ fields: [{ path: 'participantIds[1]', message: 'no contact with id no-such-id' }] }) },
  { name: 'a participant in the trash', request: (w) => editInteraction(w, { participantIds: [w.mine.trashedContactId] }), status: 404, code: 'CONTACT_NOT_FOUND', details: (w) => ({ fields: [{ path: 'participantIds[0]', message: `no contact with id ${w.mine.trashedContactId}` }] }) },
  { name: "another user's contact as participant", request: (w) => newInteraction(w, { participantIds: [w.theirs.contacts[0].id] }), status: 404, code: 'CONTACT_NOT_FOUND', details: (w) => ({ fields: [{ path: 'participantIds[0]', message: `no contact with id ${w.theirs.contacts[0].id}` }] }) },
  { name: 'no participants', request: (w) => newInteraction(w, { participantIds: [] }), status: 400, code: 'VALIDATION_FAILED', details: field('participantIds', 'an interaction needs at least one participant') },

  // Wrong content type.
  { name: 'JSON sent as text/plain', request: () => ({ method: 'POST', url: '/api/v1/contacts', headers: { 'content-type': 'text/plain' }, payload: '{"firstName": "Ada"}' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', details: () => ({ contentType: 'text/plain' }) },
  { name: 'a body without a content type', request: () => ({ method: 'POST', url: '/api/v1/contacts', payload: '{"firstName": "Ada"}' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', details: () => ({ contentType: null }) },
  { name: 'a form instead of JSON', request: () => ({ method: 'POST', url: '/api/v1/contacts', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'firstName=Ada' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', details: () => ({ contentType: 'application/x-www-form-urlencoded' }) },

  // Bad query strings.
  { name: 'a page of 0 contacts', request: () => get('/api/v1/contacts?limit=0'), status: 400, code: 'VALIDATION_FAILED', details: field('query.limit', 'Too small: expected number to be >=1') },
  { name: 'a page of 501 interactions', request: () => get('/api/v1/interactions?limit=501'), status: 400, code: 'VALIDATION_FAILED', details: field('query.limit', 'Too big: expected number to be <=500') },
  { name: 'a page size in words', request: () => get('/api/v1/contacts?limit=ten'), status: 400, code: 'VALIDATION_FAILED', details: field('query.limit', 'Invalid input: expected number, received NaN') },
  { name: 'an unknown sort', request: () => get('/api/v1/contacts?sort=age'), status: 400, code: 'VALIDATION_FAILED', details: field('query.sort', 'Invalid option: expected one of "name"|"-name"|"company"|"-company"|"lastInteraction"|"-lastInteraction"|"created"|"-created"') },
  { name: 'a circle filter that is no circle', request: () => get('/api/v1/contacts?circle=close&circle=outer'), status: 400, code: 'VALIDATION_FAILED', details: field('query.circle', 'Invalid option: expected one of "inner"|"close"|"network"|"wide"') },
  { name: 'an unknown kind to list', request: () => get('/api/v1/interactions?kind=lunch'), status: 400, code: 'VALIDATION_FAILED', details: field('query.kind', 'Invalid option: expected one of "meeting"|"call"|"video_call"|"message"|"email"|"event"|"coffee"|"meal"|"other"') },
  { name: 'an unknown kind of search result', request: () => get('/api/v1/search?q=ada&type=person'), status: 400, code: 'VALIDATION_FAILED', details: field('query.type', 'Invalid option: expected one of "contact"|"interaction"') },
  { name: 'a dimension filter without a value', request: () => get('/api/v1/contacts?dimension=industry'), status: 400, code: 'VALIDATION_FAILED', details: field('query.dimension', '"industry" is not name:value, such as industry:Fintech') },
  { name: 'a search for nothing', request: () => get('/api/v1/search?q=%20'), status: 400, code: 'VALIDATION_FAILED', details: field('query.q', 'must not be empty') },
  { name: 'a cursor that is not one', request: () => get('/api/v1/contacts?cursor=garbage'), status: 400, code: 'INVALID_CURSOR', details: field('query.cursor', 'is not a cursor of this listing') },
  { name: 'a cursor of another sort', request: () => get(`/api/v1/contacts?sort=company&cursor=${cursor(['name', 'ada', 'x'])}`), status: 400, code: 'INVALID_CURSOR', details: field('query.cursor', 'is not a cursor of this listing') },
  { name: 'a contact cursor holding no date', request: () => get(`/api/v1/contacts?sort=created&cursor=${cursor(['created', 'not a date', 'x'])}`), status: 400, code: 'INVALID_CURSOR', details: field('query.cursor', 'is not a cursor of this listing') },
  { name: 'an interaction cursor holding no date', request: () => get(`/api/v1/interactions?cursor=${cursor(['newest', 'soon', 'x'])}`), status: 400, code: 'INVALID_CURSOR', details: field('query.cursor', 'is not a cursor of this listing') },
  { name: 'a contact cursor holding a number for a name', request: () => get(`/api/v1/contacts?cursor=${cursor(['name', 5, 'x'])}`), status: 400, code: 'INVALID_CURSOR', details: field('query.cursor', 'is not a cursor of this listing') },
];

describeEachDatabase('bad input', (env) => {
  const worlds = {} as Worlds;
  beforeAll(async () => {
    worlds.mine = await createWorld(env(), 'zephyr');
    worlds.theirs = await createWorld(env(), 'quasar');
  });

  it.each(CASES.map((c) => [c.name, c] as const))('answers %s with a 4xx that says where, and changes nothing', async (_name, bad) => {
    const before = await snapshotDatabase(env().db);
    const request = bad.request(worlds);
    const response = await env().app.inject({ ...request, headers: { ...worlds.mine.user.headers, ...request.headers } });
    const error = expectError(response, bad.status, bad.code);
    expect(error.details).toEqual(bad.details(worlds));
    expect(await snapshotDatabase(env().db)).toEqual(before);
  });
});
