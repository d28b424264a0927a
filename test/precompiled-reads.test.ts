import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccountsService } from '../src/features/accounts/service.js';
import { findTokenByHash, insertToken } from '../src/features/accounts/store.js';
import type { Database } from '../src/platform/database/connect.js';
import { DIALECTS, freshDatabase, testDeps } from './harness/databases.js';

const HASH = 'hash-of-a-token';

// Precompiled reads skip Kysely's executor on SQLite when nothing holds the connection
// (precompiled.ts); they must still see only what a read through the executor would.
describe.each(DIALECTS)('precompiled reads on %s', (dialect) => {
  let db: Database;

  afterEach(async () => {
    await db?.close();
  });

  async function tokenOfNewUser() {
    db = await freshDatabase(dialect);
    const user = await createAccountsService(testDeps(db)).createUser({ email: 'ada@example.com', displayName: 'Ada', password: 'correct horse battery' });
    return { id: 'token-1', user_id: user.id, name: 'script', token_hash: HASH, hint: 'abcd', created_at: '2026-03-02T09:00:00.000Z', last_used_at: null };
  }

  it("wait for a transaction that holds the connection, and never see what it did not commit", async () => {
    const token = await tokenOfNewUser();
    let inserted!: () => void;
    let finish!: () => void;
    const insertedNow = new Promise<void>((resolve) => (inserted = resolve));
    const finishing = new Promise<void>((resolve) => (finish = resolve));
    const transaction = db.kysely.transaction().execute(async (tx) => {
      await insertToken(tx, token);
      inserted();
      await finishing;
      throw new Error('rolled back');
    });
    await insertedNow;
    let answered = false;
    const reading = findTokenByHash(db.kysely, HASH).then((row) => ((answered = true), row));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // SQLite has one connection: a read during the transaction would see its insert.
    if (dialect === 'sqlite') expect(answered).toBe(false);
    finish();
    await expect(transaction).rejects.toThrow('rolled back');
    expect(await reading).toBeUndefined();
  });

  it('read at once on a free connection, with the rows the executor gives', async () => {
    const token = await tokenOfNewUser();
    await insertToken(db.kysely, token);
    const executeQuery = vi.spyOn(db.kysely, 'executeQuery');
    expect(await findTokenByHash(db.kysely, HASH)).toEqual({ id: 'token-1', user_id: token.user_id, last_used_at: null });
    expect(executeQuery).toHaveBeenCalledTimes(dialect === 'sqlite' ? 0 : 1);
    const inTransaction = await db.kysely.transaction().execute((tx) => findTokenByHash(tx, HASH));
    expect(inTransaction).toEqual({ id: 'token-1', user_id: token.user_id, last_used_at: null });
  });
});
