import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { buildServer } from '../../src/app.js';
import { createServices, type Services } from '../../src/services.js';
import { childrenFrom, childrenOf } from '../../src/features/contacts/store.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { Database, Dialect } from '../../src/platform/database/connect.js';
import type { Deps } from '../../src/platform/deps.js';
import type { App } from '../../src/platform/http/server.js';
import { DIALECTS, freshDatabase, postgresAvailable, TEST_START, testDeps, type TestClock } from './databases.js';

export interface TestEnv {
  dialect: Dialect;
  db: Database;
  deps: Deps;
  clock: TestClock;
  config: Config;
  services: Services;
  app: App;
}

export interface TestUser {
  email: string;
  password: string;
  /** Headers that authenticate as this user with an API token. */
  headers: { authorization: string };
  userId: string;
}

export interface EnvOptions {
  /** A new database and app for every test instead of one per block (for first-run setup). */
  freshPerTest?: boolean;
  /** Environment variables the app's configuration is read from, such as RAPPORT_SECURE_COOKIES. */
  environment?: NodeJS.ProcessEnv;
}

async function openEnv(dialect: Dialect, options: EnvOptions): Promise<TestEnv> {
  const db = await freshDatabase(dialect);
  const deps = testDeps(db);
  const config = loadConfig({ port: 0, db: ':memory:' }, options.environment ?? {});
  const services = createServices(deps, { sessionDays: config.sessionDays });
  const app = await buildServer({ config, deps, services, logger: false });
  await app.ready();
  return { dialect, db, deps, clock: deps.testClock, config, services, app };
}

/**
 * Fails the test when a contact's stored children differ from its child rows: every write that
 * changes them must refresh the copy (see refreshChildren), and every test checks that it did.
 */
async function expectChildrenFresh(env: TestEnv | null) {
  if (!env) return;
  const rows = await env.db.kysely
    .selectFrom('contacts as c')
    .select(['c.id', 'c.children', childrenOf(env.dialect).as('fresh')])
    .execute();
  const stale = rows.filter((r) => JSON.stringify(childrenFrom(r)) !== JSON.stringify(childrenFrom({ children: r.fresh })));
  expect(stale.map((r) => ({ id: r.id, stored: childrenFrom(r), rows: childrenFrom({ children: r.fresh }) }))).toEqual([]);
}

async function closeEnv(env: TestEnv | null) {
  await env?.app.close();
  await env?.db.close();
}

/**
 * Runs a block of tests once per database (Kysely's pattern), each with its own freshly migrated
 * database, services and HTTP app, shared by the block's tests unless `freshPerTest` is set. Every
 * test starts with the clock at TEST_START. PostgreSQL tests are skipped, loudly, only off CI.
 */
export function describeEachDatabase(name: string, body: (env: () => TestEnv) => void, options: EnvOptions = {}) {
  for (const dialect of DIALECTS) {
    const skip = dialect === 'postgres' && !postgresAvailable();
    (skip ? describe.skip : describe)(`${name} [${dialect}]`, () => {
      let env: TestEnv | null = null;
      if (options.freshPerTest) {
        beforeEach(async () => {
          env = await openEnv(dialect, options);
        });
        afterEach(async () => {
          await expectChildrenFresh(env);
          await closeEnv(env);
          env = null;
        });
      } else {
        beforeAll(async () => {
          env = await openEnv(dialect, options);
        });
        afterAll(() => closeEnv(env));
        beforeEach(() => env?.clock.set(TEST_START));
        afterEach(() => expectChildrenFresh(env));
      }
      body(() => {
        if (!env) throw new Error('the test database is not ready');
        return env;
      });
    });
  }
}

let counter = 0;

/** Creates an account with an API token; each call gives a new, empty account. */
export async function createUser(env: TestEnv, name = 'Test User'): Promise<TestUser> {
  counter += 1;
  const email = `user${counter}-${Date.now()}@example.com`;
  // Each account its own password, so one user can never sign in as another by accident.
  const password = `correct horse battery staple ${counter}`;
  const user = await env.services.accounts.createUser({ email, password, displayName: name });
  const { scope } = await env.services.accounts.scopeForEmail(email);
  const { token } = await env.services.accounts.createToken(scope, { name: 'tests' });
  return { email, password, headers: { authorization: `Bearer ${token}` }, userId: user.id };
}
