import { describe, expect, it } from 'vitest';
import { createServices } from '../src/services.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { createUser, describeEachDatabase, type TestEnv } from './harness/app.js';
import { TEST_START } from './harness/databases.js';
import { expectError, fieldPaths, sessionOf, signIn, type Session } from './harness/http.js';
import { snapshotDatabase, snapshotOwnedBy } from './harness/snapshot.js';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const FIRST_ACCOUNT = { email: 'ada@example.com', password: 'correct horse battery staple', displayName: 'Ada Lovelace' };

let addresses = 0;
/** A client address of its own, so failed sign-ins of one test never count against another. */
function newAddress(): string {
  addresses += 1;
  return `10.0.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
}

async function countUsers(env: TestEnv): Promise<number> {
  return (await env.services.accounts.listUsers()).length;
}

describeEachDatabase(
  'first-run setup',
  (env) => {
    it('says setup is needed while no account exists', async () => {
      const response = await env().app.inject({ method: 'GET', url: '/api/v1/setup' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ needed: true });
    });

    it('creates the first account, signs it in and then says setup is done', async () => {
      const { app } = env();
      const response = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...FIRST_ACCOUNT, timeZone: 'Europe/Berlin' } });
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body).toEqual({
        user: { id: expect.any(String), email: 'ada@example.com', displayName: 'Ada Lovelace', timeZone: 'Europe/Berlin', weekStart: 1, createdAt: TEST_START },
        csrfToken: expect.any(String),
        expiresAt: '2026-04-01T09:00:00.000Z',
      });
      const session = sessionOf(response);
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
      expect(me.json()).toEqual(body.user);
      expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    });

    it('refuses a second setup with SETUP_DONE and creates nothing', async () => {
      const { app, db } = env();
      expect((await app.inject({ method: 'POST', url: '/api/v1/setup', payload: FIRST_ACCOUNT })).statusCode).toBe(201);
      const before = await snapshotDatabase(db);
      const second = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...FIRST_ACCOUNT, email: 'mallory@example.com' } });
      expectError(second, 409, 'SETUP_DONE');
      expect(second.headers['set-cookie']).toBeUndefined();
      expect(await snapshotDatabase(db)).toEqual(before);
    });

    it('lets exactly one of two simultaneous setups through', async () => {
      const { app } = env();
      const responses = await Promise.all(
        ['ada@example.com', 'mallory@example.com'].map((email) => app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...FIRST_ACCOUNT, email } })),
      );
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(await countUsers(env())).toBe(1);
    });

    it('creates one account when the same email is added twice at once', async () => {
      const results = await Promise.allSettled([env().services.accounts.createUser(FIRST_ACCOUNT), env().services.accounts.createUser(FIRST_ACCOUNT)]);
      expect(results.map((r) => (r.status === 'fulfilled' ? 'created' : (r.reason as { code?: string }).code)).sort()).toEqual(['EMAIL_TAKEN', 'created']);
      expect(await countUsers(env())).toBe(1);
    });

    it('refuses setup once an account was made from the command line', async () => {
      await env().services.accounts.createUser(FIRST_ACCOUNT);
      expectError(await env().app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...FIRST_ACCOUNT, email: 'x@example.com' } }), 409, 'SETUP_DONE');
      expect(await countUsers(env())).toBe(1);
    });

    it('rejects a first account with a short password and stays in setup', async () => {
      const response = await env().app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...FIRST_ACCOUNT, password: 'short' } });
      expect(fieldPaths(expectError(response, 400, 'VALIDATION_FAILED'))).toEqual(['password']);
      expect(await countUsers(env())).toBe(0);
    });
  },
  { freshPerTest: true },
);

describeEachDatabase('accounts', (env) => {
  describe('sign-in', () => {
    it('answers the right password with the user, a CSRF token and an HttpOnly, SameSite=Lax session cookie', async () => {
      const user = await createUser(env());
      const response = await env().app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: user.password } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        user: { id: user.userId, email: user.email, displayName: 'Test User', timeZone: 'UTC', weekStart: 1, createdAt: TEST_START },
        csrfToken: expect.stringMatching(/^[\w-]{43}$/),
        expiresAt: '2026-04-01T09:00:00.000Z',
      });
      expect(response.cookies).toEqual([
        {
          name: 'rapport_session',
          value: expect.stringMatching(/^rps_[\w-]{43}$/),
          path: '/',
          expires: new Date('2026-04-01T09:00:00.000Z'),
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
    });

    it('finds the account whatever the case of the email', async () => {
      const user = await createUser(env());
      const response = await env().app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: ` ${user.email.toUpperCase()} `, password: user.password } });
      expect(response.json().user.id).toBe(user.userId);
    });

    it('gives a wrong password and an unknown email the same INVALID_CREDENTIALS answer', async () => {
      const user = await createUser(env());
      const remoteAddress = newAddress();
      const wrongPassword = await env().app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: 'not the password' }, remoteAddress });
      const unknownEmail = await env().app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'nobody@example.com', password: user.password }, remoteAddress });
      expect(expectError(wrongPassword, 401, 'INVALID_CREDENTIALS')).toEqual({ code: 'INVALID_CREDENTIALS', message: 'The email or password is wrong.', details: {} });
      expect(unknownEmail.statusCode).toBe(401);
      expect(unknownEmail.json()).toEqual(wrongPassword.json());
      expect(wrongPassword.headers['set-cookie']).toBeUndefined();
      expect(unknownEmail.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('sign-in rate limits', () => {
    const attempt = (email: string, password: string, remoteAddress: string) =>
      env().app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress });

    it('locks an account for 15 minutes after 5 failures, even against the right password', async () => {
      const user = await createUser(env());
      const remoteAddress = newAddress();
      for (let i = 0; i < 5; i++) expectError(await attempt(user.email, 'wrong password', remoteAddress), 401, 'INVALID_CREDENTIALS');

      const locked = await attempt(user.email, user.password, remoteAddress);
      expect(expectError(locked, 429, 'RATE_LIMITED').details).toEqual({ retryAfterSeconds: 900 });
      expect(locked.headers['retry-after']).toBe('900');

      env().clock.advance(10 * MINUTE);
      expect((await attempt(user.email, user.password, remoteAddress)).headers['retry-after']).toBe('300');

      env().clock.advance(5 * MINUTE);
      expect((await attempt(user.email, user.password, remoteAddress)).statusCode).toBe(200);
    });

    it('lets no more than 5 guesses through when they arrive all at once', async () => {
      const user = await createUser(env());
      const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(user.email, `guess number ${i}`, newAddress())));
      const statuses = guesses.map((r) => r.statusCode);
      const through = statuses.filter((s) => s === 401).length;
      expect(through).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      // The guesses that got through count: the account locks after the rest of its 5 failures.
      for (let i = through; i < 5; i++) expectError(await attempt(user.email, 'one more guess', newAddress()), 401, 'INVALID_CREDENTIALS');
      expectError(await attempt(user.email, user.password, newAddress()), 429, 'RATE_LIMITED');
    });

    it('counts failures per account whichever address they come from', async () => {
      const user = await createUser(env());
      for (let i = 0; i < 5; i++) expectError(await attempt(user.email, 'wrong password', newAddress()), 401, 'INVALID_CREDENTIALS');
      expectError(await attempt(user.email, user.password, newAddress()), 429, 'RATE_LIMITED');
    });

    it('starts counting again after a successful sign-in', async () => {
      const user = await createUser(env());
      const remoteAddress = newAddress();
      for (let i = 0; i < 4; i++) await attempt(user.email, 'wrong password', remoteAddress);
      expect((await attempt(user.email, user.password, remoteAddress)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) expectError(await attempt(user.email, 'wrong password', remoteAddress), 401, 'INVALID_CREDENTIALS');
      expect((await attempt(user.email, user.password, remoteAddress)).statusCode).toBe(200);
    });

    it('blocks an address after 20 failures across accounts, for any further account', async () => {
      const user = await createUser(env());
      const remoteAddress = newAddress();
      for (let i = 0; i < 20; i++) expectError(await attempt(`guess${i}@example.com`, 'wrong password', remoteAddress), 401, 'INVALID_CREDENTIALS');

      const blocked = await attempt(user.email, user.password, remoteAddress);
      expectError(blocked, 429, 'RATE_LIMITED');
      expect(blocked.headers['retry-after']).toBe('900');
      expect((await attempt(user.email, user.password, newAddress())).statusCode).toBe(200);
    });
  });

  describe('CSRF protection of cookie sessions', () => {
    const changes = [
      { name: 'POST /contacts', request: () => ({ method: 'POST' as const, url: '/api/v1/contacts', payload: { firstName: 'Grace' } }), status: 201 },
      { name: 'PATCH /me', request: () => ({ method: 'PATCH' as const, url: '/api/v1/me', payload: { displayName: 'Changed' } }), status: 200 },
      { name: 'DELETE /tokens/:id', request: (tokenId: string) => ({ method: 'DELETE' as const, url: `/api/v1/tokens/${tokenId}` }), status: 204 },
    ];

    async function signedIn() {
      const user = await createUser(env());
      const session = await signIn(env(), user);
      const [token] = await env().services.accounts.listTokens((await env().services.accounts.scopeForEmail(user.email)).scope);
      return { user, session, tokenId: token!.id };
    }

    for (const change of changes) {
      it(`refuses ${change.name} without the x-csrf-token header, or with a wrong one, and changes nothing`, async () => {
        const { user, session, tokenId } = await signedIn();
        const other = await signIn(env(), user);
        const before = await snapshotOwnedBy(env().db, user.userId);
        for (const csrf of [undefined, 'wrong', other.csrfToken]) {
          const headers = { cookie: session.cookie, ...(csrf !== undefined && { 'x-csrf-token': csrf }) };
          const response = await env().app.inject({ ...change.request(tokenId), headers });
          expectError(response, 403, 'CSRF_FAILED');
        }
        expect(await snapshotOwnedBy(env().db, user.userId)).toEqual(before);
      });

      it(`accepts ${change.name} with the session's CSRF token`, async () => {
        const { session, tokenId } = await signedIn();
        const response = await env().app.inject({ ...change.request(tokenId), headers: session.headers });
        expect(response.statusCode).toBe(change.status);
      });

      it(`accepts ${change.name} with a bearer token and no CSRF token`, async () => {
        const { user, tokenId } = await signedIn();
        const response = await env().app.inject({ ...change.request(tokenId), headers: user.headers });
        expect(response.statusCode).toBe(change.status);
      });
    }

    it('needs no CSRF token to read', async () => {
      const { user, session } = await signedIn();
      const response = await env().app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
      expect(response.json().id).toBe(user.userId);
    });
  });

  describe('sessions', () => {
    const me = (headers: Record<string, string>) => env().app.inject({ method: 'GET', url: '/api/v1/me', headers });

    it('signs out: the cookie is cleared and the session no longer works', async () => {
      const user = await createUser(env());
      const session = await signIn(env(), user);
      const response = await env().app.inject({ method: 'DELETE', url: '/api/v1/session', headers: session.headers });
      expect(response.statusCode).toBe(204);
      expect(response.cookies).toEqual([{ name: 'rapport_session', value: '', path: '/', expires: new Date(0), maxAge: 0, sameSite: 'Lax' }]);
      expectError(await me({ cookie: session.cookie }), 401, 'UNAUTHENTICATED');
    });

    it('tells a signed-in session who it is and repeats its CSRF token', async () => {
      const user = await createUser(env());
      const session = await signIn(env(), user);
      const response = await env().app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: session.cookie } });
      expect(response.json()).toEqual({ user: expect.objectContaining({ id: user.userId }), csrfToken: session.csrfToken });
    });

    it('ends a session when it expires after 30 days', async () => {
      const user = await createUser(env());
      const session = await signIn(env(), user);
      env().clock.advance(30 * DAY - 1000);
      expect((await me({ cookie: session.cookie })).statusCode).toBe(200);
      env().clock.advance(1000);
      expectError(await me({ cookie: session.cookie }), 401, 'UNAUTHENTICATED');
    });

    it('refuses an unknown session cookie and an unknown bearer token', async () => {
      expectError(await me({ cookie: 'rapport_session=rps_forged' }), 401, 'UNAUTHENTICATED');
      expectError(await me({ authorization: 'Bearer rpt_forged' }), 401, 'UNAUTHENTICATED');
      expectError(await me({}), 401, 'UNAUTHENTICATED');
    });
  });

  describe('password change', () => {
    const change = (headers: Record<string, string>, payload: object) => env().app.inject({ method: 'POST', url: '/api/v1/me/password', headers, payload });
    const canSignIn = async (email: string, password: string) =>
      (await env().app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress: newAddress() })).statusCode === 200;

    it('refuses a wrong current password and keeps the old one', async () => {
      const user = await createUser(env());
      const session = await signIn(env(), user);
      const before = await snapshotOwnedBy(env().db, user.userId);
      const response = await change(session.headers, { currentPassword: 'not my password', newPassword: 'a brand new password' });
      expect(fieldPaths(expectError(response, 401, 'INVALID_CREDENTIALS'))).toEqual(['currentPassword']);
      expect(await snapshotOwnedBy(env().db, user.userId)).toEqual(before);
    });

    it('counts wrong current passwords as failed sign-ins, so a stolen session cannot guess the password', async () => {
      const user = await createUser(env());
      const session = await signIn(env(), user);
      const guess = (currentPassword: string) =>
        env().app.inject({ method: 'POST', url: '/api/v1/me/password', headers: session.headers, payload: { currentPassword, newPassword: 'a brand new password' }, remoteAddress: newAddress() });
      for (let i = 0; i < 5; i++) expectError(await guess(`guess number ${i}`), 401, 'INVALID_CREDENTIALS');
      const locked = await guess(user.password);
      expectError(locked, 429, 'RATE_LIMITED');
      expect(locked.headers['retry-after']).toBe('900');
      expect(await canSignIn(user.email, user.password)).toBe(false);
    });

    it('rejects a new password shorter than 10 characters', async () => {
      const user = await createUser(env());
      const response = await change(user.headers, { currentPassword: user.password, newPassword: 'short' });
      expect(expectError(response, 400, 'VALIDATION_FAILED').details).toEqual({ fields: [{ path: 'newPassword', message: 'must be at least 10 characters' }] });
    });

    it('changes the password, keeps the current session and signs out every other one', async () => {
      const user = await createUser(env());
      const current = await signIn(env(), user);
      const other = await signIn(env(), user);
      const response = await change(current.headers, { currentPassword: user.password, newPassword: 'a brand new password' });
      expect(response.statusCode).toBe(204);
      expect((await me(current)).statusCode).toBe(200);
      expectError(await me(other), 401, 'UNAUTHENTICATED');
      expect(await canSignIn(user.email, user.password)).toBe(false);
      expect(await canSignIn(user.email, 'a brand new password')).toBe(true);
    });

    it('signs out every session when changed with an API token, which keeps working', async () => {
      const user = await createUser(env());
      const session = await signIn(env(), user);
      expect((await change(user.headers, { currentPassword: user.password, newPassword: 'a brand new password' })).statusCode).toBe(204);
      expectError(await me(session), 401, 'UNAUTHENTICATED');
      expect((await me(user.headers)).statusCode).toBe(200);
    });

    function me(auth: Session | Record<string, string>) {
      const headers = 'cookie' in auth && 'csrfToken' in auth ? { cookie: auth.cookie } : (auth as Record<string, string>);
      return env().app.inject({ method: 'GET', url: '/api/v1/me', headers });
    }
  });

  describe('API tokens', () => {
    it('shows the secret once on creation and only its last characters in the list', async () => {
      const user = await createUser(env());
      const created = await env().app.inject({ method: 'POST', url: '/api/v1/tokens', headers: user.headers, payload: { name: 'backup script' } });
      expect(created.statusCode).toBe(201);
      const { token, info } = created.json();
      expect(token).toMatch(/^rpt_[\w-]{43}$/);
      expect(info).toEqual({ id: expect.any(String), name: 'backup script', hint: token.slice(-4), createdAt: TEST_START, lastUsedAt: null });

      const listed = await env().app.inject({ method: 'GET', url: '/api/v1/tokens', headers: user.headers });
      expect(listed.body).not.toContain(token);
      expect(listed.body).not.toContain(token.slice(4, -4));
      const items = listed.json().items as Record<string, unknown>[];
      expect(items.map((item) => Object.keys(item).sort())).toEqual([
        ['createdAt', 'hint', 'id', 'lastUsedAt', 'name'],
        ['createdAt', 'hint', 'id', 'lastUsedAt', 'name'],
      ]);
      expect(items.find((item) => item.id === info.id)).toEqual(info);
    });

    it('records when a token was last used, at most once a minute', async () => {
      const user = await createUser(env());
      const lastUsed = async () => (await env().app.inject({ method: 'GET', url: '/api/v1/tokens', headers: user.headers })).json().items[0].lastUsedAt;
      expect(await lastUsed()).toBe(TEST_START);
      env().clock.advance(MINUTE);
      expect(await lastUsed()).toBe(TEST_START);
      env().clock.advance(1000);
      expect(await lastUsed()).toBe('2026-03-02T09:01:01.000Z');
    });

    it('revokes a token: it stops working at once, other tokens go on', async () => {
      const user = await createUser(env());
      const { token, info } = (await env().app.inject({ method: 'POST', url: '/api/v1/tokens', headers: user.headers, payload: { name: 'temporary' } })).json();
      const asNew = { authorization: `Bearer ${token}` };
      expect((await env().app.inject({ method: 'GET', url: '/api/v1/me', headers: asNew })).statusCode).toBe(200);

      expect((await env().app.inject({ method: 'DELETE', url: `/api/v1/tokens/${info.id}`, headers: user.headers })).statusCode).toBe(204);
      expectError(await env().app.inject({ method: 'GET', url: '/api/v1/me', headers: asNew }), 401, 'UNAUTHENTICATED');
      expectError(await env().app.inject({ method: 'DELETE', url: `/api/v1/tokens/${info.id}`, headers: user.headers }), 404, 'TOKEN_NOT_FOUND');
      expect((await env().app.inject({ method: 'GET', url: '/api/v1/me', headers: user.headers })).statusCode).toBe(200);
    });

    it('stops a token at once when another process on the database revokes it, as the CLI does', async () => {
      const user = await createUser(env());
      const { token, info } = (await env().app.inject({ method: 'POST', url: '/api/v1/tokens', headers: user.headers, payload: { name: 'script' } })).json();
      const asScript = { authorization: `Bearer ${token}` };
      expect((await env().app.inject({ method: 'GET', url: '/api/v1/me', headers: asScript })).statusCode).toBe(200);

      // Services of their own, sharing only the database, as `rapport user token revoke` has.
      await createServices(env().deps).accounts.revokeToken(authenticatedScope(user.userId), info.id);
      expectError(await env().app.inject({ method: 'GET', url: '/api/v1/me', headers: asScript }), 401, 'UNAUTHENTICATED');
    });

    it('rejects a token without a name', async () => {
      const user = await createUser(env());
      const response = await env().app.inject({ method: 'POST', url: '/api/v1/tokens', headers: user.headers, payload: { name: '  ' } });
      expect(fieldPaths(expectError(response, 400, 'VALIDATION_FAILED'))).toEqual(['name']);
    });
  });

  describe('profile', () => {
    const patch = (headers: Record<string, string>, payload: unknown) => env().app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: payload as object });

    it('shows the signed-in user', async () => {
      const user = await createUser(env(), 'Grace Hopper');
      const response = await env().app.inject({ method: 'GET', url: '/api/v1/me', headers: user.headers });
      expect(response.json()).toEqual({ id: user.userId, email: user.email, displayName: 'Grace Hopper', timeZone: 'UTC', weekStart: 1, createdAt: TEST_START });
    });

    it('changes display name, time zone and week start', async () => {
      const user = await createUser(env());
      const response = await patch(user.headers, { displayName: '  Grace  ', timeZone: 'America/New_York', weekStart: 0 });
      const expected = { id: user.userId, email: user.email, displayName: 'Grace', timeZone: 'America/New_York', weekStart: 0, createdAt: TEST_START };
      expect(response.json()).toEqual(expected);
      expect((await env().app.inject({ method: 'GET', url: '/api/v1/me', headers: user.headers })).json()).toEqual(expected);
    });

    it.each([
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'must be an IANA time zone such as Europe/Berlin'],
      [{ weekStart: 7 }, 'weekStart', 'Too big: expected number to be <=6'],
      [{ weekStart: -1 }, 'weekStart', 'Too small: expected number to be >=0'],
      [{ weekStart: 1.5 }, 'weekStart', 'Invalid input: expected int, received number'],
      [{ weekStart: '1' }, 'weekStart', 'Invalid input: expected number, received string'],
      [{ displayName: '' }, 'displayName', 'must not be empty'],
      [{ email: 'new@example.com' }, 'email', 'is not a known field'],
    ])('rejects %j naming %s, and changes nothing', async (body, path, message) => {
      const user = await createUser(env());
      // The first use of the token records when it was used; that is not the change under test.
      await env().app.inject({ method: 'GET', url: '/api/v1/me', headers: user.headers });
      const before = await snapshotOwnedBy(env().db, user.userId);
      const error = expectError(await patch(user.headers, body), 400, 'VALIDATION_FAILED');
      expect(error.details).toEqual({ fields: [{ path, message }] });
      expect(await snapshotOwnedBy(env().db, user.userId)).toEqual(before);
    });
  });
});

describeEachDatabase(
  'accounts behind HTTPS',
  (env) => {
    it('marks the session cookie Secure when secure cookies are configured', async () => {
      expect(env().config.secureCookies).toBe(true);
      const user = await createUser(env());
      const response = await env().app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: user.password } });
      expect(response.cookies).toEqual([expect.objectContaining({ name: 'rapport_session', httpOnly: true, sameSite: 'Lax', path: '/', secure: true })]);
    });
  },
  { environment: { RAPPORT_SECURE_COOKIES: 'true' } },
);
