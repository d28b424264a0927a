import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../shared/api';
import { useDraft } from '../../shared/drafts';
import { useUser } from '../../shared/session';
import { formatCalendarDate, formatDateTime } from '../../shared/time';
import { EmptyState, ErrorState, Field, FormError, Icon, isSaveChord, Loading, useToast } from '../../shared/ui';
import { GrowthNav } from '../growth/GrowthNav';
import type { Figures, Review } from '../growth/types';
import { useReview, useReviews, useSaveReview } from './api';
import { promptsToShow, reviewDraftOf, reviewInputOf, type ReviewDraft } from './model';
import './reflect.css';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const FIGURES: { key: keyof Figures; label: string }[] = [
  { key: 'interactions', label: 'Interactions' },
  { key: 'newContacts', label: 'New contacts' },
  { key: 'followUpsDone', label: 'Follow-ups done' },
  { key: 'followUpsMissed', label: 'Follow-ups missed' },
  { key: 'reflections', label: 'Reflections written' },
  { key: 'skillsPractised', label: 'Skills practised' },
];

const OUTCOMES = [
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'No' },
] as const;

/** "2–8 Mar 2026": the days of a week, from its first and last day (YYYY-MM-DD). */
export function weekLabel(first: string, last: string, locale?: string): string {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(day(first), day(last));
}

export const streakLabel = (weeks: number) => (weeks === 1 ? '1 week' : `${weeks} weeks`);

/** The weekly review: this week's (or a past week's) figures, questions, plan, and the reviews before. */
export function ReviewPage({ weekStart }: { weekStart?: string | undefined }) {
  const review = useReview(weekStart);
  const invalid = review.error instanceof ApiError && review.error.status === 400 ? review.error : null;
  return (
    <div className="page">
      <GrowthNav />
      {review.isPending ? (
        <Loading label="Loading the week…" />
      ) : invalid ? (
        <>
          <h1>Weekly review</h1>
          <EmptyState title="There is no review for that week.">
            <p>
              {invalid.fields[0] ? `That date ${invalid.fields[0].message}.` : invalid.message} <Link href="/review">Go to this week’s review</Link>.
            </p>
          </EmptyState>
        </>
      ) : review.isError ? (
        <ErrorState error={review.error} retry={() => void review.refetch()} />
      ) : (
        <ReviewForm key={review.data.weekStart} review={review.data} past={weekStart !== undefined} />
      )}
      <PastReviews />
    </div>
  );
}

function ReviewForm({ review, past }: { review: Review; past: boolean }) {
  const user = useUser();
  const [draft, setDraft, reset] = useDraft<ReviewDraft>(`review:${review.weekStart}`, () => reviewDraftOf(review));
  const [error, setError] = useState<ApiError | null>(null);
  const save = useSaveReview(review.weekStart);
  const toast = useToast();
  const prompts = promptsToShow(review);
  const done = review.completedAt !== null;

  async function submit(complete: boolean) {
    setError(null);
    try {
      const saved = await save.mutateAsync(reviewInputOf(draft, prompts, complete));
      reset(reviewDraftOf(saved));
      if (complete && !done) toast({ message: `Review complete. Your streak: ${streakLabel(saved.streak)}.` });
      else toast({ message: 'Review saved.' });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) void submit(true);
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Weekly review</h1>
          <p className="lede">
            {past ? 'Week of ' : 'This week, '}
            {weekLabel(review.weekStart, review.weekEnd)} · weeks start on {WEEKDAYS[user.weekStart]} (<Link href="/settings">change</Link>)
          </p>
        </div>
        <p className="streak">
          <span className="visually-hidden">Streak: </span>
          <span className="streak-count">{review.streak}</span> {review.streak === 1 ? 'week' : 'weeks'} in a row
        </p>
      </div>
      {past && (
        <Link href="/review" className="back-link">
          <Icon name="back" /> This week’s review
        </Link>
      )}
      <p className={`review-status${done ? ' done' : ''}`}>
        {done ? `Completed ${formatDateTime(review.completedAt!, user.timeZone)}.` : review.answers.length > 0 || review.nextWeekPlan ? 'Started, not yet completed.' : 'Not started yet.'}
      </p>
      <section className="card" aria-labelledby="figures">
        <h2 id="figures">The week in figures</h2>
        <dl className="stats">
          {FIGURES.map((f) => (
            <div key={f.key} className={f.key === 'followUpsMissed' && review.figures[f.key] > 0 ? 'stat warn' : 'stat'}>
              <dt>{f.label}</dt>
              <dd>{review.figures[f.key]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <form
        className="form review-form"
        onSubmit={onSubmit}
        onKeyDown={(e) => {
          if (isSaveChord(e)) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
        noValidate
      >
        <FormError error={error} />
        {review.previousPlan && (
          <section className="card review-section" aria-labelledby="last-plan">
            <h2 id="last-plan">Last week’s plan</h2>
            <blockquote className="plan">{review.previousPlan.plan}</blockquote>
            <fieldset className="field">
              <legend>Did you?</legend>
              <div className="segmented">
                {OUTCOMES.map((o) => (
                  <label key={o.value} className="segment">
                    <input type="radio" name="plan-outcome" checked={draft.planOutcome === o.value} onChange={() => setDraft((d) => ({ ...d, planOutcome: o.value }))} />
                    <span>{o.label}</span>
                  </label>
                ))}
              </div>
              {error?.field('planOutcome') && <p className="field-error">{error.field('planOutcome')}</p>}
            </fieldset>
            <Field label="How it went" error={error?.field('planOutcomeNote')}>
              {(p) => <textarea {...p} rows={2} maxLength={5000} value={draft.planOutcomeNote} onChange={(e) => setDraft((d) => ({ ...d, planOutcomeNote: e.target.value }))} />}
            </Field>
          </section>
        )}
        <section className="card review-section" aria-labelledby="questions">
          <h2 id="questions">Questions for the week</h2>
          {prompts.map((prompt) => (
            <Field key={prompt} label={prompt}>
              {(p) => <textarea {...p} rows={2} maxLength={20_000} value={draft.answers[prompt] ?? ''} onChange={(e) => setDraft((d) => ({ ...d, answers: { ...d.answers, [prompt]: e.target.value } }))} />}
            </Field>
          ))}
        </section>
        <section className="card review-section" aria-labelledby="next-week">
          <h2 id="next-week">Next week</h2>
          <Field label="What I will try next week" error={error?.field('nextWeekPlan')} hint="Next week’s review shows it back and asks how it went.">
            {(p) => <textarea {...p} rows={2} maxLength={2000} value={draft.nextWeekPlan} onChange={(e) => setDraft((d) => ({ ...d, nextWeekPlan: e.target.value }))} />}
          </Field>
        </section>
        <div className="form-actions">
          {!done && (
            <button type="button" className="btn ghost" onClick={() => void submit(false)} disabled={save.isPending}>
              Save for later
            </button>
          )}
          <button type="submit" className="btn primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : done ? 'Save changes' : 'Complete review'}
          </button>
          <span className="muted kbd-hint" aria-hidden="true">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </span>
        </div>
      </form>
    </>
  );
}

/** Every review so far, newest first, each with the plan it ended on. */
function PastReviews() {
  const reviews = useReviews();
  return (
    <section className="card past-reviews" aria-labelledby="past-reviews">
      <h2 id="past-reviews">Past reviews</h2>
      {reviews.isPending ? (
        <Loading label="Loading past reviews…" />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} retry={() => void reviews.refetch()} />
      ) : reviews.data.items.length === 0 ? (
        <EmptyState title="No reviews yet.">
          <p>Finish a review every week to build a streak.</p>
        </EmptyState>
      ) : (
        <ol className="plain review-list">
          {reviews.data.items.map((r) => (
            <li key={r.weekStart}>
              <Link href={`/review/${r.weekStart}`}>Week of {formatCalendarDate(r.weekStart)}</Link>
              <span className={`badge${r.completedAt ? ' done' : ''}`}>{r.completedAt ? 'Completed' : 'Not completed'}</span>
              {r.nextWeekPlan && <p className="small">Planned: {r.nextWeekPlan}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
