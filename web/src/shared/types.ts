// The server's own response types (type-only imports: nothing of the server reaches the bundle).
export type { Contact, ContactInput, ContactPatch, BulkResult, TagCount, DimensionCount, Circle, ContactSort } from '../../../src/features/contacts/model.js';
export type { Interaction, InteractionInput, InteractionPatch, InteractionKind } from '../../../src/features/interactions/model.js';
export type { User, ApiToken } from '../../../src/features/accounts/model.js';
export type { SearchResult } from '../../../src/features/search/model.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const CIRCLES = ['inner', 'close', 'network', 'wide'] as const;

export const KINDS = ['meeting', 'call', 'video_call', 'message', 'email', 'event', 'coffee', 'meal', 'other'] as const;

export const KIND_LABELS: Record<(typeof KINDS)[number], string> = {
  meeting: 'Meeting',
  call: 'Call',
  video_call: 'Video call',
  message: 'Message',
  email: 'Email',
  event: 'Event',
  coffee: 'Coffee',
  meal: 'Meal',
  other: 'Other',
};
