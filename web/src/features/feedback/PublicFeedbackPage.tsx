import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../shared/ui';
import { ScaleInput, SKILL_LEVELS } from '../growth/scale';
import type { PublicRequest, ResponseInput } from '../growth/types';
import './feedback.css';

/*
 * The page a stranger opens from a feedback link. It runs outside the signed-in app: no session is
 * looked up, and its requests carry no cookie (credentials: 'omit'), so it sees and sends nothing
 * but the request behind the link.
 */

interface FieldError {
  path: string;
  message: string;
}

type State =
  | { status: 'loading' }
  | { status: 'ready'; request: PublicRequest }
  | { status: 'unavailable' }
  | { status: 'busy' }
  | { status: 'offline' }
  | { status: 'thanks'; requester: string };

class Failure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

async function call<T>(token: string, body?: ResponseInput): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/public/feedback/${encodeURIComponent(token)}`, {
      method: body ? 'POST' : 'GET',
      credentials: 'omit',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new Failure(0, 'The page could not reach the server. Check your connection and try again.');
  }
  const data = (await res.json().catch(() => null)) as { error?: { message?: string; details?: { fields?: FieldError[] } } } | null;
  if (!res.ok) throw new Failure(res.status, data?.error?.message ?? res.statusText, data?.error?.details?.fields ?? []);
  return data as T;
}

/** Anything wrong with the link itself looks the same, so a link reveals nothing. */
const stateOf = (error: unknown): State =>
  error instanceof Failure && error.status === 429 ? { status: 'busy' } : error instanceof Failure && error.status === 0 ? { status: 'offline' } : { status: 'unavailable' };

export function PublicFeedbackPage({ token }: { token: string }) {
  const [state, setState] = useState<State>(token ? { status: 'loading' } : { status: 'unavailable' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    call<PublicRequest>(token).then(
      (request) => !cancelled && setState({ status: 'ready', request }),
      (error: unknown) => !cancelled && setState(stateOf(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [token, attempt]);

  useEffect(() => {
    document.title = state.status === 'ready' ? `Feedback for ${state.request.requester}` : 'Feedback';
  }, [state]);

  return (
    <main className="public-page" id="main">
      {state.status === 'loading' ? (
        <div className="state" role="status">
          <span className="spinner" aria-hidden="true" />
          Loading…
        </div>
      ) : state.status === 'ready' ? (
        <FeedbackForm token={token} request={state.request} onSent={() => setState({ status: 'thanks', requester: state.request.requester })} onGone={(error) => setState(stateOf(error))} />
      ) : state.status === 'thanks' ? (
        <section className="public-card" aria-labelledby="thanks">
          <h1 id="thanks">Thank you</h1>
          <p>Your feedback was sent to {state.requester}. You can close this page.</p>
        </section>
      ) : state.status === 'busy' ? (
        <section className="public-card" aria-labelledby="busy">
          <h1 id="busy">Too many attempts</h1>
          <p>This address has been used too often in the last hour. Please try again later.</p>
        </section>
      ) : state.status === 'offline' ? (
        <section className="public-card" aria-labelledby="offline">
          <h1 id="offline">The page could not be loaded</h1>
          <p>Check your connection.</p>
          <button type="button" className="btn" onClick={() => { setState({ status: 'loading' }); setAttempt((n) => n + 1); }}>
            Try again
          </button>
        </section>
      ) : (
        <section className="public-card" aria-labelledby="unavailable">
          <h1 id="unavailable">This link is not available</h1>
          <p>It may have expired, been withdrawn, or already been used. If you were asked for feedback, ask the person who sent it for a new link.</p>
        </section>
      )}
    </main>
  );
}

interface Answers {
  name: string;
  ratings: Record<string, { rating: number | null; comment: string }>;
  answers: Record<number, string>;
}

function FeedbackForm({ token, request, onSent, onGone }: { token: string; request: PublicRequest; onSent: () => void; onGone: (error: unknown) => void }) {
  const [form, setAnswers] = useState<Answers>({ name: '', ratings: {}, answers: {} });
  const [error, setError] = useState<Failure | null>(null);
  const setForm = (update: (f: Answers) => Answers) => {
    setAnswers(update);
    // "Rate something first" is answered by rating something; what the server said stays until sent again.
    if (error && error.fields.length === 0) setError(null);
  };
  const [sending, setSending] = useState(false);
  const ratingOf = (skillId: string) => form.ratings[skillId] ?? { rating: null, comment: '' };
  const setRating = (skillId: string, change: Partial<{ rating: number | null; comment: string }>) =>
    setForm((f) => ({ ...f, ratings: { ...f.ratings, [skillId]: { ...ratingOf(skillId), ...change } } }));

  // Only rated skills are sent; the server names a field by its place in what was sent.
  const rated = request.skills.filter((s) => ratingOf(s.id).rating !== null);
  const answered = request.questions.filter((q) => (form.answers[q.position] ?? '').trim() !== '');
  const fieldError = (path: string) => error?.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message;
  const ratingError = (skillId: string, part: 'rating' | 'comment') => {
    const index = rated.findIndex((s) => s.id === skillId);
    return index < 0 ? undefined : fieldError(`ratings[${index}].${part}`);
  };
  const answerError = (position: number) => {
    const index = answered.findIndex((q) => q.position === position);
    return index < 0 ? undefined : fieldError(`answers[${index}].answer`);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    if (rated.length + answered.length === 0) return setError(new Failure(400, 'Rate at least one skill or answer a question before sending.'));
    setError(null);
    setSending(true);
    try {
      await call(token, {
        name: form.name.trim() === '' ? null : form.name,
        ratings: rated.map((s) => ({ skillId: s.id, rating: ratingOf(s.id).rating!, comment: ratingOf(s.id).comment.trim() === '' ? null : ratingOf(s.id).comment })),
        answers: answered.map((q) => ({ position: q.position, answer: form.answers[q.position]! })),
      });
      onSent();
    } catch (e) {
      // A refused answer or a dropped connection keeps what was typed; a link gone meanwhile does not.
      if (e instanceof Failure && (e.status === 400 || e.status === 413 || e.status === 0)) setError(e);
      else onGone(e);
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="public-card form" onSubmit={submit} noValidate>
      <header>
        <p className="public-kicker">Feedback request</p>
        <h1>{request.requester} asks for your feedback</h1>
      </header>
      <blockquote className="public-message prose">{request.message}</blockquote>
      {error && (
        <p className="form-error" role="alert">
          {error.fields.length > 0 ? 'Please correct the fields marked below.' : error.message}
        </p>
      )}
      {request.skills.length > 0 && (
        <section className="form" aria-labelledby="rate">
          <h2 id="rate">How would you rate {request.requester} at…</h2>
          <p className="hint">Skip any you cannot judge.</p>
          {request.skills.map((s) => (
            <div key={s.id} className="public-skill">
              <ScaleInput
                legend={s.name}
                hint={s.description ?? undefined}
                levels={SKILL_LEVELS}
                value={ratingOf(s.id).rating}
                onChange={(rating) => setRating(s.id, { rating })}
                noneLabel="Can’t say"
                error={ratingError(s.id, 'rating')}
              />
              {ratingOf(s.id).rating !== null && (
                <Field label={`A word on ${s.name.toLowerCase()} (optional)`} error={ratingError(s.id, 'comment')}>
                  {(p) => <textarea {...p} rows={2} maxLength={2000} value={ratingOf(s.id).comment} onChange={(e) => setRating(s.id, { comment: e.target.value })} />}
                </Field>
              )}
            </div>
          ))}
        </section>
      )}
      {request.questions.length > 0 && (
        <section className="form" aria-labelledby="questions">
          <h2 id="questions">{request.questions.length === 1 ? 'A question' : 'Questions'}</h2>
          {request.questions.map((q) => (
            <Field key={q.position} label={q.text} error={answerError(q.position)}>
              {(p) => <textarea {...p} rows={3} maxLength={5000} value={form.answers[q.position] ?? ''} onChange={(e) => setForm((f) => ({ ...f, answers: { ...f.answers, [q.position]: e.target.value } }))} />}
            </Field>
          ))}
        </section>
      )}
      <Field
        label={request.allowAnonymous ? 'Your name (optional)' : 'Your name'}
        hint={request.allowAnonymous ? `Leave it empty to stay anonymous: ${request.requester} will not know who answered.` : `${request.requester} asks you to give your name.`}
        error={fieldError('name')}
      >
        {(p) => <input {...p} value={form.name} maxLength={100} autoComplete="name" onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} required={!request.allowAnonymous} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn primary wide" disabled={sending}>
          {sending ? 'Sending…' : 'Send feedback'}
        </button>
      </div>
      <p className="muted small">Only {request.requester} sees your answers. The link works until {new Date(request.expiresAt).toLocaleDateString(undefined, { dateStyle: 'long' })}.</p>
    </form>
  );
}
