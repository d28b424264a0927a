import { z } from 'zod';
import { scopeOf, type App } from '../../platform/http/server.js';
import { idParams } from '../contacts/routes.js';
import { insightSchema, insightsQuery, reflectionInput, reflectionSchema, reviewInput, reviewSchema, weekParam } from './model.js';
import type { ReflectService } from './service.js';

export function reflectRoutes(app: App, reflect: ReflectService) {
  app.get('/interactions/:id/reflection', {
    schema: { tags: ['reflect'], summary: 'Your reflection on an interaction', params: idParams, response: { 200: reflectionSchema } },
    handler: async (request) => reflect.get(scopeOf(request), request.params.id),
  });

  app.put('/interactions/:id/reflection', {
    schema: { tags: ['reflect'], summary: 'Write or rewrite your reflection on an interaction', params: idParams, body: reflectionInput, response: { 200: reflectionSchema } },
    handler: async (request) => reflect.save(scopeOf(request), request.params.id, request.body),
  });

  app.delete('/interactions/:id/reflection', {
    schema: { tags: ['reflect'], summary: 'Delete your reflection on an interaction', params: idParams },
    handler: async (request, reply) => {
      await reflect.remove(scopeOf(request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/reviews', {
    schema: {
      tags: ['reflect'],
      summary: 'Your weekly reviews, newest first, and the current streak',
      response: { 200: z.object({ items: z.array(z.object({ weekStart: z.string(), completedAt: z.string().nullable(), nextWeekPlan: z.string().nullable() })), streak: z.number().int() }) },
    },
    handler: async (request) => reflect.reviews(scopeOf(request)),
  });

  app.get('/reviews/current', {
    schema: { tags: ['reflect'], summary: "This week's review: figures, prompts, last week's plan", response: { 200: reviewSchema } },
    handler: async (request) => reflect.review(scopeOf(request)),
  });

  app.get('/reviews/:weekStart', {
    schema: { tags: ['reflect'], summary: 'The review of a week, by its first day', params: weekParam, response: { 200: reviewSchema } },
    handler: async (request) => reflect.review(scopeOf(request), request.params.weekStart),
  });

  app.put('/reviews/:weekStart', {
    schema: { tags: ['reflect'], summary: 'Save the review of a week; complete: true finishes it', params: weekParam, body: reviewInput, response: { 200: reviewSchema } },
    handler: async (request) => reflect.saveReview(scopeOf(request), request.params.weekStart, request.body),
  });

  app.get('/insights', {
    schema: {
      tags: ['reflect'],
      summary: 'The insights journal: every "what I learned" and every reflection, newest first',
      querystring: insightsQuery,
      response: { 200: z.object({ items: z.array(insightSchema), nextCursor: z.string().nullable() }) },
    },
    handler: async (request) => reflect.insights(scopeOf(request), request.query),
  });
}
