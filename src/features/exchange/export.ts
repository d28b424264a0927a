import type { Scope } from '../../platform/auth/scope.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Contact } from '../contacts/model.js';
import type { Cursor } from '../../platform/database/pagination.js';
import * as contactStore from '../contacts/store.js';
import type { ContactsService } from '../contacts/service.js';
import { csvHeader, csvRow, shapeOf } from './csv-write.js';
import * as store from './store.js';
import { contactToVcard } from './vcard-write.js';

const PAGE = 500;

export function createExportService(deps: Deps, contacts: ContactsService) {
  const db = deps.db.kysely;

  /** Every live contact, a page at a time in name order, or the given ones in that order. */
  async function* pages(scope: Scope, ids?: readonly string[]): AsyncGenerator<Contact[]> {
    if (ids) {
      const unique = [...new Set(ids)];
      const found = (await contacts.findMany(db, scope, unique)).filter((c) => c.deletedAt === null);
      const byId = new Map(found.map((c) => [c.id, c]));
      const missing = unique.filter((id) => !byId.has(id));
      if (missing.length > 0) throw new AppError('CONTACT_NOT_FOUND', `No contact with id ${missing.join(', ')}.`, { ids: missing });
      for (let i = 0; i < unique.length; i += PAGE) yield unique.slice(i, i + PAGE).map((id) => byId.get(id)!);
      return;
    }
    for (let after: Cursor | null = null; ; ) {
      const rows = await contactStore.pageByName(db, scope.userId, after, PAGE);
      if (rows.length === 0) return;
      const last = { value: rows.at(-1)!.sort_name, id: rows.at(-1)!.id };
      const children = await contactStore.childrenByName(db, scope.userId, rows.map((r) => r.id), after, last);
      const now = deps.clock();
      yield rows.map((row) => contactStore.toContact(row, children.get(row.id)!, now));
      after = last;
    }
  }

  return {
    /** vCard 4.0 of every contact, or of the chosen ones, as text chunks of a few hundred cards. */
    async *exportVcard(scope: Scope, options: { ids?: readonly string[] } = {}): AsyncGenerator<string> {
      for await (const page of pages(scope, options.ids)) {
        const ids = page.map((c) => c.id);
        const [extras, photos] = await Promise.all([store.extrasOf(db, scope.userId, ids), store.photosOf(db, scope.userId, ids)]);
        yield page.map((c) => contactToVcard(c, extras.get(c.id) ?? [], photos.get(c.id) ?? null)).join('');
      }
    },

    /** CSV in Google Contacts' layout with Rapport's columns, header first. */
    async *exportCsv(scope: Scope, options: { ids?: readonly string[] } = {}): AsyncGenerator<string> {
      // The header needs the most emails, phones and links any contact has: a first pass finds it.
      let shape = shapeOf([]);
      for await (const page of pages(scope, options.ids)) shape = shapeOf(page, shape);
      yield csvHeader(shape);
      for await (const page of pages(scope, options.ids)) yield page.map((c) => csvRow(c, shape)).join('');
    },

    /** A contact's picture, or CONTACT_NOT_FOUND when it has none. */
    async photo(scope: Scope, contactId: string) {
      const photo = await store.getPhoto(db, scope.userId, contactId);
      if (!photo) throw new AppError('CONTACT_NOT_FOUND', `Contact ${contactId} has no picture (or is not yours).`, { id: contactId });
      return { mediaType: photo.media_type, data: Buffer.from(photo.data), sha256: photo.sha256 };
    },
  };
}
