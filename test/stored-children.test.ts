import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/migrations/index.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { openDatabase, type Database } from '../src/platform/database/connect.js';
import { migrateToLatest } from '../src/platform/database/migrate.js';
import { createServices } from '../src/services.js';
import { DIALECTS, freshDatabaseEnv, postgresAvailable, testDeps } from './harness/databases.js';

const STORED_CHILDREN = '2026_12_03_001_stored_children';
const BEFORE = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < STORED_CHILDREN));

async function openEmpty(dialect: (typeof DIALECTS)[number]): Promise<Database> {
  const env = await freshDatabaseEnv(dialect);
  return openDatabase(dialect === 'sqlite' ? { sqlitePath: env.RAPPORT_DB! } : { databaseUrl: env.DATABASE_URL!, poolSize: 2 });
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !postgresAvailable();
  (skip ? describe.skip : describe)(`contacts keep their children on their row [${dialect}]`, () => {
    it('fills the copy for contacts that existed before the migration', async () => {
      const db = await openEmpty(dialect);
      try {
        await migrateToLatest(db, BEFORE);
        // The schema before the migration, not the application's.
        const k = db.kysely as unknown as Kysely<any>;
        const at = '2026-01-01T00:00:00.000Z';
        await k.insertInto('users').values({ id: 'u1', email: 'u1@example.com', password_hash: 'x', display_name: 'U', created_at: at, updated_at: at }).execute();
        for (const id of ['c1', 'c2']) {
          await k.insertInto('contacts').values({ id, owner_id: 'u1', display_name: `Contact ${id}`, sort_name: `contact ${id}`, created_at: at, updated_at: at }).execute();
        }
        await k
          .insertInto('contact_methods')
          .values([
            { id: 'm2', owner_id: 'u1', contact_id: 'c1', kind: 'email', type: 'home', value: 'b@example.com', position: 1 },
            { id: 'm1', owner_id: 'u1', contact_id: 'c1', kind: 'email', type: 'work', value: 'z@example.com', position: 0 },
            { id: 'm3', owner_id: 'u1', contact_id: 'c1', kind: 'url', type: 'linkedin', value: 'https://example.com/in/c1', position: 0 },
          ])
          .execute();
        await k.insertInto('contact_dimensions').values({ owner_id: 'u1', contact_id: 'c1', dimension: 'industry', value: 'Energy' }).execute();
        await k.insertInto('contact_tags').values([{ owner_id: 'u1', contact_id: 'c1', tag: 'mentor' }, { owner_id: 'u1', contact_id: 'c1', tag: 'climate' }]).execute();

        await migrateToLatest(db);

        const contacts = createServices(testDeps(db)).contacts;
        const byId = new Map((await contacts.findMany(db.kysely, authenticatedScope('u1'), ['c1', 'c2'])).map((c) => [c.id, c]));
        const [c1, c2] = [byId.get('c1'), byId.get('c2')];
        expect({ emails: c1!.emails, phones: c1!.phones, urls: c1!.urls, dimensions: c1!.dimensions, tags: c1!.tags }).toEqual({
          emails: [
            { value: 'z@example.com', type: 'work' },
            { value: 'b@example.com', type: 'home' },
          ],
          phones: [],
          urls: [{ value: 'https://example.com/in/c1', type: 'linkedin' }],
          dimensions: { industry: 'Energy' },
          tags: ['climate', 'mentor'],
        });
        expect({ emails: c2!.emails, phones: c2!.phones, urls: c2!.urls, dimensions: c2!.dimensions, tags: c2!.tags }).toEqual({ emails: [], phones: [], urls: [], dimensions: {}, tags: [] });
      } finally {
        await db.close();
      }
    });
  });
}
