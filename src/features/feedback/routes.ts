import { z } from 'zod';
import { scopeOf, type App } from '../../platform/http/server.js';
import { idParams } from '../contacts/routes.js';
import { publicRequestSchema, requestInput, requestSchema, responseInput, responseSchema, shareLink } from './model.js';
import type { FeedbackService } from './service.js';

const tokenParams = z.strictObject({ token: z.string().min(1).max(200) });

/** The only routes a stranger reaches: no session, no cookie, nothing but the request itself. */
export function publicFeedbackRoutes(app: App, feedback: FeedbackService) {
  app.get('/public/feedback/:token', {
    schema: { tags: ['feedback'], summary: 'What the person asked sees: who asks, why, and what', security: [], params: tokenParams, response: { 200: publicRequestSchema } },
    handler: async (request) => feedback.view(request.params.token, { ip: request.ip }),
  });

  app.post('/public/feedback/:token', {
    bodyLimit: 64 * 1024,
    schema: { tags: ['feedback'], summary: 'Answer a feedback request', security: [], params: tokenParams, body: responseInput, response: { 201: z.object({ thanks: z.string() }) } },
    handler: async (request, reply) => {
      await feedback.respond(request.params.token, request.body, { ip: request.ip });
      return reply.status(201).send({ thanks: 'Thank you: your feedback was sent.' });
    },
  });
}

export function feedbackRoutes(app: App, feedback: FeedbackService) {
  app.get('/feedback-requests', {
    schema: { tags: ['feedback'], summary: 'Your feedback requests with their status and response counts', response: { 200: z.object({ items: z.array(requestSchema) }) } },
    handler: async (request) => ({ items: await feedback.list(scopeOf(request)) }),
  });

  app.post('/feedback-requests', {
    schema: {
      tags: ['feedback'],
      summary: 'Ask for feedback: returns the share link, shown only this once',
      body: requestInput,
      response: { 201: z.object({ request: requestSchema, url: z.string() }) },
    },
    handler: async (request, reply) => {
      const created = await feedback.create(scopeOf(request), request.body);
      return reply.status(201).send({ request: created.request, url: shareLink(`${request.protocol}://${request.host}`, created.token) });
    },
  });

  app.get('/feedback-requests/:id', {
    schema: { tags: ['feedback'], summary: 'A request with every response', params: idParams, response: { 200: z.object({ request: requestSchema, responses: z.array(responseSchema) }) } },
    handler: async (request) => feedback.get(scopeOf(request), request.params.id),
  });

  app.post('/feedback-requests/:id/revoke', {
    schema: { tags: ['feedback'], summary: 'Withdraw a request; its link stops working', params: idParams, response: { 200: requestSchema } },
    handler: async (request) => feedback.revoke(scopeOf(request), request.params.id),
  });
}
