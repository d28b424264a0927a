import { useRef, useState, type RefObject } from 'react';
import { Link } from 'wouter';
import { useUser } from '../../shared/session';
import { formatCalendarDate, formatDate } from '../../shared/time';
import { EmptyState, ErrorState, Icon, Loading, useRun, useToast } from '../../shared/ui';
import { useHasContacts } from '../contacts/api';
import { useLogInteractionDialog } from '../interactions/LogInteraction';
import { StartingPoints } from '../seed/StartingPoints';
import { useFollowUpDone, useToday, useUpdateExchange } from './api';
import { CadencePanel } from './Cadence';
import { CelebrateDialog } from './Celebrate';
import { dueHeadline, EVENT_LABELS, formatDay, inDaysLabel, isAllClear, occasionLabel, overdueLabel, type ContactEvent, type DueItem, type Today } from './model';
import { SnoozePanel } from './Snooze';
import './today.css';

type Summary = Today['due']['items'][number]['contact'];

/** The home page: whom to reach out to today and why, and what else is waiting. */
export function TodayPage() {
  const today = useToday();
  const [celebrating, setCelebrating] = useState<{ event: ContactEvent; contactName: string } | null>(null);
  if (today.isPending) return <div className="page"><h1>Today</h1><Loading label="Loading today…" /></div>;
  if (today.isError) return <div className="page"><h1>Today</h1><ErrorState error={today.error} retry={() => void today.refetch()} /></div>;
  const t = today.data;
  return (
    <div className="page wide-page today-page">
      <div className="page-head">
        <div>
          <h1>Today</h1>
          <p className="lede">
            {formatDay(t.date)} · {dueHeadline(t.due)}
          </p>
        </div>
      </div>
      {isAllClear(t) ? (
        <AllCaughtUp />
      ) : (
        <div className="today-grid">
          <DueSection today={t} />
          <div className="today-side">
            {t.followUps.length > 0 && <FollowUps items={t.followUps} />}
            {t.successes.length > 0 && <Successes items={t.successes} onCelebrate={setCelebrating} />}
            {t.promises.length > 0 && <Promises items={t.promises} />}
            {t.upcoming.length > 0 && <Upcoming items={t.upcoming} />}
          </div>
        </div>
      )}
      <CelebrateDialog target={celebrating} onClose={() => setCelebrating(null)} />
    </div>
  );
}

function AllCaughtUp() {
  const logInteraction = useLogInteractionDialog();
  const hasContacts = useHasContacts();
  if (hasContacts.data === false) return <Welcome />;
  return (
    <EmptyState title="You’re all caught up.">
      <p>Nobody is due for a check-in, and no follow-ups, dates or promises are waiting.</p>
      <p>
        Rapport reminds you when it is time to reach out to someone in a circle. Give your contacts a circle (inner, close, network or wide) or their own cadence; the
        cadence of each circle is in <Link href="/settings">Settings</Link>.
      </p>
      <div className="button-row">
        <Link href="/contacts" className="btn primary">
          Go to your contacts
        </Link>
        <button type="button" className="btn" onClick={() => logInteraction()}>
          Log an interaction
        </button>
      </div>
    </EmptyState>
  );
}

/** A new account: nothing can be due until there are people to keep in touch with. */
function Welcome() {
  return (
    <EmptyState title="Start with the people you know.">
      <p>Each day this page tells you whom to reach out to and why, what you promised, and whose news to celebrate.</p>
      <div className="button-row">
        <Link href="/contacts" className="btn primary">
          Add your first contact
        </Link>
      </div>
      <StartingPoints />
    </EmptyState>
  );
}

function ContactLink({ contact }: { contact: Summary }) {
  return (
    <Link href={`/contacts/${contact.id}`} className="contact-name">
      {contact.displayName}
    </Link>
  );
}

function DueSection({ today }: { today: Today }) {
  const { items, total } = today.due;
  return (
    <section className="today-section" aria-labelledby="due-heading">
      <h2 id="due-heading">Reach out</h2>
      {items.length === 0 ? (
        <p className="muted">Nobody is due for a check-in today.</p>
      ) : (
        <>
          {total > items.length && (
            <p className="muted small">
              The {items.length} most urgent of {total}.
            </p>
          )}
          <ol className="plain today-list" aria-label="Due for a check-in">
            {items.map((item) => (
              <DueRow key={item.contact.id} item={item} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** One contact due for a check-in: why, their latest news, and the one-click actions. */
function DueRow({ item }: { item: DueItem }) {
  const user = useUser();
  const logInteraction = useLogInteractionDialog();
  const [panel, setPanel] = useState<'snooze' | 'cadence' | null>(null);
  const snoozeButton = useRef<HTMLButtonElement>(null);
  const cadenceButton = useRef<HTMLButtonElement>(null);
  const { contact, lastInteraction: last, latestNews: news } = item;
  const role = [contact.title, contact.company].filter(Boolean).join(' at ');
  // Closing a panel puts focus back on the button that opened it.
  const close = (button: RefObject<HTMLButtonElement | null>) => () => {
    setPanel(null);
    button.current?.focus();
  };
  return (
    <li className="today-item due-item">
      <div className="today-item-head">
        <div className="today-who">
          <ContactLink contact={contact} />
          {contact.circle && <span className={`badge circle-${contact.circle}`}>{contact.circle}</span>}
          {role && <span className="muted small">{role}</span>}
        </div>
        <span className={`badge ${item.overdueDays > 0 ? 'overdue' : 'due'}`}>{overdueLabel(item.overdueDays)}</span>
      </div>
      <p className="due-reason">{item.reason}</p>
      {(last || news) && (
        <ul className="plain due-facts small">
          {last && (
            <li>
              <span className="muted">Last: </span>
              <Link href={`/interactions/${last.id}`}>{last.summary}</Link>
              <span className="muted"> · {formatDate(last.occurredAt, user.timeZone)}</span>
            </li>
          )}
          {news && (
            <li>
              <span className="muted">Their news: </span>
              {EVENT_LABELS[news.kind]}, {formatCalendarDate(news.date)}
              {news.note && <> — {news.note}</>}
            </li>
          )}
        </ul>
      )}
      <div className="button-row today-actions">
        <button type="button" className="btn small" onClick={() => logInteraction([{ id: contact.id, displayName: contact.displayName }])} aria-label={`Log interaction with ${contact.displayName}`}>
          <Icon name="plus" /> Log interaction
        </button>
        <button
          ref={snoozeButton}
          type="button"
          className="btn small"
          aria-expanded={panel === 'snooze'}
          aria-label={`Snooze ${contact.displayName}`}
          onClick={() => setPanel(panel === 'snooze' ? null : 'snooze')}
        >
          Snooze
        </button>
        <button
          ref={cadenceButton}
          type="button"
          className="btn small ghost"
          aria-expanded={panel === 'cadence'}
          aria-label={`Change cadence of ${contact.displayName}, now every ${item.cadenceDays} days`}
          onClick={() => setPanel(panel === 'cadence' ? null : 'cadence')}
        >
          Every {item.cadenceDays} days <Icon name="pen" />
        </button>
      </div>
      {panel === 'snooze' && <SnoozePanel contact={contact} onClose={close(snoozeButton)} />}
      {panel === 'cadence' && (
        <CadencePanel contact={contact} days={item.cadenceDays} hint="Leave it empty to follow the cadence of their circle." onClose={close(cadenceButton)} />
      )}
    </li>
  );
}

function FollowUps({ items }: { items: Today['followUps'] }) {
  const done = useFollowUpDone();
  const toast = useToast();
  const run = useRun();
  return (
    <section className="today-section" aria-labelledby="followups-heading">
      <h2 id="followups-heading">Follow-ups</h2>
      <ul className="plain today-list" aria-label="Follow-ups due">
        {items.map((f) => (
          <li key={f.interactionId} className="today-item">
            <div className="today-item-head">
              <strong>{f.text}</strong>
              <span className={`badge ${f.overdueDays > 0 ? 'overdue' : 'due'}`}>{overdueLabel(f.overdueDays)}</span>
            </div>
            <p className="small muted">
              Due {formatCalendarDate(f.due)} · from <Link href={`/interactions/${f.interactionId}`}>{f.summary}</Link>
              {f.contacts.length > 0 && <> with {f.contacts.map((c) => c.displayName).join(', ')}</>}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="btn small"
                aria-label={`Mark done: ${f.text}`}
                onClick={() =>
                  run(async () => {
                    await done.mutateAsync({ interactionId: f.interactionId, done: true });
                    toast({ message: `Done: ${f.text}.`, action: { label: 'Undo', run: () => run(() => done.mutateAsync({ interactionId: f.interactionId, done: false })) } });
                  })
                }
              >
                Mark done
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Successes({ items, onCelebrate }: { items: Today['successes']; onCelebrate: (target: { event: ContactEvent; contactName: string }) => void }) {
  return (
    <section className="today-section" aria-labelledby="successes-heading">
      <h2 id="successes-heading">Their news</h2>
      <ul className="plain today-list" aria-label="Successes to celebrate">
        {items.map(({ contact, event }) => (
          <li key={event.id} className="today-item">
            <div className="today-item-head">
              <span>
                <ContactLink contact={contact} />: {EVENT_LABELS[event.kind]}
              </span>
              <span className="muted small">{formatCalendarDate(event.date)}</span>
            </div>
            {event.note && <p className="small">{event.note}</p>}
            <div className="button-row">
              <button type="button" className="btn small primary" onClick={() => onCelebrate({ event, contactName: contact.displayName })} aria-label={`Celebrate ${contact.displayName}’s ${EVENT_LABELS[event.kind].toLowerCase()}`}>
                Celebrate
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Promises({ items }: { items: Today['promises'] }) {
  const update = useUpdateExchange();
  const toast = useToast();
  const run = useRun();
  return (
    <section className="today-section" aria-labelledby="promises-heading">
      <h2 id="promises-heading">Your promises</h2>
      <ul className="plain today-list" aria-label="Promises not yet kept">
        {items.map(({ contact, exchange }) => (
          <li key={exchange.id} className="today-item">
            <div className="today-item-head">
              <strong>{exchange.description}</strong>
              {exchange.dueOn && <span className="muted small">due {formatCalendarDate(exchange.dueOn)}</span>}
            </div>
            <p className="small muted">
              {exchange.direction === 'i_offered' ? 'Offered to' : 'Asked by'} <ContactLink contact={contact} /> on {formatCalendarDate(exchange.openedOn)}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="btn small"
                aria-label={`Mark done: ${exchange.description}`}
                onClick={() =>
                  run(async () => {
                    await update.mutateAsync({ id: exchange.id, patch: { done: true } });
                    toast({ message: `Done: ${exchange.description}.`, action: { label: 'Undo', run: () => run(() => update.mutateAsync({ id: exchange.id, patch: { done: false } })) } });
                  })
                }
              >
                Mark done
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Upcoming({ items }: { items: Today['upcoming'] }) {
  return (
    <section className="today-section" aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading">Coming up</h2>
      <ul className="plain today-list" aria-label="Birthdays and dates in the next 14 days">
        {items.map((u) => (
          <li key={`${u.contact.id}-${u.eventId ?? 'birthday'}`} className="today-item">
            <div className="today-item-head">
              <ContactLink contact={u.contact} />
              <span className="badge due">{inDaysLabel(u.inDays)}</span>
            </div>
            <p className="small">
              {occasionLabel(u.kind, u.years)} <span className="muted">· {formatDay(u.date)}</span>
            </p>
            {u.note && <p className="small muted">{u.note}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
