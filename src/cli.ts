import { Command, CommanderError } from 'commander';
import { createServices, VERSION, type Services } from './services.js';
import { accountCommands } from './features/accounts/cli.js';
import { contactCommands } from './features/contacts/cli.js';
import { exchangeCommands } from './features/exchange/cli.js';
import { interactionCommands } from './features/interactions/cli.js';
import { feedbackCommands } from './features/feedback/cli.js';
import { nurtureCommands } from './features/nurture/cli.js';
import { reflectCommands } from './features/reflect/cli.js';
import { skillCommands } from './features/skills/cli.js';
import { searchCommands } from './features/search/cli.js';
import { seedCommands } from './features/seed/cli.js';
import { authenticatedScope, type Scope } from './platform/auth/scope.js';
import type { CliContext } from './platform/cli/context.js';
import { readSecret } from './platform/cli/prompt.js';
import { loadConfig, type Config, type ConfigFlags } from './platform/config.js';
import { openConfiguredDatabase } from './platform/database/configured.js';
import type { Database } from './platform/database/connect.js';
import { migrateToLatest } from './platform/database/migrate.js';
import { openDatabase } from './platform/database/connect.js';
import { systemDeps, type Deps } from './platform/deps.js';
import { AppError } from './platform/errors.js';

/** Exit codes scripts can rely on. */
export function exitCodeOf(error: unknown): number {
  if (!(error instanceof AppError)) return 1;
  if (error.code === 'VALIDATION_FAILED' || error.code === 'IMPORT_FILE_INVALID' || error.code === 'BACKUP_INVALID') return 2;
  if (error.code.endsWith('NOT_FOUND')) return 3;
  if (error.code === 'UNAUTHENTICATED' || error.code === 'INVALID_CREDENTIALS') return 4;
  return 1;
}

function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.details.fields?.filter((f) => !error.message.includes(f.path)) ?? [];
    return [error.message, ...fields.map((f) => `  ${f.path}: ${f.message}`)].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Reads a password; the terminal (or standard input) when not given. */
  secret?(question: string): Promise<string>;
}

/** Runs the CLI; returns the exit code. Tests call this with their own output and environment. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('rapport')
    .description('Rapport, the personal CRM that makes you a better networker')
    .version(VERSION)
    .option('--db <file>', 'SQLite database file (or set RAPPORT_DB; DATABASE_URL selects PostgreSQL)')
    .option('--user <email>', 'the account to act for (or set RAPPORT_USER; default: the only account)')
    .option('--json', 'machine-readable output')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  let config: Config | null = null;
  let opened: { db: Database; deps: Deps; services: Services } | null = null;
  const globals = () => program.opts<{ db?: string; user?: string; json?: boolean }>();
  const ctx: CliContext = {
    config() {
      config ??= loadConfig({ db: globals().db }, io.env);
      return config;
    },
    async open() {
      if (!opened) {
        const db = await openConfiguredDatabase(ctx.config());
        const deps = systemDeps(db);
        opened = { db, deps, services: createServices(deps) };
      }
      return opened;
    },
    async scope(): Promise<Scope> {
      const { services } = await ctx.open();
      const email = globals().user ?? io.env.RAPPORT_USER;
      if (email) return (await services.accounts.scopeForEmail(email)).scope;
      const users = await services.accounts.listUsers();
      if (users.length === 1) return authenticatedScope(users[0]!.id);
      throw new AppError(
        'USER_NOT_FOUND',
        users.length === 0
          ? 'No account exists yet: create one with `rapport user add --email you@example.com --name "Your Name"`.'
          : 'Several accounts exist: choose one with --user EMAIL or RAPPORT_USER.',
      );
    },
    json: () => Boolean(globals().json),
    secret: io.secret ?? readSecret,
    out: io.out,
    err: io.err,
  };

  program
    .command('serve')
    .description('start the Rapport server (migrates the database first)')
    .option('--port <port>', 'port to listen on (or PORT; default 4545)')
    .option('--host <host>', 'address to listen on (or HOST; default 127.0.0.1)')
    .action(async (o: { port?: string; host?: string }) => {
      const flags: ConfigFlags = { db: globals().db, port: o.port, host: o.host };
      // Loaded here only: the other commands need the services, not Fastify and the routes.
      const { startServer } = await import('./serve.js');
      const running = await startServer(loadConfig(flags, io.env), { handleSignals: true, logger: true });
      io.err(`Rapport is running at ${running.url}`);
      // Stay up until a signal closes the server.
      await new Promise(() => {});
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const db = openDatabase({ databaseUrl: ctx.config().databaseUrl, sqlitePath: ctx.config().dbPath });
      try {
        const applied = await migrateToLatest(db);
        io.out(ctx.json() ? JSON.stringify({ applied }) : applied.length > 0 ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
      } finally {
        await db.close();
      }
    });

  accountCommands(program, ctx);
  contactCommands(program, ctx);
  interactionCommands(program, ctx);
  searchCommands(program, ctx);
  nurtureCommands(program, ctx);
  reflectCommands(program, ctx);
  skillCommands(program, ctx);
  feedbackCommands(program, ctx);
  seedCommands(program, ctx);
  exchangeCommands(program, ctx);

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.err(describeError(error));
    return exitCodeOf(error);
  } finally {
    const current = opened as { db: Database } | null;
    if (current) await current.db.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  // `rapport contact list | head` closes the pipe before the output ends: the reader is done, which
  // is no error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const code = await run(argv, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
  });
  process.exitCode = code;
}
