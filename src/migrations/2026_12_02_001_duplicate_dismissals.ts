// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Pairs of contacts the user said are not the same person, so the duplicates view stops showing
 * them. Either contact may be first: the pair goes with either, and a restore renumbers ids, which
 * can reverse any order they were written in.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('duplicate_dismissals')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('second_contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('duplicate_dismissals_pk', ['first_contact_id', 'second_contact_id'])
    .execute();
  // Deleting a contact looks here for rows naming it, by either column.
  await db.schema.createIndex('duplicate_dismissals_by_second').on('duplicate_dismissals').column('second_contact_id').execute();
  await db.schema.createIndex('duplicate_dismissals_owner').on('duplicate_dismissals').column('owner_id').execute();
}
