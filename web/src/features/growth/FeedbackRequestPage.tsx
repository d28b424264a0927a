import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../shared/api';
import { useUser } from '../../shared/session';
import { formatDate, formatDateTime } from '../../shared/time';
import { EmptyState, ErrorState, Icon, Loading } from '../../shared/ui';
import { useFeedbackRequest } from './api';
import { STATUS_LABELS } from './feedbackModel';
import { requestWhen, RevokeDialog } from './FeedbackRequests';
import { scoreLabel } from './gap';
import type { FeedbackRequest, FeedbackResponse } from './types';

/** One feedback request: what was asked, of whom, and every response. */
export function FeedbackRequestPage({ id }: { id: string }) {
  const found = useFeedbackRequest(id);
  if (found.isPending) return <div className="page"><Loading label="Loading the request…" /></div>;
  if (found.isError) {
    const gone = found.error instanceof ApiError && found.error.status === 404;
    return (
      <div className="page">
        {gone ? (
          <EmptyState title="This feedback request is not here.">
            <p><Link href="/growth">Go back to Growth</Link>.</p>
          </EmptyState>
        ) : (
          <ErrorState error={found.error} retry={() => void found.refetch()} />
        )}
      </div>
    );
  }
  return <RequestView request={found.data.request} responses={found.data.responses} />;
}

function RequestView({ request: r, responses }: { request: FeedbackRequest; responses: FeedbackResponse[] }) {
  const { timeZone } = useUser();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="page">
      <Link href="/growth" className="back-link">
        <Icon name="back" /> Growth
      </Link>
      <div className="page-head">
        <div>
          <h1>{r.recipient ? `Feedback request to ${r.recipient}` : 'Feedback request'}</h1>
          <p className="lede">
            <span className={`badge status-${r.status}`}>{STATUS_LABELS[r.status]}</span> Asked {formatDate(r.createdAt, timeZone)} · {requestWhen(r, timeZone)} ·{' '}
            {r.responses === 'one' ? 'one response' : 'several responses'} · {r.allowAnonymous ? 'anonymous allowed' : 'names required'}
          </p>
        </div>
        {r.status === 'open' && (
          <button type="button" className="btn danger" onClick={() => setConfirming(true)}>
            Revoke
          </button>
        )}
      </div>
      <section className="card" aria-labelledby="asked">
        <h2 id="asked">What you asked</h2>
        <blockquote className="plan">{r.message}</blockquote>
        {r.skills.length > 0 && <p><strong>Skills to rate:</strong> {r.skills.map((s) => s.name).join(', ')}</p>}
        {r.questions.length > 0 && (
          <ol className="question-list">
            {r.questions.map((q) => (
              <li key={q.position}>{q.text}</li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="responses">
        <h2 id="responses">{responses.length === 1 ? '1 response' : `${responses.length} responses`}</h2>
        {responses.length === 0 ? (
          <EmptyState title="No responses yet.">
            <p>{r.status === 'open' ? 'They appear here, and in your skill charts, as soon as someone answers.' : 'The link no longer takes responses.'}</p>
          </EmptyState>
        ) : (
          <ol className="plain">
            {responses.map((response) => (
              <li key={response.id} className="card response">
                <h3>
                  {response.respondentName ?? 'Anonymous'} <span className="muted small">· {formatDateTime(response.createdAt, timeZone)}</span>
                </h3>
                {response.ratings.length > 0 && (
                  <dl className="response-ratings">
                    {response.ratings.map((x) => (
                      <div key={x.skillId}>
                        <dt>
                          <Link href={`/growth/skills/${x.skillId}`}>{x.skillName}</Link>
                        </dt>
                        <dd>
                          {scoreLabel(x.rating)}
                          {x.comment && <span className="prose"> — “{x.comment}”</span>}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
                {response.answers.map((a) => (
                  <div key={a.position} className="response-answer">
                    <p className="prop-label">{a.question}</p>
                    <p className="prose">{a.answer}</p>
                  </div>
                ))}
              </li>
            ))}
          </ol>
        )}
      </section>
      <RevokeDialog request={r} open={confirming} onClose={() => setConfirming(false)} />
    </div>
  );
}
