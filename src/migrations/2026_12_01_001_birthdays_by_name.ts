// Frozen once released: never edit, add a new migration instead. Takes Kysely<any> and imports
// nothing from the application, so it keeps meaning what it meant on the day it shipped.
import { sql, type Kysely } from 'kysely';

/**
 * Today lists the next birthdays by day and then name. The index ordered them by day only, so Today
 * read every birthday on the day of the 50th to sort that day by name, and looked up each one's
 * contact row: about 160 rows at 100,000 contacts. Ordered by name too, and holding what Today
 * shows, the index gives the first 50 as they are listed, without reading a contact row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contacts_by_birthday').execute();
  await db.schema
    .createIndex('contacts_by_birthday')
    .on('contacts')
    .columns(['owner_id', 'birth_month', 'birth_day', 'sort_name', 'id', 'deleted_at', 'birth_year', 'display_name', 'company', 'title', 'circle'])
    .where(sql<boolean>`birth_month IS NOT NULL AND deleted_at IS NULL`)
    .execute();
}
