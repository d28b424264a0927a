import type { HTTPMethods } from 'fastify';
import type { App } from '../../src/platform/http/server.js';

const TREE_LINE = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route the app registers, as `METHOD /path`, read from Fastify's own radix tree (each line a piece of the path) so a route
 * added later shows up without anyone listing it. HEAD routes that Fastify adds for each GET are
 * left out.
 */
export function registeredRoutes(app: App): string[] {
  const segments: string[] = [];
  const byPath = new Map<string, Set<string>>();
  for (const line of app.printRoutes().split('\n')) {
    if (line.trim() === '') continue;
    const match = TREE_LINE.exec(line);
    if (!match) throw new Error(`Cannot read this line of Fastify's route tree: ${JSON.stringify(line)}`);
    const [, indent, segment, methods] = match;
    segments.length = indent!.length / 4;
    segments.push(segment!);
    const path = segments.join('');
    const set = byPath.get(path) ?? byPath.set(path, new Set()).get(path)!;
    for (const method of methods?.split(', ') ?? []) set.add(method);
  }
  const routes: string[] = [];
  for (const [url, methods] of byPath) {
    for (const method of methods) {
      if (method === 'HEAD' && methods.has('GET')) continue;
      // Guards the reading of the tree: each route read must be one Fastify knows.
      if (!app.hasRoute({ method: method as HTTPMethods, url })) throw new Error(`Read ${method} ${url} from the route tree, but Fastify does not know it.`);
      routes.push(`${method} ${url}`);
    }
  }
  return routes.sort();
}
