import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors.js';
import { issuesToFields, validationError, type Issue } from '../validation.js';

function send(reply: FastifyReply, error: AppError) {
  if (error.code === 'RATE_LIMITED' && typeof error.details.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(error.details.retryAfterSeconds));
  }
  return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details } });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_JSON',
};

const CONTEXT_PREFIX: Record<string, string> = { body: '', querystring: 'query', params: 'params', headers: 'headers' };

/** What fastify-type-provider-zod makes of a zod issue: its path and code renamed, the rest in params. */
type ValidationItem = { instancePath: string; keyword: string; message?: string; params?: Omit<Issue, 'path' | 'message' | 'code'> };

/** Maps every error to the one shape `{"error": {"code", "message", "details"}}`, hiding internals. */
export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return send(reply, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    const issues = (error.validation as unknown as ValidationItem[]).map((item) => ({
      ...item.params,
      path: item.instancePath.split('/').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      message: item.message ?? 'is invalid',
      code: item.keyword,
    }));
    return send(reply, validationError(issuesToFields(issues, CONTEXT_PREFIX[context] ?? context)));
  }
  const fastifyError = error as FastifyError;
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped === 'BODY_TOO_LARGE') {
    const limit = request.routeOptions.bodyLimit;
    return send(reply, new AppError(mapped, `The request body is larger than the limit of ${limit} bytes.`, { limit }));
  }
  if (mapped === 'UNSUPPORTED_MEDIA_TYPE') {
    const contentType = request.headers['content-type']?.split(';')[0]!.trim() || null;
    return send(reply, new AppError(mapped, `The request body must be application/json, not ${contentType ?? 'untyped'}.`, { contentType }));
  }
  if (mapped) return send(reply, new AppError(mapped, fastifyError.message));
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) return send(reply, new AppError(status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', fastifyError.message));
  request.log.error({ err: error }, 'request failed');
  return send(reply, new AppError('INTERNAL', ERROR_CODES.INTERNAL.summary));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`));
}
