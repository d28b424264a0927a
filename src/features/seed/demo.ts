import type { Circle } from '../contacts/model.js';
import type { InteractionKind } from '../interactions/model.js';
import { CITIES, COMMUNITIES, COMPANIES, CULTURES, EVENTS, FUNCTIONS, TAGS, TITLES, slug } from './names.js';
import { cadenceOf, DAY_MS, hashSeed, isoDate, isoInstant, Random, uuidV7, type SeedContact, type SeedInteraction, type SeedMethod, type SeedSource } from './model.js';

/*
 * The demo network a newcomer sees: about 300 people from many places and walks of life, and three
 * years of interactions up to now. Closer circles are seen more often; about a quarter of people
 * are overdue for a check-in by their circle's cadence, and follow-ups are done, open, overdue or
 * due in the coming days, so every view has something real to show.
 */

export interface DemoParams {
  ownerId: string;
  /** The clock: every date is relative to it. */
  now: Date;
}

const HISTORY_DAYS = 3 * 365;
const CIRCLE_COUNTS: readonly (readonly [Circle | null, number])[] = [['inner', 8], ['close', 32], ['network', 110], ['wide', 120], [null, 30]];
/** Without a circle there is no cadence; such people are met now and then. */
const SPORADIC_DAYS = 240;

const TOPICS = [
  'their move to Lisbon', 'hiring a first designer', 'raising a seed round', 'the new product launch', 'burnout and a sabbatical',
  'switching from engineering to product', 'pricing for the enterprise plan', 'a board seat offer', 'a conference talk proposal',
  'parental leave plans', 'going independent as a consultant', 'their team reorg', 'learning Rust', 'their open-source project',
  'mentoring junior designers', 'expanding into Latin America', 'their PhD research', 'writing a book', 'a career change into climate tech',
  'negotiating a promotion', 'remote team rituals', 'starting a podcast', 'customer interviews', 'marathon training',
  'moving back home to be near family', 'an acquisition offer', 'building a data team', 'angel investing', 'the AI strategy at work',
  'a grant application', 'their first management role', 'a product-market fit scare', 'the community meetup they run', 'selling to hospitals',
];
const MILESTONES = ['the new job', 'the promotion', 'the funding round', 'the book deal', 'the baby', 'the launch', 'the award', 'finishing the PhD'];

const SUMMARIES: Record<InteractionKind, readonly string[]> = {
  coffee: ['Coffee catch-up about {topic}', 'Morning coffee: {topic}', 'Coffee near their office, mostly {topic}'],
  meal: ['Lunch to talk through {topic}', 'Dinner, long talk about {topic}', 'Breakfast before work: {topic}'],
  call: ['Quick call on {topic}', 'Phone catch-up: {topic}', 'Called to hear about {topic}'],
  video_call: ['Video call about {topic}', 'Check-in on {topic}', 'Remote catch-up: {topic}'],
  message: ['Messaged about {topic}', 'Congratulated them on {milestone}', 'Sent a note about {topic}'],
  email: ['Emailed about {topic}', 'Shared notes on {topic}', 'Long email thread on {topic}'],
  event: ['Ran into them at {event}', 'Sat together at {event}', 'Their talk at {event}'],
  meeting: ['Meeting on {topic}', 'Working session on {topic}', 'Workshop on {topic}'],
  other: ['Walk in the park, talked about {topic}', 'Climbing session, chatted about {topic}'],
};

const CHANNELS: Record<InteractionKind, readonly string[]> = {
  coffee: ['in person'],
  meal: ['in person', 'restaurant'],
  call: ['phone', 'WhatsApp'],
  video_call: ['Zoom', 'Google Meet', 'Microsoft Teams'],
  message: ['LinkedIn', 'WhatsApp', 'Signal', 'Slack', 'SMS'],
  email: ['email'],
  event: ['in person'],
  meeting: ['their office', 'our office', 'Zoom'],
  other: ['in person'],
};

const KINDS_BY_CIRCLE: Record<Circle | 'none', readonly (readonly [InteractionKind, number])[]> = {
  inner: [['coffee', 4], ['meal', 3], ['call', 3], ['message', 4], ['video_call', 2], ['other', 1]],
  close: [['coffee', 4], ['call', 3], ['video_call', 3], ['meal', 2], ['message', 3], ['email', 1]],
  network: [['video_call', 4], ['coffee', 3], ['email', 3], ['event', 2], ['meeting', 2], ['message', 3]],
  wide: [['event', 4], ['email', 3], ['message', 4], ['meeting', 1], ['video_call', 1]],
  none: [['event', 3], ['email', 2], ['message', 2], ['meeting', 1]],
};

const NOTE_SENTENCES = [
  'They seemed {mood} about it.', 'We spent most of the time on {topic}.', 'They asked sharp questions about my own plans.',
  'Agreed to stay in touch more often.', 'It ran over by half an hour, in a good way.', 'They were distracted; a busy week for them.',
  'We compared notes on {topic}.', 'They mentioned {other} might be able to help.', 'I mostly listened, which was the right call.',
  'Good energy, lots of laughs.', 'Talked about family for a while before getting to work topics.', 'They are thinking hard about the next two years.',
];
const MOODS = ['excited', 'anxious', 'cautiously optimistic', 'tired but determined', 'relieved', 'curious', 'frustrated'];
const NEEDS = [
  'An introduction to a good employment lawyer', 'Senior engineers who know payments', 'Feedback on their pitch deck', 'A co-founder with sales experience',
  'A mentor who has managed managers', 'Warm intros to hospital buyers', 'Beta users for the new app', 'A speaker for their meetup',
  'Advice on negotiating equity', 'A designer for a two-month contract', 'Someone who knows the Brazilian market', 'Reviewers for the book draft',
];
const CHALLENGES = [
  'Hiring is slow and expensive', 'Their manager left and the team is adrift', 'Runway is down to nine months', 'Balancing a newborn and a launch',
  'Enterprise sales cycles are dragging', 'Burning out after a hard year', 'Visa uncertainty', 'Investors want faster growth than is healthy',
  'The team disagrees on the roadmap', 'Imposter syndrome in the new role', 'Too many meetings, no deep work', 'Churn from small customers',
];
const PLANS = [
  'Launch the beta in the spring', 'Move to Berlin next year', 'Raise a seed round in Q3', 'Take three months off to travel',
  'Publish the research paper', 'Switch into a product role', 'Hire two engineers this quarter', 'Open an office in Nairobi',
  'Run a marathon in the autumn', 'Start consulting on the side', 'Apply to an accelerator', 'Write a weekly newsletter',
];
const LEARNINGS = [
  'Asking "what would make this a great year for you?" opens people up', 'Their pricing page converts better without a free tier',
  'Hospitals buy through procurement consortia, not departments', 'Short written updates beat status meetings for their team',
  'Good mentors ask more than they tell', 'A warm intro gets ten times the reply rate of a cold email',
  'They hire for curiosity over experience', 'Following up within 48 hours matters more than the perfect message',
  'Latin American expansion starts with Mexico City for most SaaS', 'People remember that you remembered their news',
  'Listening without fixing was what they needed', 'Founders underestimate how long enterprise pilots take',
];
const FOLLOW_UPS = [
  'Send {first} the article on {topic}', 'Introduce {first} to {other}', 'Share my notes on {topic}', 'Book the next coffee with {first}',
  "Review {first}'s deck", 'Recommend a designer to {first}', 'Check how the interview went', 'Send {first} the book recommendation',
];
const CONTACT_NOTES = [
  'Two kids; loves trail running.', 'Prefers mornings; never schedule after 5pm.', 'Vegetarian. Great taste in restaurants.',
  'Plays cello in a community orchestra.', 'Moved here from abroad three years ago.', 'Very direct; appreciates the same.',
  'Always knows who is hiring.', 'Writes a thoughtful newsletter on leadership.', 'Big football fan.', 'Bakes sourdough, will talk about it for hours.',
];
const MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'proton.me', 'fastmail.com', 'icloud.com'];
const QUALITY: readonly (readonly [number, number])[] = [[1, 3], [2, 7], [3, 25], [4, 40], [5, 25]];

function fill(template: string, random: Random, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key === 'topic') return random.pick(TOPICS);
    if (key === 'milestone') return random.pick(MILESTONES);
    if (key === 'event') return random.pick(EVENTS);
    if (key === 'mood') return random.pick(MOODS);
    return values[key] ?? key;
  });
}

/** A time of day people meet (08:00–19:45 UTC) on the day `daysAgo` before now, never after now. */
function meetingTime(now: number, daysAgo: number, random: Random): number {
  const day = Math.floor((now - daysAgo * DAY_MS) / DAY_MS) * DAY_MS;
  const at = day + random.between(8, 19) * 3_600_000 + random.int(4) * 15 * 60_000;
  return at <= now ? at : at - DAY_MS;
}

interface DemoPerson {
  contact: SeedContact;
  /** When the history with this person starts. */
  since: number;
}

function demoPeople(params: DemoParams, random: Random): DemoPerson[] {
  const now = params.now.getTime();
  const circles = CIRCLE_COUNTS.flatMap(([circle, count]) => Array.from({ length: count }, () => circle));
  const names = new Set<string>();
  const people: DemoPerson[] = [];
  for (const circle of circles) {
    const culture = random.pick(CULTURES);
    let first = random.pick(culture.first);
    let last = random.pick(culture.last);
    // One name, one person: finding "Priya Sharma" by name must not be ambiguous.
    while (names.has(`${first} ${last}`)) {
      first = random.pick(culture.first);
      last = random.pick(culture.last);
    }
    names.add(`${first} ${last}`);
    const employed = random.chance(0.92);
    const [company, industry] = random.pick(COMPANIES);
    const fn = random.pick(FUNCTIONS);
    const founder = random.chance(0.08);
    const [title, seniority] = founder ? ['Founder & CEO', 'Founder'] : random.pick(TITLES[fn]);
    const [city, region] = random.pick(CITIES);
    const closeness = circle === 'inner' ? 3 : circle === 'close' ? 2 : 1;
    const metDaysAgo = random.between(60, 365 * (2 + 3 * closeness));
    const since = Math.max(now - metDaysAgo * DAY_MS, now - HISTORY_DAYS * DAY_MS);
    const createdMs = since - random.int(20) * DAY_MS - random.int(DAY_MS);
    const handle = `${slug(first)}${slug(last)}`;

    const method = (value: string, type: string): SeedMethod => ({ id: uuidV7(createdMs, random), value, type });
    const phone = () => `${culture.phone[0]} ${culture.phone[1].replace(/#/g, () => String(random.int(10)))}`;
    const emails = employed ? [method(`${slug(first)}.${slug(last)}@${slug(company)}.com`, 'work')] : [];
    if (!employed || random.chance(0.4)) emails.push(method(`${handle}${random.between(1, 99)}@${random.pick(MAIL_DOMAINS)}`, 'home'));
    const phones = random.chance(0.6) ? [method(phone(), 'mobile')] : [];
    if (employed && random.chance(0.15)) phones.push(method(phone(), 'work'));
    const urls = random.chance(0.5) ? [method(`https://www.linkedin.com/in/${handle}`, 'linkedin')] : [];
    if (random.chance(0.15)) urls.push(method(`https://${handle}.net`, 'website'));

    let birthday: string | null = null;
    if (random.chance(0.65)) {
      const month = random.between(1, 12);
      const day = random.between(1, month === 2 ? 28 : 30);
      const mmdd = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      birthday = random.chance(0.3) ? `--${mmdd}` : `${random.between(1962, 2001)}-${mmdd}`;
    }

    const other = people.length > 0 ? random.pick(people).contact.displayName : null;
    const metHow = random.weighted<string>([
      [other ? `Introduced by ${other}` : 'Introduced by a friend', 3],
      [`At ${random.pick(EVENTS)}`, 3],
      [`Worked together at ${random.pick(COMPANIES)[0]}`, 2],
      ['University friends', closeness],
      [`Through the ${random.pick(COMMUNITIES)} community`, 2],
      [`Cold email about ${random.pick(TOPICS)}`, 1],
      [`Neighbours in ${city.split(',')[0]}`, 1],
    ]);

    const tags = new Set<string>();
    if (founder) tags.add('founder');
    if (fn === 'Investing') tags.add('investor');
    const tagCount = random.weighted([[0, 3], [1, 4], [2, 2], [3, 1]]);
    for (let i = 0; i < tagCount; i++) tags.add(TAGS[Math.floor(TAGS.length * random.float() ** 2)]!);

    const dimensions: Record<string, string> = { function: fn, seniority, region };
    if (employed) dimensions.industry = industry;
    if (random.chance(0.25)) dimensions.community = random.pick(COMMUNITIES);

    people.push({
      since,
      contact: {
        id: uuidV7(createdMs, random),
        displayName: `${first} ${last}`,
        firstName: first,
        lastName: last,
        emails,
        phones,
        urls,
        company: employed ? company : null,
        title: employed ? title : 'Independent consultant',
        location: city,
        birthday,
        metHow,
        metOn: random.chance(0.8) ? isoDate(now - metDaysAgo * DAY_MS) : null,
        circle,
        cadenceDays: random.chance(0.1) ? random.pick([7, 21, 45, 60, 120, 365]) : null,
        dimensions,
        tags: [...tags],
        notes: random.chance(0.4) ? random.sample(CONTACT_NOTES, random.between(1, 2)).join(' ') : null,
        createdAt: isoInstant(createdMs),
      },
    });
  }
  return people;
}

interface PlannedInteraction {
  at: number;
  person: DemoPerson;
  others: DemoPerson[];
}

/** When each person was seen: back from their last contact, about one cadence apart, to when the history starts. */
function plan(people: readonly DemoPerson[], now: number, random: Random): PlannedInteraction[] {
  const planned: PlannedInteraction[] = [];
  for (const person of people) {
    const { circle } = person.contact;
    // Some people in the outer circles were never contacted since they were added.
    if ((circle === 'wide' || circle === null) && random.chance(0.15)) continue;
    const cadence = cadenceOf(person.contact) ?? SPORADIC_DAYS;
    const overdue = random.chance(0.25);
    let daysAgo = cadence * (overdue ? 1.15 + random.float() * 1.35 : 0.05 + random.float() * 0.85);
    while (now - daysAgo * DAY_MS >= person.since) {
      const group = circle !== 'inner' && random.chance(0.1);
      const others = group ? random.sample(people.filter((p) => p !== person && p.since <= now - daysAgo * DAY_MS), random.between(1, 3)) : [];
      planned.push({ at: meetingTime(now, daysAgo, random), person, others });
      daysAgo += cadence * (0.9 + random.float() * 1.0);
    }
  }
  return planned.sort((a, b) => a.at - b.at || a.person.contact.id.localeCompare(b.person.contact.id));
}

function interactionOf(item: PlannedInteraction, people: readonly DemoPerson[], now: number, random: Random): SeedInteraction {
  const { contact } = item.person;
  const kind = item.others.length > 0 ? random.pick<InteractionKind>(['event', 'meeting', 'meal']) : random.weighted(KINDS_BY_CIRCLE[contact.circle ?? 'none']);
  const other = random.pick(people).contact.firstName!;
  const values = { first: contact.firstName!, other };
  const notes = random.chance(0.75)
    ? random.sample(NOTE_SENTENCES, random.between(1, 3)).map((s) => fill(s, random, values)).join(' ')
    : null;
  let followUp: SeedInteraction['followUp'] = null;
  // Recent interactions more often leave something to do.
  if (random.chance(now - item.at < 30 * DAY_MS ? 0.6 : 0.25)) {
    const due = item.at + random.between(2, 14) * DAY_MS;
    // Old follow-ups were mostly dealt with; a few recent ones are still open past their date.
    const doneAt = due < now - 2 * DAY_MS && random.chance(due < now - 60 * DAY_MS ? 0.97 : 0.6) ? Math.min(now, item.at + random.between(1, 16) * DAY_MS) : null;
    followUp = { text: fill(random.pick(FOLLOW_UPS), random, values), due: isoDate(due), doneAt: doneAt === null ? null : isoInstant(doneAt) };
  }
  return {
    id: uuidV7(item.at, random),
    kind,
    channel: random.pick(CHANNELS[kind]),
    occurredAt: isoInstant(item.at),
    summary: fill(random.pick(SUMMARIES[kind]), random, values),
    notes,
    shared: {
      needs: random.chance(0.35) ? random.pick(NEEDS) : null,
      challenges: random.chance(0.3) ? random.pick(CHALLENGES) : null,
      plans: random.chance(0.35) ? random.pick(PLANS) : null,
    },
    learned: random.chance(0.55) ? random.pick(LEARNINGS) : null,
    quality: random.chance(0.85) ? random.weighted(QUALITY) : null,
    followUp,
    participantIds: [contact.id, ...item.others.map((p) => p.contact.id)],
  };
}

/** The demo network for an account, as of the clock. */
export function demoSource(params: DemoParams): SeedSource {
  // The clock is part of the seed: a second demo network added later gets ids of its own.
  const random = new Random(hashSeed('demo', params.ownerId, params.now.getTime()));
  const now = params.now.getTime();
  const people = demoPeople(params, random);
  return {
    contacts: () => people.map((p) => p.contact),
    *interactions() {
      const later = new Random(hashSeed('demo', params.ownerId, params.now.getTime(), 'interactions'));
      for (const item of plan(people, now, later)) yield interactionOf(item, people, now, later);
    },
  };
}
