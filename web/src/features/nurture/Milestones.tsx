import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../shared/api';
import { useUser } from '../../shared/session';
import { formatCalendarDate, formatDate } from '../../shared/time';
import { Dialog, ErrorState, Field, Icon, Loading, useRun, useToast } from '../../shared/ui';
import { useAddEvent, useDeleteEvent, useEvents, useUpdateEvent } from './api';
import { CelebrateDialog } from './Celebrate';
import { EVENT_KINDS, EVENT_LABELS, YEARLY_KINDS, localDate, type ContactEvent, type EventKind } from './model';
import { closeOnEscape } from './Snooze';
import './nurture.css';

interface Draft {
  kind: EventKind;
  date: string;
  note: string;
}

/** Their milestones and dates: listed newest first, added, edited, deleted and celebrated here. */
export function MilestonesCard({ contact }: { contact: { id: string; displayName: string } }) {
  const user = useUser();
  const events = useEvents(contact.id);
  const add = useAddEvent(contact.id);
  const remove = useDeleteEvent();
  const run = useRun();
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ContactEvent | null>(null);
  const [celebrating, setCelebrating] = useState<ContactEvent | null>(null);

  return (
    <section className="card" aria-labelledby="milestones">
      <div className="card-head">
        <h2 id="milestones">Milestones</h2>
        {!adding && (
          <button type="button" className="btn small" onClick={() => setAdding(true)}>
            <Icon name="plus" /> Add milestone
          </button>
        )}
      </div>
      {adding && (
        <EventForm
          title="New milestone"
          initial={{ kind: 'new_job', date: localDate(new Date(), user.timeZone), note: '' }}
          submitLabel="Add milestone"
          onSubmit={async (d) => {
            await add.mutateAsync({ kind: d.kind, date: d.date, note: d.note.trim() || null });
            setAdding(false);
            toast({ message: `Added ${EVENT_LABELS[d.kind].toLowerCase()} for ${contact.displayName}.` });
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {events.isPending ? (
        <Loading label="Loading milestones…" />
      ) : events.isError ? (
        <ErrorState error={events.error} retry={() => void events.refetch()} />
      ) : events.data.length === 0 ? (
        !adding && <p className="muted">No milestones yet. New jobs, promotions, awards, launches, moves: note their news here, and celebrate it.</p>
      ) : (
        <ul className="plain item-list" aria-label="Milestones">
          {events.data.map((e) =>
            editing === e.id ? (
              <li key={e.id}>
                <EditEvent event={e} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li key={e.id} className="item-row">
                <div className="item-main">
                  <p>
                    <strong>{EVENT_LABELS[e.kind]}</strong> <span className="muted">· {formatCalendarDate(e.date)}</span>
                  </p>
                  {e.note && <p className="small">{e.note}</p>}
                  {e.acknowledgedAt && (
                    <p className="small muted">
                      Celebrated on {formatDate(e.acknowledgedAt, user.timeZone)}
                      {e.acknowledgementId && (
                        <>
                          {' '}
                          · <Link href={`/interactions/${e.acknowledgementId}`}>see the interaction</Link>
                        </>
                      )}
                    </p>
                  )}
                </div>
                <div className="button-row item-actions">
                  {!e.acknowledgedAt && !YEARLY_KINDS.includes(e.kind) && (
                    <button type="button" className="btn small primary" onClick={() => setCelebrating(e)} aria-label={`Celebrate ${EVENT_LABELS[e.kind].toLowerCase()} of ${formatCalendarDate(e.date)}`}>
                      Celebrate
                    </button>
                  )}
                  <button type="button" className="btn small ghost" onClick={() => setEditing(e.id)} aria-label={`Edit ${EVENT_LABELS[e.kind].toLowerCase()} of ${formatCalendarDate(e.date)}`}>
                    Edit
                  </button>
                  <button type="button" className="btn small ghost danger-text" onClick={() => setDeleting(e)} aria-label={`Delete ${EVENT_LABELS[e.kind].toLowerCase()} of ${formatCalendarDate(e.date)}`}>
                    Delete
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      <CelebrateDialog target={celebrating && { event: celebrating, contactName: contact.displayName }} onClose={() => setCelebrating(null)} />
      <Dialog open={deleting !== null} onClose={() => setDeleting(null)} title="Delete this milestone?">
        <p>
          {deleting && `${EVENT_LABELS[deleting.kind]} on ${formatCalendarDate(deleting.date)}`} will be deleted for good. An interaction logged to celebrate it stays on the timeline.
        </p>
        <div className="form-actions">
          <button type="button" className="btn ghost" onClick={() => setDeleting(null)}>
            Keep
          </button>
          <button
            type="button"
            className="btn danger"
            disabled={remove.isPending}
            onClick={() =>
              run(async () => {
                if (!deleting) return;
                await remove.mutateAsync(deleting.id);
                toast({ message: `Deleted ${EVENT_LABELS[deleting.kind].toLowerCase()} of ${formatCalendarDate(deleting.date)}.` });
                setDeleting(null);
              })
            }
          >
            Delete
          </button>
        </div>
      </Dialog>
    </section>
  );
}

function EditEvent({ event, onDone }: { event: ContactEvent; onDone: () => void }) {
  const update = useUpdateEvent();
  return (
    <EventForm
      title={`Edit ${EVENT_LABELS[event.kind].toLowerCase()}`}
      initial={{ kind: event.kind, date: event.date, note: event.note ?? '' }}
      submitLabel="Save"
      onSubmit={async (d) => {
        await update.mutateAsync({ id: event.id, patch: { kind: d.kind, date: d.date, note: d.note.trim() || null } });
        onDone();
      }}
      onCancel={onDone}
    />
  );
}

/** Kind, date and note of a milestone; the server's complaint shows next to the field at fault. */
function EventForm({ title, initial, submitLabel, onSubmit, onCancel }: { title: string; initial: Draft; submitLabel: string; onSubmit: (d: Draft) => Promise<void>; onCancel: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setPending(true);
    try {
      await onSubmit(draft);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', String(err)));
    } finally {
      setPending(false);
    }
  }

  const fieldError = (path: string) => error?.field(path);
  const general = error && error.fields.length === 0 ? error.message : null;
  return (
    <form className="inline-panel item-form" aria-label={title} onSubmit={submit} onKeyDown={closeOnEscape(onCancel)} noValidate>
      <div className="row">
        <Field label="What">
          {(p) => (
            <select {...p} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as EventKind })} autoFocus>
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {EVENT_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="When" error={fieldError('date')}>
          {(p) => <input {...p} type="date" value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} />}
        </Field>
      </div>
      <Field label="Note" error={fieldError('note')}>
        {(p) => <input {...p} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} placeholder="Head of Design at Atlas" />}
      </Field>
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn small ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn small primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
