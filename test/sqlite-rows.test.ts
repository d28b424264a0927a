import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/platform/database/connect.js';

// Rows on SQLite are built by a function made for each statement's columns (connect.ts); they must
// be what better-sqlite3 itself would give.
describe('rows read through Kysely on SQLite', () => {
  let db: Database;

  beforeEach(async () => {
    db = openDatabase({ sqlitePath: ':memory:' });
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB)`.execute(db.kysely);
    await sql`INSERT INTO t VALUES (1, 'Ada', 2.5, x'0102'), (2, NULL, NULL, NULL)`.execute(db.kysely);
  });

  afterEach(async () => {
    await db.close();
  });

  it('has every column with its value, as better-sqlite3 gives it', async () => {
    const text = 'SELECT t.*, t.id * 10 AS "weird key ""quoted""" FROM t ORDER BY id';
    const { rows } = await sql.raw(text).execute(db.kysely);
    expect(rows).toEqual(db.sqlite!.prepare(text).all());
    expect(rows).toEqual([
      { id: 1, name: 'Ada', score: 2.5, data: Buffer.from([1, 2]), 'weird key "quoted"': 10 },
      { id: 2, name: null, score: null, data: null, 'weird key "quoted"': 20 },
    ]);
  });

  it('keeps the last of two columns with the same name', async () => {
    const { rows } = await sql`SELECT 1 AS a, 2 AS a`.execute(db.kysely);
    expect(rows).toEqual([{ a: 2 }]);
  });

  it('never takes a column named __proto__ for the prototype', async () => {
    const text = `SELECT 'x' AS "__proto__", 1 AS n`;
    const { rows } = await sql.raw<Record<string, unknown>>(text).execute(db.kysely);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(rows).toEqual(db.sqlite!.prepare(text).all());
  });

  it('follows a column added after the statement was first run', async () => {
    const read = () => db.kysely.selectFrom('t' as never).selectAll().orderBy('id' as never).execute();
    await read();
    await sql`ALTER TABLE t ADD COLUMN note TEXT DEFAULT 'new'`.execute(db.kysely);
    expect((await read()).map((row) => (row as { note: string }).note)).toEqual(['new', 'new']);
  });

  it('streams rows the same way', async () => {
    const rows: unknown[] = [];
    for await (const row of db.kysely.selectFrom('t' as never).select(['id' as never, 'name' as never]).orderBy('id' as never).stream()) rows.push(row);
    expect(rows).toEqual([{ id: 1, name: 'Ada' }, { id: 2, name: null }]);
  });

  it('still runs statements that return no rows', async () => {
    const result = await sql`UPDATE t SET name = 'Grace' WHERE id = 2`.execute(db.kysely);
    expect(result.numAffectedRows).toBe(1n);
    const { rows } = await sql`INSERT INTO t (name) VALUES ('Linus') RETURNING id, name`.execute(db.kysely);
    expect(rows).toEqual([{ id: 3, name: 'Linus' }]);
  });
});
