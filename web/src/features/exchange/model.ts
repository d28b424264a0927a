import type { Contact } from '../../shared/types';
import type { ImportFormat, ImportReport } from './types';

/** The formats an import can be read as, by the names people know the files by. */
export const FORMAT_LABELS: Record<ImportFormat, string> = {
  linkedin: 'LinkedIn Connections.csv',
  google: 'Google Contacts CSV',
  outlook: 'Outlook CSV',
  thunderbird: 'Thunderbird CSV',
  vcard: 'vCard (.vcf)',
};

export const FORMATS = Object.keys(FORMAT_LABELS) as ImportFormat[];

const FIELD_LABELS: Record<string, string> = {
  displayName: 'name',
  firstName: 'first name',
  middleName: 'middle name',
  lastName: 'last name',
  metHow: 'how you met',
  metOn: 'met on',
  cadenceDays: 'check-in cadence',
  urls: 'links',
  photo: 'picture',
  vcard: 'other vCard properties',
};

/** A field name of a report (`metHow`, `emails`) as words. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

const MATCH_LABELS: Record<string, string> = { uid: 'vCard UID', email: 'email', linkedin: 'LinkedIn profile', phone: 'phone', name: 'name and company' };

export function matchLabel(key: string | null): string {
  return key === null ? '' : (MATCH_LABELS[key] ?? key);
}

/** 1 row, 2 rows. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** A file size the way file managers show it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * What the commit does, as the button says it ("Add 60 contacts") or while it runs ("Adding 60
 * contacts"); null when the file has nothing to add or change.
 */
export function commitLabel(counts: ImportReport['counts'], running = false): string | null {
  const [add, update] = running ? ['Adding', 'updating'] : ['Add', 'update'];
  if (counts.new === 0 && counts.updated === 0) return null;
  if (counts.updated === 0) return `${add} ${plural(counts.new, 'contact')}`;
  if (counts.new === 0) return `${update[0]!.toUpperCase()}${update.slice(1)} ${plural(counts.updated, 'contact')}`;
  return `${add} ${counts.new.toLocaleString()} and ${update} ${plural(counts.updated, 'contact')}`;
}

/** One sentence for a committed import. */
export function resultSentence(counts: ImportReport['counts']): string {
  const parts = [`added ${plural(counts.new, 'contact')}`, `updated ${counts.updated.toLocaleString()}`];
  if (counts.unchanged > 0) parts.push(`${counts.unchanged.toLocaleString()} already up to date`);
  if (counts.rejected > 0) parts.push(`${plural(counts.rejected, 'row')} rejected`);
  const text = parts.join(', ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** The reasons to show for a pair: "similar name" says nothing more next to "same name". */
export function reasonLabels(reasons: readonly string[]): string[] {
  const labels = reasons.map(reasonLabel);
  const shown = labels.includes('Same name') ? labels.filter((l) => l !== 'Similar name') : labels;
  return [...new Set(shown)];
}

/**
 * Why two contacts look like the same person, from the server's reason ("same email a@b.c",
 * "same name ada lovelace", "similar name"). The name is left out: both are on screen.
 */
export function reasonLabel(reason: string): string {
  const match = /^same (email|phone|link|name)(?: (.*))?$/.exec(reason);
  if (!match) return reason[0] ? reason[0].toUpperCase() + reason.slice(1) : reason;
  const [, kind, value] = match;
  if (kind === 'name' || !value) return `Same ${kind}`;
  return `Same ${kind}: ${value}`;
}

/**
 * The fields a merge chooses between, in the order the contact page shows them. The name and its
 * parts go together, so the kept name is never one person's first name with the other's last.
 */
export const MERGE_FIELDS = [
  { key: 'name', label: 'Name', fields: ['displayName', 'firstName', 'middleName', 'lastName', 'prefix', 'suffix'] },
  { key: 'nickname', label: 'Nickname', fields: ['nickname'] },
  { key: 'company', label: 'Company', fields: ['company'] },
  { key: 'title', label: 'Title', fields: ['title'] },
  { key: 'location', label: 'Location', fields: ['location'] },
  { key: 'birthday', label: 'Birthday', fields: ['birthday'] },
  { key: 'metHow', label: 'How you met', fields: ['metHow'] },
  { key: 'metOn', label: 'Met on', fields: ['metOn'] },
  { key: 'circle', label: 'Circle', fields: ['circle'] },
  { key: 'cadenceDays', label: 'Check-in every', fields: ['cadenceDays'] },
] as const;

export type MergeField = (typeof MERGE_FIELDS)[number];
export type Side = 'a' | 'b';

/** The value a merge field shows for a contact, or null when it has none. */
export function mergeValue(contact: Contact, field: MergeField): string | null {
  if (field.key === 'name') return contact.displayName;
  const value = contact[field.fields[0] as keyof Contact];
  return value === null || value === undefined || value === '' ? null : String(value);
}

/** Fields where both contacts have a value and the values differ: the person merging chooses. */
export function conflictingFields(a: Contact, b: Contact): MergeField[] {
  return MERGE_FIELDS.filter((f) => {
    const [x, y] = [mergeValue(a, f), mergeValue(b, f)];
    return x !== null && y !== null && x !== y;
  });
}

/**
 * The request for a merge: the kept contact, the one folded into it, and for each field where the
 * other contact's value was chosen, `merge` (the server keeps the kept contact's value otherwise).
 */
export function mergeRequest(a: Contact, b: Contact, keep: Side, choices: Partial<Record<MergeField['key'], Side>>) {
  const [kept, merged] = keep === 'a' ? [a, b] : [b, a];
  const prefer: Record<string, 'merge'> = {};
  for (const field of conflictingFields(a, b)) {
    if ((choices[field.key] ?? keep) !== keep) for (const f of field.fields) prefer[f] = 'merge';
  }
  return { keepId: kept.id, mergeId: merged.id, ...(Object.keys(prefer).length > 0 && { prefer }) };
}

/** Table names of a backup (`contact_methods`) as words. */
export function tableLabel(table: string): string {
  const labels: Record<string, string> = { contact_events: 'milestones', exchanges: 'offers and asks', contact_methods: 'emails, phones and links', contact_extras: 'kept vCard properties', contact_photos: 'pictures' };
  const label = labels[table] ?? table.replaceAll('_', ' ');
  return label[0]!.toUpperCase() + label.slice(1);
}
