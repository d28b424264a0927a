import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Dialect } from './connect.js';

/*
 * Rows of a correlated subquery as one JSON text value, so that a query can return each row's
 * children in the row itself: one round trip instead of one more query per child table.
 */

/**
 * An aggregate of JSON arrays, one per row, in no particular order (the reader sorts): json_agg on
 * PostgreSQL (sent as text, like SQLite's, so both are read with readJsonRows), json_group_array on
 * SQLite.
 */
export function jsonRows(dialect: Dialect, values: readonly Expression<unknown>[]): RawBuilder<string | null> {
  return dialect === 'postgres'
    ? sql<string | null>`json_agg(json_build_array(${sql.join(values)}))::text`
    : sql<string | null>`json_group_array(json_array(${sql.join(values)}))`;
}

/** The rows of a jsonRows value: PostgreSQL's json_agg gives NULL for none, SQLite `[]`. */
export function readJsonRows<T extends unknown[]>(text: string | null): T[] {
  return text === null ? [] : (JSON.parse(text) as T[]);
}
