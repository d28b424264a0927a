// Raw baselines for the seeding benchmark: the same rows, ids and search index as `rapport seed`
// writes, by the fastest means known, with no Rapport code in the write path.
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { benchSource, type BenchParams } from '../src/features/seed/bench.js';
import type { ContactRef, SeedContact, SeedInteraction } from '../src/features/seed/model.js';
// The contact row's copy of its children, as Rapport builds it: data, not a way of writing it.
import { childrenJson } from '../src/features/contacts/store.js';

export interface SeedResult {
  ms: number;
  /** Rows written: contacts, their methods, dimensions and tags, interactions, participants, search documents. */
  rows: number;
}

/** concat_ws(' ', …): the non-null parts joined by spaces. */
const words = (...parts: (string | null | undefined)[]) => parts.filter((p) => p !== null && p !== undefined && p !== '').join(' ');

function contactDocument(c: SeedContact): { title: string; body: string } {
  const methods = [...c.emails, ...c.phones, ...c.urls].map((m) => m.value).join(' ');
  return { title: c.displayName, body: words(c.company, c.title, c.location, c.metHow, methods, c.tags.join(' '), Object.values(c.dimensions).join(' '), c.notes) };
}

function interactionDocument(i: SeedInteraction): { title: string; body: string } {
  return { title: i.summary, body: words(i.channel, i.notes, i.shared.needs, i.shared.challenges, i.shared.plans, i.learned, i.followUp?.text) };
}

function sortName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

function birthdayParts(value: string | null): [number | null, number | null, number | null] {
  if (!value) return [null, null, null];
  const [, y, m, d] = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/.exec(value)!;
  return [y ? Number(y) : null, Number(m), Number(d)];
}

function contactValues(c: SeedContact, ownerId: string): unknown[] {
  return [c.id, ownerId, c.displayName, sortName(c.displayName), c.firstName, c.lastName, c.company, c.title, c.location, ...birthdayParts(c.birthday), c.metHow, c.metOn, c.circle, c.cadenceDays, c.notes, c.createdAt, c.createdAt, childrenJson(c)];
}
const CONTACT_COLUMNS = 'id, owner_id, display_name, sort_name, first_name, last_name, company, title, location, birth_year, birth_month, birth_day, met_how, met_on, circle, cadence_days, notes, created_at, updated_at, children';

function interactionValues(i: SeedInteraction, ownerId: string): unknown[] {
  return [i.id, ownerId, i.kind, i.channel, i.occurredAt, i.summary, i.notes, i.shared.needs, i.shared.challenges, i.shared.plans, i.learned, i.quality, i.followUp?.text ?? null, i.followUp?.due ?? null, i.followUp?.doneAt ?? null, i.occurredAt, i.occurredAt];
}
const INTERACTION_COLUMNS = 'id, owner_id, kind, channel, occurred_at, summary, notes, shared_needs, shared_challenges, shared_plans, learned, quality, follow_up, follow_up_due, follow_up_done_at, created_at, updated_at';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * better-sqlite3, prepared statements in one transaction; documents written row by row with their
 * text built in JavaScript, the FTS5 index filled from them in one statement, and last-interaction
 * dates computed in memory and written by primary key.
 */
export function rawSqliteSeed(file: string, params: BenchParams): SeedResult {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // The same large page cache as Rapport's bulk load: the fastest way known either way.
  db.pragma('cache_size = -262144');
  const contact = db.prepare(`INSERT INTO contacts (${CONTACT_COLUMNS}) VALUES (${placeholders(20)})`);
  const method = db.prepare('INSERT INTO contact_methods (id, owner_id, contact_id, kind, type, value, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const dimension = db.prepare('INSERT INTO contact_dimensions (owner_id, contact_id, dimension, value) VALUES (?, ?, ?, ?)');
  const tag = db.prepare('INSERT INTO contact_tags (owner_id, contact_id, tag) VALUES (?, ?, ?)');
  const interaction = db.prepare(`INSERT INTO interactions (${INTERACTION_COLUMNS}) VALUES (${placeholders(17)})`);
  const participant = db.prepare('INSERT INTO interaction_participants (interaction_id, contact_id, owner_id) VALUES (?, ?, ?)');
  const doc = db.prepare('INSERT INTO search_docs (owner_id, entity, entity_id, title, body) VALUES (?, ?, ?, ?, ?)');
  const last = db.prepare('UPDATE contacts SET last_interaction_at = ? WHERE id = ?');
  const owner = params.ownerId;
  const started = performance.now();
  let rows = 0;
  db.transaction(() => {
    const source = benchSource(params);
    const refs: ContactRef[] = [];
    for (const c of source.contacts()) {
      refs.push({ id: c.id, circle: c.circle, cadenceDays: c.cadenceDays });
      contact.run(contactValues(c, owner));
      for (const [kind, list] of [['email', c.emails], ['phone', c.phones], ['url', c.urls]] as const) {
        list.forEach((m, position) => method.run(m.id, owner, c.id, kind, m.type, m.value, position));
        rows += list.length;
      }
      for (const [name, value] of Object.entries(c.dimensions)) dimension.run(owner, c.id, name, value);
      for (const t of c.tags) tag.run(owner, c.id, t);
      const d = contactDocument(c);
      doc.run(owner, 'contact', c.id, d.title, d.body);
      rows += 2 + Object.keys(c.dimensions).length + c.tags.length;
    }
    const latest = new Map<string, string>();
    for (const i of source.interactions(refs)) {
      interaction.run(interactionValues(i, owner));
      for (const id of i.participantIds) {
        participant.run(i.id, id, owner);
        latest.set(id, i.occurredAt);
      }
      const d = interactionDocument(i);
      doc.run(owner, 'interaction', i.id, d.title, d.body);
      rows += 2 + i.participantIds.length;
    }
    for (const [id, at] of latest) last.run(at, id);
    db.exec('INSERT INTO search_fts (rowid, title, body) SELECT seq, title, body FROM search_docs');
  })();
  const ms = performance.now() - started;
  db.close();
  return { ms, rows };
}

/**
 * pg, multi-row INSERTs as large as the protocol allows (COPY needs another package) in one
 * transaction; documents' text built in JavaScript, last-interaction dates in memory.
 */
export async function rawPostgresSeed(url: string, params: BenchParams): Promise<SeedResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const owner = params.ownerId;
  const buffers = new Map<string, { columns: string; width: number; values: unknown[] }>();
  // Rows a foreign key points to go first.
  const parents: Record<string, string> = { contact_methods: 'contacts', contact_dimensions: 'contacts', contact_tags: 'contacts', interaction_participants: 'interactions' };
  const flush = async (table: string): Promise<void> => {
    const buffer = buffers.get(table);
    if (!buffer || buffer.values.length === 0) return;
    if (parents[table]) await flush(parents[table]);
    const rowCount = buffer.values.length / buffer.width;
    const tuples = Array.from({ length: rowCount }, (_, r) => `(${Array.from({ length: buffer.width }, (_, c) => `$${r * buffer.width + c + 1}`).join(', ')})`);
    await client.query(`INSERT INTO ${table} (${buffer.columns}) VALUES ${tuples.join(', ')}`, buffer.values);
    buffer.values = [];
  };
  const add = async (table: string, columns: string, values: unknown[]) => {
    let buffer = buffers.get(table);
    if (!buffer) buffers.set(table, (buffer = { columns, width: values.length, values: [] }));
    buffer.values.push(...values);
    if (buffer.values.length + buffer.width > 65_535) await flush(table);
  };
  const started = performance.now();
  let rows = 0;
  await client.query('BEGIN');
  const source = benchSource(params);
  const refs: ContactRef[] = [];
  for (const c of source.contacts()) {
    refs.push({ id: c.id, circle: c.circle, cadenceDays: c.cadenceDays });
    await add('contacts', CONTACT_COLUMNS, contactValues(c, owner));
    for (const [kind, list] of [['email', c.emails], ['phone', c.phones], ['url', c.urls]] as const) {
      for (const [position, m] of list.entries()) await add('contact_methods', 'id, owner_id, contact_id, kind, type, value, position', [m.id, owner, c.id, kind, m.type, m.value, position]);
      rows += list.length;
    }
    for (const [name, value] of Object.entries(c.dimensions)) await add('contact_dimensions', 'owner_id, contact_id, dimension, value', [owner, c.id, name, value]);
    for (const t of c.tags) await add('contact_tags', 'owner_id, contact_id, tag', [owner, c.id, t]);
    rows += 1 + Object.keys(c.dimensions).length + c.tags.length;
  }
  for (const table of ['contacts', 'contact_methods', 'contact_dimensions', 'contact_tags']) await flush(table);
  for (const c of source.contacts()) {
    const d = contactDocument(c);
    await add('search_docs', 'owner_id, entity, entity_id, title, body', [owner, 'contact', c.id, d.title, d.body]);
    rows += 1;
  }
  await flush('search_docs');
  const latest = new Map<string, string>();
  for (const i of source.interactions(refs)) {
    await add('interactions', INTERACTION_COLUMNS, interactionValues(i, owner));
    for (const id of i.participantIds) {
      await add('interaction_participants', 'interaction_id, contact_id, owner_id', [i.id, id, owner]);
      latest.set(id, i.occurredAt);
    }
    const d = interactionDocument(i);
    await add('search_docs', 'owner_id, entity, entity_id, title, body', [owner, 'interaction', i.id, d.title, d.body]);
    rows += 2 + i.participantIds.length;
  }
  for (const table of ['interactions', 'interaction_participants', 'search_docs']) await flush(table);
  const entries = [...latest];
  for (let i = 0; i < entries.length; i += 10_000) {
    const part = entries.slice(i, i + 10_000);
    const tuples = part.map((_, n) => `($${2 * n + 1}, $${2 * n + 2}::timestamptz)`).join(', ');
    await client.query(`UPDATE contacts c SET last_interaction_at = v.at FROM (VALUES ${tuples}) AS v(id, at) WHERE c.id = v.id`, part.flat());
  }
  await client.query('COMMIT');
  const ms = performance.now() - started;
  await client.end();
  return { ms, rows };
}
