import type { FeedbackRequest, RequestInput } from './types';

export const STATUS_LABELS: Record<FeedbackRequest['status'], string> = { open: 'Open', answered: 'Answered', expired: 'Expired', revoked: 'Revoked' };

export const EXPIRY_CHOICES = [3, 7, 14, 30, 90] as const;

export const SUGGESTED_QUESTIONS = [
  'What should I do more of?',
  'What should I stop doing?',
  'What is one thing I could do better next time we meet?',
] as const;

/** What the new-request form holds while the user fills it in. */
export interface RequestDraft {
  recipient: string;
  message: string;
  skillIds: string[];
  questions: string[];
  allowAnonymous: boolean;
  responses: 'one' | 'many';
  expiresInDays: number;
}

export const emptyRequest = (skillIds: string[] = []): RequestDraft => ({ recipient: '', message: '', skillIds, questions: [], allowAnonymous: true, responses: 'one', expiresInDays: 14 });

/** The request body; questions left empty are dropped rather than refused. */
export function requestInputOf(d: RequestDraft): RequestInput {
  return {
    recipient: d.recipient.trim() === '' ? null : d.recipient,
    message: d.message,
    skillIds: d.skillIds,
    questions: d.questions.filter((q) => q.trim() !== ''),
    allowAnonymous: d.allowAnonymous,
    responses: d.responses,
    expiresInDays: d.expiresInDays,
  };
}
