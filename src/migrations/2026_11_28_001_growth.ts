// Frozen once released: never edit, add a new migration instead.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const rating = (name: string) => sql`${sql.ref(name)} BETWEEN 1 AND 5`;

  await db.schema
    .createTable('skills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('skills_name', ['owner_id', 'name_key'])
    .execute();

  // One reflection per interaction, written right after it or any time later.
  await db.schema
    .createTable('reflections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('interaction_id', 'text', (c) => c.notNull().unique().references('interactions.id').onDelete('cascade'))
    .addColumn('went_well', 'text')
    .addColumn('to_improve', 'text')
    .addColumn('missed_opportunities', 'text')
    .addColumn('connection_quality', 'integer')
    .addColumn('communication_effectiveness', 'integer')
    .addColumn('notes', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addCheckConstraint('reflections_connection', rating('connection_quality'))
    .addCheckConstraint('reflections_communication', rating('communication_effectiveness'))
    .execute();
  await db.schema.createIndex('reflections_by_time').on('reflections').columns(['owner_id', 'created_at']).execute();

  // The skills a reflection says were practised.
  await db.schema
    .createTable('reflection_skills')
    .addColumn('reflection_id', 'text', (c) => c.notNull().references('reflections.id').onDelete('cascade'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reflection_skills_pk', ['reflection_id', 'skill_id'])
    .execute();
  await db.schema.createIndex('reflection_skills_skill').on('reflection_skills').columns(['skill_id']).execute();

  await db.schema
    .createTable('weekly_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('next_week_plan', 'text')
    .addColumn('plan_outcome', 'text')
    .addColumn('plan_outcome_note', 'text')
    .addColumn('completed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('weekly_reviews_week', ['owner_id', 'week_start'])
    .addCheckConstraint('weekly_reviews_outcome', sql`plan_outcome IN ('yes', 'partly', 'no')`)
    .execute();

  await db.schema
    .createTable('weekly_review_answers')
    .addColumn('review_id', 'text', (c) => c.notNull().references('weekly_reviews.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('weekly_review_answers_pk', ['review_id', 'position'])
    .execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text')
    .addColumn('finished_on', 'text')
    .addColumn('takeaways', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addCheckConstraint('resources_kind', sql`kind IN ('workshop', 'course', 'book', 'article', 'programme', 'video', 'podcast', 'other')`)
    .addCheckConstraint('resources_status', sql`status IN ('planned', 'in_progress', 'done')`)
    .execute();
  await db.schema.createIndex('resources_skill').on('resources').columns(['skill_id']).execute();

  // A share link whose secret is stored only as a hash.
  await db.schema
    .createTable('feedback_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('recipient', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('allow_anonymous', 'integer', (c) => c.notNull())
    .addColumn('max_responses', 'integer')
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_requests_owner').on('feedback_requests').columns(['owner_id', 'created_at']).execute();

  await db.schema
    .createTable('feedback_request_skills')
    .addColumn('request_id', 'text', (c) => c.notNull().references('feedback_requests.id').onDelete('cascade'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_request_skills_pk', ['request_id', 'skill_id'])
    .execute();

  await db.schema
    .createTable('feedback_request_questions')
    .addColumn('request_id', 'text', (c) => c.notNull().references('feedback_requests.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_request_questions_pk', ['request_id', 'position'])
    .execute();

  await db.schema
    .createTable('feedback_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('request_id', 'text', (c) => c.notNull().references('feedback_requests.id').onDelete('cascade'))
    .addColumn('respondent_name', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_responses_request').on('feedback_responses').columns(['request_id', 'created_at']).execute();

  await db.schema
    .createTable('feedback_answers')
    .addColumn('response_id', 'text', (c) => c.notNull().references('feedback_responses.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_answers_pk', ['response_id', 'position'])
    .execute();

  // Self-ratings and the ratings others gave through feedback, for the skill charts.
  await db.schema
    .createTable('skill_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.references('feedback_responses.id').onDelete('cascade'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('rated_at', ts, (c) => c.notNull())
    .addCheckConstraint('skill_ratings_rating', rating('rating'))
    .addCheckConstraint('skill_ratings_source', sql`source IN ('self', 'feedback')`)
    .execute();
  await db.schema.createIndex('skill_ratings_skill').on('skill_ratings').columns(['skill_id', 'rated_at']).execute();
  await db.schema.createIndex('skill_ratings_owner').on('skill_ratings').columns(['owner_id', 'rated_at']).execute();

  // Failed sign-ins were the first thing rate-limited; the public feedback links are the second.
  // One table of timestamped hits under a key serves both.
  await db.schema.alterTable('login_failures').renameTo('rate_limit_hits').execute();
  await db.schema.alterTable('rate_limit_hits').renameColumn('failed_at', 'at').execute();
  await db.schema.dropIndex('login_failures_key').execute();
  await db.schema.createIndex('rate_limit_hits_key').on('rate_limit_hits').columns(['key', 'at']).execute();
}
