import { sql, type Expression, type SqlBool } from 'kysely';
import { instant } from '../dates.js';
import { AppError } from '../errors.js';

export interface SortSpec {
  /** The sort name the client asked for, stamped into cursors so a cursor cannot cross sorts. */
  name: string;
  /** Qualified column, such as c.sort_name. */
  column: string;
  direction: 'asc' | 'desc';
  /** Nullable columns sort their nulls last in both directions, on both databases. */
  nullable: boolean;
  /** What the column holds, so a cursor can only carry a value the database can compare with it. */
  kind: 'text' | 'instant';
  /** The id column that breaks ties, such as c.id. */
  id: string;
}

export interface Cursor {
  value: string | null;
  id: string;
}

export function encodeCursor(sort: SortSpec, value: string | null, id: string): string {
  return Buffer.from(JSON.stringify([sort.name, value, id])).toString('base64url');
}

function fitsColumn(sort: SortSpec, value: unknown): value is string | null {
  if (value === null) return sort.nullable;
  if (typeof value !== 'string') return false;
  return sort.kind === 'text' || instant.safeParse(value).success;
}

/**
 * Reads a cursor back, refusing any that this server did not make for this sort: a cursor is
 * client input, and a value of the wrong kind would fail in the database (PostgreSQL refuses to
 * compare a timestamptz with "soon").
 */
export function decodeCursor(sort: SortSpec, cursor: string): Cursor {
  try {
    const [name, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (name === sort.name && typeof id === 'string' && fitsColumn(sort, value)) return { value, id };
  } catch {
    // fall through to the error below
  }
  throw new AppError('INVALID_CURSOR', `The cursor does not belong to a listing sorted by ${sort.name}; start again without a cursor.`, {
    fields: [{ path: 'query.cursor', message: 'is not a cursor of this listing' }],
  });
}

/** Rows strictly after the cursor in the order that orderBy() below produces. */
export function afterCursor(sort: SortSpec, cursor: Cursor): Expression<SqlBool> {
  const col = sql.ref(sort.column);
  const id = sql.ref(sort.id);
  const cmp = sort.direction === 'asc' ? sql`>` : sql`<`;
  if (cursor.value === null) return sql<SqlBool>`(${col} IS NULL AND ${id} ${cmp} ${cursor.id})`;
  // A row-value comparison, which both databases answer with an index range scan.
  const after = sql<SqlBool>`((${col}, ${id}) ${cmp} (${cursor.value}, ${cursor.id}))`;
  return sort.nullable ? sql<SqlBool>`(${after} OR ${col} IS NULL)` : after;
}

/** ORDER BY terms for a sort: the column (nulls last), then the id in the same direction. */
export function orderBy(sort: SortSpec) {
  const dir = sort.direction === 'asc' ? sql`ASC` : sql`DESC`;
  const nulls = sort.nullable ? sql` NULLS LAST` : sql``;
  return sql`${sql.ref(sort.column)} ${dir}${nulls}, ${sql.ref(sort.id)} ${dir}`;
}
