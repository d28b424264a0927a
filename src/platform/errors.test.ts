import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from './errors.js';

// As Fastify does for its own codes: the catalogue and its documentation cannot drift apart.
describe('the error catalogue and docs/errors.md', () => {
  const doc = fs.readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

  // Exactly the catalogue's codes: one missing from the table, or one the table keeps after it left
  // the catalogue, fails.
  it('documents every code with its status, in the order of the catalogue', () => {
    const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map(([, code, status]) => [code, Number(status)]);
    expect(rows).toEqual(Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status]));
  });
});

describe('AppError', () => {
  it('takes its status from the catalogue', () => {
    expect(new AppError('RATE_LIMITED', 'wait').status).toBe(429);
    expect(new AppError('CONTACT_NOT_FOUND', 'gone', { id: 'x' }).details).toEqual({ id: 'x' });
  });
});
