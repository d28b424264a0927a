import { sql } from 'kysely';
import { z } from 'zod';
import { csrfTokenFor } from './features/accounts/service.js';
import { accountRoutes, publicAccountRoutes } from './features/accounts/routes.js';
import { contactRoutes } from './features/contacts/routes.js';
import { exchangeRoutes } from './features/exchange/routes.js';
import { interactionRoutes } from './features/interactions/routes.js';
import { calendarFeedRoute, nurtureRoutes } from './features/nurture/routes.js';
import { feedbackRoutes, publicFeedbackRoutes } from './features/feedback/routes.js';
import { reflectRoutes } from './features/reflect/routes.js';
import { searchRoutes } from './features/search/routes.js';
import { seedRoutes } from './features/seed/routes.js';
import { skillRoutes } from './features/skills/routes.js';
import { trashRoutes } from './features/trash/routes.js';
import type { Config } from './platform/config.js';
import type { Deps } from './platform/deps.js';
import { API_PREFIX, authHook, createHttpServer, type App, type HttpServerOptions } from './platform/http/server.js';
import { serveWebApp } from './platform/http/web.js';
import { VERSION, type Services } from './services.js';

export interface ServerOptions {
  config: Config;
  deps: Deps;
  services: Services;
  logger: HttpServerOptions['logger'];
  /** The built web app to serve at / (web/dist); null serves the API alone. */
  webRoot?: string | null;
}

/** The whole HTTP application, ready for `listen()` or `inject()`. */
export async function buildServer({ config, deps, services, logger, webRoot = null }: ServerOptions): Promise<App> {
  const app = await createHttpServer({ config, logger, version: VERSION });

  await app.register(
    async (api: App) => {
      api.get('/health', {
        schema: {
          tags: ['meta'],
          summary: 'Whether the server and its database answer',
          security: [],
          response: { 200: z.object({ status: z.literal('ok'), version: z.string(), database: z.enum(['sqlite', 'postgres']) }) },
        },
        handler: async () => {
          await sql`SELECT 1`.execute(deps.db.kysely);
          return { status: 'ok' as const, version: VERSION, database: deps.db.dialect };
        },
      });
      api.get('/openapi.json', { schema: { hide: true } }, async () => api.swagger());
      publicAccountRoutes(api, services.accounts, { secureCookies: config.secureCookies });
      publicFeedbackRoutes(api, services.feedback);

      await api.register(async (authed: App) => {
        authed.addHook(
          'onRequest',
          authHook({
            session: async (token) => (await services.accounts.authenticateSession(token))?.scope ?? null,
            token: (token) => services.accounts.authenticateToken(token),
            csrfToken: csrfTokenFor,
          }),
        );
        accountRoutes(authed, services.accounts, { csrfTokenFor });
        contactRoutes(authed, services.contacts);
        interactionRoutes(authed, services.interactions);
        searchRoutes(authed, services.search);
        trashRoutes(authed, services.trash);
        nurtureRoutes(authed, services.nurture);
        skillRoutes(authed, services.skills);
        reflectRoutes(authed, services.reflect);
        feedbackRoutes(authed, services.feedback);
        seedRoutes(authed, services.seed);
        exchangeRoutes(authed, services.exchange, { importLimit: config.importLimit });
      });
    },
    { prefix: API_PREFIX },
  );
  calendarFeedRoute(app, services.nurture);
  if (webRoot && !(await serveWebApp(app, webRoot))) app.log.warn(`${webRoot} is missing, so only the API is served: run \`npm run build\` to build the web app`);
  return app;
}
