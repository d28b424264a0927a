import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api';
import { useUser } from '../../shared/session';
import { formatCalendarDate, formatDate } from '../../shared/time';
import { Dialog, ErrorState, Field, Icon, Loading, useRun, useToast } from '../../shared/ui';
import { useAddExchange, useDeleteExchange, useExchanges, useUpdateExchange } from './api';
import { balanceSentence, DIRECTION_LABELS, DIRECTIONS, openSentence, type Direction, type Exchange } from './model';
import { closeOnEscape } from './Snooze';
import { ToggleBox } from './ToggleBox';
import './nurture.css';

/** The ledger of offers and asks with this contact, both ways, and its balance. */
export function GiveAndTakeCard({ contact }: { contact: { id: string; displayName: string } }) {
  const user = useUser();
  const ledger = useExchanges(contact.id);
  const update = useUpdateExchange();
  const remove = useDeleteExchange();
  const run = useRun();
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Exchange | null>(null);

  return (
    <section className="card" aria-labelledby="give-and-take">
      <div className="card-head">
        <h2 id="give-and-take">Give and take</h2>
        {!adding && (
          <button type="button" className="btn small" onClick={() => setAdding(true)}>
            <Icon name="plus" /> Add offer or ask
          </button>
        )}
      </div>
      {adding && <ExchangeForm contactId={contact.id} onClose={() => setAdding(false)} />}
      {ledger.isPending ? (
        <Loading label="Loading give and take…" />
      ) : ledger.isError ? (
        <ErrorState error={ledger.error} retry={() => void ledger.refetch()} />
      ) : ledger.data.items.length === 0 ? (
        !adding && (
          <p className="muted">
            No offers or asks yet. Note what you offered or asked of {contact.displayName}, and what they offered or asked of you; Today reminds you of your promises.
          </p>
        )
      ) : (
        <>
          <p className="balance" aria-live="polite">
            <strong>{balanceSentence(ledger.data.balance)}</strong> <span className="muted">{openSentence(ledger.data.balance)}</span>
          </p>
          <ul className="plain item-list" aria-label="Offers and asks">
            {ledger.data.items.map((x) => (
              <li key={x.id} className={`item-row${x.doneAt ? ' done' : ''}`}>
                <ToggleBox className="item-check" checked={x.doneAt !== null} onToggle={(done) => update.mutateAsync({ id: x.id, patch: { done } })}>
                  <span className="visually-hidden">Done: {x.description}</span>
                </ToggleBox>
                <div className="item-main">
                  <p>
                    <span className={`badge direction-${x.direction}`}>{DIRECTION_LABELS[x.direction]}</span> <span className="item-text">{x.description}</span>
                  </p>
                  <p className="small muted">
                    {formatCalendarDate(x.openedOn)}
                    {x.dueOn && <> · due {formatCalendarDate(x.dueOn)}</>}
                    {x.doneAt && <> · done {formatDate(x.doneAt, user.timeZone)}</>}
                  </p>
                </div>
                <button type="button" className="btn small ghost danger-text" onClick={() => setDeleting(x)} aria-label={`Delete: ${x.description}`}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <Dialog open={deleting !== null} onClose={() => setDeleting(null)} title="Delete this entry?">
        <p>“{deleting?.description}” will be deleted for good, and the balance will no longer count it.</p>
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
                toast({ message: `Deleted “${deleting.description}”.` });
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

function ExchangeForm({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const id = useId();
  const add = useAddExchange(contactId);
  const [draft, setDraft] = useState({ direction: 'i_offered' as Direction, description: '', dueOn: '' });
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await add.mutateAsync({ direction: draft.direction, description: draft.description, dueOn: draft.dueOn || null });
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', String(err)));
    }
  }

  const fieldError = (path: string) => error?.field(path);
  const general = error && error.fields.length === 0 ? error.message : null;
  return (
    <form className="inline-panel item-form" aria-label="New offer or ask" onSubmit={submit} onKeyDown={closeOnEscape(onClose)} noValidate>
      <fieldset className="field">
        <legend>Who gives</legend>
        <div className="segmented">
          {DIRECTIONS.map((d) => (
            <label key={d} className="segment">
              <input type="radio" name={`${id}-direction`} value={d} checked={draft.direction === d} onChange={() => setDraft({ ...draft, direction: d })} />
              <span>{DIRECTION_LABELS[d]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="What" error={fieldError('description')}>
        {(p) => (
          <input
            {...p}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            placeholder="Review their CV, an intro to a designer…"
            autoFocus
          />
        )}
      </Field>
      <Field label="Due (optional)" error={fieldError('dueOn')}>
        {(p) => <input {...p} type="date" className="date-input" value={draft.dueOn} onChange={(e) => setDraft({ ...draft, dueOn: e.target.value })} />}
      </Field>
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn small ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn small primary" disabled={add.isPending}>
          {add.isPending ? 'Saving…' : 'Add'}
        </button>
      </div>
    </form>
  );
}
