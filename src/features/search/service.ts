import type { Scope } from '../../platform/auth/scope.js';
import { createSearchIndex, SEARCH_ENTITIES } from '../../platform/database/search.js';
import type { Deps } from '../../platform/deps.js';
import { parseInput } from '../../platform/validation.js';
import { asArray } from '../contacts/model.js';
import type { ContactsService } from '../contacts/service.js';
import type { InteractionsService } from '../interactions/service.js';
import { searchQuery, type SearchQuery, type SearchResult } from './model.js';

export function createSearchService(deps: Deps, contacts: ContactsService, interactions: InteractionsService) {
  const index = createSearchIndex(deps.db.dialect);
  const db = deps.db.kysely;

  return {
    /** One ranked list over contacts and interactions, with highlighted snippets. */
    async search(scope: Scope, query: SearchQuery): Promise<SearchResult[]> {
      const q = parseInput(searchQuery, query);
      const types = q.type === undefined ? SEARCH_ENTITIES : asArray(q.type);
      const hits = await index.search(db, scope.userId, q.q, { limit: q.limit, entities: types });
      const contactIds = hits.filter((h) => h.entity === 'contact').map((h) => h.entityId);
      const interactionIds = hits.filter((h) => h.entity === 'interaction').map((h) => h.entityId);
      const [foundContacts, foundInteractions] = await Promise.all([
        contacts.findMany(db, scope, contactIds),
        interactions.findMany(scope, interactionIds),
      ]);
      const contactById = new Map(foundContacts.map((c) => [c.id, c]));
      const interactionById = new Map(foundInteractions.map((i) => [i.id, i]));
      return hits.flatMap((hit): SearchResult[] => {
        const base = { id: hit.entityId, title: hit.title, snippet: hit.snippet, score: hit.score };
        if (hit.entity === 'contact') {
          const c = contactById.get(hit.entityId);
          if (!c) return [];
          return [{ ...base, type: 'contact', subtitle: [c.title, c.company].filter(Boolean).join(' at '), occurredAt: null, contactIds: [c.id] }];
        }
        const i = interactionById.get(hit.entityId);
        if (!i) return [];
        const who = i.participants.map((p) => p.displayName).join(', ');
        return [{ ...base, type: 'interaction', subtitle: `${i.kind.replace('_', ' ')} with ${who}`, occurredAt: i.occurredAt, contactIds: i.participants.map((p) => p.id) }];
      });
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
