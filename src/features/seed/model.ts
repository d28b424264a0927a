import type { Circle } from '../contacts/model.js';
import type { InteractionKind } from '../interactions/model.js';

/*
 * Seed data: a realistic demo network for newcomers (demo.ts) and deterministic data at scale for
 * the benchmarks (bench.ts). Both are pure: the same parameters, account and clock give the same
 * rows, ids included, so a benchmark can be repeated and a raw baseline can write identical rows.
 */

/** A contact as the seed writes it: every field resolved, already in the form the services store. */
/** An email, phone or URL; the id is drawn with the rest, so seeding twice gives identical rows. */
export interface SeedMethod {
  id: string;
  value: string;
  type: string;
}

export interface SeedContact {
  id: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  emails: SeedMethod[];
  phones: SeedMethod[];
  urls: SeedMethod[];
  company: string | null;
  title: string | null;
  location: string | null;
  /** YYYY-MM-DD, or --MM-DD without a year. */
  birthday: string | null;
  metHow: string | null;
  metOn: string | null;
  circle: Circle | null;
  cadenceDays: number | null;
  dimensions: Record<string, string>;
  tags: string[];
  notes: string | null;
  createdAt: string;
}

export interface SeedInteraction {
  id: string;
  kind: InteractionKind;
  channel: string | null;
  occurredAt: string;
  summary: string;
  notes: string | null;
  shared: { needs: string | null; challenges: string | null; plans: string | null };
  learned: string | null;
  quality: number | null;
  followUp: { text: string; due: string | null; doneAt: string | null } | null;
  participantIds: string[];
}

/** What the interactions generator needs to know of the contacts written before them. */
export interface ContactRef {
  id: string;
  circle: Circle | null;
  cadenceDays: number | null;
}

/**
 * A stream of seed rows. Contacts come first; interactions come in time order (so the search
 * index's insertion order follows time, which its "newest first" candidate ranking relies on).
 */
export interface SeedSource {
  contacts(): Iterable<SeedContact>;
  interactions(contacts: readonly ContactRef[]): Iterable<SeedInteraction>;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Default keep-in-touch cadence of each circle, in days (DESIGN.md §4). */
export const CIRCLE_CADENCE: Record<Circle, number> = { inner: 14, close: 30, network: 90, wide: 180 };

/** mulberry32: a small, fast, seedable PRNG with a full 2^32 period; never Math.random. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts: turns a seed, an account and a stream name into one 32-bit seed. */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    h ^= char.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [value, weight] of choices) {
      x -= weight;
      if (x < 0) return value;
    }
    return choices.at(-1)![0];
  }

  /** k distinct items, in the order drawn. */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) out.push(pool.splice(this.int(pool.length), 1)[0]!);
    return out;
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A UUID v7 (RFC 9562) for an instant, its random bits drawn from the seeded generator. */
export function uuidV7(ms: number, random: Random): string {
  const time = hex(ms, 12);
  const variant = hex(0x8 | random.int(4), 1);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(random.int(0x1000), 3)}-${variant}${hex(random.int(0x1000), 3)}-${hex(random.int(0x1000000), 6)}${hex(random.int(0x1000000), 6)}`;
}

/** `YYYY-MM-DD` of an instant in UTC. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** Effective keep-in-touch cadence: the contact's own, else its circle's; none without a circle. */
export function cadenceOf(contact: Pick<ContactRef, 'circle' | 'cadenceDays'>): number | null {
  return contact.cadenceDays ?? (contact.circle ? CIRCLE_CADENCE[contact.circle] : null);
}

export interface SeedCounts {
  contacts: number;
  interactions: number;
}
