import { z } from 'zod';
import { scopeOf, type App } from '../../platform/http/server.js';
import { idParams } from '../contacts/routes.js';
import { interactionInput, interactionPatch, interactionSchema, listQuery } from './model.js';
import type { InteractionsService } from './service.js';

export function interactionRoutes(app: App, interactions: InteractionsService) {
  app.get('/interactions', {
    schema: {
      tags: ['interactions'],
      summary: 'Interactions, newest first, a page at a time',
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(interactionSchema), nextCursor: z.string().nullable() }) },
    },
    handler: async (request) => interactions.list(scopeOf(request), request.query),
  });

  app.post('/interactions', {
    schema: { tags: ['interactions'], summary: 'Log an interaction with one or more contacts', body: interactionInput, response: { 201: interactionSchema } },
    handler: async (request, reply) => reply.status(201).send(await interactions.create(scopeOf(request), request.body)),
  });

  app.get('/interactions/:id', {
    schema: { tags: ['interactions'], summary: 'One interaction', params: idParams, response: { 200: interactionSchema } },
    handler: async (request) => interactions.get(scopeOf(request), request.params.id),
  });

  app.patch('/interactions/:id', {
    schema: { tags: ['interactions'], summary: 'Change some fields of an interaction', params: idParams, body: interactionPatch, response: { 200: interactionSchema } },
    handler: async (request) => interactions.update(scopeOf(request), request.params.id, request.body),
  });

  app.delete('/interactions/:id', {
    schema: { tags: ['interactions'], summary: 'Move an interaction to the trash', params: idParams },
    handler: async (request, reply) => {
      await interactions.trash(scopeOf(request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.post('/interactions/:id/restore', {
    schema: { tags: ['interactions'], summary: 'Bring an interaction back from the trash', params: idParams, response: { 200: interactionSchema } },
    handler: async (request) => interactions.restore(scopeOf(request), request.params.id),
  });
}
