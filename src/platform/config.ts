import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const configSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  /** Path of the SQLite file; ignored when databaseUrl is set. */
  dbPath: z.string().min(1),
  /** postgres://… selects PostgreSQL instead of the embedded SQLite database. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  logLevel: z.enum(LOG_LEVELS),
  /** Largest request body the API accepts, in bytes. */
  bodyLimit: z.coerce.number().int().positive(),
  /** Largest file an import or restore upload may be, in bytes (the CLI reads any size). */
  importLimit: z.coerce.number().int().positive(),
  /** Set the Secure flag on cookies; on by default unless the server listens on loopback. */
  secureCookies: z.boolean(),
  /** Trust X-Forwarded-For from a reverse proxy when rate-limiting by address. */
  trustProxy: z.boolean(),
  sessionDays: z.coerce.number().int().positive(),
  /** The address people reach this server at, for links printed by the CLI (such as the calendar feed). */
  publicUrl: z.url({ protocol: /^https?$/, message: 'RAPPORT_PUBLIC_URL must be an http(s) address' }),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

/** Values given on the command line; each wins over the environment. */
export interface ConfigFlags {
  host?: string;
  port?: string | number;
  db?: string;
  databaseUrl?: string;
  logLevel?: string;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.length > 0
    ? env.XDG_DATA_HOME
    : path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'rapport');
}

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/**
 * Reads configuration once: flags override environment variables, which override defaults.
 * Throws a readable error naming the setting at fault.
 */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const host = flags.host ?? env.HOST ?? '127.0.0.1';
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const raw = {
    host,
    port: flags.port ?? env.PORT ?? 4545,
    dbPath: flags.db ?? env.RAPPORT_DB ?? path.join(defaultDataDir(env), 'rapport.db'),
    databaseUrl: flags.databaseUrl ?? (env.DATABASE_URL || undefined),
    logLevel: flags.logLevel ?? env.LOG_LEVEL ?? 'info',
    bodyLimit: env.RAPPORT_BODY_LIMIT ?? 1024 * 1024,
    importLimit: env.RAPPORT_IMPORT_LIMIT ?? 40 * 1024 * 1024,
    secureCookies: flag(env.RAPPORT_SECURE_COOKIES) ?? !loopback,
    trustProxy: flag(env.RAPPORT_TRUST_PROXY) ?? false,
    sessionDays: env.RAPPORT_SESSION_DAYS ?? 30,
    publicUrl: env.RAPPORT_PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${flags.port ?? env.PORT ?? 4545}`,
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid configuration ${issue.path.join('.')}: ${issue.message}`);
  }
  return Object.freeze(parsed.data);
}
