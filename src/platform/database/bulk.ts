import { sql, type Kysely } from 'kysely';
import type { Dialect } from './connect.js';
import type { DB } from './schema.js';

export type ColumnType = 'text' | 'timestamp' | 'double' | 'integer';

const PG_TYPES: Record<ColumnType, string> = { text: 'text', timestamp: 'timestamptz', double: 'double precision', integer: 'integer' };
// Rows per statement, well under both databases' bound-parameter limits.
const ROWS_PER_STATEMENT = 500;

/**
 * Sets different values on many rows in one statement per few hundred rows:
 * UPDATE t SET a = v.column2 … FROM (VALUES (…), …) AS v WHERE t.id = v.column1 AND t.owner_id = ?.
 * PostgreSQL needs the VALUES typed, SQLite takes them as they come.
 */
export async function updateMany(
  db: Kysely<DB>,
  dialect: Dialect,
  table: keyof DB,
  ownerId: string,
  columns: Readonly<Record<string, ColumnType>>,
  rows: readonly ({ id: string } & Record<string, string | number | null>)[],
): Promise<void> {
  const names = Object.keys(columns);
  const cast = (value: string | number | null, type: ColumnType) =>
    dialect === 'postgres' ? sql`CAST(${value} AS ${sql.raw(PG_TYPES[type])})` : sql`${value}`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    const values = sql.join(part.map((row) => sql`(${sql.join([sql`${row.id}`, ...names.map((n) => cast(row[n] ?? null, columns[n]!))])})`));
    const sets = sql.join(names.map((n, k) => sql`${sql.ref(n)} = v.${sql.raw(`column${k + 2}`)}`));
    await sql`UPDATE ${sql.table(table)} SET ${sets} FROM (VALUES ${values}) AS v
      WHERE ${sql.ref(`${table}.id`)} = v.column1 AND ${sql.ref(`${table}.owner_id`)} = ${ownerId}`.execute(db);
  }
}
