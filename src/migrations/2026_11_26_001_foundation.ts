// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  // Timestamps are ISO-8601 UTC text in SQLite and timestamptz in PostgreSQL.
  const ts = pg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('week_start', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts)
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').columns(['user_id']).execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failed_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key').on('login_failures').columns(['key', 'failed_at']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text')
    .addColumn('middle_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('nickname', 'text')
    .addColumn('prefix', 'text')
    .addColumn('suffix', 'text')
    .addColumn('company', 'text')
    .addColumn('title', 'text')
    .addColumn('location', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('birth_month', 'integer')
    .addColumn('birth_day', 'integer')
    .addColumn('met_how', 'text')
    .addColumn('met_on', 'text')
    .addColumn('circle', 'text')
    .addColumn('cadence_days', 'integer')
    .addColumn('notes', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('deleted_at', ts)
    .addColumn('last_interaction_at', ts)
    .addCheckConstraint('contacts_circle', sql`circle IN ('inner', 'close', 'network', 'wide')`)
    .addCheckConstraint('contacts_cadence', sql`cadence_days > 0`)
    .execute();
  // Live contacts only: the list never shows trashed rows, and the partial indexes stay small.
  for (const [name, columns] of [
    ['contacts_by_name', ['owner_id', 'sort_name', 'id']],
    ['contacts_by_company', ['owner_id', 'company', 'id']],
    ['contacts_by_last_interaction', ['owner_id', 'last_interaction_at', 'id']],
    ['contacts_by_created', ['owner_id', 'created_at', 'id']],
  ] as const) {
    await db.schema.createIndex(name).on('contacts').columns([...columns]).where(sql.ref('deleted_at'), 'is', null).execute();
  }
  await db.schema.createIndex('contacts_trash').on('contacts').columns(['owner_id', 'deleted_at']).where(sql.ref('deleted_at'), 'is not', null).execute();

  await db.schema
    .createTable('contact_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint('contact_methods_kind', sql`kind IN ('email', 'phone', 'url')`)
    .execute();
  await db.schema.createIndex('contact_methods_contact').on('contact_methods').columns(['contact_id', 'position']).execute();
  await db.schema.createIndex('contact_methods_value').on('contact_methods').columns(['owner_id', 'kind', 'value']).execute();

  await db.schema
    .createTable('contact_dimensions')
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_dimensions_pk', ['contact_id', 'dimension'])
    .execute();
  await db.schema.createIndex('contact_dimensions_value').on('contact_dimensions').columns(['owner_id', 'dimension', 'value']).execute();

  await db.schema
    .createTable('contact_tags')
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_tags_pk', ['contact_id', 'tag'])
    .execute();
  await db.schema.createIndex('contact_tags_tag').on('contact_tags').columns(['owner_id', 'tag', 'contact_id']).execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('occurred_at', ts, (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('shared_needs', 'text')
    .addColumn('shared_challenges', 'text')
    .addColumn('shared_plans', 'text')
    .addColumn('learned', 'text')
    .addColumn('quality', 'integer')
    .addColumn('follow_up', 'text')
    .addColumn('follow_up_due', 'text')
    .addColumn('follow_up_done_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('deleted_at', ts)
    .addCheckConstraint(
      'interactions_kind',
      sql`kind IN ('meeting', 'call', 'video_call', 'message', 'email', 'event', 'coffee', 'meal', 'other')`,
    )
    .addCheckConstraint('interactions_quality', sql`quality BETWEEN 1 AND 5`)
    .execute();
  await db.schema.createIndex('interactions_by_time').on('interactions').columns(['owner_id', 'occurred_at', 'id']).where(sql.ref('deleted_at'), 'is', null).execute();
  await db.schema.createIndex('interactions_trash').on('interactions').columns(['owner_id', 'deleted_at']).where(sql.ref('deleted_at'), 'is not', null).execute();

  await db.schema
    .createTable('interaction_participants')
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interaction_participants_pk', ['interaction_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('interaction_participants_contact').on('interaction_participants').columns(['contact_id', 'interaction_id']).execute();

  // One search document per searchable row, so one ranked list spans every kind of row. `seq` grows
  // with insertion, which lets a search rank the newest candidates first when a term is common.
  if (pg) {
    await sql`
      CREATE TABLE search_docs (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        owner_id text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
        ) STORED,
        UNIQUE (entity, entity_id)
      )`.execute(db);
    await sql`CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv)`.execute(db);
    await sql`CREATE INDEX search_docs_owner ON search_docs (owner_id, seq)`.execute(db);
  } else {
    await sql`
      CREATE TABLE search_docs (
        seq INTEGER PRIMARY KEY,
        owner_id text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        UNIQUE (entity, entity_id)
      )`.execute(db);
    await sql`
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body,
        content = 'search_docs', content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2',
        prefix = '2 3'
      )`.execute(db);
  }
}
