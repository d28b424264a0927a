/**
 * Web app benchmark (issue 3): what the first page costs to download, and how fast the contact list
 * is with 10,000 contacts, measured in headless Chromium with the performance marks the app sets
 * (rapport:contacts-ready, rapport:contacts-search). bench/run.ts calls benchWeb() and webFigures().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { createServices } from '../src/services.js';
import { loadConfig } from '../src/platform/config.js';
import { systemDeps } from '../src/platform/deps.js';
import { openConfiguredDatabase } from '../src/platform/database/configured.js';
import { startServer } from '../src/serve.js';
import { buildWebApp } from '../e2e/harness/setup.js';
import { ROOT, type Figure } from './lib.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Bump when seed() changes, so a cached database is not reused. */
const SEED_VERSION = 1;

export interface WebBenchOptions {
  contacts: number;
  /** Page loads measured. */
  loads: number;
  /** Keystrokes measured. */
  keystrokes: number;
  log: (line: string) => void;
}

export interface WebBenchResult {
  /** JS and CSS of the first page: gzip bytes of each file (what the 150 KB budget counts). */
  firstPage: { files: { file: string; bytes: number; gzip: number; brotli: number }[]; gzipTotal: number; brotliTotal: number; transferred: number };
  contacts: number;
  /** Navigation start to the first page of the list rendered and usable, ms. */
  listReady: Summary;
  /** Input event in the filter box to the list showing that text's results, ms. */
  searchUpdate: Summary;
  /** Of which the request to the server, ms (resource timing). */
  searchRequest: Summary;
}

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { runs: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)!) };
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Frances', 'John', 'Radia', 'Tim', 'Anita', 'Linus', 'Hedy', 'Dennis', 'Katherine', 'Vint', 'Sophie', 'Guido'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Allen', 'McCarthy', 'Perlman', 'Berners-Lee', 'Borg', 'Torvalds', 'Lamarr', 'Ritchie', 'Johnson', 'Cerf', 'Wilson', 'Rossum'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Tyrell', 'Cyberdyne', 'Soylent'];
const INDUSTRIES = ['Fintech', 'Health', 'Education', 'Energy', 'Retail', 'Media'];
const TAGS = ['mentor', 'investor', 'alumni', 'climbing', 'conference', 'founder', 'designer', 'recruiter'];
const CIRCLES = ['inner', 'close', 'network', 'wide'] as const;

/** A deterministic network: the same N contacts on every run. */
async function seed(dbPath: string, count: number, email: string, password: string): Promise<void> {
  const config = loadConfig({ port: 0, db: dbPath }, {});
  const db = await openConfiguredDatabase(config);
  try {
    const services = createServices(systemDeps(db));
    await services.accounts.createUser({ email, password, displayName: 'Bench', timeZone: 'UTC' });
    const { scope } = await services.accounts.scopeForEmail(email);
    for (let i = 0; i < count; i++) {
      await services.contacts.create(scope, {
        firstName: FIRST[i % FIRST.length],
        lastName: `${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= 400 ? ` ${Math.floor(i / 400)}` : ''}`,
        company: COMPANIES[(i * 7) % COMPANIES.length],
        title: i % 3 === 0 ? 'Engineer' : 'Director',
        circle: CIRCLES[i % CIRCLES.length],
        tags: [TAGS[i % TAGS.length]!, TAGS[(i * 3 + 1) % TAGS.length]!],
        dimensions: { industry: INDUSTRIES[i % INDUSTRIES.length]! },
        notes: `Met at event ${i % 50}; talked about ${INDUSTRIES[(i * 5) % INDUSTRIES.length]!.toLowerCase()}.`,
      });
    }
  } finally {
    await db.close();
  }
}

/** The JS and CSS the first page loads, as index.html names them. */
function firstPageFiles(dist: string): WebBenchResult['firstPage'] {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = [...new Set(refs)].map((ref) => {
    const data = fs.readFileSync(path.join(dist, ref));
    return { file: ref, bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length, brotli: zlib.brotliCompressSync(data).length };
  });
  return { files, gzipTotal: files.reduce((s, f) => s + f.gzip, 0), brotliTotal: files.reduce((s, f) => s + f.brotli, 0), transferred: 0 };
}

async function waitForMeasure(page: Page, name: string, count: number): Promise<number> {
  await page.waitForFunction(([n, c]) => performance.getEntriesByName(n as string).length >= (c as number), [name, count] as const, { timeout: 30_000 });
  return page.evaluate(([n, c]) => {
    const entry = performance.getEntriesByName(n as string)[(c as number) - 1]!;
    return entry.entryType === 'mark' ? entry.startTime : entry.duration;
  }, [name, count] as const);
}

export async function benchWeb(options: Partial<WebBenchOptions> = {}): Promise<WebBenchResult> {
  const o: WebBenchOptions = { contacts: 10_000, loads: 20, keystrokes: 40, log: (line) => console.error(line), ...options };
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM} (apt-get install -y chromium).`);
  o.log('web: building the app');
  buildWebApp();
  const firstPage = firstPageFiles(path.join(ROOT, 'web/dist'));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-web-'));
  const dbPath = path.join(dir, 'rapport.db');
  const email = 'bench@example.com';
  const password = 'bench password 123';
  // Seeding through the services takes a couple of minutes for 10,000 contacts; the deterministic
  // result is kept in bench/out (ignored by git) and copied for each run.
  const cached = path.join(ROOT, 'bench/out', `web-${SEED_VERSION}-${o.contacts}.db`);
  if (!fs.existsSync(cached)) {
    o.log(`web: seeding ${o.contacts} contacts into ${path.relative(ROOT, cached)}`);
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    await seed(`${cached}.tmp`, o.contacts, email, password);
    fs.renameSync(`${cached}.tmp`, cached);
  }
  fs.copyFileSync(cached, dbPath);
  const server = await startServer(loadConfig({ port: 0, db: dbPath }, {}), { handleSignals: false, logger: false });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const signIn = await context.request.post(`${server.url}/api/v1/session`, { data: { email, password } });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    const page = context.pages()[0] ?? (await context.newPage());
    // Every load fetches everything again, as a first visit would.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

    o.log(`web: ${o.loads} loads of the contact list`);
    const ready: number[] = [];
    for (let i = 0; i < o.loads; i++) {
      await page.goto(`${server.url}/contacts`);
      ready.push(await waitForMeasure(page, 'rapport:contacts-ready', 1));
    }
    firstPage.transferred = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as unknown as { name: string; encodedBodySize: number }[])
        .filter((r) => /\/assets\/.*\.(js|css)$/.test(r.name))
        .reduce((sum, r) => sum + r.encodedBodySize, 0),
    );

    o.log(`web: ${o.keystrokes} keystrokes in the filter box`);
    const words = ['grace', 'turing', 'fintech', 'hopper', 'climbing', 'acme', 'director', 'event'];
    const search: number[] = [];
    const requests: number[] = [];
    const box = page.getByPlaceholder('Filter by name, company, notes…');
    let measured = 0;
    for (let w = 0; search.length < o.keystrokes; w++) {
      await box.fill('');
      await page.waitForURL((url) => !url.searchParams.has('q'));
      for (const char of words[w % words.length]!) {
        if (search.length >= o.keystrokes) break;
        await box.press(char === ' ' ? 'Space' : char);
        measured += 1;
        search.push(await waitForMeasure(page, 'rapport:contacts-search', measured));
        requests.push(
          await page.evaluate(() => {
            const fetches = (performance.getEntriesByType('resource') as unknown as { name: string; duration: number }[]).filter((r) => r.name.includes('/api/v1/contacts?'));
            return fetches.at(-1)?.duration ?? 0;
          }),
        );
      }
      // Clearing the box is a keystroke too, but not one that is measured here.
      measured = await page.evaluate(() => performance.getEntriesByName('rapport:contacts-search').length);
    }
    return { firstPage, contacts: o.contacts, listReady: summarize(ready), searchUpdate: summarize(search), searchRequest: summarize(requests) };
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as rows of BENCHMARKS.md. */
export function webFigures(r: WebBenchResult): Figure[] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const p95 = (measure: string, s: Summary, unit: string, target: number | null): Figure => ({
    measure: `${measure}, p95 (p50) of ${s.runs} ${unit}`,
    ours: `${s.p95} ms (${s.p50} ms)`,
    baseline: '',
    ratio: '',
    target: target === null ? '' : `≤ ${target} ms`,
    pass: target === null ? null : s.p95 <= target,
  });
  return [
    {
      measure: `JS + CSS of the first page, gzip (${r.firstPage.files.map((f) => `${path.basename(f.file)} ${kb(f.gzip)}`).join(', ')}); as transferred (brotli)`,
      ours: `${kb(r.firstPage.gzipTotal)} (${kb(r.firstPage.transferred)})`,
      baseline: '',
      ratio: '',
      target: '≤ 150 KB',
      pass: r.firstPage.gzipTotal <= 150 * 1024,
    },
    p95(`navigation to the contact list interactive, ${r.contacts.toLocaleString('en')} contacts, cache off`, r.listReady, 'loads', 1000),
    p95('keystroke in the filter box to the updated list', r.searchUpdate, 'keystrokes', 100),
    p95('of which the API request', r.searchRequest, 'keystrokes', null),
  ];
}
