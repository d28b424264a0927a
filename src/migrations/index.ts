import type { Migration } from 'kysely';
import * as foundation from './2026_11_26_001_foundation.js';
import * as nurture from './2026_11_27_001_nurture.js';
import * as growth from './2026_11_28_001_growth.js';
import * as searchBulkFill from './2026_11_28_002_search_bulk_fill.js';
import * as exchange from './2026_11_28_003_exchange.js';
import * as searchPunctuation from './2026_11_29_001_search_punctuation.js';
import * as tagsByName from './2026_11_29_002_tags_by_name.js';
import * as todayIndexes from './2026_11_29_003_today_indexes.js';
import * as childrenByContact from './2026_11_30_001_children_by_contact.js';
import * as openPromises from './2026_11_30_002_open_promises.js';
import * as searchDocsByOwner from './2026_11_30_003_search_docs_by_owner.js';
import * as birthdaysByName from './2026_12_01_001_birthdays_by_name.js';
import * as duplicateDismissals from './2026_12_02_001_duplicate_dismissals.js';
import * as storedChildren from './2026_12_03_001_stored_children.js';
import * as searchDocsBySeqRange from './2026_12_04_001_search_docs_by_seq_range.js';
import * as yearlyEventsByDay from './2026_12_05_001_yearly_events_by_day.js';

/**
 * Every migration, in order. Listed by hand rather than read from the folder so the compiled
 * package and the tests see the same list. Forward-only: there are no down migrations.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_26_001_foundation': foundation,
  '2026_11_27_001_nurture': nurture,
  '2026_11_28_001_growth': growth,
  '2026_11_28_002_search_bulk_fill': searchBulkFill,
  '2026_11_28_003_exchange': exchange,
  '2026_11_29_001_search_punctuation': searchPunctuation,
  '2026_11_29_002_tags_by_name': tagsByName,
  '2026_11_29_003_today_indexes': todayIndexes,
  '2026_11_30_001_children_by_contact': childrenByContact,
  '2026_11_30_002_open_promises': openPromises,
  '2026_11_30_003_search_docs_by_owner': searchDocsByOwner,
  '2026_12_01_001_birthdays_by_name': birthdaysByName,
  '2026_12_02_001_duplicate_dismissals': duplicateDismissals,
  '2026_12_03_001_stored_children': storedChildren,
  '2026_12_04_001_search_docs_by_seq_range': searchDocsBySeqRange,
  '2026_12_05_001_yearly_events_by_day': yearlyEventsByDay,
};
