import { describe, expect, it } from 'vitest';
import { promptsToShow, reflectionDraftOf, reflectionInputOf, reviewDraftOf, reviewInputOf } from './model';

describe('the reflection form', () => {
  it('sends cleared text as null, and scores and skills as chosen', () => {
    const draft = { ...reflectionDraftOf(null), wentWell: 'Asked good questions', toImprove: '   ', connectionQuality: 4, skillIds: ['s1', 's2'] };
    expect(reflectionInputOf(draft)).toEqual({
      wentWell: 'Asked good questions',
      toImprove: null,
      missedOpportunities: null,
      connectionQuality: 4,
      communicationEffectiveness: null,
      skillIds: ['s1', 's2'],
      notes: null,
    });
  });
});

describe('the weekly review form', () => {
  const review = {
    prompts: ['Of your 2 interactions this week, which went best, and why?', 'What did you learn about yourself as a networker this week?'],
    answers: [
      { prompt: '1 follow-up slipped. What got in the way, and which will you do first?', answer: 'Travel' },
      { prompt: 'What did you learn about yourself as a networker this week?', answer: 'I listen better at lunch' },
    ],
  };

  it('keeps showing a question answered earlier that the figures no longer raise, after this week’s', () => {
    expect(promptsToShow(review)).toEqual([
      'Of your 2 interactions this week, which went best, and why?',
      'What did you learn about yourself as a networker this week?',
      '1 follow-up slipped. What got in the way, and which will you do first?',
    ]);
  });

  it('sends the answers given, in the order shown, with the plan and last week’s outcome', () => {
    const draft = reviewDraftOf({ ...review, nextWeekPlan: null, planOutcome: null, planOutcomeNote: null } as Parameters<typeof reviewDraftOf>[0]);
    expect(draft).toEqual({
      answers: { '1 follow-up slipped. What got in the way, and which will you do first?': 'Travel', 'What did you learn about yourself as a networker this week?': 'I listen better at lunch' },
      nextWeekPlan: '',
      planOutcome: null,
      planOutcomeNote: '',
    });
    const edited = { ...draft, answers: { ...draft.answers, 'Of your 2 interactions this week, which went best, and why?': '  ', 'What did you learn about yourself as a networker this week?': 'I listen better over lunch' }, nextWeekPlan: 'Offer one introduction', planOutcome: 'yes' as const };
    expect(reviewInputOf(edited, promptsToShow(review), true)).toEqual({
      answers: [
        { prompt: 'What did you learn about yourself as a networker this week?', answer: 'I listen better over lunch' },
        { prompt: '1 follow-up slipped. What got in the way, and which will you do first?', answer: 'Travel' },
      ],
      nextWeekPlan: 'Offer one introduction',
      planOutcome: 'yes',
      planOutcomeNote: null,
      complete: true,
    });
  });
});
