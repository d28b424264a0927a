import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE, scopeOf, type App } from '../../platform/http/server.js';
import { apiTokenSchema, loginInput, newUserInput, passwordChange, profilePatch, tokenInput, userSchema } from './model.js';
import type { AccountsService, SignedIn } from './service.js';

const sessionSchema = z.object({ user: userSchema, csrfToken: z.string(), expiresAt: z.string().optional() });
const idParams = z.strictObject({ id: z.string().min(1).max(100) });

interface CookieOptions {
  secureCookies: boolean;
}

function client(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

function signIn(reply: FastifyReply, signedIn: SignedIn, options: CookieOptions) {
  reply.setCookie(SESSION_COOKIE, signedIn.sessionToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies,
    path: '/',
    expires: new Date(signedIn.expiresAt),
  });
  return { user: signedIn.user, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt };
}

/** Routes reachable without signing in: first-run setup and sign-in. */
export function publicAccountRoutes(app: App, accounts: AccountsService, options: CookieOptions) {
  app.get('/setup', {
    schema: { tags: ['session'], summary: 'Whether the first account still has to be created', security: [], response: { 200: z.object({ needed: z.boolean() }) } },
    handler: async () => ({ needed: await accounts.needsSetup() }),
  });

  app.post('/setup', {
    schema: { tags: ['session'], summary: 'Create the first account and sign in (only while no account exists)', security: [], body: newUserInput, response: { 201: sessionSchema } },
    handler: async (request, reply) => {
      const signedIn = await accounts.setup(request.body, client(request));
      return reply.status(201).send(signIn(reply, signedIn, options));
    },
  });

  app.post('/session', {
    schema: { tags: ['session'], summary: 'Sign in with email and password; sets the session cookie', security: [], body: loginInput, response: { 200: sessionSchema } },
    handler: async (request, reply) => signIn(reply, await accounts.login(request.body, client(request)), options),
  });
}

/** Routes for the signed-in user's own account, session and API tokens. */
export function accountRoutes(app: App, accounts: AccountsService, services: { csrfTokenFor(token: string): string }) {
  app.get('/session', {
    schema: { tags: ['session'], summary: 'The signed-in user and the CSRF token to send with changes', response: { 200: sessionSchema } },
    handler: async (request) => {
      const user = await accounts.getUser(scopeOf(request));
      const token = request.auth?.sessionToken;
      return { user, csrfToken: token ? services.csrfTokenFor(token) : '' };
    },
  });

  app.delete('/session', {
    schema: { tags: ['session'], summary: 'Sign out' },
    handler: async (request, reply) => {
      if (request.auth?.sessionToken) await accounts.logout(request.auth.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  });

  app.get('/me', {
    schema: { tags: ['account'], summary: 'The signed-in user', response: { 200: userSchema } },
    handler: async (request) => accounts.getUser(scopeOf(request)),
  });

  app.patch('/me', {
    schema: { tags: ['account'], summary: 'Change display name, time zone or week start', body: profilePatch, response: { 200: userSchema } },
    handler: async (request) => accounts.updateProfile(scopeOf(request), request.body),
  });

  app.post('/me/password', {
    schema: { tags: ['account'], summary: 'Change the password; signs out every other session', body: passwordChange },
    handler: async (request, reply) => {
      await accounts.changePassword(scopeOf(request), request.body, { ip: request.ip, keepSessionToken: request.auth?.sessionToken ?? null });
      return reply.status(204).send();
    },
  });

  app.get('/tokens', {
    schema: { tags: ['account'], summary: 'API tokens of the signed-in user (never the secrets)', response: { 200: z.object({ items: z.array(apiTokenSchema) }) } },
    handler: async (request) => ({ items: await accounts.listTokens(scopeOf(request)) }),
  });

  app.post('/tokens', {
    schema: {
      tags: ['account'],
      summary: 'Create an API token; the secret is shown only in this response',
      body: tokenInput,
      response: { 201: z.object({ token: z.string(), info: apiTokenSchema }) },
    },
    handler: async (request, reply) => reply.status(201).send(await accounts.createToken(scopeOf(request), request.body)),
  });

  app.delete('/tokens/:id', {
    schema: { tags: ['account'], summary: 'Revoke an API token', params: idParams },
    handler: async (request, reply) => {
      await accounts.revokeToken(scopeOf(request), request.params.id);
      return reply.status(204).send();
    },
  });
}
