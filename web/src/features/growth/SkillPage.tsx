import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../shared/api';
import { useUser } from '../../shared/session';
import { formatDate } from '../../shared/time';
import { EmptyState, ErrorState, Field, FormError, Icon, Loading, useRun, useToast } from '../../shared/ui';
import { useDeleteRating, useRateSkill, useSkill, useUpdateSkill, type SkillDetail } from './api';
import { gapSentence, scoreLabel, VERDICT_LABELS } from './gap';
import { Resources } from './Resources';
import { ScaleInput, SKILL_LEVELS } from './scale';
import { SkillChart } from './SkillChart';
import type { Rating } from './types';

export function SkillPage({ id }: { id: string }) {
  const skill = useSkill(id);
  if (skill.isPending) return <div className="page"><Loading label="Loading the skill…" /></div>;
  if (skill.isError) {
    const gone = skill.error instanceof ApiError && skill.error.status === 404;
    return (
      <div className="page">
        {gone ? (
          <EmptyState title="This skill is not here.">
            <p><Link href="/growth">Go back to your skills</Link>.</p>
          </EmptyState>
        ) : (
          <ErrorState error={skill.error} retry={() => void skill.refetch()} />
        )}
      </div>
    );
  }
  return <SkillView detail={skill.data} />;
}

function SkillView({ detail }: { detail: SkillDetail }) {
  const { skill, ratings, resources } = detail;
  const update = useUpdateSkill(skill.id);
  const run = useRun();
  const toast = useToast();
  const verdict = VERDICT_LABELS[skill.gap.verdict];
  return (
    <div className="page">
      <Link href="/growth" className="back-link">
        <Icon name="back" /> Growth
      </Link>
      <div className="page-head">
        <div>
          <h1>{skill.name}</h1>
          {skill.description && <p className="lede">{skill.description}</p>}
        </div>
        <button
          type="button"
          className="btn"
          disabled={update.isPending}
          onClick={() =>
            run(async () => {
              await update.mutateAsync({ archived: !skill.archived });
              toast({ message: skill.archived ? `${skill.name} is back in your list.` : `Archived ${skill.name}: it no longer shows in your lists. Its ratings stay.` });
            })
          }
        >
          {skill.archived ? 'Restore skill' : 'Archive skill'}
        </button>
      </div>
      {skill.archived && <p className="notice">This skill is archived: it is left out of your lists, reflections and feedback requests.</p>}
      <section className="card" aria-labelledby="gap">
        <h2 id="gap">You and others</h2>
        <dl className="stats">
          <div className="stat">
            <dt>Your latest rating</dt>
            <dd>{scoreLabel(skill.gap.self)}</dd>
          </div>
          <div className="stat">
            <dt>Others, last 12 months</dt>
            <dd>{skill.gap.others === null ? '—' : `${scoreLabel(skill.gap.others)} (${skill.gap.othersCount === 1 ? '1 rating' : `${skill.gap.othersCount} ratings`})`}</dd>
          </div>
        </dl>
        <p className={`gap-sentence${verdict ? ` ${skill.gap.verdict}` : ''}`}>{gapSentence(skill.gap)}</p>
        {!skill.archived && (
          <Link href={`/growth?ask=${skill.id}`} className="btn small">
            Ask for feedback on {skill.name}
          </Link>
        )}
      </section>
      <section className="card" aria-labelledby="over-time">
        <h2 id="over-time">Over time</h2>
        {ratings.length === 0 ? (
          <EmptyState title="No ratings yet.">
            <p>Rate yourself below, or <Link href={`/growth?ask=${skill.id}`}>ask someone for feedback</Link>.</p>
          </EmptyState>
        ) : (
          <>
            <SkillChart name={skill.name} ratings={ratings} />
            <RatingsTable name={skill.name} ratings={ratings} />
          </>
        )}
      </section>
      {!skill.archived && <RateYourself skillId={skill.id} />}
      <Resources skillId={skill.id} resources={resources} />
    </div>
  );
}

/** Every rating as a table: the chart's text alternative, newest first, with your own deletable. */
function RatingsTable({ name, ratings }: { name: string; ratings: Rating[] }) {
  const { timeZone } = useUser();
  const remove = useDeleteRating();
  const rate = useRateSkill(ratings[0]!.skillId);
  const run = useRun();
  const toast = useToast();
  return (
    <table className="ratings-table">
      <caption>Every rating of {name}, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">From</th>
          <th scope="col">Rating</th>
          <th scope="col">Note</th>
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {[...ratings].reverse().map((r) => (
          <tr key={r.id} className={r.source}>
            <td data-label="Date">{formatDate(r.ratedAt, timeZone)}</td>
            <td data-label="From">{r.source === 'self' ? 'You' : (r.from ?? 'Anonymous')}</td>
            <td data-label="Rating">{scoreLabel(r.rating)}</td>
            <td data-label="Note" className="prose">{r.note ?? ''}</td>
            <td>
              {r.source === 'self' && (
                <button
                  type="button"
                  className="btn small ghost danger-text"
                  aria-label={`Delete your rating of ${formatDate(r.ratedAt, timeZone)}`}
                  disabled={remove.isPending}
                  onClick={() =>
                    run(async () => {
                      await remove.mutateAsync(r.id);
                      // Ratings have no trash; undo records it again as it was.
                      toast({ message: 'Rating deleted.', action: { label: 'Undo', run: () => run(() => rate.mutateAsync({ rating: r.rating, note: r.note, ratedAt: r.ratedAt })) } });
                    })
                  }
                >
                  Delete
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RateYourself({ skillId }: { skillId: string }) {
  const [rating, setRating] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  const rate = useRateSkill(skillId);
  const toast = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (rating === null) return setMissing(true);
    try {
      await rate.mutateAsync({ rating, note: note.trim() === '' ? null : note });
      setRating(null);
      setNote('');
      toast({ message: `Rated yourself ${rating} of 5.` });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  return (
    <section className="card" aria-labelledby="rate-yourself">
      <h2 id="rate-yourself">Rate yourself</h2>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={error} />
        <ScaleInput
          legend="Where are you now?"
          levels={SKILL_LEVELS}
          value={rating}
          onChange={(value) => {
            setRating(value);
            setMissing(false);
          }}
          error={missing ? 'Choose a rating from 1 to 5.' : error?.field('rating')}
        />
        <Field label="Note" hint="What makes you say so: a recent moment, what you want to change." error={error?.field('note')}>
          {(p) => <textarea {...p} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={rate.isPending}>
            {rate.isPending ? 'Saving…' : 'Save rating'}
          </button>
        </div>
      </form>
    </section>
  );
}
