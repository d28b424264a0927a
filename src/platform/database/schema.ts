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
  cadence_inner: Generated<number>;
  cadence_close: Generated<number>;
  cadence_network: Generated<number>;
  cadence_wide: Generated<number>;
  strength_half_life_days: Generated<number>;
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

export interface RateLimitHitsTable {
  id: string;
  key: string;
  at: Timestamp;
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
  /** 0 when the user opted this contact out of check-in reminders. */
  reminders: Generated<number>;
  snoozed_until: Timestamp | null;
  due_at: Timestamp | null;
  priority_at: Timestamp | null;
  strength_log: number | null;
  /**
   * The contact's methods, dimensions and tags as JSON rows [kind, type, value, position], kept by
   * refreshChildren in every transaction that changes them (NULL or [] for none).
   */
  children: string | null;
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
  /** The contact's sort_name, copied by the database on every write, so a tag's contacts are indexed by name. */
  sort_name: Generated<string>;
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

export interface ContactEventsTable {
  id: string;
  owner_id: string;
  contact_id: string;
  kind: string;
  occurred_on: string;
  note: string | null;
  acknowledged_at: Timestamp | null;
  acknowledgement_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExchangesTable {
  id: string;
  owner_id: string;
  contact_id: string;
  direction: string;
  description: string;
  opened_on: string;
  due_on: string | null;
  done_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarFeedsTable {
  owner_id: string;
  token_hash: string;
  created_at: Timestamp;
}

export interface SkillsTable {
  id: string;
  owner_id: string;
  name: string;
  /** Lowercased name, unique per owner, so "Storytelling" and "storytelling" are one skill. */
  name_key: string;
  description: string | null;
  position: number;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReflectionsTable {
  id: string;
  owner_id: string;
  interaction_id: string;
  went_well: string | null;
  to_improve: string | null;
  missed_opportunities: string | null;
  connection_quality: number | null;
  communication_effectiveness: number | null;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReflectionSkillsTable {
  reflection_id: string;
  skill_id: string;
  owner_id: string;
}

export interface WeeklyReviewsTable {
  id: string;
  owner_id: string;
  week_start: string;
  next_week_plan: string | null;
  plan_outcome: string | null;
  plan_outcome_note: string | null;
  completed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WeeklyReviewAnswersTable {
  review_id: string;
  owner_id: string;
  position: number;
  prompt: string;
  answer: string;
}

export interface ResourcesTable {
  id: string;
  owner_id: string;
  skill_id: string;
  kind: string;
  title: string;
  url: string | null;
  status: string;
  started_on: string | null;
  finished_on: string | null;
  takeaways: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FeedbackRequestsTable {
  id: string;
  owner_id: string;
  token_hash: string;
  recipient: string | null;
  message: string;
  allow_anonymous: number;
  max_responses: number | null;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  created_at: Timestamp;
}

export interface FeedbackRequestSkillsTable {
  request_id: string;
  skill_id: string;
  owner_id: string;
  position: number;
}

export interface FeedbackRequestQuestionsTable {
  request_id: string;
  owner_id: string;
  position: number;
  text: string;
}

export interface FeedbackResponsesTable {
  id: string;
  owner_id: string;
  request_id: string;
  respondent_name: string | null;
  created_at: Timestamp;
}

export interface FeedbackAnswersTable {
  response_id: string;
  owner_id: string;
  position: number;
  question: string;
  answer: string;
}

export interface SkillRatingsTable {
  id: string;
  owner_id: string;
  skill_id: string;
  source: 'self' | 'feedback';
  response_id: string | null;
  rating: number;
  note: string | null;
  rated_at: Timestamp;
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

/** Two contacts the user said are not the same person, in either order. */
export interface DuplicateDismissalsTable {
  owner_id: string;
  first_contact_id: string;
  second_contact_id: string;
  created_at: Timestamp;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  rate_limit_hits: RateLimitHitsTable;
  contacts: ContactsTable;
  contact_methods: ContactMethodsTable;
  contact_dimensions: ContactDimensionsTable;
  contact_tags: ContactTagsTable;
  interactions: InteractionsTable;
  interaction_participants: InteractionParticipantsTable;
  search_docs: SearchDocsTable;
  contact_events: ContactEventsTable;
  exchanges: ExchangesTable;
  calendar_feeds: CalendarFeedsTable;
  skills: SkillsTable;
  reflections: ReflectionsTable;
  reflection_skills: ReflectionSkillsTable;
  weekly_reviews: WeeklyReviewsTable;
  weekly_review_answers: WeeklyReviewAnswersTable;
  resources: ResourcesTable;
  feedback_requests: FeedbackRequestsTable;
  feedback_request_skills: FeedbackRequestSkillsTable;
  feedback_request_questions: FeedbackRequestQuestionsTable;
  feedback_responses: FeedbackResponsesTable;
  feedback_answers: FeedbackAnswersTable;
  skill_ratings: SkillRatingsTable;
  contact_photos: ContactPhotosTable;
  contact_extras: ContactExtrasTable;
  contact_sources: ContactSourcesTable;
  import_sessions: ImportSessionsTable;
  contact_merges: ContactMergesTable;
  duplicate_dismissals: DuplicateDismissalsTable;
}
