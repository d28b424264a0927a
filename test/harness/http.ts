import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { SESSION_COOKIE } from '../../src/platform/http/server.js';
import type { TestEnv } from './app.js';

export interface ErrorBody {
  code: string;
  message: string;
  details: { fields?: { path: string; message: string }[]; [key: string]: unknown };
}

/**
 * Checks that a response is an error with this status and code in the one shape
 * `{"error": {"code", "message", "details"}}`, and returns the error.
 */
export function expectError(response: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.stringMatching(/\S/));
  expect(body.error.details).toBeTypeOf('object');
  expect(body.error.details).not.toBeNull();
  return body.error as ErrorBody;
}

/** The paths of the fields an error names, in order. */
export function fieldPaths(error: ErrorBody): string[] {
  return (error.details.fields ?? []).map((field) => field.path);
}

export interface Session {
  /** `rapport_session=…`, for a Cookie header. */
  cookie: string;
  csrfToken: string;
  /** Headers for any request of this session, including the CSRF token that changes need. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Signs in over HTTP and returns the session cookie and CSRF token. */
export async function signIn(env: TestEnv, user: { email: string; password: string }, remoteAddress = '127.0.0.1'): Promise<Session> {
  const response = await env.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: user.password }, remoteAddress });
  expect(response.statusCode).toBe(200);
  return sessionOf(response);
}

/** The session a sign-in or setup response started. */
export function sessionOf(response: LightMyRequestResponse): Session {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no ${SESSION_COOKIE} cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  const { csrfToken } = response.json() as { csrfToken: string };
  const header = `${SESSION_COOKIE}=${cookie.value}`;
  return { cookie: header, csrfToken, headers: { cookie: header, 'x-csrf-token': csrfToken } };
}
