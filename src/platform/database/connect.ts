import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, SqliteDriver } from 'kysely';
import pg from 'pg';
import { PRECOMPILED_TEXTS, readSynchronously } from './precompiled.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  readonly kysely: Kysely<DB>;
  readonly dialect: Dialect;
  /** The better-sqlite3 handle on SQLite (bulk paths and online backup); null on PostgreSQL. */
  readonly sqlite: SQLite.Database | null;
  /**
   * A value that stays the same while nothing in the database changes: what was read while it
   * held may be used again while it holds. It changes at once for a write of this process, and
   * from the next turn of the event loop for a commit of another (the CLI, a second server), so
   * a request that arrives after that commit sees it. null on PostgreSQL, which cannot tell
   * without a round trip.
   */
  stamp(): string | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise `sqlitePath` is opened (':memory:' for tests). */
  databaseUrl?: string | undefined;
  sqlitePath?: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

/** The database a Kysely instance or transaction runs on, for the SQL that differs between the two. */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openSqlite(options.sqlitePath ?? ':memory:');
}

const STATEMENT_CACHE_SIZE = 256;

/** What Kysely's SQLite driver uses of a statement. */
type KyselyStatement = Pick<SQLite.Statement, 'reader' | 'all' | 'iterate' | 'run'>;

/**
 * A statement whose rows are built by a function made for its columns: better-sqlite3 builds each
 * row object property by property, looking up every column name in V8's string table, and that
 * cost more than SQLite reading the row (GET /contacts/:id returns 33 columns). The objects made
 * here also all share one shape, which keeps the code reading them fast.
 */
function withRowMaker(statement: SQLite.Statement): KyselyStatement {
  const names = statement.columns().map((column) => column.name);
  let width = names.length;
  let make = rowMaker(names);
  statement.raw(true);
  const row = (values: unknown[]) => {
    // A migration can change what `*` expands to; SQLite prepares the statement again by itself.
    if (values.length !== width) {
      width = values.length;
      make = rowMaker(statement.columns().map((column) => column.name));
    }
    return make(values);
  };
  return {
    reader: true,
    all: (...parameters: unknown[]) => (statement.all(...parameters) as unknown[][]).map(row),
    *iterate(...parameters: unknown[]) {
      for (const values of statement.iterate(...parameters) as IterableIterator<unknown[]>) yield row(values);
    },
    run: (...parameters: unknown[]) => statement.run(...parameters),
  } as KyselyStatement;
}

function rowMaker(names: readonly string[]): (values: unknown[]) => Record<string, unknown> {
  // In a literal, __proto__ would set the prototype; better-sqlite3 drops such a column too.
  const properties = names.flatMap((name, i) => (name === '__proto__' ? [] : [`${JSON.stringify(name)}: v[${i}]`]));
  return new Function('v', `return {${properties.join(', ')}};`) as (values: unknown[]) => Record<string, unknown>;
}

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles on every prepare(): compiling
 * costs more than running a primary-key lookup. Statements are reusable (Kysely runs one query at a
 * time on the connection), so the most recent ones are kept by their SQL text.
 */
function withStatementCache(handle: SQLite.Database): { database: SQLite.Database; prepare: (text: string) => KyselyStatement } {
  const cache = new Map<string, KyselyStatement>();
  const prepare = (text: string): KyselyStatement => {
    let statement = cache.get(text);
    if (statement) {
      cache.delete(text);
    } else {
      const prepared = handle.prepare(text);
      statement = prepared.reader ? withRowMaker(prepared) : prepared;
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(text, statement);
    return statement;
  };
  const database = new Proxy(handle, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { database, prepare };
}

/** What the SQLite connection's users need to know of the queries Kysely runs on it. */
interface ConnectionState {
  /** Whether a query or transaction holds the connection. */
  held: boolean;
  /** Called when Kysely takes or gives back the connection: a query through it may have written. */
  used(): void;
}

/** Kysely's dialect for the one SQLite connection, keeping `connection` up to date. */
function trackingDialect(database: SQLite.Database, connection: ConnectionState): SqliteDialect {
  class TrackingDriver extends SqliteDriver {
    override async acquireConnection() {
      const acquired = await super.acquireConnection();
      connection.held = true;
      connection.used();
      return acquired;
    }

    override async releaseConnection() {
      connection.held = false;
      connection.used();
      await super.releaseConnection();
    }
  }
  return new (class extends SqliteDialect {
    override createDriver() {
      return new TrackingDriver({ database });
    }
  })({ database });
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const handle = new SQLite(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  // Safe with WAL: a power loss can drop the last transactions but never corrupts the file.
  handle.pragma('synchronous = NORMAL');
  const { database, prepare } = withStatementCache(handle);
  // data_version changes when another connection commits, total_changes() when this one writes.
  // Read once per turn of the event loop (a loaded server answers several requests in one) and
  // again after every query through Kysely, which is how this process writes.
  const version = handle.prepare('SELECT data_version, total_changes() FROM pragma_data_version').raw();
  let stamp: string | null = null;
  const forget = () => void (stamp = null);
  const connection: ConnectionState = { held: false, used: forget };
  const kysely = new Kysely<DB>({ dialect: trackingDialect(database, connection) });
  // While nothing holds the connection, a read run at once sees exactly what one run through Kysely
  // would, and nothing can start between its start and its end.
  readSynchronously(kysely, (text, parameters) => {
    if (connection.held) return null;
    const statement = prepare(text);
    return statement.reader ? (statement.all(...parameters) as unknown[]) : null;
  });
  return {
    kysely,
    dialect: 'sqlite',
    sqlite: handle,
    stamp() {
      if (stamp === null) {
        stamp = (version.get() as number[]).join(':');
        setImmediate(forget);
      }
      return stamp;
    },
    async close() {
      handle.pragma('optimize');
      await kysely.destroy();
    },
  };
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_TIMESTAMPTZ = 1184;

/** PostgreSQL prints timestamptz as `2026-03-05 14:07:00.123456+00` in a UTC session. */
export function pgTimestampToIso(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2})(?::?(\d{2}))?$/.exec(value);
  if (!match) return new Date(value).toISOString();
  const [, date, time, fraction = '', hours, minutes = '00'] = match;
  const millis = (fraction.slice(1) + '000').slice(0, 3);
  // In a UTC session (every pool's) the text already holds the ISO form's parts: making a Date
  // costs several times more, and is needed only for another offset.
  if (hours === '+00' && minutes === '00') return `${date}T${time}.${millis}Z`;
  return new Date(`${date}T${time}.${millis}${hours}:${minutes}`).toISOString();
}

/**
 * The pg client Kysely's queries (text and values, answered through a promise) go through.
 *
 * It prepares the precompiled queries under a name made from their text: PostgreSQL then parses
 * and plans each once per connection rather than on every request, and pg sends only the values.
 * Other queries run unnamed: their text varies (IN lists), and a plan cached for one search word
 * could be poor for another.
 *
 * It asks pg with a callback and makes the promise itself. pg's own promise form gives a query its
 * callback after making it, and with that, young objects outlived V8's collections of the young
 * generation: running the contact list's query in a loop, each collection kept 3.7 MB and paused
 * for 10 ms, where with the callback form it keeps a few KB and takes 0.5 ms (what in V8
 * keeps them alive was not found). Those pauses made most of the p95 of the contact list and of
 * Today on PostgreSQL (issue 2).
 */
class PreparingClient extends pg.Client {
  // A text is hashed once, not at every send: Today sends fourteen long ones on every visit.
  private static readonly names = new Map<string, string>();

  override query(...args: unknown[]): any {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || !(values === undefined || Array.isArray(values)) || callback !== undefined) {
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const config: pg.QueryConfig = { text, values: values as unknown[] | undefined };
    if (PRECOMPILED_TEXTS.has(text)) {
      let name = PreparingClient.names.get(text);
      if (!name) PreparingClient.names.set(text, (name = crypto.hash('sha1', text)));
      config.name = name;
    }
    return new Promise((resolve, reject) => {
      (super.query as (config: pg.QueryConfig, callback: (error: Error | null, result: pg.QueryResult) => void) => void)(config, (error, result) =>
        error ? reject(error) : resolve(result),
      );
    });
  }
}

function openPostgres(url: string, max: number): Database {
  // Parsers are set on this pool only, never on pg's global registry.
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === PG_TIMESTAMPTZ) return pgTimestampToIso;
      // Counts and sums fit easily in a double for a personal CRM.
      if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString: url, max, types, options: '-c TimeZone=UTC', Client: PreparingClient });
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    sqlite: null,
    stamp: () => null,
    async close() {
      await kysely.destroy();
    },
  };
}
