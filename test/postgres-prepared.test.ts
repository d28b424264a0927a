import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findUserById } from '../src/features/accounts/store.js';
import type { ContactFilter } from '../src/features/contacts/model.js';
import { findRow, findRows, listRows, sortSpec } from '../src/features/contacts/store.js';
import * as nurture from '../src/features/nurture/store.js';
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

  it("answers Kysely's queries, named or not, and rejects with PostgreSQL's error", async () => {
    const db = await freshDatabase('postgres');
    try {
      expect((await sql<{ n: number }>`SELECT 1 AS n`.execute(db.kysely)).rows).toEqual([{ n: 1 }]);
      expect(await findRow(db.kysely, '0190a000-0000-7000-8000-000000000000', '0190a000-0000-7000-8000-000000000001')).toBeUndefined();
      await expect(sql`SELECT 1 / ${0}::int`.execute(db.kysely)).rejects.toMatchObject({ code: '22012', message: 'division by zero' });
      // The connection is still good after the error.
      expect((await sql<{ n: number }>`SELECT ${2}::int AS n`.execute(db.kysely)).rows).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  });

  it("prepares every query of Today once, lists of ids of any length included", async () => {
    const db = await freshDatabase('postgres');
    try {
      const owner = '0190a000-0000-7000-8000-000000000000';
      const ids = ['0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002'];
      const prepared = await db.kysely.connection().execute(async (connection) => {
        await findUserById(connection, owner);
        // With nothing due, the due list also reads contacts due but not yet late, and the promises
        // the undated ones: every query of Today runs.
        await nurture.dueContacts(connection, owner, '2026-03-02T00:00:00.000Z', 50);
        await nurture.countDue(connection, owner, '2026-03-02T00:00:00.000Z', 1001);
        await nurture.openFollowUps(connection, owner, '2026-03-01', 50);
        await nurture.birthdaysIn(connection, owner, [{ from: 301, to: 315 }], 50);
        await nurture.eventsIn(connection, owner, [{ from: 301, to: 315 }], '2026-03-01', '2026-03-15', { yearly: 500, dated: 50 });
        await nurture.unacknowledgedSuccesses(connection, owner, '2026-01-30', '2026-03-01', 50);
        await nurture.openPromises(connection, owner, 50);
        for (const list of [ids.slice(0, 1), ids]) {
          await nurture.lastInteractionsOf(connection, owner, list.map((id) => ({ id, lastInteractionAt: '2026-02-01T10:00:00.000Z' })));
          await nurture.latestNewsOf(connection, owner, list, '2025-09-02', '2026-03-01');
          await nurture.participantSummaries(connection, owner, list);
        }
        return (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(connection)).rows.map((r) => r.statement);
      });
      expect(prepared).toHaveLength(14);
      expect(prepared.filter((statement) => statement.includes('= ANY('))).toHaveLength(3);
    } finally {
      await db.close();
    }
  });

  it('prepares the pages of one tag by name, and not the lists filtered further', async () => {
    const db = await freshDatabase('postgres');
    try {
      const owner = '0190a000-0000-7000-8000-000000000000';
      const tagOnly: ContactFilter = { tags: ['team'], circles: [], dimensions: [] };
      const cursor = { value: 'Ada', id: '0190a000-0000-7000-8000-000000000001' };
      const prepared = await db.kysely.connection().execute(async (connection) => {
        // No search index is needed: none of these lists searches.
        const list = (filter: ContactFilter, sort: string, after: typeof cursor | null) => listRows(connection, null!, owner, filter, sortSpec(sort), after, 51);
        for (const sort of ['name', '-name']) for (const after of [null, cursor]) await list(tagOnly, sort, after);
        await list(tagOnly, 'name', null);
        await list({ ...tagOnly, circles: ['inner'] }, 'name', null);
        await list(tagOnly, 'company', null);
        return (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(connection)).rows.map((r) => r.statement);
      });
      expect(prepared).toHaveLength(4);
      expect(prepared.every((statement) => statement.includes('from "contact_tags" as "dt"') && !statement.includes('"circle"'))).toBe(true);
    } finally {
      await db.close();
    }
  });
});
