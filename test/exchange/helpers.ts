import fs from 'node:fs';
import path from 'node:path';
import type { TestEnv, TestUser } from '../harness/app.js';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

export function fixture(name: string): Buffer {
  const dir = name.endsWith('.csv') ? 'csv' : 'vcard';
  return fs.readFileSync(path.join(FIXTURES, dir, name));
}

/** Uploads a file as the browser would; returns the response. */
export async function upload(env: TestEnv, user: TestUser, name: string, body: Buffer | string, query = '') {
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/imports?filename=${encodeURIComponent(name)}${query}`,
    headers: { ...user.headers, 'content-type': name.endsWith('.csv') ? 'text/csv' : 'text/vcard' },
    payload: body,
  });
}

/** Uploads and commits; returns the committed session. */
export async function importFile(env: TestEnv, user: TestUser, name: string, body: Buffer | string = fixture(name)) {
  const uploaded = await upload(env, user, name, body);
  if (uploaded.statusCode !== 201) throw new Error(`upload ${name}: ${uploaded.statusCode} ${uploaded.body}`);
  const committed = await env.app.inject({ method: 'POST', url: `/api/v1/imports/${uploaded.json().id}/commit`, headers: user.headers });
  if (committed.statusCode !== 200) throw new Error(`commit ${name}: ${committed.statusCode} ${committed.body}`);
  return committed.json();
}

export interface Summary {
  name: string;
  emails: string[];
  phones: string[];
  urls: string[];
  company: string | null;
  title: string | null;
  birthday: string | null;
  tags: string[];
}

/** Every contact of the user in name order, reduced to what the fixture tests compare. */
export async function contactsOf(env: TestEnv, user: TestUser): Promise<(Summary & Record<string, unknown>)[]> {
  const response = await env.app.inject({ method: 'GET', url: '/api/v1/contacts?limit=500', headers: user.headers });
  return response.json().items.map((c: Record<string, any>) => ({
    ...c,
    name: c.displayName,
    emails: c.emails.map((e: { value: string; type: string }) => `${e.type}:${e.value}`),
    phones: c.phones.map((e: { value: string; type: string }) => `${e.type}:${e.value}`),
    urls: c.urls.map((e: { value: string; type: string }) => `${e.type}:${e.value}`),
  }));
}
