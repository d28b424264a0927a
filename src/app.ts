import fs from 'node:fs';
import { sql } from 'kysely';
import { z } from 'zod';
import { createAccountsService, csrfTokenFor } from './features/accounts/service.js';
import { accountRoutes, publicAccountRoutes } from './features/accounts/routes.js';
import { contactRoutes } from './features/contacts/routes.js';
import { createContactsService } from './features/contacts/service.js';
import { exchangeRoutes } from './features/exchange/routes.js';
import { createExchangeService } from './features/exchange/service.js';
import { interactionRoutes } from './features/interactions/routes.js';
import { createInteractionsService } from './features/interactions/service.js';
import { calendarFeedRoute, nurtureRoutes } from './features/nurture/routes.js';
import { createNurtureService } from './features/nurture/service.js';
import { feedbackRoutes, publicFeedbackRoutes } from './features/feedback/routes.js';
import { createFeedbackService } from './features/feedback/service.js';
import { reflectRoutes } from './features/reflect/routes.js';
import { createReflectService } from './features/reflect/service.js';
import { searchRoutes } from './features/search/routes.js';
import { seedRoutes } from './features/seed/routes.js';
import { createSeedService } from './features/seed/service.js';
import { skillRoutes } from './features/skills/routes.js';
import { createSkillsService } from './features/skills/service.js';
import { createSearchService } from './features/search/service.js';
import { trashRoutes } from './features/trash/routes.js';
import { createTrashService } from './features/trash/service.js';
import type { Config } from './platform/config.js';
import type { Deps } from './platform/deps.js';
import { API_PREFIX, authHook, createHttpServer, type App } from './platform/http/server.js';
import { serveWebApp } from './platform/http/web.js';

export const VERSION: string = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** Every feature's service, wired once; the HTTP routes and the CLI both go through these. */
export function createServices(deps: Deps, options: { sessionDays: number } = { sessionDays: 30 }) {
  const accounts = createAccountsService(deps, options);
  const contacts = createContactsService(deps, accounts);
  const interactions = createInteractionsService(deps, contacts);
  const skills = createSkillsService(deps);
  return {
    accounts,
    contacts,
    interactions,
    search: createSearchService(deps, contacts, interactions),
    seed: createSeedService(deps, contacts),
    trash: createTrashService(deps, contacts, interactions),
    nurture: createNurtureService(deps, accounts, contacts, interactions),
    skills,
    reflect: createReflectService(deps, accounts, interactions, skills),
    feedback: createFeedbackService(deps, accounts, skills),
    exchange: createExchangeService(deps, contacts, interactions),
  };
}

export type Services = ReturnType<typeof createServices>;

export interface ServerOptions {
  config: Config;
  deps: Deps;
  services: Services;
  logger: boolean;
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
