import { Readable } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { asArray, contactSchema } from '../contacts/model.js';
import { AppError } from '../../platform/errors.js';
import { errorHandler } from '../../platform/http/errors.js';
import { scopeOf, type App } from '../../platform/http/server.js';
import { mergeInput, mergeSchema, pairInput } from './merge.js';
import { IMPORT_FORMATS, importReportSchema } from './model.js';
import type { ExchangeService } from './service.js';

const sessionSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  committedAt: z.string().nullable(),
  report: importReportSchema,
});

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** A clearer 413 for files: says the limit and what to do instead. */
function fileErrorHandler(limit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return errorHandler(
        new AppError('BODY_TOO_LARGE', `The file is larger than the ${megabytes(limit)} upload limit; nothing was imported. Import it from the command line instead: rapport import FILE`, {
          limit,
        }),
        request,
        reply,
      );
    }
    return errorHandler(error, request, reply);
  };
}

/**
 * Sends generated text as a download. The first chunk is produced before the reply starts, so an
 * error in the request (an unknown contact id) still gets its proper status.
 */
async function download(reply: FastifyReply, chunks: AsyncGenerator<string>, type: string, fileName: string) {
  const first = await chunks.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).send(Readable.from(all()));
}

const exportQuery = z.strictObject({
  id: z.union([z.string().max(100), z.array(z.string().max(100)).max(5000)]).optional().describe('Only these contacts (repeat id=…); all when absent'),
});

export function exchangeRoutes(app: App, exchange: ExchangeService, options: { importLimit: number }) {
  // Uploads are the file itself, whatever type the browser names (.csv is often
  // application/vnd.ms-excel on Windows), read as bytes so the importer can find the encoding.
  app.register(async (files: App) => {
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: options.importLimit }, (_request, body, done) => done(null, body));

    files.post('/imports', {
      bodyLimit: options.importLimit,
      errorHandler: fileErrorHandler(options.importLimit),
      schema: {
        tags: ['exchange'],
        summary: 'Upload a file to import and get its preview; nothing changes until the commit',
        description:
          'The body is the file itself (CSV from LinkedIn, Google, Outlook or Thunderbird, or vCard 2.1/3.0/4.0) in any encoding. ' +
          'The preview lists new, updated, unchanged and possible duplicate contacts and rejected rows with their line. ' +
          `The upload waits an hour for POST /imports/{id}/commit.`,
        querystring: z.strictObject({
          filename: z.string().max(200).optional().describe('The file name, for messages'),
          format: z.enum(['auto', ...IMPORT_FORMATS]).optional().describe('Override the format detected from the content'),
        }),
        response: { 201: sessionSchema },
      },
      handler: async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) throw new AppError('IMPORT_FILE_INVALID', 'upload: the request has no file in its body', { file: 'upload', reason: 'no body' });
        const session = await exchange.upload(scopeOf(request), { fileName: request.query.filename ?? 'upload', format: request.query.format, content: body });
        return reply.status(201).send(session);
      },
    });

    files.post('/restore', {
      bodyLimit: options.importLimit,
      errorHandler: fileErrorHandler(options.importLimit),
      schema: {
        tags: ['exchange'],
        summary: 'Restore a JSON backup into this account, which must be empty',
        description:
          'The body is the backup file from GET /backup. Ids already used in this database are renumbered consistently; feedback requests whose share link another account here still answers are revoked in the copy.',
        response: { 200: z.object({ restored: z.record(z.string(), z.number().int()), renumbered: z.number().int(), revokedLinks: z.number().int() }) },
      },
      handler: async (request) => {
        const body = request.body;
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : '');
        } catch (error) {
          throw new AppError('BACKUP_INVALID', `The backup cannot be restored: it is not valid JSON (${error instanceof Error ? error.message : String(error)})`, {});
        }
        return exchange.restore(scopeOf(request), parsed);
      },
    });
  });

  app.get('/export/vcard', {
    schema: { tags: ['exchange'], summary: 'Contacts as vCard 4.0 (all, or those given by id)', querystring: exportQuery },
    handler: async (request, reply) =>
      download(reply, exchange.exportVcard(scopeOf(request), { ids: request.query.id === undefined ? undefined : asArray(request.query.id) }), 'text/vcard; charset=utf-8', 'rapport-contacts.vcf'),
  });

  app.get('/export/csv', {
    schema: { tags: ['exchange'], summary: "Contacts as CSV in Google Contacts' layout, with Rapport's columns", querystring: exportQuery },
    handler: async (request, reply) =>
      download(reply, exchange.exportCsv(scopeOf(request), { ids: request.query.id === undefined ? undefined : asArray(request.query.id) }), 'text/csv; charset=utf-8', 'rapport-contacts.csv'),
  });

  app.get('/backup', {
    schema: { tags: ['exchange'], summary: 'Everything you own as one JSON file, for POST /restore' },
    handler: async (request, reply) => download(reply, exchange.backup(scopeOf(request)), 'application/json; charset=utf-8', 'rapport-backup.json'),
  });

  app.get('/contacts/:id/photo', {
    schema: { tags: ['exchange'], summary: "A contact's picture", params: idParams },
    handler: async (request, reply) => {
      const photo = await exchange.photo(scopeOf(request), request.params.id);
      return reply.type(photo.mediaType).header('cache-control', 'private, max-age=3600').header('etag', `"${photo.sha256}"`).send(photo.data);
    },
  });

  app.get('/duplicates', {
    schema: {
      tags: ['exchange'],
      summary: 'Pairs of contacts that are likely the same person, with the reasons',
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(z.object({ a: contactSchema, b: contactSchema, reasons: z.array(z.string()) })) }) },
    },
    handler: async (request) => ({ items: await exchange.duplicates(scopeOf(request), { limit: request.query.limit }) }),
  });

  app.post('/duplicates/dismissals', {
    schema: {
      tags: ['exchange'],
      summary: 'Mark two contacts as different people, so they no longer show as possible duplicates',
      body: pairInput,
    },
    handler: async (request, reply) => {
      await exchange.dismissDuplicate(scopeOf(request), request.body);
      return reply.status(204).send();
    },
  });

  app.delete('/duplicates/dismissals/:a/:b', {
    schema: { tags: ['exchange'], summary: 'Take back marking two contacts as different people', params: pairInput },
    handler: async (request, reply) => {
      await exchange.undoDismissal(scopeOf(request), request.params);
      return reply.status(204).send();
    },
  });

  app.post('/merges', {
    schema: {
      tags: ['exchange'],
      summary: 'Merge one contact into another, keeping every interaction, tag, milestone and field',
      body: mergeInput,
      response: { 201: z.object({ merge: mergeSchema, contact: contactSchema }) },
    },
    handler: async (request, reply) => reply.status(201).send(await exchange.merge(scopeOf(request), request.body)),
  });

  app.get('/merges', {
    schema: { tags: ['exchange'], summary: 'Recent merges, newest first', response: { 200: z.object({ items: z.array(mergeSchema) }) } },
    handler: async (request) => ({ items: await exchange.listMerges(scopeOf(request)) }),
  });

  app.post('/merges/:id/undo', {
    schema: { tags: ['exchange'], summary: 'Split a merge again', params: idParams, response: { 200: z.object({ kept: contactSchema, restored: contactSchema }) } },
    handler: async (request) => exchange.undoMerge(scopeOf(request), request.params.id),
  });

  app.get('/imports/:id', {
    schema: { tags: ['exchange'], summary: 'An uploaded import: its preview, or its result once committed', params: idParams, response: { 200: sessionSchema } },
    handler: async (request) => exchange.getSession(scopeOf(request), request.params.id),
  });

  app.post('/imports/:id/commit', {
    schema: {
      tags: ['exchange'],
      summary: 'Import the uploaded file in one transaction and report what changed',
      description: 'The file is read again against the contacts as they are now, so edits made since the preview are respected.',
      params: idParams,
      response: { 200: sessionSchema },
    },
    handler: async (request) => exchange.commitSession(scopeOf(request), request.params.id),
  });

  app.delete('/imports/:id', {
    schema: { tags: ['exchange'], summary: 'Discard an uploaded file without importing it', params: idParams },
    handler: async (request, reply) => {
      await exchange.discardSession(scopeOf(request), request.params.id);
      return reply.status(204).send();
    },
  });
}
