import type { BulkResult, ContactSort } from '../../shared/types';

/** "mentor, climbing ,  " → ["mentor", "climbing"]. */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

export const SORT_LABELS: Record<string, string> = {
  name: 'Name',
  '-lastInteraction': 'Last interaction, oldest first',
  lastInteraction: 'Last interaction, newest first',
  company: 'Company',
  strength: 'Strength, strongest first',
  '-strength': 'Strength, weakest first',
};

export const SORT_OPTIONS: ContactSort[] = ['name', 'lastInteraction', '-lastInteraction', 'company', 'strength', '-strength'];

/** One sentence about a bulk action: what was done, and what was skipped. */
export function bulkSummary(results: readonly BulkResult[], done: (n: number) => string): string {
  const ok = results.filter((r) => r.ok).length;
  const failed = results.length - ok;
  const contacts = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;
  return failed === 0 ? done(ok) : `${done(ok)} ${contacts(failed)} could not be changed (no longer there).`;
}

export const contactsLabel = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;

export const titleCase = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
