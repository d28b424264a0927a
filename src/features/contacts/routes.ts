import { z } from 'zod';
import { scopeOf, type App } from '../../platform/http/server.js';
import { bulkInput, bulkResultSchema, contactInput, contactPatch, contactSchema, dimensionCountSchema, listQuery, tagCountSchema } from './model.js';
import type { ContactsService } from './service.js';

export const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export function contactRoutes(app: App, contacts: ContactsService) {
  app.get('/contacts', {
    schema: {
      tags: ['contacts'],
      summary: 'List contacts with filters and sorting, a page at a time',
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(contactSchema), nextCursor: z.string().nullable() }) },
    },
    handler: async (request) => contacts.list(scopeOf(request), request.query),
  });

  app.get('/contacts/tags', {
    schema: {
      tags: ['contacts'],
      summary: 'Your tags with how many contacts carry each, most used first',
      response: { 200: z.object({ items: z.array(tagCountSchema) }) },
    },
    handler: async (request) => ({ items: await contacts.tags(scopeOf(request)) }),
  });

  app.get('/contacts/dimensions', {
    schema: {
      tags: ['contacts'],
      summary: 'Every dimension (standard ones first) with its values and their counts',
      response: { 200: z.object({ items: z.array(dimensionCountSchema) }) },
    },
    handler: async (request) => ({ items: await contacts.dimensions(scopeOf(request)) }),
  });

  app.post('/contacts/bulk', {
    schema: {
      tags: ['contacts'],
      summary: 'Tag, untag or trash many contacts at once, with a result for each',
      body: bulkInput,
      response: { 200: z.object({ results: z.array(bulkResultSchema) }) },
    },
    handler: async (request) => ({ results: await contacts.bulk(scopeOf(request), request.body) }),
  });

  app.post('/contacts', {
    schema: { tags: ['contacts'], summary: 'Create a contact', body: contactInput, response: { 201: contactSchema } },
    handler: async (request, reply) => reply.status(201).send(await contacts.create(scopeOf(request), request.body)),
  });

  app.get('/contacts/:id', {
    schema: { tags: ['contacts'], summary: 'One contact', params: idParams, response: { 200: contactSchema } },
    handler: async (request) => contacts.get(scopeOf(request), request.params.id),
  });

  app.patch('/contacts/:id', {
    schema: { tags: ['contacts'], summary: 'Change some fields of a contact; lists given replace the stored ones', params: idParams, body: contactPatch, response: { 200: contactSchema } },
    handler: async (request) => contacts.update(scopeOf(request), request.params.id, request.body),
  });

  app.delete('/contacts/:id', {
    schema: { tags: ['contacts'], summary: 'Move a contact to the trash (purged after 30 days)', params: idParams },
    handler: async (request, reply) => {
      await contacts.trash(scopeOf(request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.post('/contacts/:id/restore', {
    schema: { tags: ['contacts'], summary: 'Bring a contact back from the trash', params: idParams, response: { 200: contactSchema } },
    handler: async (request) => contacts.restore(scopeOf(request), request.params.id),
  });
}
