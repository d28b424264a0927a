import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findRow, findRows } from '../src/features/contacts/store.js';
import { freshDatabase, postgresAvailable } from './harness/databases.js';

describe.skipIf(!postgresAvailable())('queries on PostgreSQL', () => {
  it('prepares the precompiled queries once per connection, and only those', async () => {
    const db = await freshDatabase('postgres');
    try {
      const owner = '0190a000-0000-7000-8000-000000000000';
      const prepared = await db.kysely.connection().execute(async (connection) => {
        await findRow(connection, owner, '0190a000-0000-7000-8000-000000000001');
        await findRow(connection, owner, '0190a000-0000-7000-8000-000000000002');
        // Built for its list of ids: its text changes with the list, so it is not kept.
        await findRows(connection, owner, ['0190a000-0000-7000-8000-000000000003']);
        return (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(connection)).rows;
      });
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.statement).toMatch(/ FROM contacts c WHERE c\.owner_id = \$1 AND c\.id = \$2$/);
    } finally {
      await db.close();
    }
  });
});
