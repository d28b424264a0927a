import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

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
  buildWebApp();
  project.provide('chromium', CHROMIUM);
}

/**
 * `npm run build:web` in a child process: the test runner sets NODE_ENV=test, under which Vite and
 * the React plugin would build React's development version, which is not what users get.
 */
export function buildWebApp(): void {
  execFileSync('npm', ['run', '--silent', 'build:web', '--', '--logLevel', 'warn'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}
