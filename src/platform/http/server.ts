import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import helmet from 'helmet';
import pino from 'pino';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Scope } from '../auth/scope.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { jsonError } from './json.js';
import { responseSerializerCompiler } from './serializer.js';
import { issuesToFields, nulPaths, validationError } from '../validation.js';

export const SESSION_COOKIE = 'rapport_session';
export const API_PREFIX = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestAuth {
  scope: Scope;
  via: 'session' | 'token';
  /** The session secret when signed in by cookie (for sign-out and the CSRF check). */
  sessionToken: string | null;
}

export interface Authenticator {
  session(token: string): Promise<Scope | null>;
  token(token: string): Promise<Scope | null>;
  /** The CSRF token expected with state-changing requests of a cookie session. */
  csrfToken(sessionToken: string): string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The signed-in user of a request in a protected scope; the auth hook guarantees one. */
export function scopeOf(request: FastifyRequest): Scope {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token.');
  return request.auth.scope;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * Resolves the caller from a bearer token or the session cookie. Cookie sessions must echo their
 * CSRF token on state-changing requests: cookies are sent by the browser on cross-site requests,
 * headers are not.
 */
export function authHook(authenticator: Authenticator) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const scope = match ? await authenticator.token(match[1]!) : null;
      if (!scope) throw new AppError('UNAUTHENTICATED', 'The API token is unknown or revoked.');
      request.auth = { scope, via: 'token', sessionToken: null };
      return;
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    const scope = sessionToken ? await authenticator.session(sessionToken) : null;
    if (!scope || !sessionToken) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token.');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, authenticator.csrfToken(sessionToken))) {
        throw new AppError('CSRF_FAILED', 'Missing or wrong x-csrf-token header for a signed-in request.');
      }
    }
    request.auth = { scope, via: 'session', sessionToken };
  };
}

/** One log line a request, when it is answered, instead of Fastify's two: half the logging cost. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export interface HttpServerOptions {
  config: Config;
  /** false silences request logs; true writes them to stdout as JSON lines; or the stream to write them to. */
  logger: boolean | pino.DestinationStream;
  version: string;
}

/**
 * What a request's log line says of it. Never its headers, so API tokens and session cookies
 * cannot reach the logs, and no redaction is needed (it copied part of every line it wrote).
 */
function requestForLog(request: FastifyRequest) {
  return { method: request.method, url: request.url, remoteAddress: request.ip };
}

/**
 * The headers helmet sets, worked out once: with this configuration none depends on the request.
 * Helmet's middleware setting them through Node's setHeader, one by one, was about 4% of the CPU
 * profile of GET /contacts/:id under load (issue 2).
 */
function fixedHeaders(middleware: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return headers;
}

const DOCS_PREFIX = `${API_PREFIX}/docs`;

/** Whether a request is answered with the API's JSON rather than a page (the app, the API docs). */
function isApiAnswer(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith(DOCS_PREFIX);
}

/** A Fastify instance with Rapport's error shape, JSON parsing, security headers and OpenAPI. */
export async function createHttpServer(options: HttpServerOptions): Promise<App> {
  const { config } = options;
  const app = Fastify({
    // Written to stdout asynchronously: a synchronous write a line cost each request more than
    // reading its contact (issue 2). Lines written while one is in flight go out together, and pino
    // writes what is left when the process exits.
    logger: options.logger
      ? {
          level: config.logLevel,
          serializers: { req: requestForLog },
          stream: options.logger === true ? pino.destination({ sync: false }) : options.logger,
        }
      : false,
    logController: new OneLinePerRequest(),
    bodyLimit: config.bodyLimit,
    // Longer than any id the routes accept, so an overlong id fails their validation and is named.
    routerOptions: { maxParamLength: 1000 },
    // Errors the router raises before any route (an overlong path part, broken percent-encoding)
    // get the one error shape too.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
    trustProxy: config.trustProxy,
    // Don't let a slow client hold a connection open forever.
    requestTimeout: 60_000,
    // Stop accepting requests at once on close, finish those in flight.
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.decorateRequest('auth', null);
  // PostgreSQL cannot store the NUL character and SQLite would keep it invisibly: refuse it in any
  // input, on both, naming where it is.
  app.addHook('preValidation', (request, _reply, done) => {
    const issues = (['params', 'query', 'body'] as const).flatMap((part) =>
      issuesToFields(nulPaths(request[part]).map((path) => ({ path, message: 'must not contain the NUL character' })), part === 'body' ? '' : part),
    );
    done(issues.length > 0 ? validationError(issues) : undefined);
  });

  // The API speaks JSON only: a text/plain body would reach the routes as a string and fail
  // validation with a puzzling message instead of 415.
  app.removeContentTypeParser('text/plain');
  // Fastify's own parser (with prototype-poisoning protection), with errors that say where.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = String(raw);
    parseJson(request, body, (error: Error | null, value?: unknown) => {
      if (error) return done(jsonError(body), undefined);
      done(null, value);
    });
  });

  await app.register(fastifyCookie);
  const pageHeaders = fixedHeaders(helmet({
    contentSecurityPolicy: {
      // Exactly what the web app uses: its own scripts, stylesheet, icons and API, nothing inline
      // (React sets styles through the CSSOM, which style-src does not restrict), nothing remote.
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Served over plain HTTP on loopback by default; upgrading would break it.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  }));
  // An API answer is data, never a page: the headers that govern documents (opener, agent
  // cluster, DNS prefetch, downloads, cross-domain policies, the XSS filter) do nothing for it.
  // It must stay out of caches, as it holds the user's contacts, and out of frames and other
  // sites' pages, and never be run: OWASP's REST Security Cheat Sheet's set.
  const apiHeaders = {
    ...fixedHeaders(helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      crossOriginOpenerPolicy: false,
      originAgentCluster: false,
      xDnsPrefetchControl: false,
      xDownloadOptions: false,
      xFrameOptions: { action: 'deny' },
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
      strictTransportSecurity: config.secureCookies,
    })),
    // Routes that may be cached (the calendar feed, photos) set their own.
    'cache-control': 'no-store',
  };
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiAnswer(request.url) ? apiHeaders : pageHeaders);
    done();
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: options.version,
        description:
          'The personal CRM that makes its user a better networker. Authenticate with a session cookie ' +
          '(plus the x-csrf-token header on changes) or with `Authorization: Bearer <API token>`. ' +
          'Every error has the shape {"error": {"code", "message", "details"}}.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PREFIX,
    staticCSP: true,
    // Browsers would upgrade the docs' assets to https, which a loopback server does not speak.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  return app;
}
