import { describe, expect, it } from 'vitest';
import { promptsFor, streakOf, weekStartOf } from './model.js';

describe('weeks', () => {
  it('finds the first day of the week for any week start', () => {
    // 2026-03-04 is a Wednesday.
    expect(weekStartOf('2026-03-04', 1)).toBe('2026-03-02');
    expect(weekStartOf('2026-03-04', 0)).toBe('2026-03-01');
    expect(weekStartOf('2026-03-04', 3)).toBe('2026-03-04');
    expect(weekStartOf('2026-03-01', 1)).toBe('2026-02-23');
    expect(weekStartOf('2027-01-01', 6)).toBe('2026-12-26');
  });

  it('counts consecutive finished weeks, keeping the streak alive while this week is still open', () => {
    const done = ['2026-02-09', '2026-02-16', '2026-02-23', '2026-01-26'];
    expect(streakOf(done, '2026-03-02')).toBe(3);
    expect(streakOf([...done, '2026-03-02'], '2026-03-02')).toBe(4);
    expect(streakOf(done, '2026-03-09')).toBe(0);
    expect(streakOf([], '2026-03-02')).toBe(0);
  });
});

describe('weekly prompts', () => {
  const quiet = { interactions: 0, newContacts: 0, followUpsDone: 0, followUpsMissed: 0, reflections: 0, skillsPractised: 0 };

  it('asks about a quiet week', () => {
    expect(promptsFor(quiet, null)).toEqual([
      'You logged no interactions this week. What kept you from reaching out, and whom will you contact first next week?',
      'Which skill will you practise on purpose next week, and in which conversation?',
      'What did you learn about yourself as a networker this week?',
    ]);
  });

  it("draws on a busy week's figures and last week's plan", () => {
    expect(promptsFor({ interactions: 5, newContacts: 1, followUpsDone: 2, followUpsMissed: 1, reflections: 2, skillsPractised: 1 }, 'Ask one more question')).toEqual([
      'Last week you planned to try: "Ask one more question". How did it go, and what did you learn from it?',
      'Of your 5 interactions this week, which went best, and why?',
      '1 follow-up slipped. What got in the way, and which will you do first?',
      'You reflected on 2 of 5 interactions. Which conversation deserves a second look?',
      'You met 1 new person. Whom do you want to see again, and how will you follow up?',
      'What did you learn about yourself as a networker this week?',
    ]);
    expect(promptsFor({ ...quiet, interactions: 1, reflections: 1, followUpsDone: 3, skillsPractised: 2 }, null)).toEqual([
      'Of your 1 interaction this week, which went best, and why?',
      'You kept every follow-up that was due (3). What helped you do it?',
      'What did you learn about yourself as a networker this week?',
    ]);
  });
});
