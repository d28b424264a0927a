import { Link } from 'wouter';
import { useUser } from '../../shared/session';
import { formatCalendarDate, formatDateTime, timelineGroup } from '../../shared/time';
import { KIND_LABELS, type Interaction } from '../../shared/types';
import { EmptyState, ErrorState, Loading } from '../../shared/ui';
import { useTimeline } from './api';

/** A contact's interactions, newest first, grouped by week and month in the user's calendar. */
export function Timeline({ contactId, onLog }: { contactId: string; onLog: () => void }) {
  const user = useUser();
  const timeline = useTimeline(contactId);
  if (timeline.isPending) return <Loading label="Loading the timeline…" />;
  if (timeline.isError) return <ErrorState error={timeline.error} retry={() => void timeline.refetch()} />;
  const items = timeline.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <EmptyState title="Nothing logged yet.">
        <button type="button" className="btn" onClick={onLog}>
          Log the first interaction
        </button>
      </EmptyState>
    );
  }
  const now = new Date();
  const groups: { heading: string; items: Interaction[] }[] = [];
  for (const item of items) {
    const heading = timelineGroup(item.occurredAt, now, user.timeZone, user.weekStart);
    if (groups.at(-1)?.heading !== heading) groups.push({ heading, items: [] });
    groups.at(-1)!.items.push(item);
  }
  return (
    <div className="timeline">
      {groups.map((group) => (
        <section key={group.heading} aria-label={group.heading}>
          <h3 className="timeline-heading">{group.heading}</h3>
          <ol className="plain">
            {group.items.map((i) => (
              <li key={i.id} className="timeline-item">
                <div className="timeline-meta">
                  <span className={`badge kind-${i.kind}`}>{KIND_LABELS[i.kind]}</span>
                  <time dateTime={i.occurredAt}>{formatDateTime(i.occurredAt, user.timeZone)}</time>
                  {i.quality && <span className="muted" aria-label={`Quality ${i.quality} of 5`}>{'●'.repeat(i.quality)}{'○'.repeat(5 - i.quality)}</span>}
                </div>
                <Link href={`/interactions/${i.id}`} className="timeline-summary">
                  {i.summary}
                </Link>
                {i.participants.length > 1 && <p className="muted small">With {i.participants.filter((p) => p.id !== contactId).map((p) => p.displayName).join(', ')}</p>}
                {i.learned && <p className="small"><strong>Learned:</strong> {i.learned}</p>}
                {i.followUp && !i.followUp.doneAt && (
                  <p className="small">
                    <strong>Follow-up:</strong> {i.followUp.text}
                    {i.followUp.due && <> · due {formatCalendarDate(i.followUp.due)}</>}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {timeline.hasNextPage && (
        <button type="button" className="btn ghost" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>
          {timeline.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </button>
      )}
    </div>
  );
}
