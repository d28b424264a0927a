// Exchange benchmark: importing a LinkedIn Connections.csv against raw prepared better-sqlite3
// inserts of the same rows in the same run, a 300,000-row import's peak memory (in its own
// process, streamed), and vCard export speed, on SQLite and on PostgreSQL.
//
//   npx tsx bench/exchange.ts [--quick] [--only=sqlite|postgres] [--postgres=postgres://…]
//
// Without --postgres it starts a throwaway PostgreSQL cluster when the server binaries are found.
// `exchangeFigures` is what bench/run.ts calls; the child mode (`--child-import`) is internal.
import { execFileSync, fork, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createServices } from '../src/app.js';
import { fileSource } from '../src/features/exchange/source.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { openDatabase, type Database, type Dialect } from '../src/platform/database/connect.js';
import { migrateToLatest } from '../src/platform/database/migrate.js';
import { systemDeps } from '../src/platform/deps.js';

export interface Figure {
  name: string;
  value: string;
  target?: string;
  ok?: boolean;
}

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

/**
 * The baseline: the rows the import writes for each connection (the contact, its LinkedIn URL
 * and email), parsed with a plain split and inserted with prepared statements in one transaction.
 */
function rawSqliteInsert(file: string, csv: string): { ms: number; rows: number } {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const owner = crypto.randomUUID();
  db.prepare("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES (?, ?, 'x', 'Raw', ?, ?)").run(owner, `${owner}@example.com`, '2026-01-01', '2026-01-01');
  const contact = db.prepare(
    'INSERT INTO contacts (id, owner_id, display_name, sort_name, first_name, last_name, company, title, met_how, met_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const method = db.prepare('INSERT INTO contact_methods (id, owner_id, contact_id, kind, type, value, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const started = performance.now();
  let rows = 0;
  db.transaction(() => {
    const lines = fs.readFileSync(csv, 'utf8').split('\n').slice(4);
    const now = new Date().toISOString();
    for (const line of lines) {
      if (!line) continue;
      const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      const [first, last, url, email, company, title, on] = cells;
      const id = crypto.randomUUID();
      const name = `${first} ${last}`;
      contact.run(id, owner, name, name.toLowerCase(), first, last, company, title, 'LinkedIn', on, now, now);
      method.run(crypto.randomUUID(), owner, id, 'url', 'linkedin', url, 0);
      if (email) method.run(crypto.randomUUID(), owner, id, 'email', 'other', email, 0);
      rows += 1;
    }
  })();
  const ms = performance.now() - started;
  db.close();
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

/** Runs the 300,000-row import in its own process and returns its peak resident memory. */
function peakImport(env: NodeJS.ProcessEnv, csv: string): Promise<{ peakMb: number; ms: number; rows: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url).pathname, ['--child-import', csv], { env, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => resolve(m as { peakMb: number; ms: number; rows: number }));
    child.on('exit', (code) => code !== 0 && reject(new Error(`import child exited with ${code}`)));
  });
}

async function childImport(csv: string) {
  const db = openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL || undefined, sqlitePath: process.env.BENCH_SQLITE });
  const result = await importRate(db, csv);
  await db.close();
  // maxRSS is in kilobytes: the process's peak resident set, whatever the garbage collector did.
  process.send!({ peakMb: process.resourceUsage().maxRSS / 1024, ...result });
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
export async function exchangeFigures(dialect: Dialect, options: { dir: string; url?: string; quick?: boolean }): Promise<Figure[]> {
  const scale = options.quick ? 10 : 1;
  const small = path.join(options.dir, 'linkedin-30k.csv');
  const large = path.join(options.dir, 'linkedin-300k.csv');
  if (!fs.existsSync(small)) writeLinkedIn(small, 30_000 / scale);
  if (!fs.existsSync(large)) writeLinkedIn(large, 300_000 / scale);
  const open = async () =>
    dialect === 'sqlite'
      ? openDatabase({ sqlitePath: path.join(options.dir, `exchange-${crypto.randomBytes(4).toString('hex')}.db`) })
      : openDatabase({ databaseUrl: await newPostgresDatabase(options.url!) });
  const figures: Figure[] = [];

  const db = await open();
  const imported = await importRate(db, small);
  await db.close();
  const importPerSecond = rate(imported.rows, imported.ms);
  if (dialect === 'sqlite') {
    const rawDb = await open();
    await migrateToLatest(rawDb);
    const file = rawDb.sqlite!.name;
    await rawDb.close();
    const raw = rawSqliteInsert(file, small);
    const rawPerSecond = rate(raw.rows, raw.ms);
    const ratio = importPerSecond / rawPerSecond;
    figures.push({
      name: `import ${imported.rows.toLocaleString('en')}-row LinkedIn CSV vs raw prepared inserts`,
      value: `${importPerSecond.toLocaleString('en')} rows/s vs ${rawPerSecond.toLocaleString('en')} rows/s = ${ratio.toFixed(2)}`,
      target: '≥ 0.5',
      ok: ratio >= 0.5,
    });
  } else {
    figures.push({ name: `import ${imported.rows.toLocaleString('en')}-row LinkedIn CSV`, value: `${importPerSecond.toLocaleString('en')} rows/s (${(imported.ms / 1000).toFixed(1)} s)` });
  }

  const childEnv: NodeJS.ProcessEnv =
    dialect === 'sqlite'
      ? { ...process.env, BENCH_SQLITE: path.join(options.dir, `exchange-peak-${crypto.randomBytes(4).toString('hex')}.db`), BENCH_DATABASE_URL: '' }
      : { ...process.env, BENCH_DATABASE_URL: await newPostgresDatabase(options.url!) };
  const peak = await peakImport(childEnv, large);
  figures.push({
    name: `import ${peak.rows.toLocaleString('en')}-row CSV, peak memory of the importing process`,
    value: `${Math.round(peak.peakMb)} MB RSS (${rate(peak.rows, peak.ms).toLocaleString('en')} rows/s)`,
    target: '< 300 MB',
    ok: peak.peakMb < 300,
  });

  const exportDb = await open();
  const exported = await exportRate(exportDb, 100_000 / scale, options.dir);
  await exportDb.close();
  const exportPerSecond = rate(exported.contacts, exported.ms);
  figures.push({
    name: `export ${exported.contacts.toLocaleString('en')} contacts to vCard 4.0`,
    value: `${exportPerSecond.toLocaleString('en')} contacts/s (${(exported.bytes / 1e6).toFixed(1)} MB)`,
    target: '≥ 20,000/s',
    ok: exportPerSecond >= 20_000,
  });
  return figures;
}

/** A throwaway PostgreSQL cluster on 127.0.0.1, as the test suite starts one. */
async function startCluster(dir: string): Promise<{ url: string; stop: () => void } | null> {
  const root = '/usr/lib/postgresql';
  const bin = process.env.PG_BIN ?? (fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(root, v, 'bin')).find((b) => fs.existsSync(path.join(b, 'initdb'))) : undefined);
  if (!bin) return null;
  const data = path.join(dir, 'pg');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const runPg = (command: string, args: string[]) => {
    const full = path.join(bin, command);
    const result = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' }) : spawnSync(full, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as net.AddressInfo;
      server.close(() => resolve(p));
    });
  });
  runPg('initdb', ['-D', data, '-U', 'rapport', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  runPg('pg_ctl', ['-D', data, '-l', path.join(dir, 'pg.log'), '-w', 'start', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB`]);
  return { url: `postgres://rapport@127.0.0.1:${port}`, stop: () => runPg('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']) };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child-import') return childImport(args[1]!);
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='))?.slice(7);
  const given = args.find((a) => a.startsWith('--postgres='))?.slice(11);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-exchange-bench-'));
  fs.chmodSync(dir, 0o777);
  try {
    if (only !== 'postgres') {
      console.log('SQLite');
      for (const f of await exchangeFigures('sqlite', { dir, quick })) console.log(`  ${f.name}: ${f.value}${f.target ? ` (target ${f.target}: ${f.ok ? 'met' : 'MISSED'})` : ''}`);
    }
    if (only !== 'sqlite') {
      const cluster = given ? { url: given, stop: () => {} } : await startCluster(dir);
      if (!cluster) console.log('PostgreSQL: server binaries not found; skipped');
      else {
        try {
          console.log('PostgreSQL');
          for (const f of await exchangeFigures('postgres', { dir, url: cluster.url, quick })) console.log(`  ${f.name}: ${f.value}${f.target ? ` (target ${f.target}: ${f.ok ? 'met' : 'MISSED'})` : ''}`);
        } finally {
          cluster.stop();
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === path.resolve(process.argv[1])) {
  await main();
}
