// `npm run bench`: seeds 100,000 contacts and 1,000,000 interactions on SQLite and on a throwaway
// PostgreSQL cluster, measures each operation next to a raw baseline doing the same work in the
// same run, and writes the figures to BENCHMARKS.md. `--quick` uses a tenth of the data and writes
// to bench/out/ instead; `--only=sqlite` or `--only=postgres` runs one database.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Database as SQLiteHandle } from 'better-sqlite3';
import pg from 'pg';
import { createServices, type Services } from '../src/app.js';
import { vocabulary, zipfWord } from '../src/features/seed/bench.js';
import { hashSeed, Random } from '../src/features/seed/model.js';
import { TAGS } from '../src/features/seed/names.js';
import { authenticatedScope, type Scope } from '../src/platform/auth/scope.js';
import { openDatabase, type Database, type Dialect } from '../src/platform/database/connect.js';
import { migrateToLatest } from '../src/platform/database/migrate.js';
import { fts5Query, tsQuery } from '../src/platform/database/search.js';
import { systemDeps } from '../src/platform/deps.js';
import { findPgBinaries, startPgCluster } from '../test/harness/pg-cluster.js';
import { rawPostgresSeed, rawSqliteSeed, type SeedResult } from './baseline.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const SIZE = quick ? { contacts: 10_000, interactions: 100_000 } : { contacts: 100_000, interactions: 1_000_000 };
const SEED = 1;
const SEARCHES = quick ? 100 : 300;
const LISTS = quick ? 100 : 300;
const HTTP_SECONDS = quick ? 3 : 10;
const HTTP_CONNECTIONS = 10;
/** Raw bm25 over common words takes about a second a query; this bounds its share of the run. */
const RAW_FREQUENT_BUDGET_MS = quick ? 20_000 : 60_000;
const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT = quick ? path.join(ROOT, 'bench', 'out', 'BENCHMARKS.quick.md') : path.join(ROOT, 'BENCHMARKS.md');

interface Figure {
  measure: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  pass: boolean | null;
}

const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const int = (value: number) => Math.round(value).toLocaleString('en');

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** A child process running one of bench/*.ts, and the messages it sends. */
function child(script: string, env: NodeJS.ProcessEnv) {
  const process_ = fork(path.join(ROOT, 'bench', script), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    // The server's request log goes nowhere: it is written, as in production, but not kept.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const inbox: { type: string }[] = [];
  const waiting: { type: string; resolve: (m: any) => void; reject: (e: Error) => void }[] = [];
  process_.on('message', (m: { type: string }) => {
    const i = waiting.findIndex((w) => w.type === m.type);
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(m);
    else inbox.push(m);
  });
  process_.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`${script} exited with code ${code} before sending "${w.type}"`));
  });
  return {
    process: process_ as ChildProcess,
    next<T>(type: string): Promise<T> {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as T);
      return new Promise((resolve, reject) => waiting.push({ type, resolve, reject }));
    },
    async stop() {
      if (process_.exitCode !== null) return;
      const exited = new Promise((resolve) => process_.once('exit', resolve));
      process_.send('stop');
      await exited;
    },
  };
}

/** Resident and peak memory of a process, in MB, from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)![1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

interface Target {
  dialect: Dialect;
  /** Where Rapport's database is, as environment for the server process. */
  appEnv: NodeJS.ProcessEnv;
  app: Database;
  raw: Database;
  rawSeed(): Promise<SeedResult>;
  /** The raw FTS top-20 query of the search baseline. */
  rawSearch(word: string): Promise<unknown>;
  version: string;
  close(): Promise<void>;
}

async function sqliteTarget(dir: string): Promise<Omit<Target, 'rawSeed'> & { rawFile: string }> {
  const appFile = path.join(dir, 'app.db');
  const rawFile = path.join(dir, 'raw.db');
  const app = openDatabase({ sqlitePath: appFile });
  const raw = openDatabase({ sqlitePath: rawFile });
  let rawQuery: ReturnType<SQLiteHandle['prepare']> | null = null;
  return {
    dialect: 'sqlite',
    appEnv: { RAPPORT_DB: appFile },
    app,
    raw,
    rawFile,
    rawSearch: async (word) => {
      rawQuery ??= app.sqlite!.prepare('SELECT rowid, bm25(search_fts, 3.0, 1.0) AS rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20');
      return rawQuery.all(fts5Query([word], false));
    },
    version: `SQLite ${(app.sqlite!.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v} (better-sqlite3)`,
    async close() {
      await app.close();
      await raw.close().catch(() => undefined);
    },
  };
}

async function postgresTarget(url: string): Promise<Omit<Target, 'rawSeed'> & { rawUrl: string }> {
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_app');
  await admin.query('CREATE DATABASE bench_raw');
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await admin.end();
  const app = openDatabase({ databaseUrl: `${url}/bench_app` });
  const raw = openDatabase({ databaseUrl: `${url}/bench_raw` });
  const client = new pg.Client({ connectionString: `${url}/bench_app` });
  await client.connect();
  return {
    dialect: 'postgres',
    appEnv: { DATABASE_URL: `${url}/bench_app` },
    app,
    raw,
    rawUrl: `${url}/bench_raw`,
    rawSearch: (word) =>
      client.query(
        `SELECT seq, ts_rank_cd(tsv, query) AS rank FROM search_docs, to_tsquery('english', $1) AS query WHERE tsv @@ query ORDER BY rank DESC LIMIT 20`,
        [tsQuery([word], false)],
      ),
    version: `PostgreSQL ${version} (pg)`,
    async close() {
      await client.end();
      await app.close();
      await raw.close();
    },
  };
}

/** An account with an API token in Rapport's database, and the same user row in the raw one. */
async function prepareAccounts(target: Omit<Target, 'rawSeed'>): Promise<{ services: Services; scope: Scope; userId: string; token: string }> {
  await migrateToLatest(target.app);
  await migrateToLatest(target.raw);
  const services = createServices(systemDeps(target.app));
  const user = await services.accounts.createUser({ email: 'bench@example.com', password: 'benchmark password', displayName: 'Bench' });
  const scope = authenticatedScope(user.id);
  const { token } = await services.accounts.createToken(scope, { name: 'bench' });
  const row = await target.app.kysely.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
  await target.raw.kysely.insertInto('users').values(row).execute();
  return { services, scope, userId: user.id, token };
}

async function searchFigures(target: Target, services: Services, scope: Scope): Promise<Figure[]> {
  const vocab = vocabulary();
  const random = new Random(hashSeed('bench queries', SEED));
  const uniform = Array.from({ length: SEARCHES }, () => vocab.words[random.int(vocab.words.length)]!);
  const frequent = Array.from({ length: SEARCHES }, () => zipfWord(random, vocab));
  const ours = (q: string) => services.search.search(scope, { q, limit: 20 });
  log('search: warming up');
  for (let i = 0; i < 30; i++) {
    await ours(vocab.words[random.int(vocab.words.length)]!);
    await target.rawSearch(vocab.words[random.int(vocab.words.length)]!);
  }
  log(`search: ${SEARCHES} uniform queries, ours and raw in turn`);
  const uniformOurs: number[] = [];
  const uniformRaw: number[] = [];
  for (const q of uniform) {
    uniformOurs.push(await timed(() => ours(q)));
    uniformRaw.push(await timed(() => target.rawSearch(q)));
  }
  log(`search: ${SEARCHES} frequency-weighted queries`);
  const frequentOurs: number[] = [];
  for (const q of frequent) frequentOurs.push(await timed(() => ours(q)));
  const frequentRaw: number[] = [];
  const budgetEnd = performance.now() + RAW_FREQUENT_BUDGET_MS;
  for (const q of frequent) {
    if (performance.now() > budgetEnd && frequentRaw.length >= 20) break;
    frequentRaw.push(await timed(() => target.rawSearch(q)));
  }
  log(`search: raw baseline ran ${frequentRaw.length} frequency-weighted queries in its time budget`);
  const u = { ours: percentile(uniformOurs, 95), raw: percentile(uniformRaw, 95) };
  const f = { ours: percentile(frequentOurs, 95), raw: percentile(frequentRaw, 95) };
  return [
    {
      measure: `search, uniform words, p95 (p50) of ${SEARCHES}`,
      ours: `${ms(u.ours)} (${ms(percentile(uniformOurs, 50))})`,
      baseline: `${ms(u.raw)} (${ms(percentile(uniformRaw, 50))})`,
      ratio: `${(u.ours / u.raw).toFixed(2)}x raw`,
      target: '≤ 1.5x raw',
      pass: u.ours <= 1.5 * u.raw,
    },
    {
      measure: `search, words by frequency, p95 (p50) of ${SEARCHES}; raw: ${frequentRaw.length}`,
      ours: `${ms(f.ours)} (${ms(percentile(frequentOurs, 50))})`,
      baseline: `${ms(f.raw)} (${ms(percentile(frequentRaw, 50))})`,
      ratio: `${(f.ours / f.raw).toFixed(3)}x raw`,
      target: '≤ 50 ms',
      pass: f.ours <= 50,
    },
  ];
}

async function listFigure(services: Services, scope: Scope): Promise<Figure> {
  for (const tag of TAGS) await services.contacts.list(scope, { tag, sort: 'name', limit: 50 });
  const times: number[] = [];
  for (let i = 0; i < LISTS; i++) times.push(await timed(() => services.contacts.list(scope, { tag: TAGS[i % TAGS.length]!, sort: 'name', limit: 50 })));
  const p95 = percentile(times, 95);
  return { measure: `contact list, first 50 by name with a tag (each of ${TAGS.length} tags in turn), p95 (p50)`, ours: `${ms(p95)} (${ms(percentile(times, 50))})`, baseline: '', ratio: '', target: '≤ 5 ms', pass: p95 <= 5 };
}

async function cannon(url: string, token: string | null, ids: readonly string[], seconds: number): Promise<number> {
  let n = 0;
  const result = await autocannon({
    url,
    connections: HTTP_CONNECTIONS,
    duration: seconds,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/v1/contacts/${ids[n++ % ids.length]}` }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  return result.requests.total / seconds;
}

async function benchDatabase(target: Target, services: Services, scope: Scope, userId: string, token: string, dir: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const name = target.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  log(`${name}: raw baseline seeding ${int(SIZE.contacts)} contacts and ${int(SIZE.interactions)} interactions`);
  const raw = await target.rawSeed();
  log(`${name}: raw baseline took ${(raw.ms / 1000).toFixed(1)} s for ${int(raw.rows)} rows`);
  await target.raw.close();

  log(`${name}: rapport seed, in its own process`);
  const seeder = child('seed.ts', {
    ...target.appEnv,
    BENCH_USER_ID: userId,
    BENCH_CONTACTS: String(SIZE.contacts),
    BENCH_INTERACTIONS: String(SIZE.interactions),
    BENCH_SEED: String(SEED),
  });
  const seeded = await seeder.next<{ ms: number }>('seeded');
  log(`${name}: rapport seed took ${(seeded.ms / 1000).toFixed(1)} s`);
  const ratio = raw.ms / seeded.ms;
  figures.push({
    measure: `seed ${int(SIZE.contacts)} contacts + ${int(SIZE.interactions)} interactions (${int(raw.rows)} rows), rows/s`,
    ours: `${int(raw.rows / (seeded.ms / 1000))} (${(seeded.ms / 1000).toFixed(1)} s)`,
    baseline: `${int(raw.rows / (raw.ms / 1000))} (${(raw.ms / 1000).toFixed(1)} s)`,
    ratio: `${ratio.toFixed(2)} of raw`,
    target: '≥ 0.5 of raw',
    pass: ratio >= 0.5,
  });

  const server = child('server.ts', target.appEnv);
  try {
    const { url } = await server.next<{ url: string }>('listening');

    figures.push(...(await searchFigures(target, services, scope)));
    figures.push(await listFigure(services, scope));

    log(`${name}: HTTP, ${HTTP_CONNECTIONS} connections, ${HTTP_SECONDS} s a round`);
    const all = await target.app.kysely.selectFrom('contacts').select('id').where('owner_id', '=', userId).orderBy('id').execute();
    const ids = Array.from({ length: 500 }, (_, i) => all[Math.floor((i * all.length) / 500)]!.id);
    const bodies: Record<string, unknown> = {};
    for (const id of ids) {
      const response = await fetch(`${url}/api/v1/contacts/${id}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`GET /api/v1/contacts/${id}: ${response.status}`);
      bodies[id] = await response.json();
    }
    const bodiesFile = path.join(dir, 'bodies.json');
    fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
    const bare = child('bare.ts', { BENCH_BODIES: bodiesFile });
    try {
      const { url: bareUrl } = await bare.next<{ url: string }>('listening');
      await cannon(url, token, ids, 2);
      await cannon(bareUrl, null, ids, 2);
      const ours: number[] = [];
      const reference: number[] = [];
      // Two rounds each, in turn, so a disturbance on the machine hits both alike.
      for (let round = 0; round < 2; round++) {
        ours.push(await cannon(url, token, ids, HTTP_SECONDS));
        reference.push(await cannon(bareUrl, null, ids, HTTP_SECONDS));
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const r = mean(ours) / mean(reference);
      figures.push({
        measure: `GET /api/v1/contacts/:id over HTTP (bearer token), requests/s, ${HTTP_CONNECTIONS} connections`,
        ours: int(mean(ours)),
        baseline: `${int(mean(reference))} (bare Fastify)`,
        ratio: `${r.toFixed(2)} of bare`,
        target: '≥ 0.5 of bare',
        pass: r >= 0.5,
      });
    } finally {
      await bare.stop();
    }
    const memory = memoryOf(server.process.pid!);
    figures.push({ measure: 'server RSS after the seed and the load (peak)', ours: `${memory.rss.toFixed(0)} MB (${memory.peak.toFixed(0)} MB)`, baseline: '', ratio: '', target: '≤ 250 MB', pass: memory.rss <= 250 });
  } finally {
    await server.stop();
  }
  return figures;
}

async function main() {
  const sections: { name: string; version: string; figures: Figure[] }[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
  try {
    if (only !== 'postgres') {
      const target = await sqliteTarget(dir);
      const accounts = await prepareAccounts(target);
      const full: Target = { ...target, rawSeed: async () => rawSqliteSeed(target.rawFile, { ...SIZE, seed: SEED, ownerId: accounts.userId }) };
      try {
        sections.push({ name: 'SQLite', version: target.version, figures: await benchDatabase(full, accounts.services, accounts.scope, accounts.userId, accounts.token, dir) });
      } finally {
        await target.close();
      }
    }
    if (only !== 'sqlite') {
      const bin = findPgBinaries();
      if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) were not found; set PG_BIN or run with --only=sqlite.');
      // Memory and WAL settings a server holding a million rows would have; the defaults suit a laptop's tests.
      const cluster = await startPgCluster(bin, ['shared_buffers=512MB', 'work_mem=16MB', 'maintenance_work_mem=256MB', 'max_wal_size=8GB', 'checkpoint_timeout=30min']);
      try {
        const target = await postgresTarget(cluster.url);
        const accounts = await prepareAccounts(target);
        const full: Target = { ...target, rawSeed: () => rawPostgresSeed(target.rawUrl, { ...SIZE, seed: SEED, ownerId: accounts.userId }) };
        try {
          sections.push({ name: 'PostgreSQL', version: target.version, figures: await benchDatabase(full, accounts.services, accounts.scope, accounts.userId, accounts.token, dir) });
        } finally {
          await target.close();
        }
      } finally {
        cluster.stop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, report(sections));
  log(`wrote ${path.relative(ROOT, OUTPUT)}`);
}

function report(sections: { name: string; version: string; figures: Figure[] }[]): string {
  const cpus = os.cpus();
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\`${quick ? ' --quick (a tenth of the data: not the reference figures)' : ''} on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB memory, ${os.platform()} ${os.release()}, Node.js ${process.version}; ` +
      sections.map((s) => s.version).join(', ') + '.',
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.name}`, '', '| measure | Rapport | baseline | ratio | target | result |', '|---|---|---|---|---|---|');
    for (const f of section.figures) lines.push(`| ${f.measure} | ${f.ours} | ${f.baseline} | ${f.ratio} | ${f.target} | ${f.pass === null ? '' : f.pass ? 'pass' : '**FAIL**'} |`);
    lines.push('');
  }
  lines.push(fs.readFileSync(path.join(ROOT, 'bench', 'method.md'), 'utf8'));
  return `${lines.join('\n').trimEnd()}\n`;
}

await main();
// pg's and autocannon's sockets may linger; the run is over.
process.exit(0);
