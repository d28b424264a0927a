// What every benchmark of `npm run bench` shares: the figure it reports, timing and percentiles,
// child processes, and a raw database handle for hand-written baselines.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database as SQLiteHandle, Statement } from 'better-sqlite3';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** One row of BENCHMARKS.md. */
export interface Figure {
  measure: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  /** null: reported without a target. */
  pass: boolean | null;
}

export const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);
export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const int = (value: number) => Math.round(value).toLocaleString('en');

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function timed(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Times two ways of doing the same work in turn, `runs` times each after a warm-up, so a
 * disturbance on the machine hits both alike; returns each one's samples in ms.
 */
export async function inTurn(runs: number, ours: (i: number) => unknown, raw: (i: number) => unknown): Promise<{ ours: number[]; raw: number[] }> {
  for (let i = 0; i < Math.min(20, runs); i++) {
    await ours(i);
    await raw(i);
  }
  const out = { ours: [] as number[], raw: [] as number[] };
  for (let i = 0; i < runs; i++) {
    out.ours.push(await timed(() => ours(i)));
    out.raw.push(await timed(() => raw(i)));
  }
  return out;
}

/** A latency figure: our p95 (p50) against the baseline's, and its ratio. */
export function latencyFigure(measure: string, samples: { ours: number[]; raw: number[] }, target: { ms: number } | { ratio: number }, baselineName = 'raw'): Figure {
  const ours = percentile(samples.ours, 95);
  const raw = percentile(samples.raw, 95);
  return {
    measure: `${measure}, p95 (p50) of ${samples.ours.length}`,
    ours: `${ms(ours)} (${ms(percentile(samples.ours, 50))})`,
    baseline: samples.raw.length > 0 ? `${ms(raw)} (${ms(percentile(samples.raw, 50))})` : '',
    ratio: samples.raw.length > 0 ? `${(ours / raw).toFixed(2)}x ${baselineName}` : '',
    target: 'ms' in target ? `≤ ${target.ms} ms` : `≤ ${target.ratio}x ${baselineName}`,
    pass: 'ms' in target ? ours <= target.ms : ours <= target.ratio * raw,
  };
}

/** A child process running one of bench/*.ts, and the messages it sends. */
export function child(script: string, env: NodeJS.ProcessEnv, args: string[] = [], execArgv: string[] = []) {
  const process_ = fork(path.join(ROOT, 'bench', script), args, {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    // The server's request log goes nowhere: it is written, as in production, but not kept.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const inbox: { type: string }[] = [];
  const waiting: { type: string; resolve: (m: any) => void; reject: (e: Error) => void }[] = [];
  process_.on('message', (m: { type: string }) => {
    const i = waiting.findIndex((w) => w.type === m.type);
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(m);
    else inbox.push(m);
  });
  process_.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`${script} exited with code ${code} before sending "${w.type}"`));
  });
  return {
    process: process_ as ChildProcess,
    next<T>(type: string): Promise<T> {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as T);
      return new Promise((resolve, reject) => waiting.push({ type, resolve, reject }));
    },
    async stop() {
      if (process_.exitCode !== null) return;
      const exited = new Promise((resolve) => process_.once('exit', resolve));
      process_.send('stop');
      await exited;
    },
  };
}

/** Resident and peak memory of a process, in MB, from /proc. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)![1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * Hand-written SQL on the driver, with no Rapport code in between: better-sqlite3 prepared
 * statements, or pg named prepared statements on a pool. SQL is written with `?` placeholders
 * (numbered for PostgreSQL here) and must mean the same on both databases.
 */
export interface RawSql {
  all<R = Record<string, unknown>>(text: string, params: readonly unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export function rawSqlite(handle: SQLiteHandle): RawSql {
  const statements = new Map<string, Statement>();
  return {
    async all<R>(text: string, params: readonly unknown[]) {
      let statement = statements.get(text);
      if (!statement) statements.set(text, (statement = handle.prepare(text)));
      return statement.all(...params) as R[];
    },
    async close() {},
  };
}

export function rawPostgres(url: string): RawSql {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const names = new Map<string, string>();
  return {
    async all<R>(text: string, params: readonly unknown[]) {
      let name = names.get(text);
      if (!name) names.set(text, (name = `raw_${names.size}`));
      let n = 0;
      const result = await pool.query({ name, text: text.replace(/\?/g, () => `$${++n}`), values: params as unknown[] });
      return result.rows as R[];
    },
    close: () => pool.end(),
  };
}
