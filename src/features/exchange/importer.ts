import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/database/schema.js';
import { parseBirthday } from '../../platform/dates.js';
import type { Deps } from '../../platform/deps.js';
import type { Contact } from '../contacts/model.js';
import { displayNameOf, sortNameOf } from '../contacts/model.js';
import type { ContactsService } from '../contacts/service.js';
import { refreshChildren } from '../contacts/store.js';
import {
  MatchIndex,
  SCALARS,
  matchKeys,
  mergeCandidate,
  snapshotOf,
  stateOf,
  toCandidate,
  type Candidate,
  type MergeState,
  type Snapshot,
} from './match.js';
import { REPORT_LIST_LIMIT, type ImportItem, type ImportReport, type MatchKey } from './model.js';
import type { Reading } from './read.js';
import * as store from './store.js';

/*
 * The import engine. It streams records in batches: each row is checked with the contacts
 * feature's rules, matched against the user's contacts (and the rows before it), merged, and
 * written in the caller's transaction. Preview and commit run this same code; a preview's
 * transaction is rolled back, so what it reports is exactly what a commit would do.
 */

const BATCH = 500;
/** Imports that write this many contacts refresh the planner's statistics. */
const ANALYZE_AFTER = 1000;

interface Pending {
  line: number;
  candidate: Candidate;
  warnings: ImportItem['warnings'];
  target: string;
  matchedBy: MatchKey | null;
  isNew: boolean;
  duplicateOf: string[];
}

interface Working {
  state: MergeState;
  snapshot: Snapshot | null;
  /** Where appended emails/phones/links start, and what was stored, to write only differences. */
  stored: MergeState | null;
  photo: Candidate['photo'];
  changed: boolean;
}

export interface ImportOptions {
  /** Which source's snapshots to compare with (the format: a LinkedIn export follows LinkedIn). */
  source: string;
  file: string;
  onProgress?: (rows: number) => void;
}

function contactState(c: Contact, photoSha256: string | null, extras: MergeState['extras']): MergeState {
  const fields = Object.fromEntries(SCALARS.map((s) => [s, (c as unknown as Record<string, string | number | null>)[s] ?? null])) as MergeState['fields'];
  return { fields, emails: c.emails, phones: c.phones, urls: c.urls, tags: c.tags, dimensions: c.dimensions, photoSha256, extras };
}

export function emptyReport(file: string, reading: Pick<Reading, 'format' | 'encoding' | 'notes'>): ImportReport {
  return {
    file,
    format: reading.format,
    encoding: reading.encoding,
    committed: false,
    counts: { rows: 0, new: 0, updated: 0, unchanged: 0, possibleDuplicates: 0, conflicts: 0, rejected: 0, warnings: 0 },
    new: [],
    updated: [],
    unchanged: [],
    possibleDuplicates: [],
    rejected: [],
    notes: reading.notes.slice(0, REPORT_LIST_LIMIT),
  };
}

function push<T>(list: T[], item: T) {
  if (list.length < REPORT_LIST_LIMIT) list.push(item);
}

export async function runImport(tx: Kysely<DB>, deps: Deps, contacts: ContactsService, scope: Scope, reading: Reading, options: ImportOptions): Promise<ImportReport> {
  const ownerId = scope.userId;
  const at = deps.clock().toISOString();
  const report = emptyReport(options.file, reading);
  const index = new MatchIndex();
  const data = await store.matchData(tx, ownerId);
  const methodsOf = new Map<string, { emails: { value: string; type: string }[]; phones: { value: string; type: string }[]; urls: { value: string; type: string }[] }>();
  for (const m of data.methods) {
    const entry = methodsOf.get(m.contact_id) ?? methodsOf.set(m.contact_id, { emails: [], phones: [], urls: [] }).get(m.contact_id)!;
    entry[`${m.kind}s` as 'emails'].push({ value: m.value, type: m.type });
  }
  const uidOf = new Map<string, string>();
  for (const u of data.uids) uidOf.set(u.contact_id, u.value);
  for (const c of data.contacts) {
    const methods = methodsOf.get(c.id) ?? { emails: [], phones: [], urls: [] };
    const keys = matchKeys({ displayName: c.display_name, company: c.company, ...methods, uid: uidOf.get(c.id) ?? null });
    keys.unshift(['uid', `urn:uuid:${c.id}`]);
    index.add(c.id, keys, c.display_name);
  }
  methodsOf.clear();

  async function flush(batch: Pending[]) {
    const existing = [...new Set(batch.filter((p) => !p.isNew).map((p) => p.target))];
    const [found, photos, extras, snapshots] = await Promise.all([
      contacts.findMany(tx, scope, existing),
      store.photoHashes(tx, ownerId, existing),
      store.extrasOf(tx, ownerId, existing),
      store.snapshotsOf(tx, ownerId, options.source, existing),
    ]);
    const working = new Map<string, Working>();
    for (const c of found) {
      const state = contactState(c, photos.get(c.id) ?? null, extras.get(c.id) ?? []);
      working.set(c.id, { state, snapshot: snapshots.get(c.id) ?? null, stored: state, photo: null, changed: false });
    }
    for (const p of batch) {
      const name = displayNameOf(p.candidate.fields);
      const item: ImportItem = {
        line: p.line,
        name,
        contactId: p.target,
        matchedBy: p.matchedBy,
        changes: [],
        conflicts: [],
        // Names are filled in at the end, for the few items a report lists.
        duplicateOf: p.duplicateOf.map((id) => ({ id, name: '' })),
        warnings: p.warnings,
      };
      report.counts.warnings += p.warnings.length;
      const current = working.get(p.target);
      if (p.isNew || !current) {
        working.set(p.target, { state: stateOf(p.candidate), snapshot: snapshotOf(p.candidate), stored: null, photo: p.candidate.photo, changed: true });
        report.counts.new += 1;
        if (item.duplicateOf.length > 0) {
          report.counts.possibleDuplicates += 1;
          push(report.possibleDuplicates, item);
        } else {
          push(report.new, item);
        }
        continue;
      }
      const merged = mergeCandidate(current.state, p.candidate, current.snapshot);
      item.changes = merged.changes;
      item.conflicts = merged.conflicts;
      report.counts.conflicts += merged.conflicts.length;
      const photoChanged = merged.changes.includes('photo');
      working.set(p.target, {
        state: merged.state,
        snapshot: merged.snapshot,
        stored: current.stored,
        photo: photoChanged ? p.candidate.photo : current.photo,
        changed: current.changed || merged.changes.length > 0 || JSON.stringify(current.snapshot) !== JSON.stringify(merged.snapshot),
      });
      if (merged.changes.length > 0) {
        report.counts.updated += 1;
        push(report.updated, item);
      } else {
        report.counts.unchanged += 1;
        push(report.unchanged, item);
      }
    }
    await write(working);
  }

  async function write(working: Map<string, Working>) {
    const inserts: store.ContactInsert[] = [];
    const extraRows: ReturnType<typeof store.extraRow>[] = [];
    const snapshots: { contactId: string; snapshot: Snapshot; isNew: boolean }[] = [];
    const touched: string[] = [];
    // Contacts whose circle or cadence the import set: their due dates follow.
    const rescheduled: string[] = [];
    for (const [id, w] of working) {
      if (!w.changed) continue;
      if (w.snapshot) snapshots.push({ contactId: id, snapshot: w.snapshot, isNew: !w.stored });
      const s = w.state;
      if (!w.stored) {
        const row = contactRow(ownerId, id, s, at);
        inserts.push({ row, emails: s.emails, phones: s.phones, urls: s.urls, tags: s.tags, dimensions: s.dimensions });
        if (row.circle !== null || row.cadence_days !== null) rescheduled.push(id);
        s.extras.forEach((extra, i) => extraRows.push(store.extraRow(ownerId, id, i, extra, deps.newId())));
        continue;
      }
      const before = w.stored;
      const columns = changedColumns(before, s);
      const listsChanged = (['emails', 'phones', 'urls'] as const).some((k) => s[k].length !== before[k].length);
      const other = s.tags.length !== before.tags.length || JSON.stringify(s.dimensions) !== JSON.stringify(before.dimensions) || s.extras.length !== before.extras.length;
      if (columns || listsChanged || other || w.photo) {
        await tx.updateTable('contacts').set({ ...(columns ?? {}), updated_at: at }).where('owner_id', '=', ownerId).where('id', '=', id).execute();
        touched.push(id);
        if (columns && ('circle' in columns || 'cadence_days' in columns)) rescheduled.push(id);
      }
      for (const kind of ['email', 'phone', 'url'] as const) {
        const key = `${kind}s` as const;
        await store.appendMethods(tx, ownerId, id, kind, s[key].slice(before[key].length), before[key].length, deps.newId);
      }
      await store.addTags(tx, ownerId, id, s.tags.slice(before.tags.length));
      const dims = Object.fromEntries(Object.entries(s.dimensions).filter(([k, v]) => before.dimensions[k] !== v));
      await store.setDimensions(tx, ownerId, id, dims);
      s.extras.slice(before.extras.length).forEach((extra, i) => extraRows.push(store.extraRow(ownerId, id, before.extras.length + i, extra, deps.newId())));
    }
    await store.insertContacts(tx, ownerId, inserts, deps.newId, deps.db.sqlite);
    await store.insertExtras(tx, extraRows, deps.db.sqlite);
    for (const [id, w] of working) if (w.changed && w.photo) await store.putPhoto(tx, ownerId, id, w.photo, at);
    await store.putSnapshots(tx, ownerId, options.source, snapshots, at, deps.db.sqlite);
    await refreshChildren(tx, ownerId, touched);
    if (touched.length > 0) await contacts.reindex(tx, touched);
    await contacts.refreshSchedule(tx, scope, rescheduled);
  }

  // Batches are written one after another, each while the rows of the next are read and matched:
  // on PostgreSQL the server works on one batch while this process parses the next (SQLite writes
  // in this thread, so there the two simply alternate). Matching needs nothing from the database
  // but the index, kept up to date as rows are read; a batch's own reads queue behind the writes
  // of the one before on the transaction's connection.
  let writing: Promise<void> = Promise.resolve();
  const enqueue = async (rows: Pending[]) => {
    // One batch written while another is read: memory stays two batches however long the file.
    await writing;
    const next = flush(rows);
    // A failure is raised where the next batch or the end awaits it, not as an unhandled rejection.
    next.catch(() => {});
    writing = next;
  };
  let batch: Pending[] = [];
  try {
    for await (const record of reading.records) {
      report.counts.rows += 1;
      if ('rejected' in record) {
        report.counts.rejected += 1;
        report.counts.warnings += record.warnings.length;
        push(report.rejected, { line: record.line, field: record.field ?? null, reason: record.rejected });
      } else {
        const checked = toCandidate(record.draft, record.line);
        const warnings = [...record.warnings, ...checked.warnings];
        if ('rejected' in checked) {
          report.counts.rejected += 1;
          report.counts.warnings += warnings.length;
          push(report.rejected, { line: record.line, field: checked.field, reason: checked.rejected });
        } else {
          const candidate = checked.candidate;
          const name = displayNameOf(candidate.fields);
          const keys = matchKeys({ ...candidate.fields, displayName: name, company: candidate.fields.company ?? null, uid: candidate.uid });
          const match = index.find(keys);
          // A row matching one created earlier in its batch merges into it before it is written.
          const isNew = !match;
          const target = match?.id ?? deps.newId();
          const duplicateOf = isNew ? index.sameName(name).slice(0, 3) : [];
          index.add(target, keys, name);
          // Rapport's own export names the contact by its id; that needs no keeping.
          candidate.extras = candidate.extras.filter((e) => !(e.name === 'UID' && e.value === `urn:uuid:${target}`));
          batch.push({ line: record.line, candidate, warnings, target, matchedBy: match?.by ?? null, isNew, duplicateOf });
        }
      }
      if (batch.length >= BATCH) {
        await enqueue(batch);
        batch = [];
        options.onProgress?.(report.counts.rows);
      }
    }
    if (batch.length > 0) await enqueue(batch);
  } finally {
    // A file that fails while being read (a broken upload) ends the transaction: no batch may still
    // be writing then, or its rows would land outside it.
    await Promise.allSettled([writing]);
  }
  await writing;
  // Statistics first: the indexing query below joins the tables just filled, and a planner that
  // still thinks them empty picks nested scans (quadratic on PostgreSQL).
  if (report.counts.new + report.counts.updated >= ANALYZE_AFTER) await store.analyze(tx);
  // New contacts are indexed together at the end: one statement instead of one per batch.
  await contacts.indexNew(tx, scope);
  const listed = [...report.new, ...report.possibleDuplicates, ...report.updated, ...report.unchanged].flatMap((item) => item.duplicateOf);
  const found = new Map((await contacts.findMany(tx, scope, [...new Set(listed.map((d) => d.id))])).map((c) => [c.id, c.displayName]));
  for (const d of listed) d.name = found.get(d.id) ?? '';
  options.onProgress?.(report.counts.rows);
  return report;
}

function contactRow(ownerId: string, id: string, s: MergeState, at: string): store.ContactInsert['row'] {
  const f = s.fields;
  const displayName = String(f.displayName);
  const birthday = f.birthday ? parseBirthday(String(f.birthday)) : null;
  return {
    id,
    owner_id: ownerId,
    display_name: displayName,
    sort_name: sortNameOf(displayName),
    first_name: f.firstName as string | null,
    middle_name: f.middleName as string | null,
    last_name: f.lastName as string | null,
    nickname: f.nickname as string | null,
    prefix: f.prefix as string | null,
    suffix: f.suffix as string | null,
    company: f.company as string | null,
    title: f.title as string | null,
    location: f.location as string | null,
    birth_year: birthday?.year ?? null,
    birth_month: birthday?.month ?? null,
    birth_day: birthday?.day ?? null,
    met_how: f.metHow as string | null,
    met_on: f.metOn as string | null,
    circle: f.circle as string | null,
    cadence_days: f.cadenceDays as number | null,
    notes: f.notes as string | null,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    last_interaction_at: null,
  };
}

/** Columns to update for the scalar fields a merge changed; a derived display name follows its parts. */
function changedColumns(before: MergeState, after: MergeState): Record<string, unknown> | null {
  const b = before.fields;
  const a = { ...after.fields };
  const derivedBefore = displayNameOf({ ...(b as Record<string, string | null>), displayName: null });
  if (b.displayName === derivedBefore && a.displayName === b.displayName) {
    a.displayName = displayNameOf({ ...(a as Record<string, string | null>), displayName: null }) || b.displayName;
  }
  const row = contactRow('', '', { ...after, fields: a }, '');
  const old = contactRow('', '', before, '');
  const changed = Object.fromEntries(Object.entries(row).filter(([k, v]) => (old as Record<string, unknown>)[k] !== v));
  return Object.keys(changed).length > 0 ? changed : null;
}
