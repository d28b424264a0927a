// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The contact list filtered by a tag and sorted by name read the tag's contacts and sorted them, or
 * walked every contact by name checking the tag: thousands of rows at 100,000 contacts either way.
 * Each tag row now carries its contact's sort name, indexed after the tag, so a page is the next
 * rows of one index. The database keeps the copy right, whoever writes: a tag row takes its
 * contact's sort name when written, and a contact's new sort name reaches its tags.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('contact_tags').addColumn('sort_name', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`UPDATE contact_tags SET sort_name = (SELECT c.sort_name FROM contacts c WHERE c.id = contact_tags.contact_id)`.execute(db);
  await db.schema.dropIndex('contact_tags_tag').execute();
  await db.schema.createIndex('contact_tags_by_name').on('contact_tags').columns(['owner_id', 'tag', 'sort_name', 'contact_id']).execute();
  if (pg) {
    await sql`
      CREATE FUNCTION contact_tags_sort_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT sort_name INTO NEW.sort_name FROM contacts WHERE id = NEW.contact_id;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER contact_tags_sort_name BEFORE INSERT OR UPDATE OF contact_id ON contact_tags
      FOR EACH ROW EXECUTE FUNCTION contact_tags_sort_name()`.execute(db);
    await sql`
      CREATE FUNCTION contacts_sort_name_to_tags() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE contact_tags SET sort_name = NEW.sort_name WHERE contact_id = NEW.id;
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE TRIGGER contacts_sort_name_to_tags AFTER UPDATE OF sort_name ON contacts
      FOR EACH ROW WHEN (OLD.sort_name IS DISTINCT FROM NEW.sort_name) EXECUTE FUNCTION contacts_sort_name_to_tags()`.execute(db);
  } else {
    for (const event of ['INSERT', 'UPDATE OF contact_id']) {
      await sql`CREATE TRIGGER ${sql.raw(event === 'INSERT' ? 'contact_tags_sort_name' : 'contact_tags_moved')} AFTER ${sql.raw(event)} ON contact_tags BEGIN
        UPDATE contact_tags SET sort_name = (SELECT sort_name FROM contacts WHERE id = NEW.contact_id) WHERE contact_id = NEW.contact_id AND tag = NEW.tag;
      END`.execute(db);
    }
    await sql`CREATE TRIGGER contacts_sort_name_to_tags AFTER UPDATE OF sort_name ON contacts WHEN NEW.sort_name IS NOT OLD.sort_name BEGIN
      UPDATE contact_tags SET sort_name = NEW.sort_name WHERE contact_id = NEW.id;
    END`.execute(db);
  }
}
