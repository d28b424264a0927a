import { fold, linkedinKey, phoneKey } from './model.js';

/*
 * Likely duplicates among a user's contacts: pure, so the rules are tested without a database.
 * Two contacts are likely the same person when they share an email, a phone number or a web
 * address, or when their names are the same or nearly so (word order, a missing middle name, one
 * typo in the first name).
 */

export interface DuplicateInput {
  id: string;
  displayName: string;
  company: string | null;
  emails: string[];
  phones: string[];
  urls: string[];
}

export interface DuplicatePair {
  a: string;
  b: string;
  reasons: string[];
  /** Shared identifiers score higher than similar names. */
  score: number;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function urlKey(url: string): string {
  return linkedinKey(url) ?? url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/+$/, '').toLowerCase();
}

/** Groups larger than this are common values (a shared office phone), not evidence. */
const MAX_GROUP = 20;

export function findDuplicates(contacts: readonly DuplicateInput[]): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const add = (a: string, b: string, reason: string, score: number) => {
    if (a === b) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `${x}\u0000${y}`;
    const pair = pairs.get(key) ?? pairs.set(key, { a: x, b: y, reasons: [], score: 0 }).get(key)!;
    if (!pair.reasons.includes(reason)) {
      pair.reasons.push(reason);
      pair.score += score;
    }
  };
  const groups = new Map<string, string[]>();
  const group = (key: string, id: string) => {
    const ids = groups.get(key) ?? groups.set(key, []).get(key)!;
    if (!ids.includes(id)) ids.push(id);
  };
  const lastNames = new Map<string, { id: string; first: string }[]>();
  for (const c of contacts) {
    for (const e of c.emails) group(`same email ${e.toLowerCase()}`, c.id);
    for (const p of c.phones) {
      const key = phoneKey(p);
      if (key) group(`same phone ${key}`, c.id);
    }
    for (const u of c.urls) group(`same link ${urlKey(u)}`, c.id);
    const words = fold(c.displayName).replace(/[^\p{L}\p{N} ]+/gu, ' ').split(' ').filter(Boolean);
    if (words.length === 0) continue;
    group(`same name ${words.join(' ')}`, c.id);
    if (words.length > 1) {
      group(`similar name ${[...words].sort().join(' ')}`, c.id);
      group(`similar name ${words[0]} ${words.at(-1)}`, c.id);
      const last = words.at(-1)!;
      (lastNames.get(last) ?? lastNames.set(last, []).get(last)!).push({ id: c.id, first: words[0]! });
    }
  }
  for (const [key, ids] of groups) {
    if (ids.length < 2 || ids.length > MAX_GROUP) continue;
    const reason = key.startsWith('similar name') ? 'similar name' : key;
    const score = key.startsWith('same name') ? 3 : key.startsWith('similar') ? 2 : 5;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) add(ids[i]!, ids[j]!, reason, score);
  }
  // One typo in the first name, same last name: Jon Smith and John Smith.
  for (const people of lastNames.values()) {
    if (people.length < 2 || people.length > MAX_GROUP * 5) continue;
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const [p, q] = [people[i]!, people[j]!];
        if (p.first !== q.first && Math.min(p.first.length, q.first.length) >= 3 && editDistance(p.first, q.first, 1) <= 1) add(p.id, q.id, 'similar name', 1);
      }
    }
  }
  return [...pairs.values()].sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
}
