import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

const preload = pathToFileURL(path.resolve('bench/peak-rss.mjs')).href;

// The exchange benchmark's memory figure is the peak of `rapport import`, a child of the benchmark
// process. It read getrusage's maxRSS, which on Linux starts from the parent's: 329 MB were
// reported for an import whose own peak was 241 MB.
it.runIf(process.platform === 'linux')("reports a child's own peak memory, not its parent's", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-peak-')), 'peak.txt');
  const parent = `
    const big = Buffer.alloc(400 << 20, 1);
    require('node:child_process').spawnSync(process.execPath, ['--import', ${JSON.stringify(preload)}, '-e', '0'], { stdio: 'inherit' });
    console.log(process.memoryUsage().rss >> 20, big.length);`;
  const run = spawnSync(process.execPath, ['-e', parent], { env: { ...process.env, PEAK_RSS_FILE: file }, encoding: 'utf8' });
  expect(run.status).toBe(0);
  const parentMb = Number(run.stdout.split(' ')[0]);
  const childMb = Number(fs.readFileSync(file, 'utf8')) / 1024;
  expect(parentMb).toBeGreaterThan(400);
  // An idle Node.js process peaks at about 40 MB.
  expect(childMb).toBeGreaterThan(10);
  expect(childMb).toBeLessThan(100);
  fs.rmSync(path.dirname(file), { recursive: true });
});
