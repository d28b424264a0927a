import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { startServer, type RunningServer } from '../../src/serve.js';

/** Whether the browser tests run here (see setup.ts). */
export const browserAvailable = () => inject('chromium') !== '';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../screenshots');
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 860 };

export interface RunningApp {
  url: string;
  dbPath: string;
  close(): Promise<void>;
}

/** The real server (the same startServer as `rapport serve`) on a fresh SQLite file and a free port. */
export async function startApp(): Promise<RunningApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'));
  const dbPath = path.join(dir, 'rapport.db');
  const server: RunningServer = await startServer(loadConfig({ port: 0, host: '127.0.0.1', db: dbPath }, {}), { handleSignals: false, logger: false });
  return {
    url: server.url,
    dbPath,
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Headless Debian Chromium with a fresh profile. The flags keep it from calling home: this network
 * has no route out, and background requests would only slow it down.
 */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: inject('chromium'),
    headless: true,
    viewport: DESKTOP,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Records console errors and CSP violations of a page, so a test can assert there were none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    // The tests send wrong input on purpose; the browser logs each 4xx answer, which is expected.
    if (message.type() === 'error' && !/the server responded with a status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

const axeSource = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core over the page as it is now and fails on serious or critical violations. axe is
 * evaluated through the DevTools protocol rather than added as a <script> tag: the app's CSP
 * (rightly) refuses inline scripts, and the tests run with that CSP in force.
 */
export async function checkAccessibility(page: Page, name: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  expect(violations, `axe on ${name}`).toEqual([]);
}

/** Writes a full-page screenshot for people to look at (screenshots/ is ignored by git). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  const suffix = size && size.width <= PHONE.width ? 'phone' : 'desktop';
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${suffix}.png`), fullPage: true });
}

/**
 * Waits until the page shows no loading state. Not `locator.waitFor`: a page loading several
 * things at once shows several loaders, and a locator matching more than one element fails.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction((selector) => document.querySelector(selector) === null, '.state[role=status]');
}
