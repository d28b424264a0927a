import { describe, expect, it } from 'vitest';
import { contactInput } from '../contacts/model.js';
import { interactionInput } from '../interactions/model.js';
import { benchSource, vocabulary, VOCABULARY_SIZE } from './bench.js';
import { demoSource } from './demo.js';
import { cadenceOf, DAY_MS, mulberry32, Random, uuidV7, type SeedContact, type SeedInteraction, type SeedSource } from './model.js';

function materialise(source: SeedSource): { contacts: SeedContact[]; interactions: SeedInteraction[] } {
  const contacts = [...source.contacts()];
  return { contacts, interactions: [...source.interactions(contacts)] };
}

/** The input the services would accept for a seed contact, to check the seed writes only valid data. */
function asContactInput(c: SeedContact) {
  const strip = (list: SeedContact['emails']) => list.map(({ value, type }) => ({ value, type }));
  return {
    displayName: c.displayName, firstName: c.firstName, lastName: c.lastName, emails: strip(c.emails), phones: strip(c.phones), urls: strip(c.urls),
    company: c.company, title: c.title, location: c.location, birthday: c.birthday, metHow: c.metHow, metOn: c.metOn, circle: c.circle,
    cadenceDays: c.cadenceDays, dimensions: c.dimensions, tags: c.tags, notes: c.notes,
  };
}

function asInteractionInput(i: SeedInteraction) {
  return {
    participantIds: i.participantIds, kind: i.kind, channel: i.channel, occurredAt: i.occurredAt, summary: i.summary, notes: i.notes,
    shared: i.shared, learned: i.learned, quality: i.quality, followUp: i.followUp && { text: i.followUp.text, due: i.followUp.due, done: i.followUp.doneAt !== null },
  };
}

const NOW = new Date('2026-03-02T09:00:00.000Z');
const TODAY = '2026-03-02';

describe('seeded randomness', () => {
  it('gives the same numbers for the same seed and different ones for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('makes UUID v7 ids that carry their instant and sort by it', () => {
    const random = new Random(1);
    const early = uuidV7(Date.parse('2025-01-01T00:00:00Z'), random);
    const late = uuidV7(Date.parse('2025-01-01T00:00:01Z'), random);
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early.slice(0, 13)).toBe('01941f29-7c00');
    expect(early < late).toBe(true);
  });
});

describe('benchmark data', () => {
  const params = { contacts: 300, interactions: 2000, seed: 7, ownerId: 'owner-1' };

  it('is identical for the same seed and account, and differs for another seed or account', () => {
    const once = materialise(benchSource(params));
    expect(materialise(benchSource(params))).toEqual(once);
    expect(once.contacts).toHaveLength(300);
    expect(once.interactions).toHaveLength(2000);
    expect(materialise(benchSource({ ...params, seed: 8 })).interactions[0]).not.toEqual(once.interactions[0]);
    const otherAccount = materialise(benchSource({ ...params, ownerId: 'owner-2' }));
    const ids = new Set([...once.contacts, ...once.interactions].map((row) => row.id));
    expect([...otherAccount.contacts, ...otherAccount.interactions].some((row) => ids.has(row.id))).toBe(false);
  });

  it('draws words by a Zipf distribution, so common and rare words both exist', () => {
    const { words } = vocabulary();
    expect(new Set(words).size).toBe(VOCABULARY_SIZE);
    const { interactions } = materialise(benchSource(params));
    const docsWith = (word: string) => interactions.filter((i) => ` ${i.summary} ${i.notes} `.includes(` ${word} `)).length;
    const top = docsWith(words[0]!);
    const tenth = docsWith(words[9]!);
    const thousandth = docsWith(words[999]!);
    expect(top).toBeGreaterThan(interactions.length * 0.8);
    expect(tenth).toBeLessThan(top / 3);
    expect(thousandth).toBeLessThan(tenth / 20);
  });

  it('writes only what the services would accept, in time order, with known participants', () => {
    const { contacts, interactions } = materialise(benchSource(params));
    for (const c of contacts) expect(contactInput.safeParse(asContactInput(c)).success).toBe(true);
    for (const i of interactions) expect(interactionInput.safeParse(asInteractionInput(i)).success).toBe(true);
    const ids = new Set(contacts.map((c) => c.id));
    expect(interactions.every((i) => i.participantIds.every((id) => ids.has(id)))).toBe(true);
    expect(interactions.every((i, n) => n === 0 || interactions[n - 1]!.occurredAt <= i.occurredAt)).toBe(true);
    expect(interactions.at(-1)!.occurredAt < '2026-01-01T00:00:00.000Z').toBe(true);
    const tagged = contacts.filter((c) => c.tags.length > 0).length;
    expect(tagged).toBeGreaterThan(30);
    expect(tagged).toBeLessThan(100);
  });
});

describe('demo network', () => {
  const { contacts, interactions } = materialise(demoSource({ ownerId: 'demo-owner', now: NOW }));
  const last = new Map<string, number>();
  for (const i of interactions) for (const id of i.participantIds) last.set(id, Math.max(last.get(id) ?? 0, Date.parse(i.occurredAt)));

  it('is the same for the same account and clock', () => {
    expect(materialise(demoSource({ ownerId: 'demo-owner', now: NOW }))).toEqual({ contacts, interactions });
    expect(contacts).toHaveLength(300);
    expect(interactions).toHaveLength(2742);
  });

  it('has circles in plausible proportions, unique names and valid data', () => {
    const byCircle = Object.fromEntries(['inner', 'close', 'network', 'wide', null].map((c) => [String(c), contacts.filter((x) => x.circle === c).length]));
    expect(byCircle).toEqual({ inner: 8, close: 32, network: 110, wide: 120, null: 30 });
    expect(new Set(contacts.map((c) => c.displayName)).size).toBe(300);
    for (const c of contacts) expect(contactInput.safeParse(asContactInput(c)).success).toBe(true);
    for (const i of interactions) expect(interactionInput.safeParse(asInteractionInput(i)).success).toBe(true);
    expect(contacts.filter((c) => c.birthday?.startsWith('--')).length).toBeGreaterThan(20);
    expect(contacts.filter((c) => c.cadenceDays !== null).length).toBeGreaterThan(10);
    expect(new Set(contacts.map((c) => c.location)).size).toBeGreaterThan(30);
  });

  it('spans three years up to now, denser with closer circles', () => {
    expect(interactions.every((i, n) => n === 0 || interactions[n - 1]!.occurredAt <= i.occurredAt)).toBe(true);
    expect(Date.parse(interactions[0]!.occurredAt)).toBeGreaterThanOrEqual(NOW.getTime() - 3 * 365 * DAY_MS);
    expect(Date.parse(interactions.at(-1)!.occurredAt)).toBeLessThanOrEqual(NOW.getTime());
    const perContact = (circle: string) => {
      const members = contacts.filter((c) => c.circle === circle).map((c) => c.id);
      return interactions.filter((i) => i.participantIds.some((id) => members.includes(id))).length / members.length;
    };
    expect(perContact('inner')).toBeGreaterThan(perContact('close'));
    expect(perContact('close')).toBeGreaterThan(perContact('network'));
    expect(perContact('network')).toBeGreaterThan(perContact('wide'));
    expect(interactions.filter((i) => i.participantIds.length > 1).length).toBeGreaterThan(100);
  });

  it('leaves some people overdue for a check-in by their cadence', () => {
    const overdue = contacts.filter((c) => {
      const cadence = cadenceOf(c);
      const at = last.get(c.id);
      return cadence !== null && at !== undefined && NOW.getTime() - at > cadence * DAY_MS;
    });
    expect(overdue.length).toBeGreaterThan(30);
    expect(overdue.length).toBeLessThan(100);
    expect(overdue.some((c) => c.circle === 'inner' || c.circle === 'close')).toBe(true);
  });

  it('has follow-ups done, open, overdue and due in the coming days', () => {
    const followUps = interactions.flatMap((i) => (i.followUp ? [i.followUp] : []));
    const open = followUps.filter((f) => f.doneAt === null);
    const inAWeek = new Date(NOW.getTime() + 7 * DAY_MS).toISOString().slice(0, 10);
    expect(followUps.filter((f) => f.doneAt !== null).length).toBeGreaterThan(300);
    expect(open.filter((f) => f.due! < TODAY).length).toBeGreaterThan(5);
    expect(open.filter((f) => f.due! >= TODAY && f.due! <= inAWeek).length).toBeGreaterThan(3);
    expect(followUps.every((f) => f.doneAt === null || f.doneAt <= NOW.toISOString())).toBe(true);
  });
});
