import { z } from 'zod';
import { scopeOf, type App } from '../../platform/http/server.js';
import { contactSchema } from '../contacts/model.js';
import { interactionSchema } from '../interactions/model.js';
import type { TrashService } from './service.js';

const itemParams = z.strictObject({ type: z.enum(['contact', 'interaction']), id: z.string().min(1).max(100) });

export function trashRoutes(app: App, trash: TrashService) {
  app.get('/trash', {
    schema: {
      tags: ['trash'],
      summary: 'Everything in the trash, with the date each item will be purged',
      response: { 200: z.object({ contacts: z.array(contactSchema), interactions: z.array(interactionSchema), purgeAt: z.record(z.string(), z.string()) }) },
    },
    handler: async (request) => trash.list(scopeOf(request)),
  });

  app.post('/trash/:type/:id/restore', {
    schema: { tags: ['trash'], summary: 'Restore a contact or interaction', params: itemParams, response: { 200: z.union([contactSchema, interactionSchema]) } },
    handler: async (request) => trash.restore(scopeOf(request), request.params.type, request.params.id),
  });

  app.delete('/trash/:type/:id', {
    schema: { tags: ['trash'], summary: 'Purge one trashed item for good now', params: itemParams },
    handler: async (request, reply) => {
      await trash.purge(scopeOf(request), request.params.type, request.params.id);
      return reply.status(204).send();
    },
  });

  app.delete('/trash', {
    schema: { tags: ['trash'], summary: 'Empty the trash', response: { 200: z.object({ contacts: z.number(), interactions: z.number() }) } },
    handler: async (request) => trash.empty(scopeOf(request)),
  });
}
