import type { Deps } from '../../platform/deps.js';
import { authenticatedScope, type Scope } from '../../platform/auth/scope.js';
import { lockForWrites } from '../../platform/database/locks.js';
import { DECOY_PASSWORD_HASH, hashPassword, hashSecret, newSecret, verifyPassword } from '../../platform/auth/secrets.js';
import { AppError } from '../../platform/errors.js';
import { createRateLimiter } from '../../platform/rate-limit.js';
import { parseInput } from '../../platform/validation.js';
import {
  failureKeys,
  loginInput,
  newUserInput,
  passwordChange,
  profilePatch,
  RATE_LIMIT,
  tokenInput,
  type ApiToken,
  type NewUserInput,
  type ProfilePatch,
  type User,
} from './model.js';
import { settingsOf, settingsPatch, type NurtureSettings, type SettingsPatch } from '../nurture/model.js';
import * as store from './store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
// Recording every use of a token would turn each read into a write; minute precision is plenty.
const TOKEN_TOUCH_INTERVAL_MS = 60 * 1000;
// A few tokens per user; the bound only keeps memory in check should anyone make thousands.
const MAX_KNOWN_TOKENS = 1000;

export interface SignedIn {
  user: User;
  /** The session secret for the cookie; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

export interface Authenticated {
  scope: Scope;
  user: User;
}

/** The CSRF token is derived from the session secret, so it needs no storage and dies with the session. */
export function csrfTokenFor(sessionToken: string): string {
  return hashSecret(`csrf:${sessionToken}`);
}

export function createAccountsService(deps: Deps, options: { sessionDays: number } = { sessionDays: 30 }) {
  const db = deps.db.kysely;
  const now = () => deps.clock().toISOString();
  /** Valid API tokens read while the database's stamp was knownTokensStamp, by hash. */
  const knownTokens = new Map<string, { userId: string; lastUsedAt: number }>();
  let knownTokensStamp: string | null = null;

  /** Adds an account in the caller's transaction, after locking out every other new account. */
  async function insertNewUser(tx: typeof db, input: NewUserInput): Promise<User> {
    const data = parseInput(newUserInput, input);
    await lockForWrites(tx, deps.db.dialect, 'users');
    if (await store.findUserByEmail(tx, data.email)) {
      throw new AppError('EMAIL_TAKEN', `An account with the email ${data.email} already exists.`, { fields: [{ path: 'email', message: 'is taken' }] });
    }
    const at = now();
    const row = {
      id: deps.newId(),
      email: data.email,
      password_hash: await hashPassword(data.password),
      display_name: data.displayName,
      time_zone: data.timeZone ?? 'UTC',
      week_start: 1,
      created_at: at,
      updated_at: at,
    };
    await store.insertUser(tx, row);
    return store.toUser(row);
  }

  async function startSession(user: User, client: { ip: string | null; userAgent: string | null }): Promise<SignedIn> {
    const sessionToken = newSecret('rps');
    const createdAt = deps.clock();
    const expiresAt = new Date(createdAt.getTime() + options.sessionDays * DAY_MS).toISOString();
    await store.insertSession(db, {
      id: hashSecret(sessionToken),
      user_id: user.id,
      created_at: createdAt.toISOString(),
      expires_at: expiresAt,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip,
    });
    return { user, sessionToken, csrfToken: csrfTokenFor(sessionToken), expiresAt };
  }

  async function findByEmail(emailAddress: string): Promise<Authenticated> {
    const row = await store.findUserByEmail(db, emailAddress.trim().toLowerCase());
    if (!row) throw new AppError('USER_NOT_FOUND', `No account has the email ${emailAddress}.`);
    return { scope: authenticatedScope(row.id), user: store.toUser(row) };
  }

  /** Keep-in-touch cadences per circle and the strength half-life of the user. */
  async function nurtureSettings(scope: Scope, tx: typeof db = db): Promise<NurtureSettings> {
    const row = await store.findUserById(tx, scope.userId);
    if (!row) throw new AppError('UNAUTHENTICATED', 'Your account no longer exists.');
    return settingsOf(row);
  }

  async function userRowOf(scope: Scope) {
    const row = await store.findUserById(db, scope.userId);
    if (!row) throw new AppError('UNAUTHENTICATED', 'Your account no longer exists.');
    return row;
  }

  async function userOf(scope: Scope): Promise<User> {
    return store.toUser(await userRowOf(scope));
  }

  const limiter = createRateLimiter(deps, RATE_LIMIT.windowMinutes);

  /**
   * Checks a password within the rate limits: the attempt counts as a failure under the account
   * and the address until it succeeds. An unknown account (no hash) spends the same time on a
   * decoy, so timing does not reveal which emails exist.
   */
  async function checkPassword(keys: { account: string; address: string }, password: string, hash: string | undefined): Promise<boolean> {
    const attempt = await limiter.attempt(
      [
        { key: keys.account, max: RATE_LIMIT.perAccount },
        { key: keys.address, max: RATE_LIMIT.perAddress },
      ],
      'Too many failed sign-ins',
    );
    const valid = await verifyPassword(password, hash ?? DECOY_PASSWORD_HASH);
    if (hash !== undefined && valid) {
      await limiter.clear(keys.account);
      await attempt.forget();
      return true;
    }
    return false;
  }

  return {
    async needsSetup(): Promise<boolean> {
      return (await store.countUsers(db)) === 0;
    },

    /** Creates the first account and signs it in; refused once any account exists. */
    async setup(input: NewUserInput, client: { ip: string | null; userAgent: string | null }): Promise<SignedIn> {
      const user = await db.transaction().execute(async (tx) => {
        await lockForWrites(tx, deps.db.dialect, 'users');
        if ((await store.countUsers(tx)) > 0) throw new AppError('SETUP_DONE', 'Rapport is already set up; sign in instead.');
        return insertNewUser(tx, input);
      });
      return startSession(user, client);
    },

    createUser: (input: NewUserInput) => db.transaction().execute((tx) => insertNewUser(tx, input)),

    listUsers: () => store.listUsers(db),

    /** The user with that email, for the CLI's commands that act on an account. */
    scopeForEmail: findByEmail,

    async login(input: unknown, client: { ip: string; userAgent: string | null }): Promise<SignedIn> {
      const { email, password } = parseInput(loginInput, input);
      const row = await store.findUserByEmail(db, email);
      const valid = await checkPassword(failureKeys(email, client.ip), password, row?.password_hash);
      if (!row || !valid) throw new AppError('INVALID_CREDENTIALS', 'The email or password is wrong.');
      return startSession(store.toUser(row), client);
    },

    async logout(sessionToken: string): Promise<void> {
      await store.deleteSession(db, hashSecret(sessionToken));
    },

    async authenticateSession(sessionToken: string): Promise<Authenticated | null> {
      const row = await store.findSessionUser(db, hashSecret(sessionToken), now());
      return row ? { scope: authenticatedScope(row.id), user: store.toUser(row) } : null;
    },

    /**
     * Remembered only while the database stays unchanged (see Database.stamp): any write, by this
     * process or another (the CLI, a second server), forgets every token, so one revoked or
     * deleted with its account stops at once. Looking the token up was about a tenth of the CPU of
     * GET /contacts/:id on SQLite (issue 2); PostgreSQL, which has no such stamp, looks it up on
     * every request.
     */
    async authenticateToken(token: string): Promise<Scope | null> {
      const hash = hashSecret(token);
      const at = deps.clock().getTime();
      const stamp = deps.db.stamp();
      if (stamp !== knownTokensStamp) {
        knownTokens.clear();
        knownTokensStamp = stamp;
      }
      const known = knownTokens.get(hash);
      if (known && at - known.lastUsedAt <= TOKEN_TOUCH_INTERVAL_MS) return authenticatedScope(known.userId);
      const row = await store.findTokenByHash(db, hash);
      if (!row) return null;
      let lastUsedAt = row.last_used_at === null ? null : Date.parse(row.last_used_at);
      if (lastUsedAt === null || at - lastUsedAt > TOKEN_TOUCH_INTERVAL_MS) {
        await store.touchToken(db, row.id, new Date(at).toISOString());
        lastUsedAt = at;
      }
      if (stamp !== null && knownTokens.size < MAX_KNOWN_TOKENS) knownTokens.set(hash, { userId: row.user_id, lastUsedAt });
      return authenticatedScope(row.user_id);
    },

    getUser: userOf,

    nurtureSettings,

    /** The account and its nurture settings from one read of the user row (Today needs both). */
    async userAndSettings(scope: Scope): Promise<{ user: User; settings: NurtureSettings }> {
      const row = await userRowOf(scope);
      return { user: store.toUser(row), settings: settingsOf(row) };
    },

    /** Changes cadences or half-life; the caller refreshes every contact's schedule in the same transaction. */
    async updateNurtureSettings(tx: typeof db, scope: Scope, patch: SettingsPatch): Promise<NurtureSettings> {
      const data = parseInput(settingsPatch, patch);
      const c = data.cadences ?? {};
      await store.updateUser(tx, scope.userId, {
        ...(c.inner !== undefined && { cadence_inner: c.inner }),
        ...(c.close !== undefined && { cadence_close: c.close }),
        ...(c.network !== undefined && { cadence_network: c.network }),
        ...(c.wide !== undefined && { cadence_wide: c.wide }),
        ...(data.strengthHalfLifeDays !== undefined && { strength_half_life_days: data.strengthHalfLifeDays }),
        updated_at: now(),
      });
      return nurtureSettings(scope, tx);
    },

    async updateProfile(scope: Scope, patch: ProfilePatch): Promise<User> {
      const data = parseInput(profilePatch, patch);
      await store.updateUser(db, scope.userId, {
        ...(data.displayName !== undefined && { display_name: data.displayName }),
        ...(data.timeZone !== undefined && { time_zone: data.timeZone }),
        ...(data.weekStart !== undefined && { week_start: data.weekStart }),
        updated_at: now(),
      });
      return userOf(scope);
    },

    /**
     * Changes the password after checking the current one, and signs out every other session. A
     * wrong current password counts as a failed sign-in, so a stolen session cannot guess it.
     */
    async changePassword(scope: Scope, input: unknown, client: { ip: string; keepSessionToken: string | null }): Promise<void> {
      const data = parseInput(passwordChange, input);
      const row = await userRowOf(scope);
      if (!(await checkPassword(failureKeys(row.email, client.ip), data.currentPassword, row.password_hash))) {
        throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong.', { fields: [{ path: 'currentPassword', message: 'is wrong' }] });
      }
      await store.updateUser(db, row.id, { password_hash: await hashPassword(data.newPassword), updated_at: now() });
      await store.deleteSessionsOfUser(db, row.id, client.keepSessionToken ? hashSecret(client.keepSessionToken) : null);
    },

    /** Sets a password without the old one (the CLI, run by whoever owns the machine). */
    async resetPassword(emailAddress: string, newPassword: string): Promise<void> {
      const { user } = await findByEmail(emailAddress);
      const data = parseInput(passwordChange.shape.newPassword, newPassword);
      await store.updateUser(db, user.id, { password_hash: await hashPassword(data), updated_at: now() });
      await store.deleteSessionsOfUser(db, user.id, null);
    },

    async createToken(scope: Scope, input: unknown): Promise<{ token: string; info: ApiToken }> {
      const { name } = parseInput(tokenInput, input);
      const token = newSecret('rpt');
      const row = { id: deps.newId(), user_id: scope.userId, name, token_hash: hashSecret(token), hint: token.slice(-4), created_at: now(), last_used_at: null };
      await store.insertToken(db, row);
      return { token, info: { id: row.id, name, hint: row.hint, createdAt: row.created_at, lastUsedAt: null } };
    },

    listTokens: (scope: Scope) => store.listTokens(db, scope.userId),

    async revokeToken(scope: Scope, id: string): Promise<void> {
      if (!(await store.deleteToken(db, scope.userId, id))) {
        throw new AppError('TOKEN_NOT_FOUND', `No API token with id ${id}.`, { id });
      }
    },

    /** Housekeeping: forget expired sessions and old failed sign-ins. */
    async prune(): Promise<void> {
      const at = deps.clock();
      await store.deleteExpiredSessions(db, at.toISOString());
      await limiter.prune();
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
