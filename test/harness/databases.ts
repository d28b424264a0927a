import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type Dialect } from '../../src/platform/database/connect.js';
import { migrateToLatest } from '../../src/platform/database/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { uuidV7Generator } from '../../src/platform/ids.js';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

const TEMPLATE_DB = 'rapport_template';

/** Whether PostgreSQL tests can run here; the global setup already failed in CI if not. */
export function postgresAvailable(): boolean {
  return inject('pgUrl') !== '';
}

/** An empty database with every migration applied: in memory for SQLite, a template clone for PostgreSQL. */
export async function freshDatabase(dialect: Dialect): Promise<Database> {
  if (dialect === 'sqlite') {
    const db = openDatabase({ sqlitePath: ':memory:' });
    await migrateToLatest(db);
    return db;
  }
  const url = inject('pgUrl');
  const name = `test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return openDatabase({ databaseUrl: `${url}/${name}`, poolSize: 4 });
}

/** The instant every test starts at. */
export const TEST_START = '2026-03-02T09:00:00.000Z';

/** A clock that stands still until a test moves it. */
export class TestClock {
  constructor(public current: Date = new Date(TEST_START)) {}
  now = (): Date => new Date(this.current.getTime());
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function testDeps(db: Database, clock = new TestClock()): Deps & { testClock: TestClock } {
  return { db, clock: clock.now, newId: uuidV7Generator(), testClock: clock };
}

/**
 * Environment variables that point a CLI run at a fresh, empty database: a temporary SQLite file,
 * or a new PostgreSQL database (not yet migrated, like a new installation).
 */
export async function freshDatabaseEnv(dialect: Dialect): Promise<NodeJS.ProcessEnv> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-'));
    return { RAPPORT_DB: path.join(dir, 'rapport.db') };
  }
  const url = inject('pgUrl');
  const name = `cli_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { DATABASE_URL: `${url}/${name}` };
}
