// Frozen once released: never edit, add a new migration instead.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;

  // Keep-in-touch settings of each user: a cadence per circle and the half-life of relationship strength.
  await db.schema.alterTable('users').addColumn('cadence_inner', 'integer', (c) => c.notNull().defaultTo(14)).execute();
  await db.schema.alterTable('users').addColumn('cadence_close', 'integer', (c) => c.notNull().defaultTo(30)).execute();
  await db.schema.alterTable('users').addColumn('cadence_network', 'integer', (c) => c.notNull().defaultTo(90)).execute();
  await db.schema.alterTable('users').addColumn('cadence_wide', 'integer', (c) => c.notNull().defaultTo(180)).execute();
  await db.schema.alterTable('users').addColumn('strength_half_life_days', 'integer', (c) => c.notNull().defaultTo(90)).execute();

  // reminders: 0 when the user opted the contact out of check-ins. The other columns are derived
  // from interactions and settings and rewritten in the transaction that changes either.
  await db.schema.alterTable('contacts').addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('contacts').addColumn('snoozed_until', ts).execute();
  await db.schema.alterTable('contacts').addColumn('due_at', ts).execute();
  await db.schema.alterTable('contacts').addColumn('priority_at', ts).execute();
  await db.schema.alterTable('contacts').addColumn('strength_log', sql`double precision`).execute();

  // Today reads the most urgent due contacts straight off these indexes.
  await db.schema
    .createIndex('contacts_by_priority')
    .on('contacts')
    .columns(['owner_id', 'priority_at'])
    .where(sql<boolean>`due_at IS NOT NULL AND deleted_at IS NULL`)
    .execute();
  await db.schema
    .createIndex('contacts_by_due')
    .on('contacts')
    .columns(['owner_id', 'due_at'])
    .where(sql<boolean>`due_at IS NOT NULL AND deleted_at IS NULL`)
    .execute();
  await db.schema.createIndex('contacts_by_strength').on('contacts').columns(['owner_id', 'strength_log', 'id']).where(sql.ref('deleted_at'), 'is', null).execute();
  await db.schema
    .createIndex('contacts_by_birthday')
    .on('contacts')
    .columns(['owner_id', 'birth_month', 'birth_day'])
    .where(sql<boolean>`birth_month IS NOT NULL AND deleted_at IS NULL`)
    .execute();

  await db.schema
    .createIndex('interactions_open_follow_ups')
    .on('interactions')
    .columns(['owner_id', 'follow_up_due'])
    .where(sql<boolean>`follow_up IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL`)
    .execute();

  // Their milestones and dates: new jobs, promotions, birthdays, anniversaries…
  await db.schema
    .createTable('contact_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('acknowledged_at', ts)
    .addColumn('acknowledgement_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addCheckConstraint(
      'contact_events_kind',
      sql`kind IN ('new_job', 'promotion', 'award', 'launch', 'move', 'birthday', 'work_anniversary', 'other')`,
    )
    .execute();
  await db.schema.createIndex('contact_events_contact').on('contact_events').columns(['contact_id', 'occurred_on']).execute();
  await db.schema.createIndex('contact_events_by_date').on('contact_events').columns(['owner_id', 'occurred_on']).execute();

  // Give and take: offers and asks in both directions.
  await db.schema
    .createTable('exchanges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addCheckConstraint('exchanges_direction', sql`direction IN ('i_offered', 'they_offered', 'i_asked', 'they_asked')`)
    .execute();
  await db.schema.createIndex('exchanges_contact').on('exchanges').columns(['contact_id', 'opened_on']).execute();
  await db.schema.createIndex('exchanges_open').on('exchanges').columns(['owner_id', 'direction']).where(sql.ref('done_at'), 'is', null).execute();

  // One calendar subscription per user; only the hash of its secret URL token is kept.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('owner_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}
