// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const bytes = pg ? sql`bytea` : sql`blob`;

  // A contact's picture, at most 1 MB decoded (the importer refuses larger ones).
  await db.schema
    .createTable('contact_photos')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addCheckConstraint('contact_photos_media_type', sql`media_type IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp')`)
    .execute();

  // vCard properties Rapport has no field for (X-…, ADR, ROLE, IMPP…), kept so export gives them
  // back: parameters as JSON, the value as vCard 4.0 text.
  await db.schema
    .createTable('contact_extras')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('property_group', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_extras_contact').on('contact_extras').columns(['contact_id', 'position']).execute();
  await db.schema.createIndex('contact_extras_name').on('contact_extras').columns(['owner_id', 'name']).execute();

  // What each import source last said about a contact, so a newer export updates the fields the
  // user did not edit and reports the ones they did.
  await db.schema
    .createTable('contact_sources')
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('imported_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_sources_pk', ['contact_id', 'source'])
    .execute();

  // An uploaded file between its preview and its commit; expires after an hour.
  await db.schema
    .createTable('import_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('content', bytes)
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('committed_at', ts)
    .execute();
  await db.schema.createIndex('import_sessions_owner').on('import_sessions').columns(['owner_id', 'created_at']).execute();
  await db.schema.createIndex('import_sessions_expiry').on('import_sessions').columns(['expires_at']).execute();

  // Merges of two contacts, with what undo needs to split them again.
  await db.schema
    .createTable('contact_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kept_id', 'text', (c) => c.notNull())
    .addColumn('merged_id', 'text', (c) => c.notNull())
    .addColumn('merged_name', 'text', (c) => c.notNull())
    .addColumn('undo', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('undone_at', ts)
    .execute();
  await db.schema.createIndex('contact_merges_owner').on('contact_merges').columns(['owner_id', 'created_at']).execute();
}
