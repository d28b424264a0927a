import { z } from 'zod';
import { AppError } from './errors.js';

/** A zod issue, or one that came through Fastify's validation with the same fields. */
export type Issue = { path: readonly PropertyKey[]; message: string; code?: string; keys?: string[]; errors?: Issue[][]; issues?: Issue[] };

/** `emails[0].value` from ['emails', 0, 'value']. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

/**
 * The message that says most. zod reports a failed union or record key only as "Invalid input" or
 * "Invalid key in record"; the complaint inside says what was wanted (for the query unions of one
 * value or a list, the single value's: `Invalid option: expected one of "inner"|…`).
 */
function messageOf(issue: Issue): string {
  const inner = issue.code === 'invalid_union' ? issue.errors?.[0]?.[0] : issue.code === 'invalid_key' ? issue.issues?.[0] : undefined;
  return inner ? messageOf(inner) : issue.message;
}

/** One entry per field at fault; an unknown key is reported at its own path. */
export function issuesToFields(issues: readonly Issue[], prefix = ''): { path: string; message: string }[] {
  return issues.flatMap((issue) => {
    const base = formatPath(issue.path);
    const at = (p: string) => [prefix, p].filter(Boolean).join('.') || '(body)';
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ path: at(base ? `${base}.${key}` : key), message: 'is not a known field' }));
    }
    return [{ path: at(base), message: messageOf(issue) }];
  });
}

/**
 * Paths of every string (value or key) holding the NUL character, which PostgreSQL cannot store
 * and SQLite would keep invisibly, so input with it is refused on both.
 */
export function nulPaths(value: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  // One path, grown and shrunk on the way: every request's input is walked, and most hold no NUL.
  const path: PropertyKey[] = [];
  const visit = (item: unknown, key: PropertyKey) => {
    path.push(key);
    if (typeof key === 'string' && key.includes('\0')) found.push([...path]);
    else walk(item);
    path.pop();
  };
  const walk = (item: unknown): void => {
    if (typeof item === 'string') {
      if (item.includes('\0')) found.push([...path]);
    } else if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) visit(item[i], i);
    } else if (item !== null && typeof item === 'object' && !(item instanceof Uint8Array)) {
      // An uploaded file arrives as bytes (Uint8Array); walking them would visit every byte.
      for (const key of Object.keys(item)) visit((item as Record<string, unknown>)[key], key);
    }
  };
  walk(value);
  return found;
}

export function validationError(fields: { path: string; message: string }[]): AppError {
  const summary = fields.map((f) => `${f.path} ${f.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid input: ${summary}`, { fields });
}

/** Parses input through a schema, turning failures into one VALIDATION_FAILED error. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(issuesToFields(result.error.issues));
  return result.data;
}

/** Trimmed text of at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max);

/** Optional trimmed text where an empty string clears the field (stored as null). */
export const optionalText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
