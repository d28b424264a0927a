import type { CompiledQuery, DialectAdapter, Kysely, QueryExecutorProvider } from 'kysely';

/** Stands for the argument at `index` while the query is built, to find where its value goes. */
class StandIn {
  constructor(readonly index: number) {}
}

interface Template<R> {
  compiled: CompiledQuery<R>;
  /** For each parameter of the compiled query, the argument it takes, or -1 for a constant. */
  slots: number[];
}

/**
 * The text of every precompiled query: PostgreSQL prepares these once per connection (see
 * openPostgres), as their shape never changes and each is on a path every request takes.
 */
export const PRECOMPILED_TEXTS = new Set<string>();

/** Runs a read at once and gives its rows, or null when it must go through Kysely's executor. */
export type SynchronousReader = (text: string, parameters: readonly unknown[]) => unknown[] | null;

const synchronousReaders = new WeakMap<Kysely<any>, SynchronousReader>();

/**
 * Lets precompiled reads on this database skip Kysely's executor when `reader` can run them. On
 * SQLite its promises and connection lock cost about what the reads do: skipping them for the
 * token lookup and the contact read saved about a tenth of the CPU of GET /contacts/:id (issue 2).
 * Transactions are other Kysely instances, so their reads never reach a reader.
 */
export function readSynchronously(db: Kysely<any>, reader: SynchronousReader): void {
  synchronousReaders.set(db, reader);
}

/**
 * A query built and compiled once per database, then run with new values. On the paths every
 * request takes (the API token lookup, GET /contacts/:id), building and compiling a query with
 * Kysely cost more CPU than SQLite running it (issue 2). `build` must use each argument only as a
 * value, so a query whose text depends on its values (an IN list of any length) cannot be
 * precompiled; a list sent as one parameter (inList in lists.ts) can.
 */
export function precompiled<DB, Args extends unknown[], R>(
  build: (db: Kysely<DB>, ...args: Args) => { compile(provider: QueryExecutorProvider): CompiledQuery<R> },
): (db: Kysely<DB>, ...args: Args) => Promise<R[]> {
  // The compiled text depends on the dialect (placeholders, quoting): one template per database,
  // which its transactions share.
  const templates = new WeakMap<DialectAdapter, Template<R>>();
  return async (db, ...args) => {
    const executor = db.getExecutor();
    let template = templates.get(executor.adapter);
    if (!template) {
      const standIns = Array.from({ length: build.length - 1 }, (_, i) => new StandIn(i));
      const compiled = build(db, ...(standIns as unknown as Args)).compile(db);
      const slots = compiled.parameters.map((value) => (value instanceof StandIn ? value.index : -1));
      if (standIns.some((standIn) => !slots.includes(standIn.index))) throw new Error('precompiled: every argument must be a value in the query');
      template = { compiled, slots };
      PRECOMPILED_TEXTS.add(compiled.sql);
      templates.set(executor.adapter, template);
    }
    const { compiled, slots } = template;
    const parameters = slots.map((slot, i) => (slot === -1 ? compiled.parameters[i] : args[slot]));
    const rows = synchronousReaders.get(db)?.(compiled.sql, parameters);
    if (rows) return rows as R[];
    const result = await db.executeQuery<R>({ ...compiled, parameters });
    return result.rows;
  };
}
