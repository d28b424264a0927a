import crypto from 'node:crypto';
import { z } from 'zod';
import { issuesToFields } from '../../platform/validation.js';
import { contactInput, displayNameOf } from '../contacts/model.js';
import { grow, KeyTable } from './key-table.js';
import { fold, linkedinKey, nameCompanyKey, phoneKey, type Conflict, type ContactDraft, type ExtraProperty, type MatchKey, type Method, type Photo, type Warning } from './model.js';

/*
 * Matching imported rows to contacts and merging them: pure functions, so the rules are tested
 * without a database. A contact is matched by UID, email, LinkedIn URL, phone, or exact name with
 * company, in that order of strength. Merging never overwrites what the user edited: it fills
 * blanks, adds new emails/phones/links/tags, follows a source's newer value where the user kept
 * the old one, and reports a conflict where both changed.
 */

export type CandidateFields = z.output<typeof contactInput>;

export interface Candidate {
  fields: CandidateFields;
  uid: string | null;
  photo: (Photo & { sha256: string }) | null;
  extras: ExtraProperty[];
}

/** The scalar fields an import can set, with their labels in reports. */
export const SCALARS = [
  'displayName',
  'firstName',
  'middleName',
  'lastName',
  'nickname',
  'prefix',
  'suffix',
  'company',
  'title',
  'location',
  'birthday',
  'metHow',
  'metOn',
  'circle',
  'cadenceDays',
  'notes',
] as const;
export type Scalar = (typeof SCALARS)[number];
type ScalarValue = string | number | null;

const LISTS = ['emails', 'phones', 'urls'] as const;
type ListField = (typeof LISTS)[number];

/** What one source said about a contact the last time it was imported. */
export interface Snapshot {
  fields: Partial<Record<Scalar, ScalarValue>>;
  emails: string[];
  phones: string[];
  urls: string[];
  tags: string[];
  dimensions: Record<string, string>;
  photo: string | null;
}

/** The part of a stored contact an import compares with. */
export interface MergeState {
  fields: Record<Scalar, ScalarValue>;
  emails: Method[];
  phones: Method[];
  urls: Method[];
  tags: string[];
  dimensions: Record<string, string>;
  photoSha256: string | null;
  extras: ExtraProperty[];
}

export function sha256(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * The contacts feature's input schema compiled by zod into one generated function, three times
 * faster on a valid row (it was a fifth of an import's time). Input it rejects goes through the
 * schema as written, so a bad field gets the same message as in the API.
 */
export const compiledContactInput = z.compile(contactInput);

/**
 * Checks a draft against the contacts feature's own rules (the same schema the API uses), so an
 * imported contact is exactly as valid as a typed one. A field that fails is dropped with a
 * warning; a draft left without a name is rejected.
 */
export function toCandidate(draft: ContactDraft, line: number): { candidate: Candidate; warnings: Warning[] } | { rejected: string; field: string; warnings: Warning[] } {
  const warnings: Warning[] = [];
  // Only the fields the row has: the schema skips an absent field, but runs its checks on one given as undefined.
  const input: Record<string, unknown> = {};
  for (const f of SCALARS) if (draft[f] !== null && draft[f] !== undefined) input[f] = draft[f];
  for (const f of ['emails', 'phones', 'urls', 'tags'] as const) if (draft[f].length > 0) input[f] = draft[f];
  if (Object.keys(draft.dimensions).length > 0) input.dimensions = draft.dimensions;
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = compiledContactInput.safeParse(input);
    if (result.success) {
      const photo = draft.photo ? { ...draft.photo, sha256: sha256(draft.photo.data) } : null;
      return { candidate: { fields: result.data, uid: draft.uid, photo, extras: draft.extras }, warnings };
    }
    for (const issue of result.error.issues) {
      const [head, index] = issue.path;
      const [described] = issuesToFields([issue]);
      if (head === 'displayName' && issue.path.length === 1 && !input.displayName) {
        return { rejected: 'the row has no name', field: 'name', warnings };
      }
      warnings.push({ line, field: described!.path, message: `${described!.message}; skipped` });
      if (typeof head !== 'string') continue;
      const current = input[head];
      if (Array.isArray(current) && typeof index === 'number') input[head] = current.filter((_, i) => i !== index);
      else if (head === 'dimensions' && typeof index === 'string') input.dimensions = Object.fromEntries(Object.entries(input.dimensions as object).filter(([k]) => k !== index));
      else delete input[head];
    }
  }
  return { rejected: 'the row could not be made valid', field: 'row', warnings };
}

/** The identifying keys of a contact or candidate, strongest first. */
export function matchKeys(c: { displayName: string; company: string | null; emails: Method[]; phones: Method[]; urls: Method[]; uid?: string | null }): [MatchKey, string][] {
  const keys: [MatchKey, string][] = [];
  if (c.uid) keys.push(['uid', c.uid.toLowerCase()]);
  for (const e of c.emails) keys.push(['email', e.value.toLowerCase()]);
  for (const u of c.urls) {
    const slug = linkedinKey(u.value);
    if (slug) keys.push(['linkedin', slug]);
  }
  for (const p of c.phones) {
    const key = phoneKey(p.value);
    if (key) keys.push(['phone', key]);
  }
  const nameKey = nameCompanyKey(c.displayName, c.company);
  if (nameKey) keys.push(['name', nameKey]);
  return keys;
}

const KEY_ORDER: MatchKey[] = ['uid', 'email', 'linkedin', 'phone', 'name'];

/** Key → contact id for every contact an import may match, and names for spotting look-alikes. */
export class MatchIndex {
  // Compact, outside the JavaScript heap (see KeyTable): contacts are numbered by their id's entry.
  private readonly ids = new KeyTable();
  private readonly keys: Record<MatchKey, { table: KeyTable; owner: Int32Array<ArrayBuffer> }> = {
    uid: { table: new KeyTable(), owner: new Int32Array(1024) },
    email: { table: new KeyTable(), owner: new Int32Array(1024) },
    linkedin: { table: new KeyTable(), owner: new Int32Array(1024) },
    phone: { table: new KeyTable(), owner: new Int32Array(1024) },
    name: { table: new KeyTable(), owner: new Int32Array(1024) },
  };
  /**
   * The LinkedIn profile (its key's entry) of each contact that has one, else -1: a name match
   * with another profile is someone else.
   */
  private profiles: Int32Array<ArrayBuffer> = new Int32Array(1024).fill(-1);
  /** Folded names, each with its first contact (-1 for a name only a name key has used so far)… */
  private readonly names = new KeyTable();
  private firstOfName: Int32Array<ArrayBuffer> = new Int32Array(1024).fill(-1);
  /** …and the next few contacts of the (rare) names that have more. */
  private readonly moreOfName = new Map<number, number[]>();
  /** Folded companies: a name key is held as its name's and company's entries, not the text again. */
  private readonly companies = new KeyTable();

  add(id: string, keys: readonly [MatchKey, string][], name: string): void {
    const contact = this.ids.add(id);
    if (contact === this.profiles.length) this.profiles = grow(this.profiles, -1);
    for (const [kind, value] of keys) {
      const index = this.keys[kind];
      const size = index.table.size;
      const entry = index.table.add(kind === 'name' ? this.nameKey(value, true)! : value);
      if (kind === 'linkedin' && this.profiles[contact] === -1) this.profiles[contact] = entry;
      // The first contact with a key keeps it: the oldest wins when the user already has duplicates.
      if (index.table.size === size) continue;
      if (entry === index.owner.length) index.owner = grow(index.owner);
      index.owner[entry] = contact;
    }
    const entry = this.nameEntry(fold(name), true);
    const first = this.firstOfName[entry];
    if (first === -1) this.firstOfName[entry] = contact;
    else if (first !== contact) {
      const more = this.moreOfName.get(entry) ?? [];
      if (!more.includes(contact) && more.length < 4) this.moreOfName.set(entry, [...more, contact]);
    }
  }

  /**
   * The contact matched by the strongest key, if any. Two John Smiths at Google with different
   * LinkedIn profiles are two people, so a name match is ignored when the profiles disagree.
   */
  find(keys: readonly [MatchKey, string][]): { id: string; by: MatchKey } | null {
    const profiles = keys.filter(([k]) => k === 'linkedin').map(([, v]) => this.keys.linkedin.table.find(v));
    for (const kind of KEY_ORDER) {
      for (const [k, value] of keys) {
        if (k !== kind) continue;
        const key = kind === 'name' ? this.nameKey(value, false) : value;
        const entry = key === null ? -1 : this.keys[kind].table.find(key);
        if (entry === -1) continue;
        const contact = this.keys[kind].owner[entry]!;
        const theirs = this.profiles[contact]!;
        if (kind === 'name' && profiles.length > 0 && theirs !== -1 && !profiles.includes(theirs)) continue;
        return { id: this.ids.key(contact), by: kind };
      }
    }
    return null;
  }

  /** Contacts with the same name (ignoring case and accents), at most five. */
  sameName(name: string): string[] {
    const entry = this.names.find(fold(name));
    if (entry === -1 || this.firstOfName[entry] === -1) return [];
    return [this.firstOfName[entry]!, ...(this.moreOfName.get(entry) ?? [])].map((contact) => this.ids.key(contact));
  }

  private nameEntry(folded: string, add: boolean): number {
    if (!add) return this.names.find(folded);
    const entry = this.names.add(folded);
    if (entry === this.firstOfName.length) this.firstOfName = grow(this.firstOfName, -1);
    return entry;
  }

  /** A name key (name NUL company, as nameCompanyKey makes it) as its two entries; null if either is unknown. */
  private nameKey(value: string, add: boolean): string | null {
    const split = value.indexOf('\u0000');
    const name = this.nameEntry(value.slice(0, split), add);
    const rest = value.slice(split + 1);
    const company = add ? this.companies.add(rest) : this.companies.find(rest);
    return name === -1 || company === -1 ? null : `${name} ${company}`;
  }
}

function methodKey(field: ListField, value: string): string {
  if (field === 'phones') return phoneKey(value) ?? value;
  if (field === 'urls') return linkedinKey(value) ?? value.replace(/\/+$/, '').toLowerCase();
  return value.toLowerCase();
}

function show(value: ScalarValue): string | null {
  return value === null ? null : String(value);
}

export interface MergeResult {
  state: MergeState;
  /** Fields filled, updated or added to, for the report. */
  changes: string[];
  conflicts: Conflict[];
  snapshot: Snapshot;
}

/** What a source says about a contact, in the form stored to compare the next import with. */
export function snapshotOf(candidate: Candidate): Snapshot {
  const f = candidate.fields;
  // Loops rather than Object.fromEntries over mapped pairs: this runs for every imported row.
  const fields: Snapshot['fields'] = {};
  for (const s of SCALARS) if (f[s] !== undefined && f[s] !== null) fields[s] = f[s] as ScalarValue;
  return {
    fields,
    emails: f.emails.map((m) => methodKey('emails', m.value)),
    phones: f.phones.map((m) => methodKey('phones', m.value)),
    urls: f.urls.map((m) => methodKey('urls', m.value)),
    tags: [...f.tags],
    dimensions: { ...f.dimensions },
    photo: candidate.photo?.sha256 ?? null,
  };
}

/** A new contact's state from a candidate. */
export function stateOf(candidate: Candidate): MergeState {
  const f = candidate.fields;
  const fields = {} as Record<Scalar, ScalarValue>;
  for (const s of SCALARS) fields[s] = (f[s] ?? null) as ScalarValue;
  fields.displayName = displayNameOf(f);
  return {
    fields,
    emails: [...f.emails],
    phones: [...f.phones],
    urls: [...f.urls],
    tags: [...new Set(f.tags)],
    dimensions: { ...f.dimensions },
    photoSha256: candidate.photo?.sha256 ?? null,
    extras: [...candidate.extras],
  };
}

/**
 * Merges what a file says into a contact. `base` is what the same source said last time (absent
 * the first time): a field the user left as the source had it follows the source; a field the
 * user changed stays and, when the source changed it too, is reported as a conflict. Nothing is
 * ever removed: an export that omits a field says nothing about it.
 */
export function mergeCandidate(current: MergeState, candidate: Candidate, base: Snapshot | null): MergeResult {
  const state: MergeState = {
    ...current,
    fields: { ...current.fields },
    emails: [...current.emails],
    phones: [...current.phones],
    urls: [...current.urls],
    tags: [...current.tags],
    dimensions: { ...current.dimensions },
    extras: [...current.extras],
  };
  const changes: string[] = [];
  const conflicts: Conflict[] = [];
  const f = candidate.fields;
  const incomingName = f.displayName ? f.displayName : null;
  for (const field of SCALARS) {
    const incoming = (field === 'displayName' ? incomingName : (f[field] ?? null)) as ScalarValue;
    if (incoming === null) continue;
    const now = state.fields[field];
    if (incoming === now) continue;
    const before = base?.fields[field];
    // The source has not changed this since the last import: the user's value stands.
    if (before !== undefined && before === incoming) continue;
    if (now === null || (before !== undefined && before === now)) {
      state.fields[field] = incoming;
      changes.push(field);
    } else {
      conflicts.push({ field, current: show(now), incoming: show(incoming) });
    }
  }
  for (const field of LISTS) {
    const have = new Set(state[field].map((m) => methodKey(field, m.value)));
    // What the source gave before and the user removed since stays removed.
    const gaveBefore = new Set(base?.[field] ?? []);
    for (const method of f[field]) {
      const key = methodKey(field, method.value);
      if (have.has(key) || gaveBefore.has(key)) continue;
      have.add(key);
      state[field].push(method);
      if (!changes.includes(field)) changes.push(field);
    }
  }
  const tagsBefore = new Set(base?.tags ?? []);
  for (const tag of f.tags) {
    if (state.tags.includes(tag) || tagsBefore.has(tag)) continue;
    state.tags.push(tag);
    if (!changes.includes('tags')) changes.push('tags');
  }
  for (const [key, value] of Object.entries(f.dimensions)) {
    const now = state.dimensions[key];
    const before = base?.dimensions[key];
    if (now === value || before === value) continue;
    if (now === undefined || before === now) {
      state.dimensions[key] = value;
      changes.push(`dimensions.${key}`);
    } else {
      conflicts.push({ field: `dimensions.${key}`, current: now, incoming: value });
    }
  }
  if (candidate.photo && candidate.photo.sha256 !== state.photoSha256 && candidate.photo.sha256 !== base?.photo) {
    if (state.photoSha256 === null || state.photoSha256 === base?.photo) {
      state.photoSha256 = candidate.photo.sha256;
      changes.push('photo');
    } else {
      conflicts.push({ field: 'photo', current: 'a picture', incoming: 'another picture' });
    }
  }
  const extraKeys = new Set(state.extras.map((e) => JSON.stringify(e)));
  for (const extra of candidate.extras) {
    const key = JSON.stringify(extra);
    if (extraKeys.has(key)) continue;
    extraKeys.add(key);
    state.extras.push(extra);
    if (!changes.includes('vcard')) changes.push('vcard');
  }
  return { state, changes, conflicts, snapshot: snapshotOf(candidate) };
}
