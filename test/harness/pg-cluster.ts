// A throwaway PostgreSQL cluster: initdb into a temporary folder, listening only on 127.0.0.1 at a
// free port, stopped and deleted afterwards. The test run and the benchmark both start one.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgCluster {
  /** postgres://rapport@127.0.0.1:port, without a database name. */
  url: string;
  /** The server's PostgreSQL binaries folder (for the version). */
  bin: string;
  stop(): void;
}

/** PG_BIN, else the newest /usr/lib/postgresql/<version>/bin with initdb; null when there is none. */
export function findPgBinaries(): string | null {
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

/**
 * Starts a cluster with durability off (it is thrown away). `settings` are extra `-c name=value`
 * server settings.
 */
export async function startPgCluster(bin: string, settings: readonly string[] = []): Promise<PgCluster> {
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
  try {
    run('initdb', ['-D', data, '-U', 'rapport', '--auth=trust', '--encoding=UTF8', '--no-sync']);
    const options = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200', ...settings].map((s) => `-c ${s}`).join(' ');
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', 'start', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${options}`]);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://rapport@127.0.0.1:${port}`,
    bin,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
