import type { Config } from '../config.js';
import { openDatabase, type Database } from './connect.js';
import { migrateToLatest } from './migrate.js';

/** Opens and migrates the configured database: PostgreSQL when DATABASE_URL is set, else SQLite. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const db = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.dbPath });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
