import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the Chromium binary, or '' when the browser tests are skipped. */
    chromium: string;
  }
}

/**
 * Builds the web app from the current sources (so the tests never run against a stale bundle) and
 * finds Chromium. Without it CI fails; a developer machine skips the browser tests, loudly.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM)) {
    const message = `Chromium was not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;
    if (process.env.CI === 'true') throw new Error(`${message} The browser tests cannot run.`);
    console.warn(`\n${'!'.repeat(78)}\n!! BROWSER TESTS SKIPPED. ${message}\n${'!'.repeat(78)}\n`);
    project.provide('chromium', '');
    return;
  }
  await build({ configFile: path.resolve(import.meta.dirname, '../../web/vite.config.ts'), logLevel: 'warn' });
  project.provide('chromium', CHROMIUM);
}
