import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../shared/api';
import { useDraft } from '../../shared/drafts';
import { useUser } from '../../shared/session';
import { formatDate } from '../../shared/time';
import { Dialog, EmptyState, ErrorState, Field, FormError, Icon, Loading, useRun, useToast } from '../../shared/ui';
import { useCreateFeedbackRequest, useFeedbackRequests, useRevokeFeedbackRequest, useSkills } from './api';
import { EXPIRY_CHOICES, emptyRequest, requestInputOf, STATUS_LABELS, SUGGESTED_QUESTIONS, type RequestDraft } from './feedbackModel';
import type { FeedbackRequest } from './types';

/** Your feedback requests: ask for new feedback, see each link's status, revoke one. */
export function FeedbackRequests({ ask, onAskDone }: { ask: string | null; onAskDone: () => void }) {
  const requests = useFeedbackRequests();
  const [asking, setAsking] = useState(false);
  const open = asking || ask !== null;
  const close = () => {
    setAsking(false);
    onAskDone();
  };
  return (
    <section className="card" aria-labelledby="feedback">
      <div className="section-head">
        <h2 id="feedback">Feedback from others</h2>
        <button type="button" className="btn primary small" onClick={() => setAsking(true)}>
          Ask for feedback
        </button>
      </div>
      <p className="muted small">Send a mentor or a peer a link: they rate the skills you choose and answer your questions, no account needed.</p>
      {requests.isPending ? (
        <Loading label="Loading your requests…" />
      ) : requests.isError ? (
        <ErrorState error={requests.error} retry={() => void requests.refetch()} />
      ) : requests.data.length === 0 ? (
        <EmptyState title="No feedback requests yet." />
      ) : (
        <ul className="plain request-list">
          {requests.data.map((r) => (
            <RequestRow key={r.id} request={r} />
          ))}
        </ul>
      )}
      <Dialog open={open} onClose={close} title="Ask for feedback" wide>
        {open && <NewRequest preselect={ask} onDone={close} />}
      </Dialog>
    </section>
  );
}

/** "expires 18 Mar 2026", "expired …", "revoked …": when the link stops or stopped working. */
export function requestWhen(r: FeedbackRequest, timeZone: string): string {
  if (r.revokedAt) return `revoked ${formatDate(r.revokedAt, timeZone)}`;
  return `${r.status === 'expired' ? 'expired' : 'expires'} ${formatDate(r.expiresAt, timeZone)}`;
}

function RequestRow({ request: r }: { request: FeedbackRequest }) {
  const { timeZone } = useUser();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="request">
      <div className="request-main">
        <Link href={`/growth/feedback/${r.id}`} className="request-title">
          {r.recipient ? `To ${r.recipient}` : 'Feedback request'}
        </Link>
        <span className={`badge status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
      </div>
      <p className="request-message small">{r.message}</p>
      <p className="muted small">
        {r.responseCount === 1 ? '1 response' : `${r.responseCount} responses`} · asked {formatDate(r.createdAt, timeZone)} · {requestWhen(r, timeZone)}
      </p>
      {r.status === 'open' && (
        <button type="button" className="btn small ghost danger-text" onClick={() => setConfirming(true)} aria-label={`Revoke the request ${r.recipient ? `to ${r.recipient}` : `of ${formatDate(r.createdAt, timeZone)}`}`}>
          Revoke
        </button>
      )}
      <RevokeDialog request={r} open={confirming} onClose={() => setConfirming(false)} />
    </li>
  );
}

export function RevokeDialog({ request, open, onClose }: { request: FeedbackRequest; open: boolean; onClose: () => void }) {
  const revoke = useRevokeFeedbackRequest();
  const run = useRun();
  const toast = useToast();
  return (
    <Dialog open={open} onClose={onClose} title="Revoke this request?">
      <p>The link stops working at once; whoever opens it sees that it is not available. Responses already given stay.</p>
      <div className="form-actions">
        <button type="button" className="btn ghost" onClick={onClose}>
          Keep it open
        </button>
        <button
          type="button"
          className="btn danger"
          disabled={revoke.isPending}
          onClick={() =>
            run(async () => {
              await revoke.mutateAsync(request.id);
              onClose();
              toast({ message: 'Request revoked: its link no longer works.' });
            })
          }
        >
          Revoke
        </button>
      </div>
    </Dialog>
  );
}

/** The new request's form, then its link, shown this once. */
function NewRequest({ preselect, onDone }: { preselect: string | null; onDone: () => void }) {
  const [draft, setDraft, reset] = useDraft<RequestDraft>('feedback-request', () => emptyRequest(preselect ? [preselect] : []));
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<{ url: string; recipient: string | null } | null>(null);
  const create = useCreateFeedbackRequest();
  const skills = useSkills();
  const set = <K extends keyof RequestDraft>(key: K) => (value: RequestDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (path: string) => error?.field(path);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const result = await create.mutateAsync(requestInputOf(draft));
      reset();
      setCreated({ url: result.url, recipient: result.request.recipient });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  if (created) return <ShareLink url={created.url} recipient={created.recipient} onDone={onDone} />;
  const unused = SUGGESTED_QUESTIONS.filter((q) => !draft.questions.includes(q));
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError error={error} />
      <Field label="Whom are you asking?" hint="Only you see this." error={err('recipient')}>
        {(p) => <input {...p} value={draft.recipient} maxLength={200} placeholder="Maria, my mentor" onChange={(e) => set('recipient')(e.target.value)} />}
      </Field>
      <Field label="Message" hint="They see it with your name: say why you ask, and about which moment." error={err('message')}>
        {(p) => <textarea {...p} rows={3} maxLength={2000} value={draft.message} onChange={(e) => set('message')(e.target.value)} required />}
      </Field>
      <fieldset className="field">
        <legend>Skills to rate</legend>
        {skills.isPending ? (
          <p className="hint">Loading your skills…</p>
        ) : skills.isError ? (
          <p className="field-error">Your skills could not be loaded: {skills.error.message}</p>
        ) : (
          <div className="segmented">
            {skills.data.map((s) => (
              <label key={s.id} className="segment">
                <input
                  type="checkbox"
                  checked={draft.skillIds.includes(s.id)}
                  onChange={(e) => set('skillIds')(e.target.checked ? [...draft.skillIds, s.id] : draft.skillIds.filter((id) => id !== s.id))}
                />
                <span>{s.name}</span>
              </label>
            ))}
          </div>
        )}
        {err('skillIds') && <p className="field-error">{err('skillIds')}</p>}
      </fieldset>
      <fieldset className="field">
        <legend>Questions</legend>
        {draft.questions.map((q, i) => (
          <div key={i} className="question-row">
            <label className="visually-hidden" htmlFor={`question-${i}`}>
              Question {i + 1}
            </label>
            <input id={`question-${i}`} value={q} maxLength={500} onChange={(e) => set('questions')(draft.questions.map((x, j) => (j === i ? e.target.value : x)))} />
            <button type="button" className="btn icon ghost" aria-label={`Remove question ${i + 1}`} onClick={() => set('questions')(draft.questions.filter((_, j) => j !== i))}>
              <Icon name="close" />
            </button>
          </div>
        ))}
        {draft.questions.length < 10 && (
          <div className="button-row">
            <button type="button" className="btn small" onClick={() => set('questions')([...draft.questions, ''])}>
              <Icon name="plus" /> Add a question
            </button>
            {unused.map((q) => (
              <button key={q} type="button" className="btn small ghost" onClick={() => set('questions')([...draft.questions, q])}>
                <Icon name="plus" /> {q}
              </button>
            ))}
          </div>
        )}
        {err('questions') && <p className="field-error">{err('questions')}</p>}
      </fieldset>
      <div className="row">
        <fieldset className="field">
          <legend>Responses</legend>
          <label className="check">
            <input type="radio" name="responses" checked={draft.responses === 'one'} onChange={() => set('responses')('one')} /> One person: the link closes after one answer
          </label>
          <label className="check">
            <input type="radio" name="responses" checked={draft.responses === 'many'} onChange={() => set('responses')('many')} /> Several people: share it with a group
          </label>
        </fieldset>
        <div className="form">
          <Field label="The link works for" error={err('expiresInDays')}>
            {(p) => (
              <select {...p} value={draft.expiresInDays} onChange={(e) => set('expiresInDays')(Number(e.target.value))}>
                {EXPIRY_CHOICES.map((days) => (
                  <option key={days} value={days}>
                    {days} days
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check">
            <input type="checkbox" checked={draft.allowAnonymous} onChange={(e) => set('allowAnonymous')(e.target.checked)} /> They may stay anonymous
          </label>
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="btn ghost" onClick={() => { reset(); onDone(); }}>
          Discard
        </button>
        <button type="submit" className="btn primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create the link'}
        </button>
      </div>
    </form>
  );
}

function ShareLink({ url, recipient, onDone }: { url: string; recipient: string | null; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const toast = useToast();
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard access can be refused; the link is selectable in the box.
      toast({ message: 'Copying was blocked by the browser: select the link and copy it by hand.' });
    }
  }
  return (
    <div className="form">
      <p className="notice" role="status">
        Your link is ready. Copy it now{recipient ? ` and send it to ${recipient}` : ''}: Rapport keeps only a fingerprint of it and cannot show it again.
      </p>
      <label htmlFor="share-link" className="prop-label">
        Feedback link
      </label>
      <input id="share-link" className="token-box" readOnly value={url} onFocus={(e) => e.target.select()} />
      <div className="form-actions">
        {'share' in navigator && (
          <button type="button" className="btn" onClick={() => void navigator.share({ url }).catch(() => undefined)}>
            Share…
          </button>
        )}
        <button type="button" className="btn primary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
        <button type="button" className="btn ghost" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
