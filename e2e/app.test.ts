import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, checkAccessibility, launchBrowser, PHONE, type RunningApp, screenshot, settled, startApp, watchConsole } from './harness/browser.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'analytical engine';

describe.skipIf(!browserAvailable())('Rapport in the browser', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let contactUrl = '';
  let interactionUrl = '';

  /** Checks accessibility and takes the screenshot of a page in its current state. */
  async function record(name: string, target: Page = page) {
    await checkAccessibility(target, name);
    await screenshot(target, name);
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    problems = watchConsole(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('serves the production build of the app, compressed', async () => {
    const html = await (await fetch(app.url)).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const res = await fetch(`${app.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect([script, res.headers.get('content-encoding'), res.headers.get('cache-control')]).toEqual([script, 'br', 'public, max-age=31536000, immutable']);
      // A development build names its source files (for React's warnings); users must never get one.
      expect((await res.text()).includes('/web/src/'), script).toBe(false);
    }
  });

  it('sets up the first account, naming a field at fault next to it', async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Welcome to Rapport' }).waitFor();
    await record('setup');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toBe('must be at least 10 characters');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Today is the home page (e2e/nurture.test.ts covers it); the contact list is one click away.
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/today');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByText('No contacts yet.').waitFor();
    await record('contacts-empty');
  });

  it('adds a contact', async () => {
    await page.getByRole('button', { name: 'New contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await dialog.getByLabel('First name').fill('Grace');
    await dialog.getByLabel('Last name').fill('Hopper');
    await dialog.getByLabel('Company').fill('US Navy');
    await dialog.getByLabel('Email').fill('grace@navy.example');
    await dialog.getByLabel('Tags').fill('mentor, compilers');
    await record('new-contact');
    await dialog.getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    contactUrl = page.url();
    expect(contactUrl).toMatch(/\/contacts\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('list', { name: 'Tags' }).innerText()).toContain('compilers');
  });

  it('edits a field in place and shows the server’s complaint next to it', async () => {
    await page.getByRole('button', { name: /Edit Title/ }).click();
    await page.getByLabel('Title').fill('Rear Admiral');
    await page.getByLabel('Title').press('Enter');
    await page.getByText('Rear Admiral at US Navy').waitFor();
    await page.getByRole('button', { name: /Edit Birthday/ }).click();
    await page.getByLabel('Birthday').fill('1906-02-30');
    await page.getByLabel('Birthday').press('Enter');
    await page.getByText('is not a real calendar date').waitFor();
    await page.getByLabel('Birthday').fill('1906-12-09');
    await page.getByLabel('Birthday').press('Enter');
    await page.getByText('9 Dec 1906').waitFor();
    await record('contact');
  });

  it('logs an interaction from the keyboard and shows it on the timeline', async () => {
    await page.goto(`${app.url}/contacts`);
    await page.getByRole('link', { name: 'Grace Hopper' }).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Log an interaction').waitFor();
    await record('shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Log interaction' });
    await dialog.waitFor();
    await page.keyboard.type('grac');
    await dialog.getByRole('option', { name: /Grace Hopper/ }).waitFor();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Remove Grace Hopper' }).waitFor();
    await dialog.getByLabel('Summary').fill('Talked about the first compiler bug');
    await dialog.getByText('What they shared, what you learned, follow-up').click();
    await dialog.getByLabel('What I learned').fill('A moth in relay seventy was the original bug');
    await dialog.getByLabel('Follow-up', { exact: true }).fill('Send the logbook photo');
    await record('log-interaction');
    await page.keyboard.press('Control+Enter');
    await page.getByText('Logged coffee with Grace Hopper.').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(contactUrl);
    const item = page.locator('.timeline-item').filter({ hasText: 'Talked about the first compiler bug' });
    await item.waitFor();
    expect(await item.innerText()).toContain('Learned: A moth in relay seventy was the original bug');
    expect(await item.innerText()).toContain('Follow-up: Send the logbook photo');
    await page.getByText('last talked').waitFor();
  });

  it('finds the interaction through global search with highlighted words', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('moth');
    await page.getByRole('heading', { name: 'Results for “moth”' }).waitFor();
    const result = page.locator('.result').filter({ hasText: 'Talked about the first compiler bug' });
    await result.waitFor();
    expect(await result.locator('mark').allInnerTexts()).toEqual(['moth']);
    await record('search');
    await result.getByRole('link', { name: 'Talked about the first compiler bug' }).click();
    await page.getByRole('heading', { name: 'Talked about the first compiler bug', level: 1 }).waitFor();
    interactionUrl = page.url();
    await record('interaction');

    // Edited with the same form; the saved values stay in it.
    await page.getByLabel('Summary').fill('Talked about the first compiler bug, and moths');
    await page.getByRole('radio', { name: '5 · Great' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Talked about the first compiler bug, and moths', level: 1 }).waitFor();
    expect(await page.getByLabel('Summary').inputValue()).toBe('Talked about the first compiler bug, and moths');
    expect(await page.getByRole('radio', { name: '5 · Great' }).isChecked()).toBe(true);
  });

  it('moves the contact to the trash and restores it from there', async () => {
    await page.goto(contactUrl);
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('Moved Grace Hopper to the trash.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/contacts');
    await page.getByText('No contacts yet.').waitFor();

    await page.getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('heading', { name: 'Trash' }).waitFor();
    await page.locator('.trash-row').filter({ hasText: 'Grace Hopper' }).waitFor();
    await record('trash');
    await page.getByRole('button', { name: 'Restore Grace Hopper' }).click();
    await page.getByText('Restored Grace Hopper.').waitFor();
    await page.getByText('The trash is empty.').waitFor();

    await page.goto(contactUrl);
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    await page.locator('.timeline-item').filter({ hasText: 'Talked about the first compiler bug' }).waitFor();
  });

  it('keeps what was typed when the session ends, and brings it back after signing in', async () => {
    await page.getByRole('main').getByRole('button', { name: 'Log interaction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log interaction' });
    await dialog.getByLabel('Summary').fill('Notes I must not lose');
    await context.clearCookies();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();
    await page.getByText('Your session ended.').waitFor();
    expect(page.url()).toBe(contactUrl);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor();
    expect(await dialog.getByLabel('Summary').inputValue()).toBe('Notes I must not lose');
    expect(await dialog.getByRole('button', { name: 'Remove Grace Hopper' }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Discard' }).click();
  });

  it('filters, tags and trashes contacts in bulk, with undo', async () => {
    await page.goto(`${app.url}/contacts`);
    await page.getByRole('link', { name: 'Grace Hopper' }).waitFor();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await dialog.getByLabel('First name').fill('Alan');
    await dialog.getByLabel('Last name').fill('Turing');
    await dialog.getByLabel('Circle').selectOption('close');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'Alan Turing', level: 1 }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByLabel('Select all 2 shown').check();
    const bar = page.getByRole('region', { name: 'Selected contacts' });
    await bar.getByLabel('Tag to add or remove').fill('pioneer');
    await bar.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('Tagged 2 contacts “pioneer”.').waitFor();
    await page.getByLabel('Tag', { exact: true }).selectOption('pioneer');
    await expect.poll(() => page.getByRole('list', { name: 'Contacts' }).getByRole('link').allInnerTexts()).toEqual(['Alan Turing', 'Grace Hopper']);
    await page.getByLabel('Circle', { exact: true }).selectOption('close');
    await expect.poll(() => page.getByRole('list', { name: 'Contacts' }).getByRole('link').allInnerTexts()).toEqual(['Alan Turing']);
    await page.getByLabel('Circle', { exact: true }).selectOption('');
    await page.getByPlaceholder('Filter by name, company, notes…').fill('hop');
    await expect.poll(() => page.getByRole('list', { name: 'Contacts' }).getByRole('link').allInnerTexts()).toEqual(['Grace Hopper']);
    expect(new URL(page.url()).search).toBe('?q=hop&tag=pioneer');
    await page.getByPlaceholder('Filter by name, company, notes…').fill('');
    // By company, those without one last.
    await page.getByLabel('Sort').selectOption('company');
    await expect.poll(() => page.getByRole('list', { name: 'Contacts' }).getByRole('link').allInnerTexts()).toEqual(['Grace Hopper', 'Alan Turing']);

    await page.getByLabel('Select Alan Turing').check();
    await page.getByRole('region', { name: 'Selected contacts' }).getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('Moved 1 contact to the trash.').waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Contacts' }).getByRole('link').allInnerTexts()).toEqual(['Grace Hopper']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Restored 1 contact.').waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Contacts' }).getByRole('link').allInnerTexts()).toEqual(['Grace Hopper', 'Alan Turing']);
    await record('contacts');

    // Gone for good from the trash, after a confirmation.
    await page.getByLabel('Select Alan Turing').check();
    await page.getByRole('region', { name: 'Selected contacts' }).getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('Moved 1 contact to the trash.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('button', { name: 'Delete for good: Alan Turing' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete for good?' });
    await record('trash-confirm');
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('Deleted Alan Turing for good.').waitFor();
    await page.getByText('The trash is empty.').waitFor();
    await page.goto(contactUrl);
  });

  it('says so when the password is wrong', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is wrong.' }).waitFor();
    await record('sign-in');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
  });

  it('creates an API token shown once, and revokes it', async () => {
    await page.goto(`${app.url}/settings`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByLabel('New token name').fill('backup script');
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your new token' });
    const token = await dialog.getByLabel('Token').inputValue();
    expect(token.length).toBeGreaterThan(20);
    const check = await page.evaluate(async (t) => (await fetch('/api/v1/me', { headers: { authorization: `Bearer ${t}` } })).status, token);
    expect(check).toBe(200);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByText('backup script').waitFor();
    await record('settings');
    await page.getByRole('button', { name: 'Revoke backup script' }).click();
    await page.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No tokens yet.').waitFor();
    const after = await page.evaluate(async (t) => (await fetch('/api/v1/me', { headers: { authorization: `Bearer ${t}` } })).status, token);
    expect(after).toBe(401);
  });

  it('logs an interaction at phone size', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(contactUrl);
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    await record('contact');
    // The top bar's Log button shows only its icon on a phone; its name stays.
    await page.getByRole('banner').getByRole('button', { name: 'Log interaction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log interaction' });
    await dialog.getByLabel('With').fill('hop');
    await dialog.getByRole('option', { name: /Grace Hopper/ }).click();
    // Someone not yet in Rapport is added from the same box.
    await dialog.getByLabel('With').fill('Katherine Johnson');
    await dialog.getByRole('option', { name: 'New contact “Katherine Johnson”' }).click();
    await dialog.getByRole('button', { name: 'Remove Katherine Johnson' }).waitFor();
    await dialog.getByLabel('Summary').fill('Quick call about COBOL');
    await dialog.getByRole('radio', { name: 'Call', exact: true }).check();
    await record('log-interaction');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Logged call with Grace Hopper, Katherine Johnson.').waitFor();
    // The reflection offered next (e2e/growth.test.ts) is skipped with its button.
    await page.getByRole('dialog', { name: 'Reflect on it' }).getByRole('button', { name: 'Skip' }).click();
    await page.locator('.timeline-item').filter({ hasText: 'Quick call about COBOL' }).waitFor();
    expect(await page.locator('.timeline-item').count()).toBe(2);

    const nav = page.getByRole('navigation', { name: 'Main' });
    // The tab bar is fixed to the bottom, so a tab off the screen's edge would not widen the page: measure each.
    const tabs = await nav.getByRole('link').evaluateAll((links) => links.map((l) => { const r = l.getBoundingClientRect(); return { text: l.textContent, left: r.left, right: r.right }; }));
    expect(tabs.map((t) => t.text)).toEqual(['Today', 'Contacts', 'Growth', 'Trash', 'Settings']);
    expect(tabs.filter((t) => t.left < 0 || t.right > PHONE.width)).toEqual([]);
    await nav.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('link', { name: 'Grace Hopper' }).waitFor();
    await record('contacts');
    for (const [name, path] of [['search', '/search?q=cobol'], ['interaction', new URL(interactionUrl).pathname], ['trash', '/trash'], ['settings', '/settings']] as const) {
      await page.goto(`${app.url}${path}`);
      await page.locator('main h1').waitFor();
      await record(name);
    }
    await page.getByRole('button', { name: 'Sign out' }).isHidden();
  });

  it('stays readable in the dark theme and at 200% zoom', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 860 });
    for (const [name, path] of [['contacts-dark', '/contacts'], ['contact-dark', new URL(contactUrl).pathname], ['search-dark', '/search?q=moth']] as const) {
      await page.goto(`${app.url}${path}`);
      await page.locator('main h1').waitFor();
      await settled(page);
      await record(name);
    }
    // 200% zoom on a 1280-pixel-wide window leaves 640 CSS pixels.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 640, height: 430 });
    await page.goto(contactUrl);
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    await record('contact-zoom200');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });

  it('signs out and sets up at phone size', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${app.url}/settings`);
    // On a phone the top bar has no room for it; Settings has it.
    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();
    await record('sign-in');
    const fresh = await startApp();
    try {
      await page.goto(fresh.url);
      await page.getByRole('heading', { name: 'Welcome to Rapport' }).waitFor();
      await record('setup');
    } finally {
      await fresh.close();
    }
  });

  it('rendered every page without a console error or a blocked resource', () => {
    expect(problems).toEqual([]);
  });
});
