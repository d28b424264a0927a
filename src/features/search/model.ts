import { z } from 'zod';
import { SEARCH_ENTITIES } from '../../platform/database/search.js';

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, 'must not be empty').max(200),
  type: z
    .union([z.enum(SEARCH_ENTITIES), z.array(z.enum(SEARCH_ENTITIES))])
    .optional()
    .describe('Only results of these types; both by default'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.input<typeof searchQuery>;

const snippetPart = z.object({ text: z.string(), highlight: z.boolean() });

export const searchResultSchema = z.object({
  type: z.enum(SEARCH_ENTITIES),
  id: z.string(),
  title: z.string(),
  snippet: z.array(snippetPart).describe('The best-matching passage, split into plain and highlighted parts'),
  score: z.number().describe('Higher is better; comparable within one result list only'),
  /** For contacts: company and title; for interactions: when, what kind, and with whom. */
  subtitle: z.string(),
  occurredAt: z.string().nullable(),
  contactIds: z.array(z.string()),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
