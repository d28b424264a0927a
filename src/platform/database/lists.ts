import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { dialectOf } from './connect.js';

/**
 * A list of values sent as one parameter (listParameter) and the condition that a value is in it
 * (inList). An IN list has a placeholder per value, so a query given one has a new text for every
 * length: this one keeps the text the same, and the query can be precompiled. PostgreSQL takes an
 * array (`= ANY`), SQLite a JSON array read with json_each.
 */
declare const listBrand: unique symbol;
/** A list made by listParameter, for inList on the same database. */
export type ListParameter = { readonly [listBrand]: true };

export function inList(db: Kysely<any>, expression: Expression<unknown>, list: ListParameter): RawBuilder<SqlBool> {
  return dialectOf(db) === 'postgres' ? sql<SqlBool>`${expression} = ANY(${list})` : sql<SqlBool>`${expression} IN (SELECT value FROM json_each(${list}))`;
}

/** The values of a list as the one parameter inList expects on this database. */
export function listParameter(db: Kysely<any>, values: readonly string[]): ListParameter {
  return (dialectOf(db) === 'postgres' ? values : JSON.stringify(values)) as unknown as ListParameter;
}
