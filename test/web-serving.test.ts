import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { createHttpServer, type App } from '../src/platform/http/server.js';
import { serveWebApp } from '../src/platform/http/web.js';

describe('serving the web app', () => {
  let app: App;
  let root: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-web-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Rapport</title>');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js.gz'), zlib.gzipSync('console.log(1)'));
    fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await createHttpServer({ config: loadConfig({ port: 0, db: ':memory:' }, {}), logger: false, version: 'test' });
    app.get('/api/v1/health', async () => ({ status: 'ok' }));
    expect(await serveWebApp(app, root)).toBe(true);
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and revalidates it on every load', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe('<!doctype html><title>Rapport</title>');
  });

  it('caches hashed assets for good and other files not at all', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect([asset.statusCode, asset.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect([icon.statusCode, icon.headers['cache-control']]).toEqual([200, 'no-cache']);
  });

  it('sends the compressed copy written at build time to browsers that accept it', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate' } });
    expect([res.statusCode, res.headers['content-encoding'], res.headers['cache-control']]).toEqual([200, 'gzip', 'public, max-age=31536000, immutable']);
    expect(zlib.gunzipSync(res.rawPayload).toString()).toBe('console.log(1)');
  });

  it('answers the app’s own pages with index.html, so a reload or a shared link works', async () => {
    for (const url of ['/contacts', '/contacts/0190-abc?tag=x', '/settings']) {
      const res = await app.inject({ method: 'GET', url });
      expect([url, res.statusCode, res.headers['cache-control'], res.body]).toEqual([url, 200, 'no-cache', '<!doctype html><title>Rapport</title>']);
    }
  });

  it('keeps JSON 404s for unknown API paths, other methods and missing files', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect([api.statusCode, api.json()]).toEqual([404, { error: { code: 'NOT_FOUND', message: 'No route GET /api/v1/nothing-here.', details: {} } }]);
    const post = await app.inject({ method: 'POST', url: '/contacts', payload: {} });
    expect([post.statusCode, post.json().error.code]).toEqual([404, 'NOT_FOUND']);
    const missingAsset = await app.inject({ method: 'GET', url: '/assets/gone-123.js' });
    expect([missingAsset.statusCode, missingAsset.json().error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('sends a CSP that allows only the app’s own scripts, styles and API', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self';img-src 'self';font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';frame-ancestors 'none';form-action 'self'",
    );
  });

  it('reports a missing build instead of serving nothing', async () => {
    const bare = await createHttpServer({ config: loadConfig({ port: 0, db: ':memory:' }, {}), logger: false, version: 'test' });
    expect(await serveWebApp(bare, path.join(root, 'missing'))).toBe(false);
    await bare.close();
  });
});
