import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, checkAccessibility, DESKTOP, launchBrowser, PHONE, type RunningApp, screenshot, settled, startApp, watchConsole } from './harness/browser.js';

const OWNER = 'Robin Reflective';
const EMAIL = 'robin@example.com';
const PASSWORD = 'reflect every week';
const PLAIN_PAGE = 'This link is not available\n\nIt may have expired, been withdrawn, or already been used. If you were asked for feedback, ask the person who sent it for a new link.';

/** Dates as the app shows them to this browser (en-GB, Europe/London). */
const dayMonthYear = (date: Date) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' }).format(date);
const calendarDay = (day: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A call to the API as the signed-in page makes it, with the session's CSRF token. */
async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'x-csrf-token': session.csrfToken, ...(body !== undefined && { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    },
    { method, path, body },
  ) as Promise<{ status: number; body: T }>;
}

describe.skipIf(!browserAvailable())('the growth loop in the browser', () => {
  let app: RunningApp;
  let owner: Awaited<ReturnType<typeof launchBrowser>>;
  let stranger: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let problems: string[];
  let firstInteractionUrl = '';
  let shareLink = '';

  async function record(name: string, target: Page = page) {
    await checkAccessibility(target, name);
    await screenshot(target, name);
  }

  /** A fresh page in the stranger's browser: its own profile, never signed in. */
  async function strangerPage(context: BrowserContext): Promise<{ page: Page; requests: string[]; cookiesSet: string[] }> {
    const p = await context.newPage();
    const requests: string[] = [];
    const cookiesSet: string[] = [];
    p.on('request', (r) => requests.push(new URL(r.url()).pathname));
    p.on('response', async (r) => {
      const cookie = await r.headerValue('set-cookie');
      if (cookie) cookiesSet.push(`${new URL(r.url()).pathname}: ${cookie}`);
    });
    problems.push(...watchConsole(p));
    return { page: p, requests, cookiesSet };
  }

  beforeAll(async () => {
    app = await startApp();
    owner = await launchBrowser();
    stranger = await launchBrowser();
    page = owner.context.pages()[0] ?? (await owner.context.newPage());
    problems = watchConsole(page);
    await page.goto(app.url);
    await page.getByLabel('Your name').fill(OWNER);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
  });

  afterAll(async () => {
    await stranger?.close();
    await owner?.close();
    await app?.close();
  });

  it('offers the reflection right after logging, and saves it', async () => {
    await page.keyboard.press('l');
    const log = page.getByRole('dialog', { name: 'Log interaction' });
    await log.getByLabel('With').fill('Grace Hopper');
    await log.getByRole('option', { name: 'New contact “Grace Hopper”' }).click();
    await log.getByRole('button', { name: 'Remove Grace Hopper' }).waitFor();
    await log.getByLabel('Summary').fill('Coffee about compilers');
    await log.getByText('What they shared, what you learned, follow-up').click();
    await log.getByLabel('What I learned').fill('She keeps a logbook of every bug');
    await page.keyboard.press('Control+Enter');

    const reflect = page.getByRole('dialog', { name: 'Reflect on it' });
    await reflect.waitFor();
    expect(await reflect.locator('.reflect-context').innerText()).toBe('Coffee about compilers · with Grace Hopper');
    // Typing starts in the first field; no click needed.
    expect(await page.evaluate(() => document.activeElement?.closest('.field')?.querySelector('label')?.textContent)).toBe('What went well');
    await page.keyboard.type('Asked about her first bug');
    await reflect.getByLabel('What to improve').fill('Talked too much about myself');
    await reflect.getByLabel('Missed opportunities').fill('Did not offer an introduction');
    await reflect.getByRole('group', { name: 'Connection quality' }).getByRole('radio', { name: '4 · Warm' }).check();
    await reflect.getByRole('group', { name: 'Communication effectiveness' }).getByRole('radio', { name: '3 · Okay' }).check();
    await reflect.getByRole('checkbox', { name: 'Active listening' }).check();
    await reflect.getByLabel('Notes').fill('Bring the logbook photo next time');
    await record('reflect-offer');
    await page.keyboard.press('Control+Enter');
    await reflect.waitFor({ state: 'hidden' });
    await page.locator('.toast').filter({ hasText: 'Reflection saved.' }).getByRole('button', { name: 'View' }).click();

    await page.getByRole('heading', { name: 'Coffee about compilers', level: 1 }).waitFor();
    firstInteractionUrl = page.url();
    const section = page.getByRole('region', { name: 'Reflection' });
    await section.locator('dl').waitFor();
    expect(await section.locator('dl > div').allInnerTexts()).toEqual([
      'What went well\nAsked about her first bug',
      'What to improve\nTalked too much about myself',
      'Missed opportunities\nDid not offer an introduction',
      'Connection quality\n4 of 5 · Warm',
      'Communication effectiveness\n3 of 5 · Okay',
      'Skills practised\nActive listening',
      'Notes\nBring the logbook photo next time',
    ]);
    await record('interaction-reflection');
  });

  it('skips the offer with one key, and reflects, edits and deletes later from the interaction', async () => {
    await page.keyboard.press('l');
    const log = page.getByRole('dialog', { name: 'Log interaction' });
    await log.getByLabel('With').fill('grace');
    await log.getByRole('option', { name: /Grace Hopper/ }).click();
    await log.getByLabel('Summary').fill('Quick call about COBOL');
    await log.getByRole('radio', { name: 'Call', exact: true }).check();
    await log.getByRole('button', { name: 'Save' }).click();
    const reflect = page.getByRole('dialog', { name: 'Reflect on it' });
    await reflect.waitFor();
    await page.keyboard.press('Escape');
    await reflect.waitFor({ state: 'hidden' });
    await page.locator('.toast').filter({ hasText: 'Logged call with Grace Hopper.' }).getByRole('button', { name: 'View' }).click();
    await page.getByRole('heading', { name: 'Quick call about COBOL', level: 1 }).waitFor();

    const section = page.getByRole('region', { name: 'Reflection' });
    await section.getByText('No reflection yet.').waitFor();
    await section.getByRole('button', { name: 'Reflect on it' }).click();
    await section.getByLabel('What went well').fill('Short and to the point');
    await section.getByRole('button', { name: 'Save reflection' }).click();
    await expect.poll(() => section.locator('dl > div').allInnerTexts()).toEqual(['What went well\nShort and to the point']);

    await section.getByRole('button', { name: 'Edit reflection' }).click();
    expect(await section.getByLabel('What went well').inputValue()).toBe('Short and to the point');
    await section.getByLabel('What went well').fill('');
    await section.getByRole('button', { name: 'Save reflection' }).click();
    // Nothing written and nothing scored is refused, next to the first field.
    await section.getByText('write something or give a score').waitFor();
    await section.getByRole('group', { name: 'Connection quality' }).getByRole('radio', { name: '2 · Polite' }).check();
    await section.getByRole('button', { name: 'Save reflection' }).click();
    await expect.poll(() => section.locator('dl > div').allInnerTexts()).toEqual(['Connection quality\n2 of 5 · Polite']);

    await section.getByRole('button', { name: 'Delete reflection' }).click();
    await page.getByRole('dialog', { name: 'Delete this reflection?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Reflection deleted.').waitFor();
    await section.getByText('No reflection yet.').waitFor();
  });

  it("reviews the week: its figures, prompts, last week's plan, and the streak", async () => {
    // Last week was reviewed already, with a plan for this week.
    const current = (await callApi<{ weekStart: string; weekEnd: string }>(page, 'GET', '/reviews/current')).body;
    const lastWeek = addDays(current.weekStart, -7);
    const previous = await callApi<{ streak: number }>(page, 'PUT', `/reviews/${lastWeek}`, { nextWeekPlan: 'Ask one follow-up question', complete: true });
    expect([previous.status, previous.body.streak]).toEqual([200, 1]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Growth' }).click();
    await page.getByRole('navigation', { name: 'Growth' }).getByRole('link', { name: 'Weekly review' }).click();
    await page.getByRole('heading', { name: 'Weekly review', level: 1 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Growth' }).getAttribute('aria-current')).toBe('page');
    // Formatted by the browser's own Intl, whose spacing around the dash differs from Node's.
    const range = await page.evaluate(({ first, last }) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(new Date(`${first}T00:00:00Z`), new Date(`${last}T00:00:00Z`)), { first: current.weekStart, last: current.weekEnd });
    expect(await page.locator('.page-head .lede').innerText()).toBe(`This week, ${range} · weeks start on Monday (change)`);
    expect(await page.locator('.streak').textContent()).toBe('Streak: 1 week in a row');
    expect(await page.locator('.review-status').innerText()).toBe('Not started yet.');
    expect(await page.locator('.stat').allInnerTexts()).toEqual([
      'Interactions\n2',
      'New contacts\n1',
      'Follow-ups done\n0',
      'Follow-ups missed\n0',
      'Reflections written\n1',
      'Skills practised\n1',
    ]);
    const plan = page.getByRole('region', { name: 'Last week’s plan' });
    expect(await plan.locator('blockquote').innerText()).toBe('Ask one follow-up question');
    const questions = page.getByRole('region', { name: 'Questions for the week' });
    expect(await questions.locator('label').allInnerTexts()).toEqual([
      'Last week you planned to try: "Ask one follow-up question". How did it go, and what did you learn from it?',
      'Of your 2 interactions this week, which went best, and why?',
      'You reflected on 1 of 2 interactions. Which conversation deserves a second look?',
      'You met 1 new person. Whom do you want to see again, and how will you follow up?',
      'What did you learn about yourself as a networker this week?',
    ]);
    await plan.getByRole('radio', { name: 'Partly' }).check();
    await plan.getByLabel('How it went').fill('Asked it twice out of three coffees');
    await questions.getByLabel('Of your 2 interactions this week, which went best, and why?').fill('The coffee: she talked about her logbook');
    await page.getByLabel('What I will try next week').fill('Offer one introduction');
    await record('review');

    // A draft first: saved, not completed, no change to the streak.
    await page.getByRole('button', { name: 'Save for later' }).click();
    await page.getByText('Review saved.').waitFor();
    await expect.poll(() => page.locator('.review-status').innerText()).toBe('Started, not yet completed.');
    await page.reload();
    expect(await questions.getByLabel('Of your 2 interactions this week, which went best, and why?').inputValue()).toBe('The coffee: she talked about her logbook');
    expect(await plan.getByRole('radio', { name: 'Partly' }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Complete review' }).click();
    await page.getByText('Review complete. Your streak: 2 weeks.').waitFor();
    await expect.poll(() => page.locator('.streak').textContent()).toBe('Streak: 2 weeks in a row');
    expect(await page.locator('.review-status').innerText()).toMatch(/^Completed \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\.$/);
    const past = page.getByRole('region', { name: 'Past reviews' });
    await expect.poll(() => past.locator('li').allInnerTexts()).toEqual([
      `Week of ${calendarDay(current.weekStart)}\nCompleted\n\nPlanned: Offer one introduction`,
      `Week of ${calendarDay(lastWeek)}\nCompleted\n\nPlanned: Ask one follow-up question`,
    ]);
    const saved = (await callApi<{ planOutcome: string; planOutcomeNote: string; answers: unknown[] }>(page, 'GET', '/reviews/current')).body;
    expect([saved.planOutcome, saved.planOutcomeNote, saved.answers]).toEqual([
      'partly',
      'Asked it twice out of three coffees',
      [{ prompt: 'Of your 2 interactions this week, which went best, and why?', answer: 'The coffee: she talked about her logbook' }],
    ]);

    // Past weeks open from the list.
    await past.getByRole('link', { name: `Week of ${calendarDay(lastWeek)}` }).click();
    await page.getByRole('link', { name: 'This week’s review' }).waitFor();
    expect(await page.getByLabel('What I will try next week').inputValue()).toBe('Ask one follow-up question');

    // Weeks follow the user's setting: starting on Sunday, this week begins on the Sunday before (or on) today.
    expect((await callApi(page, 'PATCH', '/me', { weekStart: 0 })).status).toBe(200);
    await page.goto(`${app.url}/review`);
    const sunday = (await callApi<{ weekStart: string; weekEnd: string }>(page, 'GET', '/reviews/current')).body;
    expect(new Date(`${sunday.weekStart}T00:00:00Z`).getUTCDay()).toBe(0);
    expect(await page.locator('.page-head .lede').innerText()).toContain('weeks start on Sunday');
    expect((await callApi(page, 'PATCH', '/me', { weekStart: 1 })).status).toBe(200);
  });

  it('creates a feedback request and shows its link once', async () => {
    await page.goto(`${app.url}/growth`);
    await page.getByRole('heading', { name: 'Growth', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Skills' }).waitFor();
    expect(await page.locator('.skill-name').allInnerTexts()).toEqual([
      'Active listening',
      'Clear communication',
      'Relationship building',
      'Following up',
      'Asking good questions',
      'Storytelling',
      'Offering help',
    ]);
    await page.getByText('No feedback requests yet.').waitFor();
    await record('growth');

    await page.getByRole('button', { name: 'Ask for feedback' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask for feedback' });
    await dialog.getByRole('button', { name: 'Create the link' }).click();
    await dialog.getByText('say who you are asking and why').waitFor();
    await dialog.getByLabel('Whom are you asking?').fill('Maria (mentor)');
    await dialog.getByLabel('Message').fill('You saw me pitch on Monday. How did I come across?');
    await dialog.getByRole('checkbox', { name: 'Storytelling' }).check();
    await dialog.getByRole('checkbox', { name: 'Clear communication' }).check();
    await dialog.getByRole('button', { name: 'What should I do more of?' }).click();
    expect(await dialog.getByLabel('Question 1', { exact: true }).inputValue()).toBe('What should I do more of?');
    await dialog.getByRole('button', { name: 'Add a question' }).click();
    await dialog.getByLabel('Question 2', { exact: true }).fill('What should I stop doing?');
    await record('feedback-new');
    await dialog.getByRole('button', { name: 'Create the link' }).click();

    const link = dialog.getByLabel('Feedback link');
    await link.waitFor();
    shareLink = await link.inputValue();
    expect(shareLink).toMatch(new RegExp(`^${app.url}/feedback/rpf_[\\w-]{43}$`));
    expect(await dialog.getByRole('status').innerText()).toBe('Your link is ready. Copy it now and send it to Maria (mentor): Rapport keeps only a fingerprint of it and cannot show it again.');
    await record('feedback-link');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const row = page.locator('.request').filter({ hasText: 'To Maria (mentor)' });
    const today = dayMonthYear(new Date());
    const expires = dayMonthYear(new Date(Date.now() + 14 * 86_400_000));
    expect(await row.innerText()).toBe(`To Maria (mentor)\nOpen\n\nYou saw me pitch on Monday. How did I come across?\n\n0 responses · asked ${today} · expires ${expires}\n\nRevoke`);
  });

  it('lets the person asked answer on a phone, with no account, no session and no cookie', async () => {
    const { page: phone, requests, cookiesSet } = await strangerPage(stranger.context);
    await phone.setViewportSize(PHONE);
    await phone.goto(shareLink);
    await phone.getByRole('heading', { name: `${OWNER} asks for your feedback`, level: 1 }).waitFor();
    expect(await phone.title()).toBe(`Feedback for ${OWNER}`);
    expect(await phone.locator('blockquote').innerText()).toBe('You saw me pitch on Monday. How did I come across?');
    const text = await phone.locator('body').innerText();
    for (const secret of [EMAIL, 'Maria', 'Grace', 'Log interaction', 'Contacts']) expect(text).not.toContain(secret);
    expect(await phone.getByRole('group').evaluateAll((groups) => groups.map((g) => g.querySelector('legend')?.textContent))).toEqual(['Storytelling', 'Clear communication']);
    await record('feedback-public', phone);

    await phone.getByRole('button', { name: 'Send feedback' }).click();
    await phone.getByText('Rate at least one skill or answer a question before sending.').waitFor();
    const story = phone.getByRole('group', { name: 'Storytelling' });
    await story.getByRole('radio', { name: '2 · Developing' }).check();
    await phone.getByLabel('A word on storytelling (optional)').fill('Lost the thread in the middle');
    await phone.getByRole('group', { name: 'Clear communication' }).getByRole('radio', { name: '4 · Strong' }).check();
    await phone.getByLabel('What should I do more of?').fill('Stories about customers');
    await record('feedback-public-filled', phone);
    await phone.getByRole('button', { name: 'Send feedback' }).click();
    await phone.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
    expect(await phone.locator('main').innerText()).toBe(`Thank you\n\nYour feedback was sent to ${OWNER}. You can close this page.`);
    await record('feedback-thanks', phone);

    // One response was asked for: the link is used up now.
    await phone.reload();
    await phone.getByRole('heading', { name: 'This link is not available' }).waitFor();
    expect(await phone.locator('main').innerText()).toBe(PLAIN_PAGE);
    await record('feedback-unavailable', phone);

    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const api = [...new Set(requests.filter((p) => p.startsWith('/api/')))];
    expect(api).toEqual([`/api/v1/public/feedback/${shareLink.split('/').pop()}`]);
    expect(cookiesSet).toEqual([]);
    expect(await stranger.context.cookies()).toEqual([]);
    await phone.close();
  });

  it("shows the answer on the owner's skill chart and in the request", async () => {
    await page.goto(`${app.url}/growth`);
    const row = page.locator('.skill-row').filter({ hasText: 'Storytelling' });
    await expect.poll(() => row.innerText()).toBe('Storytelling\nYou\nNot rated\nOthers\n2 · Developing (1 rating)');
    await expect.poll(() => page.locator('.request').filter({ hasText: 'To Maria (mentor)' }).locator('.badge').innerText()).toBe('Answered');
    await row.getByRole('link', { name: 'Storytelling' }).click();
    await page.getByRole('heading', { name: 'Storytelling', level: 1 }).waitFor();

    const chart = page.getByRole('img', { name: 'Storytelling: ratings over time' });
    await chart.waitFor();
    expect(await chart.locator('desc').textContent()).toBe('no self-ratings; 1 rating from others, averaging 2 of 5.');
    expect([await chart.locator('.mark-self').count(), await chart.locator('.mark-others').count()]).toEqual([0, 1]);
    const today = dayMonthYear(new Date());
    const table = page.getByRole('table', { name: 'Every rating of Storytelling, newest first' });
    expect(await table.locator('tbody tr').allInnerTexts()).toEqual([`${today}\tAnonymous\t2 · Developing\tLost the thread in the middle\t`]);
    expect(await page.locator('.gap-sentence').innerText()).toBe('Rate yourself to compare your view with how others see you.');

    // Rating yourself adds a point of the other shape.
    await page.getByRole('button', { name: 'Save rating' }).click();
    await page.getByText('Choose a rating from 1 to 5.').waitFor();
    await page.getByRole('group', { name: 'Where are you now?' }).getByRole('radio', { name: '4 · Strong' }).check();
    await page.getByLabel('Note').fill('People tell me my stories land');
    await page.getByRole('button', { name: 'Save rating' }).click();
    await page.getByText('Rated yourself 4 of 5.').waitFor();
    await expect.poll(() => chart.locator('.mark-self').count()).toBe(1);
    expect(await page.locator('.gap-sentence').innerText()).toBe('One person has rated this in the last year; from two ratings on, Rapport compares their view with yours.');
    expect(await page.locator('.stat').allInnerTexts()).toEqual(['Your latest rating\n4 · Strong', 'Others, last 12 months\n2 · Developing (1 rating)']);
    expect(await chart.locator('desc').textContent()).toBe(`1 self-rating from ${today} to ${today}, latest 4 of 5; 1 rating from others, averaging 2 of 5.`);
    expect(await table.locator('tbody tr').allInnerTexts()).toEqual([
      `${today}\tYou\t4 · Strong\tPeople tell me my stories land\tDelete`,
      `${today}\tAnonymous\t2 · Developing\tLost the thread in the middle\t`,
    ]);

    // A resource to work on it.
    await page.getByRole('button', { name: 'Add a resource' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a resource' });
    await dialog.getByLabel('Title').fill('Made to Stick');
    await dialog.getByLabel('Link').fill('https://example.com/made-to-stick');
    await dialog.getByRole('radio', { name: 'In progress' }).check();
    await dialog.getByLabel('Started on').fill('2026-01-05');
    await dialog.getByLabel('Takeaways').fill('Simple, unexpected, concrete');
    await dialog.getByRole('button', { name: 'Add resource' }).click();
    const resource = page.locator('.resource').filter({ hasText: 'Made to Stick' });
    await resource.waitFor();
    expect(await resource.getByRole('link', { name: 'Made to Stick' }).getAttribute('href')).toBe('https://example.com/made-to-stick');
    expect(await resource.getByLabel('Status').inputValue()).toBe('in_progress');
    await resource.getByLabel('Status').selectOption('done');
    await expect.poll(() => callApi<{ items: { status: string; startedOn: string; takeaways: string }[] }>(page, 'GET', '/resources').then((r) => r.body.items.map((x) => [x.status, x.startedOn, x.takeaways]))).toEqual([
      ['done', '2026-01-05', 'Simple, unexpected, concrete'],
    ]);
    expect(await resource.innerText()).toBe('Book\nMade to Stick\n\nstarted 5 Jan 2026\n\nTakeaways: Simple, unexpected, concrete\n\nStatus\nPlanned\nIn progress\nDone\nEdit\nDelete');
    await record('skill');

    // Resources have no trash: deleting one offers to undo.
    await resource.getByRole('button', { name: 'Delete Made to Stick' }).click();
    await resource.waitFor({ state: 'detached' });
    await page.getByText('No resources yet.').waitFor();
    await page.locator('.toast').filter({ hasText: 'Deleted Made to Stick.' }).getByRole('button', { name: 'Undo' }).click();
    await resource.waitFor();
    expect(await resource.getByLabel('Status').inputValue()).toBe('done');

    // The request shows the whole response.
    await page.goto(`${app.url}/growth`);
    await page.getByRole('link', { name: 'To Maria (mentor)' }).click();
    await page.getByRole('heading', { name: 'Feedback request to Maria (mentor)' }).waitFor();
    const response = page.locator('.response');
    await response.waitFor();
    expect(await response.locator('h3').innerText()).toMatch(/^Anonymous · \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
    expect(await response.locator('.response-ratings > div').allInnerTexts()).toEqual(['Clear communication\n4 · Strong', 'Storytelling\n2 · Developing — “Lost the thread in the middle”']);
    expect(await response.locator('.response-answer').allInnerTexts()).toEqual(['What should I do more of?\n\nStories about customers']);
    await record('feedback-request');
  });

  it('adds a skill of your own and archives it', async () => {
    await page.goto(`${app.url}/growth`);
    await page.getByLabel('Skill', { exact: true }).fill('Remembering names');
    await page.getByLabel('What it means to you').fill('Using a name within the first minute');
    await page.getByRole('button', { name: 'Add skill' }).click();
    await page.getByText('Added Remembering names.').waitFor();
    await expect.poll(() => page.locator('.skill-name').allInnerTexts()).toContain('Remembering names');
    await page.getByLabel('Skill', { exact: true }).fill('remembering  NAMES');
    await page.getByRole('button', { name: 'Add skill' }).click();
    await page.locator('.new-skill').getByText('is taken').waitFor();

    await page.getByRole('link', { name: 'Remembering names' }).click();
    await page.getByRole('heading', { name: 'Remembering names', level: 1 }).waitFor();
    await page.getByText('No ratings yet.').waitFor();
    await page.getByRole('button', { name: 'Archive skill' }).click();
    await page.getByText('Archived Remembering names: it no longer shows in your lists. Its ratings stay.').waitFor();
    await page.getByRole('button', { name: 'Restore skill' }).waitFor();
    await page.getByRole('link', { name: 'Growth' }).first().click();
    await page.getByRole('heading', { name: 'Growth', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.skill-name').allInnerTexts()).not.toContain('Remembering names');
    await page.getByLabel('Show archived').check();
    await expect.poll(() => page.locator('.skill-row').filter({ hasText: 'Remembering names' }).locator('.badge').allInnerTexts()).toEqual(['Archived']);
  });

  it('answers revoked, expired and made-up links with the same plain page', async () => {
    const create = async (message: string) => {
      const created = await callApi<{ request: { id: string }; url: string }>(page, 'POST', '/feedback-requests', { message, questions: ['Anything?'], responses: 'many' });
      expect(created.status).toBe(201);
      return created.body;
    };
    const revoked = await create('To be revoked');
    const expired = await create('To expire');

    await page.goto(`${app.url}/growth`);
    await page.getByRole('button', { name: /^Revoke the request of/ }).first().waitFor();
    const row = page.locator('.request').filter({ hasText: 'To be revoked' });
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await page.getByRole('dialog', { name: 'Revoke this request?' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Request revoked: its link no longer works.').waitFor();
    await expect.poll(() => row.locator('.badge').innerText()).toBe('Revoked');

    // Expiry is a moment in the database: move it into the past.
    const db = new Database(app.dbPath);
    try {
      const changed = db.prepare('UPDATE feedback_requests SET expires_at = ? WHERE id = ?').run(new Date(Date.now() - 60_000).toISOString(), expired.request.id);
      expect(changed.changes).toBe(1);
    } finally {
      db.close();
    }

    const { page: visitor, requests, cookiesSet } = await strangerPage(stranger.context);
    const madeUp = `${app.url}/feedback/rpf_madeupmadeupmadeupmadeupmadeupmadeupmadeup`;
    for (const [name, url] of [['revoked', revoked.url], ['expired', expired.url], ['made-up', madeUp], ['empty', `${app.url}/feedback/`]] as const) {
      await visitor.goto(url);
      await visitor.getByRole('heading', { name: 'This link is not available' }).waitFor();
      expect(await visitor.locator('main').innerText(), name).toBe(PLAIN_PAGE);
    }
    await record('feedback-unavailable', visitor);
    expect(requests.filter((p) => p.startsWith('/api/') && !p.startsWith('/api/v1/public/feedback/'))).toEqual([]);
    expect(cookiesSet).toEqual([]);
    await visitor.close();

    await page.reload();
    await expect.poll(() => page.locator('.request .badge').allInnerTexts()).toEqual(['Expired', 'Revoked', 'Answered']);
  });

  it('keeps a searchable, filterable journal of what was learned and reflected, page by page', async () => {
    // Older entries, enough for a second page.
    const contacts = (await callApi<{ items: { id: string; displayName: string }[] }>(page, 'GET', '/contacts')).body.items;
    const grace = contacts.find((c) => c.displayName === 'Grace Hopper')!;
    for (let n = 1; n <= 30; n += 1) {
      const occurredAt = new Date(Date.UTC(2025, 0, n, 12)).toISOString();
      const logged = await callApi(page, 'POST', '/interactions', { participantIds: [grace.id], kind: 'email', occurredAt, summary: `Old email ${n}`, learned: `Old lesson ${n}` });
      expect(logged.status).toBe(201);
    }

    await page.goto(`${app.url}/insights`);
    await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
    const entries = page.locator('.insight');
    await expect.poll(() => entries.count()).toBe(30);
    expect(await entries.nth(0).locator('.badge').innerText()).toBe('What I learned');
    expect(await entries.nth(0).locator('.timeline-summary').innerText()).toBe('Coffee about compilers');
    expect(await entries.nth(0).locator('.insight-text').innerText()).toBe('She keeps a logbook of every bug');
    expect(await entries.nth(1).locator('.badge').innerText()).toBe('Reflection');
    expect(await entries.nth(1).locator('dl > div').first().innerText()).toBe('What went well\nAsked about her first bug');
    expect(await entries.nth(29).locator('.timeline-summary').innerText()).toBe('Old email 3');
    await record('insights');
    await page.getByRole('button', { name: 'Show older' }).click();
    await expect.poll(() => entries.count()).toBe(32);
    expect(await entries.nth(31).locator('.timeline-summary').innerText()).toBe('Old email 1');
    await page.getByRole('button', { name: 'Show older' }).waitFor({ state: 'detached' });
    expect(await page.locator('.journal').evaluateAll((lists) => lists.map((l) => l.closest('section')?.getAttribute('aria-label')))).toEqual([
      new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date()),
      'January 2025',
    ]);

    const summaries = () => entries.locator('.timeline-summary').allInnerTexts();
    await page.getByLabel('Search insights').fill('logbook');
    await expect.poll(summaries).toEqual(['Coffee about compilers', 'Coffee about compilers']);
    await page.getByLabel('Kind', { exact: true }).selectOption('reflection');
    await expect.poll(() => entries.locator('.badge').allInnerTexts()).toEqual(['Reflection']);
    expect(new URL(page.url()).search).toBe('?q=logbook&type=reflection');
    await page.getByLabel('Search insights').fill('');
    await page.getByLabel('Kind', { exact: true }).selectOption('');
    await page.getByLabel('Skill', { exact: true }).selectOption({ label: 'Active listening' });
    await expect.poll(summaries).toEqual(['Coffee about compilers']);
    await page.getByLabel('Skill', { exact: true }).selectOption('');
    await page.getByLabel('From', { exact: true }).fill('2025-01-10');
    await page.getByLabel('To', { exact: true }).fill('2025-01-11');
    await expect.poll(summaries).toEqual(['Old email 11', 'Old email 10']);
    await page.getByLabel('Contact', { exact: true }).fill('grac');
    await page.getByRole('option', { name: 'Grace Hopper' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Stop filtering by Grace Hopper' }).waitFor();
    await expect.poll(summaries).toEqual(['Old email 11', 'Old email 10']);
    await page.getByLabel('From', { exact: true }).fill('2030-01-01');
    await page.getByLabel('To', { exact: true }).fill('');
    await page.getByText('Nothing matches these filters.').waitFor();
    await record('insights-filtered');
    // Back to the whole journal, as far as it was read.
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => entries.count()).toBe(32);
    expect(new URL(page.url()).search).toBe('');
  });

  it('works at phone size and in the dark theme', async () => {
    await page.setViewportSize(PHONE);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [name, path] of [['review', '/review'], ['insights', '/insights'], ['growth', '/growth'], ['interaction-reflection', new URL(firstInteractionUrl).pathname]] as const) {
      await page.goto(`${app.url}${path}`);
      await page.locator('main h1').waitFor();
      await settled(page);
      await record(name);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, name).toBe(0);
    }
    // One Growth tab for three pages keeps the phone's tab bar to five.
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Today', 'Contacts', 'Growth', 'Trash', 'Settings']);
    await nav.getByRole('link', { name: 'Growth' }).click();
    await page.getByRole('navigation', { name: 'Growth' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Growth' }).getByRole('link').allInnerTexts()).toEqual(['Skills', 'Weekly review', 'Insights']);
    await page.locator('.skill-row').filter({ hasText: 'Storytelling' }).getByRole('link').click();
    await page.getByRole('img', { name: 'Storytelling: ratings over time' }).waitFor();
    await record('skill');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

    // The offer after logging, on a phone.
    await page.getByRole('banner').getByRole('button', { name: 'Log interaction' }).click();
    const log = page.getByRole('dialog', { name: 'Log interaction' });
    await log.getByLabel('With').fill('grace');
    await log.getByRole('option', { name: /Grace Hopper/ }).click();
    await log.getByLabel('Summary').fill('Lunch on the go');
    await log.getByRole('button', { name: 'Save' }).click();
    const reflect = page.getByRole('dialog', { name: 'Reflect on it' });
    await reflect.getByLabel('What went well').fill('Listened more than I talked');
    await record('reflect-offer');
    await reflect.getByRole('button', { name: 'Skip' }).click();
    await reflect.waitFor({ state: 'hidden' });
    // What was typed before skipping waits on the interaction's page.
    await page.locator('.toast').filter({ hasText: 'Logged coffee with Grace Hopper.' }).getByRole('button', { name: 'View' }).click();
    await page.getByRole('heading', { name: 'Lunch on the go', level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: 'Reflection' }).getByLabel('What went well').inputValue()).toBe('Listened more than I talked');

    // 200% zoom on a 1280-pixel-wide window leaves 640 CSS pixels.
    await page.setViewportSize({ width: 640, height: 430 });
    for (const path of ['/growth', '/review', '/insights']) {
      await page.goto(`${app.url}${path}`);
      await page.locator('main h1').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBe(0);
    }

    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${app.url}/growth`);
    await page.locator('.skill-row').filter({ hasText: 'Storytelling' }).getByRole('link').click();
    await page.getByRole('img', { name: 'Storytelling: ratings over time' }).waitFor();
    await record('skill-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('rendered every page without a console error or a blocked resource', () => {
    expect(problems).toEqual([]);
  });
});
