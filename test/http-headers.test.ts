import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { buildServer } from '../src/app.js';
import { createUser, describeEachDatabase } from './harness/app.js';
import { signIn } from './harness/http.js';

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self';img-src 'self';font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';frame-ancestors 'none';form-action 'self'",
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
  it('sends every security header on answers and on errors alike', async () => {
    const user = await createUser(env());
    const created = await env().app.inject({ method: 'POST', url: '/api/v1/contacts', headers: user.headers, payload: { displayName: 'Ada' } });
    const responses = [
      created,
      await env().app.inject({ method: 'GET', url: `/api/v1/contacts/${created.json().id}`, headers: user.headers }),
      await env().app.inject({ method: 'GET', url: '/api/v1/contacts/0190b8c2-5d3e-7000-8000-000000000000', headers: user.headers }),
      await env().app.inject({ method: 'GET', url: '/api/v1/contacts' }),
      await env().app.inject({ method: 'GET', url: '/api/v1/nowhere' }),
    ];
    expect(responses.map((response) => response.statusCode)).toEqual([201, 200, 404, 401, 404]);
    for (const response of responses) expect(response.headers).toMatchObject(SECURITY_HEADERS);
    expect(env().config.secureCookies).toBe(false);
    expect(responses[1]!.headers['strict-transport-security']).toBeUndefined();
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
