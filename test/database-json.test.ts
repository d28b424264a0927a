import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { jsonRows, readJsonRows } from '../src/platform/database/json.js';
import { describeEachDatabase } from './harness/app.js';

describeEachDatabase('JSON rows of a subquery', (env) => {
  const values = sql`(SELECT 'b' AS name, 2 AS n, NULL AS note UNION ALL SELECT 'a "quoted" 🚀', 1, 'x' UNION ALL SELECT 'c\\n', 3, NULL) v`;

  it('gives each row as an array, with text, numbers and nulls as they were', async () => {
    const { db, dialect } = env();
    const result = await sql<{ rows: string | null }>`SELECT (SELECT ${jsonRows(dialect, [sql.ref('v.name'), sql.ref('v.n'), sql.ref('v.note')])} FROM ${values}) AS rows`.execute(db.kysely);
    const rows = readJsonRows<[string, number, string | null]>(result.rows[0]!.rows).sort((a, b) => a[1] - b[1]);
    expect(rows).toEqual([['a "quoted" 🚀', 1, 'x'], ['b', 2, null], ['c\\n', 3, null]]);
  });

  it('gives no rows for an empty subquery', async () => {
    const { db, dialect } = env();
    const result = await sql<{ rows: string | null }>`SELECT (SELECT ${jsonRows(dialect, [sql.ref('v.name')])} FROM ${values} WHERE v.n > 3) AS rows`.execute(db.kysely);
    expect(readJsonRows(result.rows[0]!.rows)).toEqual([]);
  });
});
