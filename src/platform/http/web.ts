import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.js';
import { API_PREFIX, type App } from './server.js';

/** Where `vite build` writes the web app, relative to this file in src/ or dist/. */
export const WEB_ROOT = path.resolve(import.meta.dirname, '../../../web/dist');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the single-page app: hashed assets are cached for good, index.html is revalidated on
 * every load (so a new release is picked up at once), and every other GET outside the API answers
 * with index.html so the app's own router can show the page. API paths keep their JSON 404.
 * Returns false when the app has not been built.
 */
export async function serveWebApp(app: App, root: string): Promise<boolean> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    // The build writes .br and .gz beside each file (web/vite.config.ts).
    preCompressed: true,
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.startsWith(path.join(root, 'assets') + path.sep) ? IMMUTABLE : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0]!;
    // A missing file (an old hashed asset after an upgrade) must fail as a file, not turn into
    // HTML that the browser would then try to run as a script.
    const isFile = /\.[a-z0-9]+$/i.test(url);
    if (url === API_PREFIX || url.startsWith('/api/') || isFile) {
      throw new AppError('NOT_FOUND', `No route ${request.method} ${url}.`);
    }
    return reply.sendFile('index.html');
  });
  return true;
}
