import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../src/services.js';
import { run } from '../src/cli.js';
import { openDatabase } from '../src/platform/database/connect.js';
import { migrateToLatest } from '../src/platform/database/migrate.js';
import { systemDeps } from '../src/platform/deps.js';

describe('rapport seed', () => {
  let dir = '';
  let env: NodeJS.ProcessEnv = {};

  async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['node', 'rapport', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), env, secret: async () => 'correct horse battery staple' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function counts() {
    const db = openDatabase({ sqlitePath: env.RAPPORT_DB! });
    try {
      const count = async (table: 'contacts' | 'interactions' | 'search_docs') =>
        Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return { contacts: await count('contacts'), interactions: await count('interactions'), documents: await count('search_docs') };
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-seed-'));
    env = { RAPPORT_DB: path.join(dir, 'rapport.db') };
    const db = openDatabase({ sqlitePath: env.RAPPORT_DB! });
    await migrateToLatest(db);
    await createServices(systemDeps(db)).accounts.createUser({ email: 'ada@example.com', password: 'correct horse battery', displayName: 'Ada' });
    await db.close();
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fills the only account with the demo network and prints a JSON summary', async () => {
    const result = await cli('--json', 'seed', '--demo');
    expect(result).toMatchObject({ code: 0, err: '' });
    const summary = JSON.parse(result.out);
    expect(summary.contacts).toBe(300);
    expect(summary.interactions).toBeGreaterThan(2000);
    expect(summary.interactions).toBeLessThan(3500);
    expect(await counts()).toEqual({ contacts: 300, interactions: summary.interactions, documents: 300 + summary.interactions });
  });

  it('refuses a second demo network unless forced', async () => {
    const before = await counts();
    const refused = await cli('seed', '--demo');
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('This account already has contacts: the demo network only goes into an empty account. Run `rapport seed --demo --force` to add it anyway.');
    expect(await counts()).toEqual(before);
    const forced = await cli('seed', '--demo', '--force', '--user', 'ada@example.com');
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/^Added 300 contacts and [\d,]+ interactions in [\d.]+ s\.$/);
    expect((await counts()).contacts).toBe(600);
  });

  it('adds deterministic benchmark data', async () => {
    const before = await counts();
    const result = await cli('--json', 'seed', '--contacts', '25', '--interactions', '120', '--seed', '3');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ contacts: 25, interactions: 120 });
    expect(await counts()).toEqual({ contacts: before.contacts + 25, interactions: before.interactions + 120, documents: before.documents + 145 });
  });

  it('explains what is wrong with its flags', async () => {
    expect(await cli('seed')).toMatchObject({ code: 2, err: 'Choose one: --demo, or --contacts N [--interactions M] [--seed S].' });
    expect(await cli('seed', '--demo', '--contacts', '5')).toMatchObject({ code: 2 });
    expect(await cli('seed', '--contacts', 'many')).toMatchObject({ code: 2, err: '--contacts many: must be a whole number' });
    expect(await cli('seed', '--contacts', '5', '--user', 'nobody@example.com')).toMatchObject({ code: 3 });
  });
});
