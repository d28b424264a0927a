import type { Generated } from 'kysely';

/** Timestamps travel as ISO-8601 UTC strings in both dialects (see connect.ts). */
export type Timestamp = string;

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  time_zone: string;
  week_start: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  hint: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

export interface LoginFailuresTable {
  id: string;
  key: string;
  failed_at: Timestamp;
}

export interface ContactsTable {
  id: string;
  owner_id: string;
  display_name: string;
  sort_name: string;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  nickname: string | null;
  prefix: string | null;
  suffix: string | null;
  company: string | null;
  title: string | null;
  location: string | null;
  birth_year: number | null;
  birth_month: number | null;
  birth_day: number | null;
  met_how: string | null;
  met_on: string | null;
  circle: string | null;
  cadence_days: number | null;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  last_interaction_at: Timestamp | null;
}

export interface ContactMethodsTable {
  id: string;
  owner_id: string;
  contact_id: string;
  kind: 'email' | 'phone' | 'url';
  type: string;
  value: string;
  position: number;
}

export interface ContactDimensionsTable {
  owner_id: string;
  contact_id: string;
  dimension: string;
  value: string;
}

export interface ContactTagsTable {
  owner_id: string;
  contact_id: string;
  tag: string;
}

export interface InteractionsTable {
  id: string;
  owner_id: string;
  kind: string;
  channel: string | null;
  occurred_at: Timestamp;
  summary: string;
  notes: string | null;
  shared_needs: string | null;
  shared_challenges: string | null;
  shared_plans: string | null;
  learned: string | null;
  quality: number | null;
  follow_up: string | null;
  follow_up_due: string | null;
  follow_up_done_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface InteractionParticipantsTable {
  interaction_id: string;
  contact_id: string;
  owner_id: string;
}

export interface SearchDocsTable {
  seq: Generated<number>;
  owner_id: string;
  entity: string;
  entity_id: string;
  title: string;
  body: string;
}

export interface ContactPhotosTable {
  contact_id: string;
  owner_id: string;
  media_type: string;
  data: Buffer;
  sha256: string;
  updated_at: Timestamp;
}

export interface ContactExtrasTable {
  id: string;
  owner_id: string;
  contact_id: string;
  position: number;
  property_group: string | null;
  name: string;
  /** JSON object of parameter name → values. */
  params: string;
  /** The value as vCard 4.0 text. */
  value: string;
}

export interface ContactSourcesTable {
  contact_id: string;
  owner_id: string;
  source: string;
  /** JSON: what the source last said about the contact. */
  snapshot: string;
  imported_at: Timestamp;
}

export interface ImportSessionsTable {
  id: string;
  owner_id: string;
  file_name: string;
  format: string | null;
  content: Buffer | null;
  /** JSON import report (the preview, then the result). */
  report: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  committed_at: Timestamp | null;
}

export interface ContactMergesTable {
  id: string;
  owner_id: string;
  kept_id: string;
  merged_id: string;
  merged_name: string;
  /** JSON: the rows undo puts back. */
  undo: string;
  created_at: Timestamp;
  undone_at: Timestamp | null;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  contacts: ContactsTable;
  contact_methods: ContactMethodsTable;
  contact_dimensions: ContactDimensionsTable;
  contact_tags: ContactTagsTable;
  interactions: InteractionsTable;
  interaction_participants: InteractionParticipantsTable;
  search_docs: SearchDocsTable;
  contact_photos: ContactPhotosTable;
  contact_extras: ContactExtrasTable;
  contact_sources: ContactSourcesTable;
  import_sessions: ImportSessionsTable;
  contact_merges: ContactMergesTable;
}
