import type { Scope } from '../../platform/auth/scope.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { csvHeader, csvRow, shapeOf } from './csv-write.js';
import type { ExportCard } from './model.js';
import * as store from './store.js';
import { contactToVcard } from './vcard-write.js';

const PAGE = 500;

export function createExportService(deps: Deps) {
  const db = deps.db.kysely;
  const dialect = deps.db.dialect;

  /** Every live contact, a page at a time in name order, or the given ones in that order. */
  async function* pages(scope: Scope, ids?: readonly string[]): AsyncGenerator<ExportCard[]> {
    if (ids) {
      const unique = [...new Set(ids)];
      const byId = new Map((await store.exportCardsOf(db, dialect, scope.userId, unique)).map((card) => [card.contact.id, card]));
      const missing = unique.filter((id) => !byId.has(id));
      if (missing.length > 0) throw new AppError('CONTACT_NOT_FOUND', `No contact with id ${missing.join(', ')}.`, { ids: missing });
      for (let i = 0; i < unique.length; i += PAGE) yield unique.slice(i, i + PAGE).map((id) => byId.get(id)!);
      return;
    }
    // The next page is asked for before this one is written, so that on PostgreSQL the server reads
    // it while this process writes the cards.
    let next = store.exportPage(db, dialect, scope.userId, null, PAGE);
    try {
      for (;;) {
        const { cards, last } = await next;
        if (!last) return;
        next = store.exportPage(db, dialect, scope.userId, last, PAGE);
        yield cards;
      }
    } finally {
      // A reader that stops early leaves a page in flight: it is waited for (its failure no longer
      // matters to anyone) so that the export ends with its query and no rejection goes unhandled.
      await next.catch(() => undefined);
    }
  }

  return {
    /** vCard 4.0 of every contact, or of the chosen ones, as text chunks of a few hundred cards. */
    async *exportVcard(scope: Scope, options: { ids?: readonly string[] } = {}): AsyncGenerator<string> {
      for await (const page of pages(scope, options.ids)) yield page.map((card) => contactToVcard(card.contact, card.extras, card.photo)).join('');
    },

    /** CSV in Google Contacts' layout with Rapport's columns, header first. */
    async *exportCsv(scope: Scope, options: { ids?: readonly string[] } = {}): AsyncGenerator<string> {
      // The header needs the most emails, phones and links any contact has: a first pass finds it.
      let shape = shapeOf([]);
      for await (const page of pages(scope, options.ids)) shape = shapeOf(page.map((card) => card.contact), shape);
      yield csvHeader(shape);
      for await (const page of pages(scope, options.ids)) yield page.map((card) => csvRow(card.contact, shape)).join('');
    },

    /** A contact's picture, or CONTACT_NOT_FOUND when it has none. */
    async photo(scope: Scope, contactId: string) {
      const photo = await store.getPhoto(db, scope.userId, contactId);
      if (!photo) throw new AppError('CONTACT_NOT_FOUND', `Contact ${contactId} has no picture (or is not yours).`, { id: contactId });
      return { mediaType: photo.media_type, data: Buffer.from(photo.data), sha256: photo.sha256 };
    },
  };
}
