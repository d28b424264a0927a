import { z } from 'zod';
import { scopeOf, type App } from '../../platform/http/server.js';
import { idParams } from '../contacts/routes.js';
import { ratingInput, ratingSchema, resourceInput, resourcePatch, resourceSchema, skillInput, skillPatch, skillSchema } from './model.js';
import type { SkillsService } from './service.js';

export function skillRoutes(app: App, skills: SkillsService) {
  app.get('/skills', {
    schema: {
      tags: ['growth'],
      summary: 'Your networking skills with the gap between your self-rating and how others rate you',
      querystring: z.strictObject({ archived: z.enum(['true', 'false']).default('false').describe('Include archived skills') }),
      response: { 200: z.object({ items: z.array(skillSchema) }) },
    },
    handler: async (request) => ({ items: await skills.list(scopeOf(request), { includeArchived: request.query.archived === 'true' }) }),
  });

  app.post('/skills', {
    schema: { tags: ['growth'], summary: 'Add a skill of your own', body: skillInput, response: { 201: skillSchema } },
    handler: async (request, reply) => reply.status(201).send(await skills.create(scopeOf(request), request.body)),
  });

  app.get('/skills/:id', {
    schema: {
      tags: ['growth'],
      summary: 'A skill with every rating (yours and others’, oldest first) and its resources',
      params: idParams,
      response: { 200: z.object({ skill: skillSchema, ratings: z.array(ratingSchema), resources: z.array(resourceSchema) }) },
    },
    handler: async (request) => skills.detail(scopeOf(request), request.params.id),
  });

  app.patch('/skills/:id', {
    schema: { tags: ['growth'], summary: 'Rename, describe or archive a skill', params: idParams, body: skillPatch, response: { 200: skillSchema } },
    handler: async (request) => skills.update(scopeOf(request), request.params.id, request.body),
  });

  app.post('/skills/:id/ratings', {
    schema: { tags: ['growth'], summary: 'Rate yourself on a skill, 1 to 5, with a note', params: idParams, body: ratingInput, response: { 201: ratingSchema } },
    handler: async (request, reply) => reply.status(201).send(await skills.rate(scopeOf(request), request.params.id, request.body)),
  });

  app.delete('/ratings/:id', {
    schema: { tags: ['growth'], summary: 'Delete one of your self-ratings', params: idParams },
    handler: async (request, reply) => {
      await skills.deleteRating(scopeOf(request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/resources', {
    schema: {
      tags: ['growth'],
      summary: 'Workshops, courses, books and other resources, newest first',
      querystring: z.strictObject({ skillId: z.string().max(100).optional(), status: z.string().max(20).optional() }),
      response: { 200: z.object({ items: z.array(resourceSchema) }) },
    },
    handler: async (request) => ({ items: await skills.resources(scopeOf(request), request.query) }),
  });

  app.post('/skills/:id/resources', {
    schema: { tags: ['growth'], summary: 'Add a resource to work on a skill', params: idParams, body: resourceInput, response: { 201: resourceSchema } },
    handler: async (request, reply) => reply.status(201).send(await skills.addResource(scopeOf(request), request.params.id, request.body)),
  });

  app.patch('/resources/:id', {
    schema: { tags: ['growth'], summary: 'Update a resource: status, dates, takeaways', params: idParams, body: resourcePatch, response: { 200: resourceSchema } },
    handler: async (request) => skills.updateResource(scopeOf(request), request.params.id, request.body),
  });

  app.delete('/resources/:id', {
    schema: { tags: ['growth'], summary: 'Delete a resource', params: idParams },
    handler: async (request, reply) => {
      await skills.deleteResource(scopeOf(request), request.params.id);
      return reply.status(204).send();
    },
  });
}
