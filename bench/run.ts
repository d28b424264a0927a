// `npm run bench`: every benchmark the issues ask for, each next to a baseline measured in the same
// run, written to BENCHMARKS.md. On SQLite and on a throwaway PostgreSQL cluster it seeds 100,000
// contacts and 1,000,000 interactions and measures seeding, search, the contact list, HTTP and
// memory (issue 2) and Today, the overdue list and the calendar feed (issue 4); then imports and
// exports (issue 5); then the web app in Chromium (issue 3).
//
//   npm run bench [-- --quick] [--only=sqlite|postgres] [--parts=core,nurture,exchange,web]
//
// `--quick` (or BENCH_QUICK=1) uses a tenth of the data and fewer runs. A quick or partial run
// writes bench/out/BENCHMARKS.quick.md or BENCHMARKS.partial.md instead of BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Database as SQLiteHandle } from 'better-sqlite3';
import pg from 'pg';
import { createServices, type Services } from '../src/services.js';
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
import { exchangeFigures } from './exchange.js';
import { child, inTurn, int, latencyFigure, log, memoryOf, ms, percentile, rawPostgres, rawSqlite, ROOT, timed, type Figure, type RawSql } from './lib.js';
import { nurtureFigures } from './nurture.js';
import { benchWeb, webFigures } from './web.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const PARTS = ['core', 'nurture', 'exchange', 'web'] as const;
type Part = (typeof PARTS)[number];
const parts = new Set((args.find((a) => a.startsWith('--parts='))?.slice('--parts='.length).split(',') ?? PARTS) as Part[]);
for (const part of parts) if (!PARTS.includes(part)) throw new Error(`--parts: unknown part "${part}"; the parts are ${PARTS.join(', ')}`);
const SIZE = quick ? { contacts: 10_000, interactions: 100_000 } : { contacts: 100_000, interactions: 1_000_000 };
/** The calendar feed is measured for an account of this size (issue 4). */
const CALENDAR_SIZE = { contacts: 10_000, interactions: 100_000 };
const SEED = 1;
const SEARCHES = quick ? 100 : 300;
const LISTS = quick ? 100 : 300;
const NURTURE_RUNS = quick ? 100 : 300;
const HTTP_SECONDS = quick ? 3 : 10;
const HTTP_CONNECTIONS = 10;
/** Raw bm25 over common words takes about a second a query; this bounds its share of the run. */
const RAW_FREQUENT_BUDGET_MS = quick ? 20_000 : 60_000;
const complete = !quick && only === undefined && parts.size === PARTS.length;
const OUTPUT = complete ? path.join(ROOT, 'BENCHMARKS.md') : path.join(ROOT, 'bench', 'out', `BENCHMARKS.${quick ? 'quick' : 'partial'}.md`);

interface Section {
  name: string;
  version?: string;
  groups: { title: string; figures: Figure[] }[];
}

interface Target {
  dialect: Dialect;
  name: string;
  /** Where Rapport's database is, as environment for the server and seed processes. */
  appEnv: NodeJS.ProcessEnv;
  app: Database;
  /** Hand-written SQL on Rapport's database, for the baselines of queries. */
  rawApp: RawSql;
  /** Writes the raw seeding baseline into a database of its own. */
  rawSeed(ownerId: string): Promise<SeedResult>;
  /** The raw FTS top-20 query of the search baseline. */
  rawSearch(word: string): Promise<unknown>;
  /** A new connection to Rapport's database, after a bulk load by another process. */
  reopen(): Promise<void>;
  /**
   * Reads Rapport's database into the OS page cache, where a running server's working set is,
   * rather than leaving the first measures to whichever pages the seed's writes left cached; on
   * PostgreSQL vacuums and analyzes it first, as autovacuum would soon after the seed.
   */
  warm(): Promise<void>;
  version: string;
  close(): Promise<void>;
}

async function sqliteTarget(dir: string): Promise<Target> {
  const appFile = path.join(dir, 'app.db');
  const rawFile = path.join(dir, 'raw.db');
  const app = openDatabase({ sqlitePath: appFile });
  const target: Target = {
    dialect: 'sqlite',
    name: 'SQLite',
    appEnv: { RAPPORT_DB: appFile },
    app,
    rawApp: rawSqlite(app.sqlite as SQLiteHandle),
    async rawSeed(ownerId) {
      await prepareRawDatabase(openDatabase({ sqlitePath: rawFile }), target.app, ownerId);
      return rawSqliteSeed(rawFile, { ...SIZE, seed: SEED, ownerId });
    },
    rawSearch: (word) => target.rawApp.all('SELECT rowid, bm25(search_fts, 3.0, 1.0) AS rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20', [fts5Query([word], false)]),
    // A connection keeps the planner statistics it read when it opened: the measures use one
    // opened after the seed, as a server started on the seeded database would.
    async reopen() {
      await target.app.close();
      target.app = openDatabase({ sqlitePath: appFile });
      target.rawApp = rawSqlite(target.app.sqlite as SQLiteHandle);
    },
    async warm() {
      for (const file of [appFile, `${appFile}-wal`]) if (fs.existsSync(file)) readThrough(file);
    },
    version: `SQLite ${(app.sqlite!.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v} (better-sqlite3)`,
    async close() {
      await target.app.close();
    },
  };
  return target;
}

function readThrough(file: string): void {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(8 << 20);
  try {
    while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

async function postgresTarget(url: string): Promise<Target> {
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_app');
  await admin.query('CREATE DATABASE bench_raw');
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await admin.end();
  const app = openDatabase({ databaseUrl: `${url}/bench_app` });
  const rawApp = rawPostgres(`${url}/bench_app`);
  return {
    dialect: 'postgres',
    name: 'PostgreSQL',
    appEnv: { DATABASE_URL: `${url}/bench_app` },
    app,
    rawApp,
    async rawSeed(ownerId) {
      await prepareRawDatabase(openDatabase({ databaseUrl: `${url}/bench_raw` }), app, ownerId);
      const result = await rawPostgresSeed(`${url}/bench_raw`, { ...SIZE, seed: SEED, ownerId });
      // Measured, it is no longer needed: autovacuum would otherwise work through its four million
      // new rows beside Rapport's seed and the measures after it.
      const dropper = new pg.Client({ connectionString: `${url}/postgres` });
      await dropper.connect();
      await dropper.query('DROP DATABASE bench_raw WITH (FORCE)');
      await dropper.end();
      return result;
    },
    rawSearch: (word) =>
      rawApp.all(`SELECT seq, ts_rank_cd(tsv, query) AS rank FROM search_docs, to_tsquery('english', ?) AS query WHERE tsv @@ query ORDER BY rank DESC LIMIT 20`, [
        tsQuery([word], false),
      ]),
    // PostgreSQL's statistics live in the server: every connection sees the seed's.
    async reopen() {},
    async warm() {
      // What autovacuum does within minutes of a bulk load (visibility map, hint bits, statistics);
      // left to it, it ran beside the measures and took its share of the two cores.
      await rawApp.all('VACUUM (ANALYZE)', []);
      await rawApp.all('CREATE EXTENSION IF NOT EXISTS pg_prewarm', []);
      await rawApp.all(`SELECT pg_prewarm(c.oid, 'read') FROM pg_class c WHERE c.relnamespace IN ('public'::regnamespace, 'pg_toast'::regnamespace) AND c.relkind IN ('r', 'i', 't')`, []);
    },
    version: `PostgreSQL ${version} (pg)`,
    async close() {
      await rawApp.close();
      await app.close();
    },
  };
}

/** The raw seed's database: Rapport's schema and the same user row, then closed for the raw driver. */
async function prepareRawDatabase(raw: Database, app: Database, ownerId: string): Promise<void> {
  await migrateToLatest(raw);
  const row = await app.kysely.selectFrom('users').selectAll().where('id', '=', ownerId).executeTakeFirstOrThrow();
  await raw.kysely.insertInto('users').values(row).execute();
  await raw.close();
}

interface Account {
  scope: Scope;
  userId: string;
  token: string;
}

async function createAccount(services: Services, email: string): Promise<Account> {
  const user = await services.accounts.createUser({ email, password: 'benchmark password', displayName: 'Bench' });
  const scope = authenticatedScope(user.id);
  const { token } = await services.accounts.createToken(scope, { name: 'bench' });
  return { scope, userId: user.id, token };
}

/** `rapport seed` for an account, in its own process as a user would run it; its time in ms. */
async function seedAccount(target: Target, userId: string, size: { contacts: number; interactions: number }): Promise<number> {
  const seeder = child('seed.ts', {
    ...target.appEnv,
    BENCH_USER_ID: userId,
    BENCH_CONTACTS: String(size.contacts),
    BENCH_INTERACTIONS: String(size.interactions),
    BENCH_SEED: String(SEED),
  });
  return (await seeder.next<{ ms: number }>('seeded')).ms;
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

/** The list page written by hand: the tagged contacts by name, then their emails, phones, dimensions and tags. */
async function rawList(raw: RawSql, ownerId: string, tag: string): Promise<unknown[]> {
  const rows = await raw.all<{ id: string }>(
    `SELECT c.* FROM contacts c JOIN contact_tags t ON t.contact_id = c.id
     WHERE t.owner_id = ? AND t.tag = ? AND c.owner_id = ? AND c.deleted_at IS NULL ORDER BY c.sort_name, c.id LIMIT 51`,
    [ownerId, tag, ownerId],
  );
  const ids = rows.slice(0, 50).map((r) => r.id);
  const list = ids.map(() => '?').join(', ');
  return raw.all(
    `SELECT contact_id, kind, type, value, position FROM contact_methods WHERE owner_id = ? AND contact_id IN (${list})
     UNION ALL SELECT contact_id, 'dimension', dimension, value, 0 FROM contact_dimensions WHERE owner_id = ? AND contact_id IN (${list})
     UNION ALL SELECT contact_id, 'tag', NULL, tag, 0 FROM contact_tags WHERE owner_id = ? AND contact_id IN (${list})`,
    [ownerId, ...ids, ownerId, ...ids, ownerId, ...ids],
  );
}

async function listFigure(target: Target, services: Services, scope: Scope): Promise<Figure> {
  const tag = (i: number) => TAGS[i % TAGS.length]!;
  const samples = await inTurn(
    LISTS,
    (i) => services.contacts.list(scope, { tag: tag(i), sort: 'name', limit: 50 }),
    (i) => rawList(target.rawApp, scope.userId, tag(i)),
  );
  return latencyFigure(`contact list, first 50 by name with a tag (each of ${TAGS.length} tags in turn)`, samples, { ms: 5 });
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

/** Seeding, search, the contact list, HTTP and memory (issue 2) and Today (issue 4) on one database. */
async function benchDatabase(target: Target, dir: string): Promise<Section> {
  const section: Section = { name: target.name, version: target.version, groups: [] };
  await migrateToLatest(target.app);
  const accounts = createServices(systemDeps(target.app));
  const main = await createAccount(accounts, 'bench@example.com');
  // The calendar feed is measured for an account of 10,000 contacts: the main one in a quick run.
  const calendar = parts.has('nurture') && SIZE.contacts !== CALENDAR_SIZE.contacts ? await createAccount(accounts, 'calendar@example.com') : main;
  const core: Figure[] = [];
  if (parts.has('core')) {
    log(`${target.name}: raw baseline seeding ${int(SIZE.contacts)} contacts and ${int(SIZE.interactions)} interactions`);
    const raw = await target.rawSeed(main.userId);
    log(`${target.name}: raw baseline took ${(raw.ms / 1000).toFixed(1)} s for ${int(raw.rows)} rows`);
    log(`${target.name}: rapport seed, in its own process`);
    const seeded = await seedAccount(target, main.userId, SIZE);
    log(`${target.name}: rapport seed took ${(seeded / 1000).toFixed(1)} s`);
    const ratio = raw.ms / seeded;
    core.push({
      measure: `seed ${int(SIZE.contacts)} contacts + ${int(SIZE.interactions)} interactions (${int(raw.rows)} rows), rows/s`,
      ours: `${int(raw.rows / (seeded / 1000))} (${(seeded / 1000).toFixed(1)} s)`,
      baseline: `${int(raw.rows / (raw.ms / 1000))} (${(raw.ms / 1000).toFixed(1)} s)`,
      ratio: `${ratio.toFixed(2)} of raw`,
      target: '≥ 0.5 of raw',
      pass: ratio >= 0.5,
    });
  } else {
    log(`${target.name}: rapport seed, in its own process`);
    await seedAccount(target, main.userId, SIZE);
  }
  if (calendar !== main) {
    log(`${target.name}: seeding an account of ${int(CALENDAR_SIZE.contacts)} contacts for the calendar feed`);
    await seedAccount(target, calendar.userId, CALENDAR_SIZE);
  }
  await target.reopen();
  const warming = performance.now();
  await target.warm();
  log(`${target.name}: database read into the page cache in ${((performance.now() - warming) / 1000).toFixed(1)} s`);
  const services = createServices(systemDeps(target.app));
  if (parts.has('core')) {
    core.push(...(await searchFigures(target, services, main.scope)));
    log(`${target.name}: contact list, ${LISTS} pages`);
    core.push(await listFigure(target, services, main.scope));
    core.push(...(await httpFigures(target, main, dir)));
    section.groups.push({ title: 'Contacts, search, HTTP and memory (issue 2)', figures: core });
  }
  if (parts.has('nurture')) {
    const figures = await nurtureFigures({ db: target.app, services, raw: target.rawApp, scope: main.scope, calendarScope: calendar.scope, runs: NURTURE_RUNS });
    section.groups.push({ title: `Today, the overdue list and the calendar feed (issue 4), on the same ${int(SIZE.contacts)} contacts`, figures });
  }
  return section;
}

/** GET /api/v1/contacts/:id against a bare Fastify route, then the server's memory. */
async function httpFigures(target: Target, account: Account, dir: string): Promise<Figure[]> {
  const server = child('server.ts', target.appEnv);
  try {
    const { url } = await server.next<{ url: string }>('listening');
    log(`${target.name}: HTTP, ${HTTP_CONNECTIONS} connections, ${HTTP_SECONDS} s a round`);
    const all = await target.app.kysely.selectFrom('contacts').select('id').where('owner_id', '=', account.userId).orderBy('id').execute();
    const ids = Array.from({ length: 500 }, (_, i) => all[Math.floor((i * all.length) / 500)]!.id);
    const bodies: Record<string, unknown> = {};
    for (const id of ids) {
      const response = await fetch(`${url}/api/v1/contacts/${id}`, { headers: { authorization: `Bearer ${account.token}` } });
      if (response.status !== 200) throw new Error(`GET /api/v1/contacts/${id}: ${response.status}`);
      bodies[id] = await response.json();
    }
    const bodiesFile = path.join(dir, 'bodies.json');
    fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
    const bare = child('bare.ts', { BENCH_BODIES: bodiesFile });
    let r: { ours: number; bare: number };
    try {
      const { url: bareUrl } = await bare.next<{ url: string }>('listening');
      await cannon(url, account.token, ids, 2);
      await cannon(bareUrl, null, ids, 2);
      const ours: number[] = [];
      const reference: number[] = [];
      // Two rounds each, in turn, so a disturbance on the machine hits both alike.
      for (let round = 0; round < 2; round++) {
        ours.push(await cannon(url, account.token, ids, HTTP_SECONDS));
        reference.push(await cannon(bareUrl, null, ids, HTTP_SECONDS));
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      r = { ours: mean(ours), bare: mean(reference) };
    } finally {
      await bare.stop();
    }
    const memory = memoryOf(server.process.pid!);
    return [
      {
        measure: `GET /api/v1/contacts/:id over HTTP (bearer token), requests/s, ${HTTP_CONNECTIONS} connections`,
        ours: int(r.ours),
        baseline: `${int(r.bare)} (bare Fastify)`,
        ratio: `${(r.ours / r.bare).toFixed(2)} of bare`,
        target: '≥ 0.5 of bare',
        pass: r.ours / r.bare >= 0.5,
      },
      { measure: 'server RSS after the seed and the load (peak)', ours: `${memory.rss.toFixed(0)} MB (${memory.peak.toFixed(0)} MB)`, baseline: '', ratio: '', target: '≤ 250 MB', pass: memory.rss <= 250 },
    ];
  } finally {
    await server.stop();
  }
}

async function onDatabase(dialect: Dialect, dir: string, cluster: { url: string } | null): Promise<Section> {
  let section: Section | null = null;
  if (parts.has('core') || parts.has('nurture')) {
    const target = dialect === 'sqlite' ? await sqliteTarget(dir) : await postgresTarget(cluster!.url);
    try {
      section = await benchDatabase(target, dir);
    } finally {
      await target.close();
    }
  }
  section ??= { name: dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL', groups: [] };
  if (parts.has('exchange')) {
    const figures = await exchangeFigures(dialect, { dir, url: cluster?.url, quick });
    section.groups.push({ title: 'Import and export (issue 5), each in a new database', figures });
  }
  return section;
}

async function main() {
  const sections: Section[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
  // The PostgreSQL server (run as the postgres user when the benchmark runs as root) writes here too.
  fs.chmodSync(dir, 0o777);
  try {
    if (only !== 'postgres' && (parts.has('core') || parts.has('nurture') || parts.has('exchange'))) sections.push(await onDatabase('sqlite', dir, null));
    if (only !== 'sqlite' && (parts.has('core') || parts.has('nurture') || parts.has('exchange'))) {
      const bin = findPgBinaries();
      if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) were not found; set PG_BIN or run with --only=sqlite.');
      // Memory and WAL settings a server holding a million rows would have; the defaults suit a laptop's tests.
      const cluster = await startPgCluster(bin, ['shared_buffers=512MB', 'work_mem=16MB', 'maintenance_work_mem=256MB', 'max_wal_size=8GB', 'checkpoint_timeout=30min']);
      try {
        sections.push(await onDatabase('postgres', dir, cluster));
      } finally {
        cluster.stop();
      }
    }
    if (parts.has('web')) {
      const result = await benchWeb({ contacts: 10_000, loads: quick ? 10 : 20, keystrokes: quick ? 20 : 40, log });
      sections.push({ name: 'Web app (issue 3), SQLite, headless Chromium', groups: [{ title: '', figures: webFigures(result) }] });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, report(sections));
  log(`wrote ${path.relative(ROOT, OUTPUT)}`);
}

function report(sections: Section[]): string {
  const cpus = os.cpus();
  const command = ['npm run bench', ...(args.length > 0 ? ['--', ...args] : [])].join(' ');
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`${command}\`${quick ? ' (a tenth of the data: not the reference figures)' : ''} on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB memory, ${os.platform()} ${os.release()}, Node.js ${process.version}; ` +
      sections.flatMap((s) => (s.version ? [s.version] : [])).join(', ') +
      '.',
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.name}`, '');
    for (const group of section.groups) {
      if (group.title) lines.push(`### ${group.title}`, '');
      lines.push('| measure | Rapport | baseline | ratio | target | result |', '|---|---|---|---|---|---|');
      for (const f of group.figures) lines.push(`| ${f.measure} | ${f.ours} | ${f.baseline} | ${f.ratio} | ${f.target} | ${f.pass === null ? '' : f.pass ? 'pass' : '**FAIL**'} |`);
      lines.push('');
    }
  }
  lines.push(fs.readFileSync(path.join(ROOT, 'bench', 'method.md'), 'utf8'));
  return `${lines.join('\n').trimEnd()}\n`;
}

await main();
// pg's and autocannon's sockets may linger; the run is over.
process.exit(0);
