import { z } from 'zod';
import { scopeOf, type App } from '../../platform/http/server.js';
import type { SeedService } from './service.js';

export function seedRoutes(app: App, seed: SeedService) {
  app.post('/demo', {
    schema: {
      tags: ['seed'],
      summary: 'Fill an empty account with the demo network: about 300 people and three years of interactions',
      response: { 201: z.object({ contacts: z.number().int(), interactions: z.number().int() }) },
    },
    handler: async (request, reply) => reply.status(201).send(await seed.demo(scopeOf(request))),
  });
}
