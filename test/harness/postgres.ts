// Starts a throwaway PostgreSQL cluster for the test run (see pg-cluster.ts). Test files each get a
// fresh database cloned from a migrated template.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/database/connect.js';
import { migrateToLatest } from '../../src/platform/database/migrate.js';
import { findPgBinaries, startPgCluster } from './pg-cluster.js';

export const TEMPLATE_DB = 'rapport_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://user@127.0.0.1:port, or '' when PostgreSQL is not available. */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const bin = findPgBinaries();
  if (!bin) {
    if (process.env.CI) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) were not found, and CI requires the PostgreSQL tests to run.');
    console.warn('\n*** PostgreSQL binaries not found: every PostgreSQL test is SKIPPED on this machine (they run in CI). ***\n');
    project.provide('pgUrl', '');
    return;
  }
  const cluster = await startPgCluster(bin);
  const url = cluster.url;
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const template = openDatabase({ databaseUrl: `${url}/${TEMPLATE_DB}` });
  await migrateToLatest(template);
  await template.close();
  project.provide('pgUrl', url);

  return () => cluster.stop();
}
