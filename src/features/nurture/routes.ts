import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { scopeOf, type App } from '../../platform/http/server.js';
import { contactSchema } from '../contacts/model.js';
import { idParams } from '../contacts/routes.js';
import { calendarUrl, settingsPatch, settingsSchema } from './model.js';
import {
  balanceSchema,
  celebrateInput,
  eventInput,
  eventPatch,
  eventSchema,
  exchangeInput,
  exchangePatch,
  exchangeSchema,
  snoozeInput,
  todaySchema,
} from './schemas.js';
import type { NurtureService } from './service.js';

const strengthSchema = z.object({
  strength: z.number().int(),
  halfLifeDays: z.number().int(),
  trend: z.array(z.object({ at: z.string(), strength: z.number().int() })).describe('Month ends of the last year, then now'),
});

/** The public calendar feed: a secret URL, answered with the same 404 whatever is wrong with it. */
export function calendarFeedRoute(app: App, nurture: NurtureService) {
  app.get('/calendar/:token.ics', {
    schema: { tags: ['nurture'], summary: 'The iCalendar feed at its secret address', security: [], params: z.object({ token: z.string().max(200) }) },
    handler: async (request, reply) => {
      const feed = await nurture.calendarFeed(request.params.token);
      if (!feed) throw new AppError('CALENDAR_NOT_FOUND', 'No calendar feed at this address.');
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(feed);
    },
  });
}

export function nurtureRoutes(app: App, nurture: NurtureService) {
  app.get('/today', {
    schema: { tags: ['nurture'], summary: 'Whom to reach out to today and why, with follow-ups, dates, successes and promises', response: { 200: todaySchema } },
    handler: async (request) => nurture.today(scopeOf(request)),
  });

  app.get('/nurture/settings', {
    schema: { tags: ['nurture'], summary: 'Cadence per circle and strength half-life', response: { 200: settingsSchema } },
    handler: async (request) => {
      const s = await nurture.settings(scopeOf(request));
      return { cadences: s.cadences, strengthHalfLifeDays: s.halfLifeDays };
    },
  });

  app.patch('/nurture/settings', {
    schema: { tags: ['nurture'], summary: 'Change cadences or half-life; every due date and strength follows', body: settingsPatch, response: { 200: settingsSchema } },
    handler: async (request) => {
      const s = await nurture.updateSettings(scopeOf(request), request.body);
      return { cadences: s.cadences, strengthHalfLifeDays: s.halfLifeDays };
    },
  });

  app.post('/contacts/:id/snooze', {
    schema: { tags: ['nurture'], summary: 'Put off the check-in for a week, a month, or until a date', params: idParams, body: snoozeInput, response: { 200: contactSchema } },
    handler: async (request) => nurture.snooze(scopeOf(request), request.params.id, request.body),
  });

  app.delete('/contacts/:id/snooze', {
    schema: { tags: ['nurture'], summary: 'End a snooze', params: idParams, response: { 200: contactSchema } },
    handler: async (request) => nurture.unsnooze(scopeOf(request), request.params.id),
  });

  app.get('/contacts/:id/strength', {
    schema: { tags: ['nurture'], summary: 'Relationship strength now and over the last year', params: idParams, response: { 200: strengthSchema } },
    handler: async (request) => nurture.strength(scopeOf(request), request.params.id),
  });

  app.get('/contacts/:id/events', {
    schema: { tags: ['nurture'], summary: "The contact's milestones and dates, newest first", params: idParams, response: { 200: z.object({ items: z.array(eventSchema) }) } },
    handler: async (request) => ({ items: await nurture.events(scopeOf(request), request.params.id) }),
  });

  app.post('/contacts/:id/events', {
    schema: { tags: ['nurture'], summary: 'Record a milestone of theirs', params: idParams, body: eventInput, response: { 201: eventSchema } },
    handler: async (request, reply) => reply.status(201).send(await nurture.addEvent(scopeOf(request), request.params.id, request.body)),
  });

  app.patch('/events/:id', {
    schema: { tags: ['nurture'], summary: 'Change a milestone', params: idParams, body: eventPatch, response: { 200: eventSchema } },
    handler: async (request) => nurture.updateEvent(scopeOf(request), request.params.id, request.body),
  });

  app.delete('/events/:id', {
    schema: { tags: ['nurture'], summary: 'Delete a milestone', params: idParams },
    handler: async (request, reply) => {
      await nurture.deleteEvent(scopeOf(request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.post('/events/:id/celebrate', {
    schema: { tags: ['nurture'], summary: 'Record how you acknowledged a milestone (logs an interaction)', params: idParams, body: celebrateInput, response: { 200: eventSchema } },
    handler: async (request) => nurture.celebrate(scopeOf(request), request.params.id, request.body),
  });

  app.get('/contacts/:id/exchanges', {
    schema: {
      tags: ['nurture'],
      summary: 'Offers and asks with this contact, and the balance of give and take',
      params: idParams,
      response: { 200: z.object({ items: z.array(exchangeSchema), balance: balanceSchema }) },
    },
    handler: async (request) => nurture.exchanges(scopeOf(request), request.params.id),
  });

  app.post('/contacts/:id/exchanges', {
    schema: { tags: ['nurture'], summary: 'Record an offer or an ask', params: idParams, body: exchangeInput, response: { 201: exchangeSchema } },
    handler: async (request, reply) => reply.status(201).send(await nurture.addExchange(scopeOf(request), request.params.id, request.body)),
  });

  app.patch('/exchanges/:id', {
    schema: { tags: ['nurture'], summary: 'Change an offer or ask, or mark it done', params: idParams, body: exchangePatch, response: { 200: exchangeSchema } },
    handler: async (request) => nurture.updateExchange(scopeOf(request), request.params.id, request.body),
  });

  app.delete('/exchanges/:id', {
    schema: { tags: ['nurture'], summary: 'Delete an offer or ask', params: idParams },
    handler: async (request, reply) => {
      await nurture.deleteExchange(scopeOf(request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/calendar', {
    schema: { tags: ['nurture'], summary: 'Whether a calendar feed is active', response: { 200: z.object({ active: z.boolean(), createdAt: z.string().nullable() }) } },
    handler: async (request) => nurture.calendarInfo(scopeOf(request)),
  });

  app.post('/calendar', {
    schema: {
      tags: ['nurture'],
      summary: 'Create the calendar feed or replace its secret address; the address is shown only in this response',
      response: { 201: z.object({ url: z.string(), createdAt: z.string() }) },
    },
    handler: async (request, reply) => {
      const { token, createdAt } = await nurture.regenerateCalendar(scopeOf(request));
      return reply.status(201).send({ url: calendarUrl(`${request.protocol}://${request.host}`, token), createdAt });
    },
  });

  app.delete('/calendar', {
    schema: { tags: ['nurture'], summary: 'Turn the calendar feed off; its address stops working' },
    handler: async (request, reply) => {
      await nurture.revokeCalendar(scopeOf(request));
      return reply.status(204).send();
    },
  });
}
