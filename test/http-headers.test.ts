import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { buildServer } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { createHttpServer } from '../src/platform/http/server.js';
import { createUser, describeEachDatabase } from './harness/app.js';
import { signIn } from './harness/http.js';

/** What every page (the web app, the API docs) is sent, besides its content security policy. */
const PAGE_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describeEachDatabase('security headers and request logs', (env) => {
  it('sends API answers, errors alike, the headers data needs, and keeps them out of caches', async () => {
    const user = await createUser(env());
    const created = await env().app.inject({ method: 'POST', url: '/api/v1/contacts', headers: user.headers, payload: { displayName: 'Ada' } });
    const responses = [
      created,
      await env().app.inject({ method: 'GET', url: `/api/v1/contacts/${created.json().id}`, headers: user.headers }),
      await env().app.inject({ method: 'GET', url: '/api/v1/contacts/0190b8c2-5d3e-7000-8000-000000000000', headers: user.headers }),
      await env().app.inject({ method: 'GET', url: '/api/v1/contacts' }),
      await env().app.inject({ method: 'GET', url: '/api/v1/nowhere' }),
      await env().app.inject({ method: 'GET', url: '/api/v1/health' }),
    ];
    expect(responses.map((response) => response.statusCode)).toEqual([201, 200, 404, 401, 404, 200]);
    for (const response of responses) {
      const security = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !['content-type', 'content-length', 'date', 'connection', 'location'].includes(name)));
      expect(security).toEqual({
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none';frame-ancestors 'none'",
        'cross-origin-resource-policy': 'same-origin',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
      });
    }
    expect(env().config.secureCookies).toBe(false);
  });

  it('sends pages the headers documents need', async () => {
    const docs = await env().app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    expect(docs.headers).toMatchObject(PAGE_HEADERS);
    expect(docs.headers['cache-control']).toBeUndefined();
  });

  it('logs one line a request, with neither the API token nor the session cookie', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().trim().split('\n'));
        done();
      },
    });
    const { config, deps, services } = env();
    const app = await buildServer({ config, deps, services, logger: stream });
    try {
      const user = await createUser(env());
      const token = user.headers.authorization.slice('Bearer '.length);
      await app.inject({ method: 'GET', url: '/api/v1/contacts?limit=1', headers: { ...user.headers, 'user-agent': 'tests' } });
      const session = await signIn({ ...env(), app }, user);
      await app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });
      const requests = lines.map((line) => JSON.parse(line) as { req?: unknown; res?: unknown; msg: string }).filter((line) => line.req);
      expect(requests.map(({ req, res, msg }) => ({ req, res, msg }))).toEqual([
        { req: { method: 'GET', url: '/api/v1/contacts?limit=1', remoteAddress: '127.0.0.1' }, res: { statusCode: 200 }, msg: 'request completed' },
        { req: { method: 'POST', url: '/api/v1/session', remoteAddress: '127.0.0.1' }, res: { statusCode: 200 }, msg: 'request completed' },
        { req: { method: 'GET', url: '/api/v1/me', remoteAddress: '127.0.0.1' }, res: { statusCode: 200 }, msg: 'request completed' },
      ]);
      const sessionSecret = session.cookie.slice(session.cookie.indexOf('=') + 1);
      for (const secret of [token, sessionSecret, user.password]) expect(lines.join('\n')).not.toContain(secret);
    } finally {
      await app.close();
    }
  });
});

it('tells browsers to keep to HTTPS, on pages and API answers, once cookies are secure', async () => {
  const app = await createHttpServer({ config: loadConfig({ port: 0, db: ':memory:' }, { RAPPORT_SECURE_COOKIES: 'true' }), logger: false, version: 'test' });
  try {
    const answers = [await app.inject({ method: 'GET', url: '/api/v1/nowhere' }), await app.inject({ method: 'GET', url: '/api/v1/docs/' })];
    expect(answers.map((answer) => [answer.statusCode, answer.headers['strict-transport-security']])).toEqual([
      [404, 'max-age=31536000; includeSubDomains'],
      [200, 'max-age=31536000; includeSubDomains'],
    ]);
  } finally {
    await app.close();
  }
});
