import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { DIALECTS, freshDatabaseEnv, postgresAvailable } from './harness/databases.js';

/** Runs the CLI as a user would, capturing what it prints. */
function cli(env: NodeJS.ProcessEnv) {
  return async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['node', 'rapport', ...argv], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: { ...env, LOG_LEVEL: 'silent' },
      secret: async () => 'correct horse battery staple',
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}

for (const dialect of DIALECTS) {
  (dialect === 'postgres' && !postgresAvailable() ? describe.skip : describe)(`the rapport command [${dialect}]`, () => {
    it('sets up an account, adds a contact, logs an interaction, finds it and shows what is due', async () => {
      const rapport = cli({ ...(await freshDatabaseEnv(dialect)), RAPPORT_PUBLIC_URL: 'https://crm.example.com' });

      expect(await rapport('migrate')).toMatchObject({ code: 0, out: `Applied ${Object.keys(MIGRATIONS).join(', ')}.` });
      expect((await rapport('migrate')).out).toBe('The database is up to date.');
      const noUser = await rapport('contact', 'list');
      expect(noUser.code).toBe(3);
      expect(noUser.err).toContain('No account exists yet');

      const added = await rapport('user', 'add', '--email', 'Ada@Example.com', '--name', 'Ada Lovelace', '--time-zone', 'Europe/London');
      expect(added.code).toBe(0);
      expect(added.out).toMatch(/^Created ada@example\.com \([0-9a-f-]{36}\)\.$/);
      const users = JSON.parse((await rapport('--json', 'user', 'list')).out);
      expect(users.map((u: { email: string; timeZone: string }) => [u.email, u.timeZone])).toEqual([['ada@example.com', 'Europe/London']]);

      const grace = await rapport(
        'contact', 'add', '--first', 'Grace', '--last', 'Hopper', '--email', 'work:grace@navy.mil', '--company', 'US Navy',
        '--title', 'Rear Admiral', '--tag', 'mentor', '--circle', 'close', '--dimension', 'industry=Defense', '--birthday=--12-09',
      );
      expect(grace.out).toMatch(/^Added Grace Hopper \([0-9a-f-]{36}\)\.$/);
      await rapport('contact', 'add', '--name', 'Alan Turing', '--company', 'NPL', '--circle', 'inner');

      const listed = await rapport('contact', 'list', '--tag', 'mentor');
      expect(listed.out.split('\n').map((line) => line.replace(/[0-9a-f-]{36}$/, 'ID'))).toEqual([
        'NAME          COMPANY  CIRCLE  LAST CONTACT  TAGS    ID',
        'Grace Hopper  US Navy  close                 mentor  ID',
      ]);

      const logged = await rapport('log', '--with', 'Grace Hopper', '--kind', 'coffee', '--summary', 'Compilers and careers', '--at', '2026-03-01 10:00', '--learned', 'Ship it, then fix it');
      expect(logged.err).toBe('');
      expect(logged.out).toMatch(/^Logged coffee with Grace Hopper at 2026-03-01 10:00 \([0-9a-f-]{36}\)\.$/);

      const shown = await rapport('contact', 'show', 'grace hopper');
      expect(shown.out).toContain('Company       Rear Admiral at US Navy');
      expect(shown.out).toContain('Emails        grace@navy.mil (work)');
      expect(shown.out).toContain('Dimensions    industry: Defense');
      expect(shown.out).toContain('Last contact  2026-03-01 10:00');
      expect(shown.out).toContain('2026-03-01 10:00  coffee: Compilers and careers');

      const found = JSON.parse((await rapport('--json', 'search', 'ship')).out);
      expect(found.items.map((r: { type: string; title: string }) => [r.type, r.title])).toEqual([['interaction', 'Compilers and careers']]);
      expect((await rapport('search', 'nothing-like-this')).out).toBe('Nothing found.');

      const today = JSON.parse((await rapport('--json', 'today')).out);
      // Grace (close circle, 30 days) has been due since 31 March; Alan was added just now.
      expect(today.due.items.map((d: { contact: { displayName: string } }) => d.contact.displayName)).toEqual(['Grace Hopper']);
      expect(today.timeZone).toBe('Europe/London');
      expect((await rapport('today')).out).toContain(`Today, ${today.date} (Europe/London)`);

      const snoozed = await rapport('snooze', 'Grace Hopper', '--until', '2099-01-01');
      expect(snoozed.out).toBe('Grace Hopper is next due 2099-01-01.');
      expect(JSON.parse((await rapport('--json', 'today')).out).due.total).toBe(0);
      const url = await rapport('calendar-url');
      expect(url.out).toMatch(/^https:\/\/crm\.example\.com\/calendar\/rpc_[\w-]{43}\.ics$/);

      const token = (await rapport('user', 'token', 'create', 'ada@example.com', '--name', 'scripts')).out;
      expect(token).toMatch(/^rpt_[\w-]{43}$/);
      const tokens = JSON.parse((await rapport('--json', 'user', 'token', 'list', 'ada@example.com')).out);
      expect(tokens.map((t: { name: string; hint: string }) => [t.name, t.hint])).toEqual([['scripts', token.slice(-4)]]);
    });

    it('reflects, reviews the week, rates skills and asks for feedback', async () => {
      const rapport = cli({ ...(await freshDatabaseEnv(dialect)), RAPPORT_PUBLIC_URL: 'https://crm.example.com' });
      await rapport('user', 'add', '--email', 'ada@example.com', '--name', 'Ada');
      await rapport('contact', 'add', '--name', 'Grace Hopper');
      await rapport('log', '--with', 'Grace Hopper', '--summary', 'Pitch practice', '--at', '2026-03-01 10:00');
      const interactionId = JSON.parse((await rapport('--json', 'contact', 'show', 'Grace Hopper')).out).recentInteractions[0].id;
      expect(await rapport('reflect', 'last')).toMatchObject({ code: 3, err: `Interaction ${interactionId} has no reflection yet.` });
      const reflected = await rapport('reflect', 'last', '--went-well', 'Clear opening', '--connection', '4', '--skill', 'storytelling');
      expect(reflected.out.split('\n').slice(1)).toEqual(['  Went well      Clear opening', '  Connection     4', '  Skills         Storytelling']);
      expect((await rapport('reflect', 'last', '--connection', '9')).code).toBe(2);

      expect((await rapport('skills', 'rate', 'Active Listening', '4', '--note', 'Better')).out).toBe('Rated Active listening 4/5.');
      expect((await rapport('skills', 'rate', 'Juggling', '4')).code).toBe(3);
      const skills = await rapport('skills');
      expect(skills.out.split('\n').slice(0, 2)).toEqual(['SKILL                  YOU  OTHERS  GAP', 'Active listening       4']);

      const review = await rapport('review');
      expect(review.out).toMatch(/^Week of \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}; streak 0 weeks/);
      const saved = await rapport('--json', 'review', '--answer', '1=Reached out less', '--plan', 'Two coffees', '--complete');
      const parsed = JSON.parse(saved.out);
      expect([parsed.answers[0].answer, parsed.nextWeekPlan, parsed.streak]).toEqual(['Reached out less', 'Two coffees', 1]);
      expect((await rapport('review', '--answer', '99=x')).code).toBe(2);

      const url = (await rapport('feedback', 'new', '--message', 'How was my pitch?', '--skill', 'Storytelling', '--question', 'What to change?')).out;
      expect(url).toMatch(/^https:\/\/crm\.example\.com\/feedback\/rpf_[\w-]{43}$/);
      const [request] = JSON.parse((await rapport('--json', 'feedback', 'list')).out).items;
      expect([request.status, request.skills.map((s: { name: string }) => s.name), request.questions]).toEqual(['open', ['Storytelling'], [{ position: 1, text: 'What to change?' }]]);
      expect((await rapport('feedback', 'revoke', request.id)).out).toBe('Withdrawn: the link no longer works.');
      expect((await rapport('feedback', 'show', request.id)).out).toBe('How was my pitch? (revoked, 0 responses)');
    });

    it('explains bad input in plain words with an exit code scripts can check', async () => {
      const rapport = cli(await freshDatabaseEnv(dialect));
      await rapport('user', 'add', '--email', 'ada@example.com', '--name', 'Ada');
      expect(await rapport('contact', 'show', 'Nobody')).toMatchObject({ code: 3, err: 'No contact matches "Nobody".' });
      const nameless = await rapport('contact', 'add', '--company', 'Nameless Inc');
      expect(nameless.code).toBe(2);
      expect(nameless.err).toBe('Invalid input: displayName a contact needs a name: give displayName, firstName, lastName or nickname');
      const badDate = await rapport('contact', 'add', '--name', 'Bad Date', '--birthday', '2023-02-29');
      expect(badDate).toMatchObject({ code: 2, err: 'Invalid input: birthday is not a real calendar date' });
      expect((await rapport('log', '--with', 'Ada', '--summary', 'x', '--at', 'yesterday')).code).toBe(3);
      const missing = await rapport('log', '--with', 'Someone');
      expect(missing.code).toBe(1);
      expect(missing.err).toContain("required option '-s, --summary <text>' not specified");
      expect(JSON.parse((await rapport('--json', 'contact', 'list')).out)).toEqual({ items: [], nextCursor: null });
    });
  });
}

describe('the rapport process', () => {
  it('serves, logs one JSON line a request without the bearer token, and writes every line before it exits', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-serve-'));
    const cli = new URL('../src/cli.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { main } from ${JSON.stringify(cli)}; await main(['node', 'rapport', 'serve', '--port', '0']);`], {
      env: { ...process.env, RAPPORT_DB: path.join(dir, 'rapport.db'), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let stderr = '';
    const url = await new Promise<string>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /Rapport is running at (\S+)/.exec(stderr);
        if (match) resolve(match[1]!);
      }),
    );
    const paths = ['/api/v1/health', '/api/v1/contacts', '/api/v1/health'];
    const statuses = [];
    for (const p of paths) statuses.push((await fetch(`${url}${p}`, { headers: { authorization: 'Bearer not-a-token' } })).status);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    fs.rmSync(dir, { recursive: true, force: true });
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; req?: { url: string }; res?: { statusCode: number } });
    const requests = lines.filter((l) => l.req);
    expect({ code, statuses }).toEqual({ code: 0, statuses: [200, 401, 200] });
    expect(requests.map((l) => [l.msg, l.req!.url, l.res!.statusCode])).toEqual([
      ['request completed', '/api/v1/health', 200],
      ['request completed', '/api/v1/contacts', 401],
      ['request completed', '/api/v1/health', 200],
    ]);
    expect(stdout).not.toContain('not-a-token');
    expect(lines.at(-1)!.msg).toBe('shutting down');
  });

  it('ends quietly when the reader of its output stops reading', async () => {
    const cli = new URL('../src/cli.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { main } from ${JSON.stringify(cli)}; await main(['node', 'rapport', '--help']);`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // As `rapport --help | head -0` does: the pipe is closed before anything is written to it.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

/** Every module src/cli.ts loads at start: its static imports, followed through the project's own files. */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    // `import type` is erased by the compiler and `import()` loads on demand: neither counts.
    for (const [, specifier] of source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)) {
      if (specifier!.startsWith('.')) visit(path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else seen.add(specifier!);
    }
  };
  visit(entry);
  return seen;
}

describe('the rapport command at start', () => {
  it('loads Fastify and the routes only for `rapport serve`', () => {
    const loaded = [...staticImports(path.resolve('src/cli.ts'))];
    expect(loaded.filter((m) => m.includes('fastify') || m.endsWith('routes.ts') || m.endsWith('src/app.ts') || m.endsWith('src/serve.ts'))).toEqual([]);
    // The walk does see the modules the commands need.
    expect(loaded).toContain(path.resolve('src/services.ts'));
    expect(loaded).toContain('csv-parse');
  });
});
