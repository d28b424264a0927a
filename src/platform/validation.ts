import type { z } from 'zod';
import { AppError } from './errors.js';

type Issue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

/** `emails[0].value` from ['emails', 0, 'value']. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

/** One entry per field at fault; an unknown key is reported at its own path. */
export function issuesToFields(issues: readonly Issue[], prefix = ''): { path: string; message: string }[] {
  return issues.flatMap((issue) => {
    const base = formatPath(issue.path);
    const at = (p: string) => [prefix, p].filter(Boolean).join('.') || '(body)';
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ path: at(base ? `${base}.${key}` : key), message: 'is not a known field' }));
    }
    return [{ path: at(base), message: issue.message }];
  });
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
