import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { errorHandler } from '../../platform/http/errors.js';
import { scopeOf, type App } from '../../platform/http/server.js';
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
