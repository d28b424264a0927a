import { afterEach, describe, expect, it } from 'vitest';
import { createAccountsService } from '../src/features/accounts/service.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { openDatabase, type Database } from '../src/platform/database/connect.js';
import { migrateToLatest } from '../src/platform/database/migrate.js';
import { DIALECTS, freshDatabaseEnv, TEST_START, testDeps, TestClock } from './harness/databases.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// API tokens are remembered while the database's stamp holds (accounts/service.ts): a token must
// still stop as soon as anyone revokes it.
describe.each(DIALECTS)('remembered API tokens on %s', (dialect) => {
  const open: Database[] = [];

  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
  });

  /** Two connections to one database on disk, as the server and a CLI run have. */
  async function twoConnections(): Promise<[Database, Database]> {
    const env = await freshDatabaseEnv(dialect);
    const connect = () => openDatabase({ databaseUrl: env.DATABASE_URL, sqlitePath: env.RAPPORT_DB!, poolSize: 2 });
    const server = connect();
    open.push(server);
    await migrateToLatest(server);
    const cli = connect();
    open.push(cli);
    return [server, cli];
  }

  async function userWithToken(db: Database, clock = new TestClock()) {
    const accounts = createAccountsService(testDeps(db, clock));
    const user = await accounts.createUser({ email: 'ada@example.com', displayName: 'Ada', password: 'correct horse battery' });
    const scope = authenticatedScope(user.id);
    const { token, info } = await accounts.createToken(scope, { name: 'script' });
    return { accounts, scope, token, tokenId: info.id };
  }

  describe('the database stamp', () => {
    // Registered per database rather than skipped, so a skip in the run still means a missing database.
    if (dialect === 'postgres') {
      it('is null on PostgreSQL, which looks tokens up every time', async () => {
        const [server] = await twoConnections();
        expect(server.stamp()).toBeNull();
      });
      return;
    }

    it("stays while nothing changes and moves with this connection's writes at once", async () => {
      const [server] = await twoConnections();
      const before = server.stamp();
      await nextTurn();
      expect(server.stamp()).toBe(before);
      await createAccountsService(testDeps(server)).createUser({ email: 'ada@example.com', displayName: 'Ada', password: 'correct horse battery' });
      expect(server.stamp()).not.toBe(before);
    });

    it("moves for another connection's commit from the next turn of the event loop", async () => {
      const [server, cli] = await twoConnections();
      const before = server.stamp();
      await createAccountsService(testDeps(cli)).createUser({ email: 'ada@example.com', displayName: 'Ada', password: 'correct horse battery' });
      await nextTurn();
      expect(server.stamp()).not.toBe(before);
    });
  });

  it('stops a token that another connection revoked, for a request that comes after', async () => {
    const [server, cli] = await twoConnections();
    const { accounts, scope, token, tokenId } = await userWithToken(server);
    expect(await accounts.authenticateToken(token)).toEqual(scope);
    expect(await accounts.authenticateToken(token)).toEqual(scope);

    await createAccountsService(testDeps(cli)).revokeToken(scope, tokenId);
    await nextTurn();
    expect(await accounts.authenticateToken(token)).toBeNull();
  });

  it('stops a token revoked through this connection at once, in the same turn of the event loop', async () => {
    const [server] = await twoConnections();
    const { accounts, scope, token, tokenId } = await userWithToken(server);
    expect(await accounts.authenticateToken(token)).toEqual(scope);

    // Services of their own, as a second server in this process would have.
    await createAccountsService(testDeps(server)).revokeToken(scope, tokenId);
    expect(await accounts.authenticateToken(token)).toBeNull();
  });

  it('still records when a remembered token was last used, to the minute', async () => {
    const [server] = await twoConnections();
    const clock = new TestClock();
    const { accounts, scope, token } = await userWithToken(server, clock);
    const lastUsed = async () => (await accounts.listTokens(scope)).map((t) => t.lastUsedAt);

    await accounts.authenticateToken(token);
    expect(await lastUsed()).toEqual([TEST_START]);
    clock.advance(50_000);
    expect(await accounts.authenticateToken(token)).toEqual(scope);
    expect(await lastUsed()).toEqual([TEST_START]);
    clock.advance(20_000);
    expect(await accounts.authenticateToken(token)).toEqual(scope);
    expect(await lastUsed()).toEqual(['2026-03-02T09:01:10.000Z']);
  });
});
