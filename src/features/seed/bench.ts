import { KINDS } from '../interactions/model.js';
import type { Circle } from '../contacts/model.js';
import { CITIES, COMMUNITIES, COMPANIES, CULTURES, FUNCTIONS, TAGS, TITLES, slug } from './names.js';
import { DAY_MS, hashSeed, isoDate, isoInstant, Random, uuidV7, type ContactRef, type SeedContact, type SeedInteraction, type SeedSource } from './model.js';

/*
 * Benchmark data at scale (`rapport seed --contacts N --interactions M --seed S`). Text is drawn
 * from an invented vocabulary with a Zipf frequency distribution, like natural language: a few
 * words appear in most notes and most words are rare, so searches for common and rare words can
 * both be measured. Dates end at a fixed instant, so the same seed always gives the same rows.
 */

export interface BenchParams {
  contacts: number;
  interactions: number;
  seed: number;
  /** Ids are drawn per account, so two accounts seeded alike in one database never collide. */
  ownerId: string;
}

/** The last instant of benchmark data; fixed so the data does not depend on the day it is made. */
export const BENCH_END = Date.parse('2026-01-01T00:00:00.000Z');
const SPAN_MS = 3 * 365 * DAY_MS;

export const VOCABULARY_SIZE = 20_000;
/** Zipf's exponent: the word of rank r appears with a frequency proportional to 1 / r^s. */
const ZIPF_EXPONENT = 1;

// PostgreSQL's English stop words that an invented word could spell; they would not be indexed.
const STOP_WORDS = new Set(['about', 'above', 'after', 'again', 'before', 'below', 'being', 'between', 'during', 'further', 'having', 'itself', 'other', 'ourselves', 'should', 'their', 'there', 'these', 'those', 'through', 'under', 'until', 'where', 'which', 'while', 'yourself']);

export interface Vocabulary {
  /** Words by rank: words[0] is the most frequent. */
  words: readonly string[];
  /** cumulative[r] = probability that a word's rank is at most r. */
  cumulative: Float64Array;
}

let vocabularyCache: Vocabulary | null = null;

/** The benchmark vocabulary: the same invented words, in the same frequency order, every time. */
export function vocabulary(): Vocabulary {
  if (vocabularyCache) return vocabularyCache;
  const random = new Random(hashSeed('rapport vocabulary'));
  const onsets = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'st', 'tr', 'kl'];
  const vowels = ['a', 'e', 'i', 'o', 'u'];
  const codas = ['', '', 'n', 'r', 'l', 'm', 'k', 'x'];
  const seen = new Set<string>();
  const words: string[] = [];
  while (words.length < VOCABULARY_SIZE) {
    const syllables = random.between(2, 4);
    let word = '';
    for (let i = 0; i < syllables; i++) word += random.pick(onsets) + random.pick(vowels);
    word += random.pick(codas);
    if (seen.has(word) || STOP_WORDS.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  const cumulative = new Float64Array(VOCABULARY_SIZE);
  let total = 0;
  for (let r = 0; r < VOCABULARY_SIZE; r++) total += 1 / (r + 1) ** ZIPF_EXPONENT;
  let running = 0;
  for (let r = 0; r < VOCABULARY_SIZE; r++) {
    running += 1 / (r + 1) ** ZIPF_EXPONENT / total;
    cumulative[r] = running;
  }
  cumulative[VOCABULARY_SIZE - 1] = 1;
  vocabularyCache = { words, cumulative };
  return vocabularyCache;
}

/** A word drawn by frequency. */
export function zipfWord(random: Random, vocab: Vocabulary): string {
  const x = random.float();
  let lo = 0;
  let hi = vocab.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocab.cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return vocab.words[lo]!;
}

function phrase(random: Random, vocab: Vocabulary, min: number, max: number): string {
  const n = random.between(min, max);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(zipfWord(random, vocab));
  return words.join(' ');
}

function digits(random: Random, format: string): string {
  return format.replace(/#/g, () => String(random.int(10)));
}

const CIRCLE_WEIGHTS: readonly (readonly [Circle | null, number])[] = [['inner', 1], ['close', 5], ['network', 30], ['wide', 40], [null, 24]];
const CHANNELS = ['Zoom', 'Google Meet', 'phone', 'LinkedIn', 'WhatsApp', 'Signal', 'email', 'office', 'café', 'conference'];

function benchContact(random: Random, vocab: Vocabulary, index: number): SeedContact {
  const culture = random.pick(CULTURES);
  const first = random.pick(culture.first);
  const last = random.pick(culture.last);
  const [company, industry] = random.pick(COMPANIES);
  const fn = random.pick(FUNCTIONS);
  const [title, seniority] = random.pick(TITLES[fn]);
  const [city, region] = random.pick(CITIES);
  const createdMs = BENCH_END - SPAN_MS - random.int(365 * DAY_MS) + random.int(SPAN_MS);
  const id = uuidV7(createdMs, random);
  const tags = new Set<string>();
  // A fifth of contacts are tagged; low-index tags are the popular ones.
  if (random.chance(0.2)) {
    const count = random.between(1, 3);
    for (let i = 0; i < count; i++) tags.add(TAGS[Math.floor(TAGS.length * random.float() ** 2)]!);
  }
  const dimensions: Record<string, string> = { industry, function: fn, seniority, region };
  if (random.chance(0.15)) dimensions.community = random.pick(COMMUNITIES);
  return {
    id,
    displayName: `${first} ${last}`,
    firstName: first,
    lastName: last,
    emails: [{ id: uuidV7(createdMs, random), value: `${slug(first)}.${slug(last)}.${index}@${slug(company)}.com`, type: 'work' }],
    phones: random.chance(0.4) ? [{ id: uuidV7(createdMs, random), value: `${culture.phone[0]} ${digits(random, culture.phone[1])}`, type: 'mobile' }] : [],
    urls: [],
    company,
    title,
    location: city,
    birthday: null,
    metHow: null,
    metOn: null,
    circle: random.weighted(CIRCLE_WEIGHTS),
    cadenceDays: null,
    dimensions,
    tags: [...tags],
    notes: random.chance(0.3) ? phrase(random, vocab, 8, 20) : null,
    createdAt: isoInstant(createdMs),
  };
}

/** Deterministic benchmark data: `contacts` contacts and `interactions` interactions over three years. */
export function benchSource(params: BenchParams): SeedSource {
  const vocab = vocabulary();
  return {
    *contacts() {
      const random = new Random(hashSeed(params.seed, params.ownerId, 'contacts'));
      for (let i = 0; i < params.contacts; i++) yield benchContact(random, vocab, i);
    },

    *interactions(contacts: readonly ContactRef[]) {
      if (contacts.length === 0) return;
      const random = new Random(hashSeed(params.seed, params.ownerId, 'interactions'));
      const start = BENCH_END - SPAN_MS;
      const n = params.interactions;
      for (let i = 0; i < n; i++) {
        // Slot i of n, jittered inside its slot: times only ever grow.
        const ms = start + Math.floor(((i + random.float()) * SPAN_MS) / n);
        const participants = new Set<string>();
        const count = random.chance(0.85) ? 1 : random.between(2, 3);
        // Squaring skews choices towards the first contacts: some people are met far more often.
        for (let p = 0; p < count; p++) participants.add(contacts[Math.floor(contacts.length * random.float() ** 2)]!.id);
        const id = uuidV7(ms, random);
        const hasFollowUp = random.chance(0.2);
        const due = ms + random.between(2, 21) * DAY_MS;
        yield {
          id,
          kind: random.pick(KINDS),
          channel: random.pick(CHANNELS),
          occurredAt: isoInstant(ms),
          summary: phrase(random, vocab, 4, 8),
          notes: phrase(random, vocab, 15, 30),
          shared: {
            needs: random.chance(0.3) ? phrase(random, vocab, 5, 10) : null,
            challenges: random.chance(0.3) ? phrase(random, vocab, 5, 10) : null,
            plans: random.chance(0.3) ? phrase(random, vocab, 5, 10) : null,
          },
          learned: random.chance(0.4) ? phrase(random, vocab, 5, 12) : null,
          quality: random.chance(0.7) ? random.between(1, 5) : null,
          followUp: hasFollowUp
            ? { text: phrase(random, vocab, 3, 6), due: isoDate(due), doneAt: due < BENCH_END && random.chance(0.8) ? isoInstant(due) : null }
            : null,
          participantIds: [...participants],
        } satisfies SeedInteraction;
      }
    },
  };
}
