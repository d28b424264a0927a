import fs from 'node:fs';
import { createAccountsService } from './features/accounts/service.js';
import { createContactsService } from './features/contacts/service.js';
import { createExchangeService } from './features/exchange/service.js';
import { createFeedbackService } from './features/feedback/service.js';
import { createInteractionsService } from './features/interactions/service.js';
import { createNurtureService } from './features/nurture/service.js';
import { createReflectService } from './features/reflect/service.js';
import { createSearchService } from './features/search/service.js';
import { createSeedService } from './features/seed/service.js';
import { createSkillsService } from './features/skills/service.js';
import { createTrashService } from './features/trash/service.js';
import type { Deps } from './platform/deps.js';

/*
 * The services without the HTTP server: the CLI loads this alone, so a command such as `rapport
 * import` does not load Fastify and every route (about 50 MB of a 300,000-row import's peak).
 */

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
