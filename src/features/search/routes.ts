import { z } from 'zod';
import { scopeOf, type App } from '../../platform/http/server.js';
import { searchQuery, searchResultSchema } from './model.js';
import type { SearchService } from './service.js';

export function searchRoutes(app: App, search: SearchService) {
  app.get('/search', {
    schema: {
      tags: ['search'],
      summary: 'Full-text search over contacts and interactions: one ranked list with highlighted snippets',
      querystring: searchQuery,
      response: { 200: z.object({ items: z.array(searchResultSchema) }) },
    },
    handler: async (request) => ({ items: await search.search(scopeOf(request), request.query) }),
  });
}
