import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, checkAccessibility, DESKTOP, launchBrowser, PHONE, type RunningApp, screenshot, settled, startApp, watchConsole } from './harness/browser.js';

const PASSWORD = 'analytical engine';
const FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures');
/** The LinkedIn export's people at Northwind Traders. */
const NORTHWIND = ['Chloé Dubois', 'Mateo Schmidt', 'Tomás van der Berg', 'Viktor Jensen', 'Ximena Okafor'];
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name.endsWith('.csv') ? 'csv' : 'vcard', name));

/** A request from inside the page, with the session's cookie and CSRF token, for setting the scene. */
async function apiCall(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const { csrfToken } = await (await fetch('/api/v1/session')).json();
      const res = await fetch(`/api/v1${url}`, {
        method,
        headers: { 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: res.status === 204 ? null : await res.json() };
    },
    { method, url, body },
  );
}

async function setUp(page: Page, url: string, email: string, options: { demo?: boolean } = {}) {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Welcome to Rapport' }).waitFor();
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  if (options.demo) await page.getByLabel('Add a demo network to explore').check();
}

/** The counts of an import report, as its tiles show them. */
async function counts(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries(await page.locator('.stat').evaluateAll((tiles) => tiles.map((t) => [t.querySelector('dt')!.textContent, t.querySelector('dd')!.textContent])));
}

async function rows(page: Page, table: string): Promise<string[][]> {
  return page.getByRole('table', { name: table }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

async function contactNames(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Contacts' }).getByRole('link').allInnerTexts();
}

describe.skipIf(!browserAvailable())('Import, export, duplicates and the demo network in the browser', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let problems: string[];
  let backupPath = '';
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-files-'));

  async function record(name: string) {
    await checkAccessibility(page, name);
    await screenshot(page, name);
  }

  /** A fresh server and browser page for a step that needs a first-run server of its own. */
  async function freshApp(): Promise<RunningApp> {
    // Off the old server first, so no request of the page is left to fail when it stops.
    await page.goto('about:blank');
    await app.close();
    app = await startApp();
    await page.context().clearCookies();
    return app;
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    problems = watchConsole(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('offers an import and the demo network on an empty contact list, and says why the demo is refused', async () => {
    await setUp(page, app.url, 'ada@example.com');
    await page.getByRole('button', { name: 'Create account' }).click();
    // A new account opens on Today, which has nobody to show yet and offers the same starts.
    await page.getByText('Start with the people you know.').waitFor();
    await page.getByRole('button', { name: 'Add the demo network' }).waitFor();
    await record('today-welcome');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByText('No contacts yet.').waitFor();
    await page.getByRole('link', { name: 'import contacts' }).waitFor();
    await record('contacts-empty-offers');

    // A contact in the trash still counts: the server refuses, and the page says why.
    const created = await apiCall(page, 'POST', '/contacts', { displayName: 'Charles Babbage' });
    await apiCall(page, 'DELETE', `/contacts/${(created.json as { id: string }).id}`);
    await page.reload();
    await page.getByText('No contacts yet.').waitFor();
    await page.getByRole('button', { name: 'Add the demo network' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'This account already has contacts: the demo network only goes into an empty account. Contacts in the trash count too.' })
      .waitFor();
    await record('contacts-empty-demo-refused');
    expect((await apiCall(page, 'DELETE', '/trash')).status).toBe(200);
  });

  it('shows the server’s message for an empty file, a binary file, the wrong export and a file over the limit', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Import contacts' }).click();
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
    await record('import');

    const input = page.getByTestId('file-input');
    const big = path.join(scratch, 'big.csv');
    const row = 'Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical,Analyst,05 Mar 2024\n';
    fs.writeFileSync(big, `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${row.repeat(Math.ceil((50 * 1024 * 1024) / row.length))}`);
    const cases: [Parameters<typeof input.setInputFiles>[0], string][] = [
      [{ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) }, 'empty.csv: the file is empty'],
      [{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]) }, 'photo.jpg, line 1: this is a binary file, not a text export (CSV or vCard)'],
      [
        { name: 'messages.csv', mimeType: 'text/csv', buffer: fixture('labeldekho__Messages_synthetic.csv') },
        "messages.csv, line 1: this is LinkedIn's messages.csv; import Connections.csv from the same archive to bring in your contacts",
      ],
      [big, 'The file is larger than the 40 MB upload limit; nothing was imported. Import it from the command line instead: rapport import FILE'],
    ];
    for (const [file, message] of cases) {
      await input.setInputFiles(file);
      const name = typeof file === 'string' ? path.basename(file) : (file as { name: string }).name;
      const alert = page.getByRole('alert').filter({ hasText: `${name} could not be imported.` });
      await alert.waitFor();
      expect(await alert.locator('p').allInnerTexts()).toEqual([`${name} could not be imported.`, message]);
    }
    await record('import-error');
    expect((await apiCall(page, 'GET', '/contacts')).json).toEqual({ items: [], nextCursor: null });
  });

  it('previews a LinkedIn export with exact counts and rejected lines, reads it as another format on request, and imports it', async () => {
    const connections = { name: 'Connections.csv', mimeType: 'text/csv', buffer: fixture('linkedin__Connections_current_layout.csv') };
    await page.getByTestId('file-input').setInputFiles(connections);
    await page.getByRole('heading', { name: 'Preview of Connections.csv' }).waitFor();
    expect(await counts(page)).toEqual({ New: '60', Updated: '0', Unchanged: '1', 'Possible duplicates': '2', Conflicts: '0', 'Rejected rows': '3' });
    const reason = 'the row has no name (LinkedIn lists hidden or deleted members this way)';
    expect(await rows(page, 'Rejected rows')).toEqual([['11', 'First Name', reason], ['29', 'First Name', reason], ['40', 'First Name', reason]]);
    expect(await rows(page, 'Possible duplicates')).toEqual([['21', 'Nnamdi van der Berg', 'Nnamdi van der Berg'], ['48', 'Ana Zhang', 'Ana Zhang']]);
    expect(await rows(page, 'Unchanged')).toEqual([['68', 'Jürgen Xu', 'LinkedIn profile']]);
    expect(await page.getByLabel('Format').inputValue()).toBe('linkedin');
    await page.getByText('64 rows · UTF-8').waitFor();
    await record('import-preview');

    // The detected format can be overridden; the server's answer names the file and line.
    await page.getByLabel('Format').selectOption('vcard');
    await page.getByRole('alert').filter({ hasText: 'Connections.csv, line 1: no vCard found (no BEGIN:VCARD … END:VCARD)' }).waitFor();
    await page.getByLabel('Format').selectOption('auto');
    await page.getByRole('button', { name: 'Read Connections.csv again' }).click();
    await page.getByRole('heading', { name: 'Preview of Connections.csv' }).waitFor();

    await page.getByRole('button', { name: 'Add 60 contacts' }).click();
    await page.getByRole('heading', { name: 'Imported Connections.csv' }).waitFor();
    await page.getByText('Added 60 contacts, updated 0, 1 already up to date, 3 rows rejected.').waitFor();
    expect(await counts(page)).toEqual({ Added: '60', Updated: '0', Unchanged: '1', 'Possible duplicates': '2', Conflicts: '0', 'Rejected rows': '3' });
    await record('import-result');

    await page.getByRole('link', { name: 'See your contacts' }).click();
    await page.getByPlaceholder('Filter by name, company, notes…').fill('Northwind');
    await expect.poll(() => contactNames(page)).toEqual(NORTHWIND);
    const listed = await apiCall(page, 'GET', '/contacts?limit=500');
    expect((listed.json as { items: unknown[] }).items).toHaveLength(60);
  });

  it('imports a vCard with bad cards at phone size, dropped on the page, listing each rejected card by line', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${app.url}/settings/import`);
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
    await record('import');
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'phone-contacts.vcf', { type: 'text/vcard' }));
      return transfer;
    }, fixture('ezvcard__John_Doe_ANDROID.vcf').toString('utf8'));
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
    await page.getByRole('heading', { name: 'Preview of phone-contacts.vcf' }).waitFor();
    expect(await counts(page)).toEqual({ New: '3', Updated: '1', Unchanged: '0', 'Possible duplicates': '0', Conflicts: '0', 'Rejected rows': '2' });
    const noName = 'the card has no name (FN, N, NICKNAME or ORG)';
    expect(await rows(page, 'Rejected rows')).toEqual([['1', 'FN', noName], ['6', 'FN', noName]]);
    expect(await rows(page, 'Warnings')).toEqual([
      ['44', 'EMAIL', '"ññññññññññññññ" is not an email address; skipped'],
      ['82', 'vcard', 'ORG: bytes that are not valid UTF-8 were replaced by �'],
    ]);
    await record('import-preview');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.getByRole('button', { name: 'Add 3 and update 1 contact' }).click();
    await page.getByRole('heading', { name: 'Imported phone-contacts.vcf' }).waitFor();
    await page.getByText('Added 3 contacts, updated 1, 2 rows rejected.').waitFor();
    await record('import-result');
    await page.setViewportSize(DESKTOP);
  });

  it('finds duplicate pairs with the reason, merges one keeping the chosen values, and undoes it', async () => {
    await page.goto(`${app.url}/contacts`);
    await page.getByRole('link', { name: 'Find duplicates' }).click();
    await page.getByRole('heading', { name: 'Possible duplicates' }).waitFor();
    const pairs = page.getByRole('list', { name: 'Possible duplicates' }).locator(':scope > li');
    const pairTexts = () => pairs.evaluateAll((items) => items.map((li) => [...li.querySelectorAll('.contact-name, .reasons li')].map((e) => e.textContent)));
    const before = await pairTexts();
    expect(before).toEqual([
      ['Same name', 'Nnamdi van der Berg', 'Nnamdi van der Berg'],
      ['Same name', 'Ana Zhang', 'Ana Zhang'],
      ['Similar name', 'Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ'],
    ]);
    await record('duplicates');

    await page.getByRole('button', { name: 'Compare and merge Nnamdi van der Berg and Nnamdi van der Berg' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge contacts' });
    await dialog.getByRole('radio', { name: 'Company: Acme Robotics' }).waitFor();
    await record('merge');
    // Keep the Umbrella Health one, but take the other's company.
    await dialog.getByRole('radio', { name: 'Keep Nnamdi van der Berg Community Lead at Umbrella Health' }).check();
    await dialog.getByRole('radio', { name: 'Company: Acme Robotics' }).check();
    await dialog.getByRole('button', { name: 'Merge into Nnamdi van der Berg' }).click();
    await page.getByText('Merged Nnamdi van der Berg into Nnamdi van der Berg.').waitFor();
    await expect.poll(pairTexts).toEqual(before.filter((p) => p[1] !== 'Nnamdi van der Berg'));
    const merged = await apiCall(page, 'GET', '/contacts?q=Nnamdi%20van%20der%20Berg');
    const [only] = (merged.json as { items: { company: string; title: string; urls: { value: string }[]; notes: string }[] }).items;
    expect(only).toMatchObject({
      company: 'Acme Robotics',
      title: 'Community Lead',
      urls: [{ value: 'https://www.linkedin.com/in/nnamdi-van-der-berg-1004' }, { value: 'https://www.linkedin.com/in/nnamdi-van-der-berg-1015' }],
      notes: 'Merged from Nnamdi van der Berg: company: Umbrella Health; title: Data Scientist; met on: 2015-04-08',
    });
    await page.getByRole('heading', { name: 'Recent merges' }).waitFor();
    await record('duplicates-merged');

    await page.locator('.toasts').getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Separated Nnamdi van der Berg from Nnamdi van der Berg again.').waitFor();
    await expect.poll(pairTexts).toEqual(before);
    await page.getByRole('heading', { name: 'Recent merges' }).waitFor({ state: 'detached' });
  });

  it('stops showing a pair marked as different people, and shows it again on undo', async () => {
    await page.goto(`${app.url}/duplicates`);
    const pairs = page.getByRole('list', { name: 'Possible duplicates' }).locator(':scope > li');
    const names = () => pairs.evaluateAll((items) => items.map((li) => [...li.querySelectorAll('.contact-name')].map((e) => e.textContent).join(' / ')));
    await expect.poll(names).toEqual(['Nnamdi van der Berg / Nnamdi van der Berg', 'Ana Zhang / Ana Zhang', 'Ñ Ñ Ñ Ñ Ñ / Ñ Ñ Ñ Ñ']);

    await page.getByRole('button', { name: 'Not the same person: Ñ Ñ Ñ Ñ Ñ and Ñ Ñ Ñ Ñ' }).click();
    await page.getByText('Ñ Ñ Ñ Ñ Ñ and Ñ Ñ Ñ Ñ are marked as different people.').waitFor();
    await expect.poll(names).toEqual(['Nnamdi van der Berg / Nnamdi van der Berg', 'Ana Zhang / Ana Zhang']);
    await page.locator('.toasts').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(names).toEqual(['Nnamdi van der Berg / Nnamdi van der Berg', 'Ana Zhang / Ana Zhang', 'Ñ Ñ Ñ Ñ Ñ / Ñ Ñ Ñ Ñ']);

    // Marked again, it stays hidden on the next visit.
    await page.getByRole('button', { name: 'Not the same person: Ana Zhang and Ana Zhang' }).click();
    await expect.poll(names).toEqual(['Nnamdi van der Berg / Nnamdi van der Berg', 'Ñ Ñ Ñ Ñ Ñ / Ñ Ñ Ñ Ñ']);
    await page.reload();
    await expect.poll(names).toEqual(['Nnamdi van der Berg / Nnamdi van der Berg', 'Ñ Ñ Ñ Ñ Ñ / Ñ Ñ Ñ Ñ']);
    const dismissed = (await apiCall(page, 'GET', '/duplicates')).json as { items: unknown[] };
    expect(dismissed.items).toHaveLength(2);
  });

  it('exports every contact as vCard and CSV, and downloads a backup', async () => {
    await page.goto(`${app.url}/settings`);
    await page.getByRole('heading', { name: 'Import and export' }).waitFor();
    await record('settings-exchange');
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      const target = path.join(scratch, file.suggestedFilename());
      await file.saveAs(target);
      return { name: file.suggestedFilename(), text: fs.readFileSync(target, 'utf8'), path: target };
    };
    const vcard = await download('Contacts as vCard');
    expect(vcard.name).toBe('rapport-contacts.vcf');
    expect(vcard.text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(vcard.text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(63);
    expect(vcard.text.match(/^END:VCARD\r$/gm)).toHaveLength(63);
    expect(vcard.text).toContain('\r\nFN:Chloé Dubois\r\n');
    expect(vcard.text).toContain('\r\nEMAIL:chlo.8@example.com\r\n');

    const csv = await download('Contacts as CSV');
    expect(csv.name).toBe('rapport-contacts.csv');
    const records = parse(csv.text, { columns: true, bom: true }) as Record<string, string>[];
    expect(records).toHaveLength(63);
    expect(records.find((r) => r['Last Name'] === 'Dubois' && r['First Name'] === 'Chloé')).toMatchObject({ 'Organization Name': 'Northwind Traders', 'E-mail 1 - Value': 'chlo.8@example.com' });

    const backup = await download('Full backup (JSON)');
    expect(backup.name).toBe('rapport-backup.json');
    const parsed = JSON.parse(backup.text) as { format: string; tables: { contacts: unknown[] } };
    expect(parsed.tables.contacts).toHaveLength(63);
    backupPath = backup.path;
  });

  it('finds nothing to do in the same export read again, readable in the dark theme and at 200% zoom', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${app.url}/settings/import`);
    await page.getByTestId('file-input').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: fixture('linkedin__Connections_current_layout.csv') });
    await page.getByText('Nothing is saved yet. There is nothing to add or change: every contact in this file is already here as it is.').waitFor();
    expect(await counts(page)).toEqual({ New: '0', Updated: '0', Unchanged: '61', 'Possible duplicates': '0', Conflicts: '0', 'Rejected rows': '3' });
    expect(await page.getByRole('button', { name: /^Add / }).count()).toBe(0);
    await record('import-nothing-dark');
    for (const [name, url] of [['duplicates-dark', '/duplicates'], ['settings-exchange-dark', '/settings']] as const) {
      await page.goto(`${app.url}${url}`);
      await page.locator('main h1').waitFor();
      await settled(page);
      await record(name);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // 200% zoom on a 1280-pixel-wide window leaves 640 CSS pixels.
    await page.setViewportSize({ width: 640, height: 430 });
    for (const url of ['/settings/import', '/duplicates', '/settings']) {
      await page.goto(`${app.url}${url}`);
      await page.locator('main h1').waitFor();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), url).toBe(0);
    }
    await page.goto(`${app.url}/settings/import`);
    await page.getByTestId('file-input').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: fixture('linkedin__Connections_current_layout.csv') });
    await page.getByRole('heading', { name: 'Preview of Connections.csv' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(page, 'import-nothing-zoom200');
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
    await page.setViewportSize(DESKTOP);
    await page.goto(`${app.url}/settings`);
  });

  it('refuses to restore a backup into an account that has data, and says so', async () => {
    await page.getByTestId('backup-input').setInputFiles(backupPath);
    const alert = page.getByRole('alert').filter({ hasText: 'rapport-backup.json was not restored; nothing changed.' });
    await alert.waitFor();
    expect(await alert.locator('p').nth(1).innerText()).toMatch(/^This account already has data \(63 contacts, .*\); restore into a new, empty account\.$/);
    await record('settings-restore-refused');
  });

  it('restores the backup into a new, empty account', async () => {
    const fresh = await freshApp();
    await setUp(page, fresh.url, 'ada@example.com');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Start with the people you know.').waitFor();
    await page.goto(`${fresh.url}/duplicates`);
    await page.getByText('No likely duplicates.').waitFor();
    await record('duplicates-none');
    await page.goto(`${fresh.url}/settings`);
    await page.getByTestId('backup-input').setInputFiles(backupPath);
    await page.getByText('Restored rapport-backup.json:').waitFor();
    const restored = Object.fromEntries(await page.locator('.restore-counts div').evaluateAll((ds) => ds.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent])));
    expect(restored).toMatchObject({ Contacts: '63' });
    await record('settings-restored');
    await page.getByRole('link', { name: 'See your contacts' }).click();
    await page.getByPlaceholder('Filter by name, company, notes…').fill('Northwind');
    await expect.poll(() => contactNames(page)).toEqual(NORTHWIND);
  });

  it('sets up a new account with the demo network and says how many contacts it added', async () => {
    const fresh = await freshApp();
    await setUp(page, fresh.url, 'grace@example.com', { demo: true });
    await record('setup-demo');
    const reply = page.waitForResponse((r) => r.url().endsWith('/api/v1/demo'));
    await page.getByRole('button', { name: 'Create account and add the demo network' }).click();
    const demo = (await (await reply).json()) as { contacts: number; interactions: number };
    expect(demo.contacts).toBe(300);
    await page.getByText(`Added the demo network: 300 contacts and ${demo.interactions.toLocaleString('en-GB')} interactions.`).waitFor();
    // The app opens on Today, already with people due from the demo's history.
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    await expect.poll(() => page.locator('.today-page .lede').textContent()).toMatch(/ · \d+ people to reach out to$/);
    expect(new URL(page.url()).pathname).toBe('/today');
  });

  it('adds the demo network from an empty contact list at phone size', async () => {
    const fresh = await freshApp();
    await page.setViewportSize(PHONE);
    await setUp(page, fresh.url, 'katherine@example.com');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Start with the people you know.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByText('No contacts yet.').waitFor();
    await record('contacts-empty-offers');
    await page.getByRole('button', { name: 'Add the demo network' }).click();
    await page.getByText(/^Added the demo network: 300 contacts and [\d,]+ interactions\.$/).waitFor();
    await page.getByLabel('Select all 50 shown').waitFor();
    await page.setViewportSize(DESKTOP);
  });

  it('rendered every page without a console error or a blocked resource', () => {
    expect(problems).toEqual([]);
  });
});
