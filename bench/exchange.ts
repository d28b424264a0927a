// Exchange benchmark (issue 5): importing a LinkedIn Connections.csv against raw inserts of the
// same rows in the same run (prepared better-sqlite3 statements; multi-row pg INSERTs), the peak
// memory of the `rapport import` command on a 300,000-row file, and vCard export speed, on SQLite
// and on PostgreSQL. bench/run.ts calls exchangeFigures().
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createServices } from '../src/services.js';
import { fileSource } from '../src/features/exchange/source.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { openDatabase, type Database, type Dialect } from '../src/platform/database/connect.js';
import { migrateToLatest } from '../src/platform/database/migrate.js';
import { systemDeps } from '../src/platform/deps.js';
import { uuidV7Generator } from '../src/platform/ids.js';
import { int, log, ROOT, type Figure } from './lib.js';

const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Tim', 'Margaret', 'Linus', 'Barbara', 'Dennis', 'Radia', 'Zoë', 'Jürgen', 'Siobhán', 'Tomás', 'Chloé'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Berners-Lee', 'Hamilton', 'Torvalds', 'Liskov', 'Ritchie', 'Perlman', 'van der Berg', 'García', 'Müller'];
const COMPANIES = ['Analytical Engines', 'US Navy', 'Bletchley Park', 'NASA', 'CERN', 'MIT', 'Linux Foundation', 'Bell Labs', '"Stripe, Inc."', 'Zenith 🚀 Labs'];
const TITLES = ['Engineer', 'Founder & CEO', 'Investor', '"VP, Sales"', 'Designer', 'Recruiter', 'Staff Engineer | Platform'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A LinkedIn export in its current layout (preamble included), one in ten rows with an email. */
export function writeLinkedIn(file: string, rows: number): void {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  let buffer = `${lines.join('\n')}\n`;
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length]!;
    // Names repeat as in real networks, but not with the same company: each row is another person.
    const last = `${LAST[(i * 7) % LAST.length]!}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length))}` : ''}`;
    const email = i % 10 === 0 ? `person${i}@example.com` : '';
    buffer += `${first},${last},https://www.linkedin.com/in/person-${i},${email},${COMPANIES[i % COMPANIES.length]},${TITLES[i % TITLES.length]},${String((i % 28) + 1).padStart(2, '0')} ${MONTHS[i % 12]} ${2010 + (i % 15)}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
}

async function freshAccount(db: Database) {
  await migrateToLatest(db);
  const services = createServices(systemDeps(db));
  const email = `bench-${crypto.randomBytes(4).toString('hex')}@example.com`;
  const user = await services.accounts.createUser({ email, password: 'correct horse battery staple', displayName: 'Bench' });
  return { services, scope: authenticatedScope(user.id), userId: user.id };
}

/** The CSV's connections, parsed with a plain split: what both raw baselines insert. */
function* connections(csv: string) {
  for (const line of fs.readFileSync(csv, 'utf8').split('\n').slice(4)) {
    if (!line) continue;
    const [first, last, url, email, company, title, on] = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    const name = `${first} ${last}`;
    yield { first, last, url, email, company, title, on, name, sortName: name.toLowerCase() };
  }
}

const RAW_CONTACT_COLUMNS = 'id, owner_id, display_name, sort_name, first_name, last_name, company, title, met_how, met_on, created_at, updated_at, children';
const RAW_METHOD_COLUMNS = 'id, owner_id, contact_id, kind, type, value, position';
const RAW_DOCUMENT_COLUMNS = 'owner_id, entity, entity_id, title, body';
const RAW_SOURCE_COLUMNS = 'contact_id, owner_id, source, snapshot, imported_at';

// Ids made as Rapport makes them, in time order: random ones would make every index on them
// insert at random, slowing the baseline for a reason Rapport does not have.
const newId = uuidV7Generator();

/**
 * The rows an import writes for one connection, as the raw baselines write them: the contact with
 * the copy of its children it keeps, its LinkedIn URL and email, its search document, and the snapshot of the row it came from (what the
 * next import of a newer export is compared with), the same JSON Rapport keeps.
 */
function rawRows(c: ReturnType<typeof connections> extends Generator<infer T> ? T : never, owner: string, now: string) {
  const id = newId();
  const methods = [[newId(), owner, id, 'url', 'linkedin', c.url, 0]];
  if (c.email) methods.push([newId(), owner, id, 'email', 'other', c.email, 0]);
  const snapshot = JSON.stringify({
    fields: { firstName: c.first, lastName: c.last, company: c.company, title: c.title, metHow: 'LinkedIn', metOn: c.on },
    emails: c.email ? [c.email] : [],
    phones: [],
    urls: [(c.url ?? '').replace('https://www.linkedin.com/in/', '')],
    tags: [],
    dimensions: {},
    photo: null,
  });
  return {
    contact: [id, owner, c.name, c.sortName, c.first, c.last, c.company, c.title, 'LinkedIn', c.on, now, now, JSON.stringify(methods.map((m) => m.slice(3)))],
    methods,
    document: [owner, 'contact', id, c.name, [c.company, c.title, 'LinkedIn', c.email, c.url].filter(Boolean).join(' ')],
    source: [id, owner, 'linkedin', snapshot, now],
  };
}

/**
 * The SQLite baseline: the rows the import writes for each connection, inserted with prepared
 * statements in one transaction, and the full-text index filled from the documents in one
 * statement, the fastest way known (as the seed's baseline does).
 */
function rawSqliteInsert(file: string, csv: string): { ms: number; rows: number } {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const owner = crypto.randomUUID();
  db.prepare("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES (?, ?, 'x', 'Raw', ?, ?)").run(owner, `${owner}@example.com`, '2026-01-01', '2026-01-01');
  const insert = (table: string, columns: string) => db.prepare(`INSERT INTO ${table} (${columns}) VALUES (${columns.split(',').map(() => '?').join(', ')})`);
  const contact = insert('contacts', RAW_CONTACT_COLUMNS);
  const method = insert('contact_methods', RAW_METHOD_COLUMNS);
  const document = insert('search_docs', RAW_DOCUMENT_COLUMNS);
  const source = insert('contact_sources', RAW_SOURCE_COLUMNS);
  const started = performance.now();
  let rows = 0;
  db.transaction(() => {
    const now = new Date().toISOString();
    const first = (db.prepare('SELECT coalesce(max(seq), 0) FROM search_docs').pluck().get() as number) + 1;
    for (const c of connections(csv)) {
      const r = rawRows(c, owner, now);
      contact.run(r.contact);
      for (const m of r.methods) method.run(m);
      document.run(r.document);
      source.run(r.source);
      rows += 1;
    }
    db.prepare('INSERT INTO search_fts (rowid, title, body) SELECT seq, title, body FROM search_docs WHERE seq >= ?').run(first);
  })();
  const ms = performance.now() - started;
  db.close();
  return { ms, rows };
}

/** The PostgreSQL baseline: the same rows in multi-row INSERTs of 1,000 rows, in one transaction. */
async function rawPostgresInsert(url: string, csv: string): Promise<{ ms: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const owner = crypto.randomUUID();
  await client.query("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES ($1, $2, 'x', 'Raw', now(), now())", [owner, `${owner}@example.com`]);
  const insert = async (table: string, columns: string, rows: unknown[][]) => {
    if (rows.length === 0) return;
    const width = rows[0]!.length;
    const tuples = rows.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`);
    await client.query(`INSERT INTO ${table} (${columns}) VALUES ${tuples.join(', ')}`, rows.flat());
  };
  const started = performance.now();
  let rows = 0;
  await client.query('BEGIN');
  const now = new Date().toISOString();
  let batch: ReturnType<typeof rawRows>[] = [];
  const flush = async () => {
    await insert('contacts', RAW_CONTACT_COLUMNS, batch.map((r) => r.contact));
    await insert('contact_methods', RAW_METHOD_COLUMNS, batch.flatMap((r) => r.methods));
    await insert('search_docs', RAW_DOCUMENT_COLUMNS, batch.map((r) => r.document));
    await insert('contact_sources', RAW_SOURCE_COLUMNS, batch.map((r) => r.source));
    batch = [];
  };
  for (const c of connections(csv)) {
    batch.push(rawRows(c, owner, now));
    rows += 1;
    if (batch.length === 1000) await flush();
  }
  await flush();
  await client.query('COMMIT');
  const ms = performance.now() - started;
  await client.end();
  return { ms, rows };
}

async function importRate(db: Database, csv: string): Promise<{ ms: number; rows: number }> {
  const { services, scope } = await freshAccount(db);
  const started = performance.now();
  const report = await services.exchange.importSource(scope, fileSource(csv), { dryRun: false });
  return { ms: performance.now() - started, rows: report.counts.new };
}

async function exportRate(db: Database, count: number, dir: string): Promise<{ ms: number; contacts: number; bytes: number }> {
  const csv = path.join(dir, `export-${count}.csv`);
  writeLinkedIn(csv, count);
  const { services, scope } = await freshAccount(db);
  await services.exchange.importSource(scope, fileSource(csv), { dryRun: false });
  const started = performance.now();
  let bytes = 0;
  let contacts = 0;
  for await (const chunk of services.exchange.exportVcard(scope)) {
    bytes += chunk.length;
    contacts += chunk.split('BEGIN:VCARD').length - 1;
  }
  return { ms: performance.now() - started, contacts, bytes };
}

/**
 * Imports the 300,000-row file as a user does: the compiled CLI (`node bin/rapport.js import FILE`,
 * dist/ built first) into an account made beforehand, and returns that process's peak resident
 * memory (VmHWM, written at exit by bench/peak-rss.mjs) and its rows per second, start-up included.
 */
async function peakImport(db: Database, env: NodeJS.ProcessEnv, csv: string, dir: string): Promise<{ peakMb: number; ms: number; rows: number }> {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building dist/ for the import command failed');
  const { userId } = await freshAccount(db);
  const email = (await db.kysely.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;
  await db.close();
  const peakFile = path.join(dir, `peak-${crypto.randomBytes(4).toString('hex')}.txt`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(ROOT, 'bench/peak-rss.mjs')).href, path.join(ROOT, 'bin/rapport.js'), '--json', '--user', email, 'import', csv], {
    cwd: ROOT,
    env: { ...env, PEAK_RSS_FILE: peakFile },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`rapport import exited with ${run.status}`);
  const report = JSON.parse(run.stdout) as { counts: { new: number } };
  const peakKb = Number(fs.readFileSync(peakFile, 'utf8'));
  fs.rmSync(peakFile);
  return { peakMb: peakKb / 1024, ms, rows: report.counts.new };
}

async function newPostgresDatabase(url: string): Promise<string> {
  const name = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return `${url}/${name}`;
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

/** The exchange figures on one database: SQLite (files in `dir`) or PostgreSQL (server `url`). */
export async function exchangeFigures(dialect: Dialect, options: { dir: string; url?: string; quick: boolean }): Promise<Figure[]> {
  const scale = options.quick ? 10 : 1;
  const small = path.join(options.dir, `linkedin-${30_000 / scale}.csv`);
  const large = path.join(options.dir, `linkedin-${300_000 / scale}.csv`);
  if (!fs.existsSync(small)) writeLinkedIn(small, 30_000 / scale);
  if (!fs.existsSync(large)) writeLinkedIn(large, 300_000 / scale);
  const open = async () =>
    dialect === 'sqlite'
      ? openDatabase({ sqlitePath: path.join(options.dir, `exchange-${crypto.randomBytes(4).toString('hex')}.db`) })
      : openDatabase({ databaseUrl: await newPostgresDatabase(options.url!) });
  const figures: Figure[] = [];

  // Two rounds each, in turn, each into a new account of the same database.
  const db = await open();
  await migrateToLatest(db);
  const rawTarget = dialect === 'sqlite' ? db.sqlite!.name : await newPostgresDatabase(options.url!);
  if (dialect === 'postgres') {
    const rawDb = openDatabase({ databaseUrl: rawTarget });
    await migrateToLatest(rawDb);
    await rawDb.close();
  }
  const ours: { ms: number; rows: number }[] = [];
  const raw: { ms: number; rows: number }[] = [];
  for (let round = 0; round < 2; round++) {
    log(`exchange: importing ${int(30_000 / scale)} LinkedIn rows, Rapport and raw, round ${round + 1}`);
    ours.push(await importRate(db, small));
    raw.push(dialect === 'sqlite' ? rawSqliteInsert(rawTarget, small) : await rawPostgresInsert(rawTarget, small));
  }
  await db.close();
  const perSecond = (runs: { ms: number; rows: number }[]) => runs.reduce((n, r) => n + r.rows, 0) / (runs.reduce((t, r) => t + r.ms, 0) / 1000);
  const ratio = perSecond(ours) / perSecond(raw);
  figures.push({
    measure: `import a ${int(ours[0]!.rows)}-row LinkedIn CSV, rows/s (two rounds)`,
    ours: int(perSecond(ours)),
    baseline: `${int(perSecond(raw))} (the same rows: ${dialect === 'sqlite' ? 'prepared better-sqlite3 inserts' : 'multi-row pg INSERTs'})`,
    ratio: `${ratio.toFixed(2)} of raw`,
    target: '≥ 0.5 of raw',
    pass: ratio >= 0.5,
  });

  log(`exchange: importing ${int(300_000 / scale)} rows with the rapport command`);
  const peakUrl = dialect === 'postgres' ? await newPostgresDatabase(options.url!) : undefined;
  const peakFile = path.join(options.dir, `exchange-peak-${crypto.randomBytes(4).toString('hex')}.db`);
  const peakDb = openDatabase(peakUrl ? { databaseUrl: peakUrl } : { sqlitePath: peakFile });
  await migrateToLatest(peakDb);
  const peakEnv: NodeJS.ProcessEnv = { ...process.env, RAPPORT_DB: peakFile, DATABASE_URL: peakUrl ?? '' };
  const peak = await peakImport(peakDb, peakEnv, large, options.dir);
  figures.push({
    measure: `\`rapport import\` of a ${int(peak.rows)}-row CSV: peak RSS of the command (rows/s)`,
    ours: `${Math.round(peak.peakMb)} MB (${int(rate(peak.rows, peak.ms))} rows/s)`,
    baseline: '',
    ratio: '',
    target: '< 300 MB',
    pass: peak.peakMb < 300,
  });

  log(`exchange: exporting ${int(100_000 / scale)} contacts to vCard`);
  const exportDb = await open();
  const exported = await exportRate(exportDb, 100_000 / scale, options.dir);
  await exportDb.close();
  const exportPerSecond = rate(exported.contacts, exported.ms);
  figures.push({
    measure: `export ${int(exported.contacts)} contacts to vCard 4.0, contacts/s`,
    ours: `${int(exportPerSecond)} (${(exported.bytes / 1e6).toFixed(1)} MB in ${(exported.ms / 1000).toFixed(1)} s)`,
    baseline: '',
    ratio: '',
    target: '≥ 20,000/s',
    pass: exportPerSecond >= 20_000,
  });
  return figures;
}

