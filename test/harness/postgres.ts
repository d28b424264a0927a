// Starts a throwaway PostgreSQL cluster for the test run: initdb into a temporary folder, listening
// only on 127.0.0.1 at a free port, stopped and deleted afterwards. Test files each get a fresh
// database cloned from a migrated template.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/database/connect.js';
import { migrateToLatest } from '../../src/platform/database/migrate.js';

export const TEMPLATE_DB = 'rapport_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://user@127.0.0.1:port, or '' when PostgreSQL is not available. */
    pgUrl: string;
  }
}

function findBinaries(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const bin = findBinaries();
  if (!bin) {
    if (process.env.CI) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) were not found, and CI requires the PostgreSQL tests to run.');
    console.warn('\n*** PostgreSQL binaries not found: every PostgreSQL test is SKIPPED on this machine (they run in CI). ***\n');
    project.provide('pgUrl', '');
    return;
  }
  // PostgreSQL refuses to run as root; run it as the unprivileged postgres user then.
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (command: string, args: string[]) => {
    const full = path.join(bin, command);
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'rapport', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  run('pg_ctl', [
    '-D', data, '-l', path.join(dir, 'server.log'), '-w', 'start',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
  ]);
  const url = `postgres://rapport@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const template = openDatabase({ databaseUrl: `${url}/${TEMPLATE_DB}` });
  await migrateToLatest(template);
  await template.close();
  project.provide('pgUrl', url);

  return () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
