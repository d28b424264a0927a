import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { run } from '../../src/cli.js';
import { DIALECTS, postgresAvailable } from '../harness/databases.js';
import { FIXTURES } from './helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Environment for a CLI run on a new database of the dialect. */
async function newDatabase(dialect: string): Promise<NodeJS.ProcessEnv> {
  if (dialect === 'sqlite') return { RAPPORT_DB: path.join(dir, `${crypto.randomBytes(4).toString('hex')}.db`) };
  const url = inject('pgUrl');
  const name = `cli_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE rapport_template`);
  await admin.end();
  return { DATABASE_URL: `${url}/${name}` };
}

async function cli(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['node', 'rapport', ...argv], { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withUser(env: NodeJS.ProcessEnv, email = 'ada@example.com') {
  // The password comes from stdin when it is not a terminal; tests create the account directly.
  const { openConfiguredDatabase } = await import('../../src/platform/database/configured.js');
  const { loadConfig } = await import('../../src/platform/config.js');
  const { createServices } = await import('../../src/services.js');
  const { systemDeps } = await import('../../src/platform/deps.js');
  const db = await openConfiguredDatabase(loadConfig({}, env));
  try {
    await createServices(systemDeps(db)).accounts.createUser({ email, password: 'correct horse battery staple', displayName: 'Ada' });
  } finally {
    await db.close();
  }
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !postgresAvailable();
  (skip ? describe.skip : describe)(`exchange CLI [${dialect}]`, () => {
    it('previews with --dry-run, imports, and reports rejected rows with their lines', async () => {
      const env = await newDatabase(dialect);
      await withUser(env);
      const file = path.join(FIXTURES, 'csv', 'linkedin__Connections_current_layout.csv');
      const dry = await cli(env, 'import', file, '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.out.split('\n').slice(0, 3)).toEqual([
        `Dry run (nothing was changed): ${file} as LinkedIn Connections.csv (utf-8), 64 rows`,
        '  60 new (2 possible duplicates), 0 updated, 1 unchanged, 3 rejected',
        '  line 11: rejected (First Name): the row has no name (LinkedIn lists hidden or deleted members this way)',
      ]);
      const json = await cli(env, '--json', 'import', file);
      expect(JSON.parse(json.out).counts).toMatchObject({ rows: 64, new: 60, rejected: 3 });
      const again = await cli(env, 'import', file);
      expect(again.out.split('\n')[1]).toBe('  0 new, 0 updated, 61 unchanged, 3 rejected');
      const list = await cli(env, '--json', 'contact', 'list', '--limit', '500');
      expect(JSON.parse(list.out).items).toHaveLength(60);
    });

    it('refuses a bad file with a clear message and exit code 2, importing nothing', async () => {
      const env = await newDatabase(dialect);
      await withUser(env);
      const junk = path.join(dir, 'junk.bin');
      fs.writeFileSync(junk, crypto.randomBytes(4096));
      const result = await cli(env, 'import', junk);
      expect(result.code).toBe(2);
      expect(result.err).toBe(`${junk}, line 1: this is a binary file, not a text export (CSV or vCard)`);
      const missing = await cli(env, 'import', path.join(dir, 'nope.csv'));
      expect(missing).toMatchObject({ code: 2, err: `${path.join(dir, 'nope.csv')}: no such file` });
      expect(JSON.parse((await cli(env, '--json', 'contact', 'list')).out).items).toEqual([]);
    });

    it('exports vCard and CSV, backs up and restores into a new database', async () => {
      const env = await newDatabase(dialect);
      await withUser(env);
      await cli(env, 'import', path.join(FIXTURES, 'vcard', 'aosp__v30_ios_613_multiline.vcf'));
      await cli(env, 'import', path.join(FIXTURES, 'csv', 'google__contacts_current_format.csv'));
      const vcf = path.join(dir, `${dialect}-out.vcf`);
      const exported = await cli(env, 'export', 'vcard', '--output', vcf);
      expect(exported).toMatchObject({ code: 0, err: `Wrote 26 contacts to ${vcf}.` });
      expect(fs.readFileSync(vcf, 'utf8').match(/^BEGIN:VCARD\r$/gm)).toHaveLength(26);
      const csv = path.join(dir, `${dialect}-out.csv`);
      expect((await cli(env, 'export', 'csv', '-o', csv)).code).toBe(0);
      expect(fs.readFileSync(csv, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(27);

      const backup = path.join(dir, `${dialect}-backup.json`);
      expect((await cli(env, 'backup', backup)).code).toBe(0);
      const target = await newDatabase(dialect);
      await withUser(target, 'someone@example.com');
      const restored = await cli(target, 'restore', backup);
      expect(restored).toMatchObject({ code: 0, out: 'Restored 26 contacts, 79 contact_methods, 15 contact_tags, 1 contact_photos, 26 contact_sources.' });
      const again = path.join(dir, `${dialect}-backup2.json`);
      await cli(target, 'backup', again);
      const strip = (f: string) => fs.readFileSync(f, 'utf8').replace(/"exportedAt":"[^"]+"/, '');
      expect(strip(again)).toBe(strip(backup));
      const refused = await cli(target, 'restore', backup);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('This account already has data (26 contacts');
    });

    it(dialect === 'sqlite' ? 'copies the whole SQLite database with the online backup API' : 'refuses a database copy on PostgreSQL', async () => {
      const env = await newDatabase(dialect);
      await withUser(env);
      await cli(env, 'import', path.join(FIXTURES, 'csv', 'outlook__outlook_com_export.csv'));
      const copy = path.join(dir, `${dialect}-copy.db`);
      const result = await cli(env, 'backup', '--database', copy);
      if (dialect === 'postgres') {
        expect(result).toMatchObject({ code: 2, err: '--database copies SQLite databases; for PostgreSQL use pg_dump.' });
        return;
      }
      expect(result).toMatchObject({ code: 0, out: `Copied the database to ${copy}.` });
      const copied = new SQLite(copy, { readonly: true });
      expect(copied.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 20 });
      copied.close();
      expect((await cli(env, 'backup', '--database', copy)).err).toBe(`--database ${copy}: the file exists already; choose a new one.`);
    });
  });
}
