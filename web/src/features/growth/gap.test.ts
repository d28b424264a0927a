import { describe, expect, it } from 'vitest';
import { requestInputOf, emptyRequest } from './feedbackModel';
import { gapSentence, scoreLabel } from './gap';

describe('the gap between you and others, in words', () => {
  it('names blind spots, hidden strengths and agreement with both figures', () => {
    expect(gapSentence({ self: 4, others: 2.5, othersCount: 2, gap: 1.5, verdict: 'blind_spot' })).toBe('Blind spot: you rate yourself higher than others do (you 4, others 2.5).');
    expect(gapSentence({ self: 2, others: 5, othersCount: 2, gap: -3, verdict: 'hidden_strength' })).toBe('Hidden strength: others rate you higher than you do (you 2, others 5).');
    expect(gapSentence({ self: 4, others: 4.5, othersCount: 3, gap: -0.5, verdict: 'aligned' })).toBe('You and others see it alike (you 4, others 4.5).');
  });

  it('says what is missing before a comparison means anything', () => {
    expect(gapSentence({ self: null, others: 3, othersCount: 2, gap: null, verdict: 'not_enough_data' })).toBe('Rate yourself to compare your view with how others see you.');
    expect(gapSentence({ self: 3, others: null, othersCount: 0, gap: null, verdict: 'not_enough_data' })).toBe('Nobody else has rated this yet: ask for feedback to see how others see you.');
    expect(gapSentence({ self: 3, others: 2, othersCount: 1, gap: null, verdict: 'not_enough_data' })).toBe('One person has rated this in the last year; from two ratings on, Rapport compares their view with yours.');
  });

  it('labels whole scores with their meaning and keeps one decimal of an average', () => {
    expect([scoreLabel(1), scoreLabel(4), scoreLabel(2.5), scoreLabel(3.96), scoreLabel(null)]).toEqual(['1 · Just starting', '4 · Strong', '2.5', '4 · Strong', '—']);
  });
});

describe('a new feedback request', () => {
  it('drops blank questions and a blank recipient, and keeps the rest as chosen', () => {
    const draft = { ...emptyRequest(['s1']), recipient: '  ', message: 'How did I do?', questions: ['What should I do more of?', ' ', ''], responses: 'many' as const, allowAnonymous: false, expiresInDays: 7 };
    expect(requestInputOf(draft)).toEqual({
      recipient: null,
      message: 'How did I do?',
      skillIds: ['s1'],
      questions: ['What should I do more of?'],
      allowAnonymous: false,
      responses: 'many',
      expiresInDays: 7,
    });
  });
});
