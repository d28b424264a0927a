import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../../shared/api';
import { useUser } from '../../shared/session';
import { formatDate } from '../../shared/time';
import { useRun, useToast } from '../../shared/ui';
import { useSnooze, useUnsnooze } from './api';
import { addDays, localDate, type SnoozeInput } from './model';

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e));
}

/** Escape closes an inline panel, as it does a dialog. */
export function closeOnEscape(onClose: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };
}

/**
 * Puts off a contact's check-in: a week or a month in one click, or until a chosen day. A day
 * that is not in the future is refused by the server, whose reason is shown next to the field.
 */
export function SnoozePanel({ contact, onClose }: { contact: { id: string; displayName: string }; onClose: () => void }) {
  const user = useUser();
  const id = useId();
  const snooze = useSnooze();
  const unsnooze = useUnsnooze();
  const toast = useToast();
  const run = useRun();
  const today = localDate(new Date(), user.timeZone);
  const [until, setUntil] = useState(addDays(today, 14));
  const [error, setError] = useState<ApiError | null>(null);

  async function apply(input: SnoozeInput) {
    setError(null);
    try {
      const saved = await snooze.mutateAsync({ contactId: contact.id, input });
      onClose();
      toast({
        message: `Snoozed ${contact.displayName} until ${formatDate(saved.snoozedUntil!, user.timeZone)}.`,
        action: { label: 'Undo', run: () => run(() => unsnooze.mutateAsync(contact.id)) },
      });
    } catch (e) {
      setError(asApiError(e));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void apply({ until });
  }

  const message = error ? (error.field('until') ?? error.message) : null;
  return (
    <form className="inline-panel" aria-label={`Snooze ${contact.displayName}`} onSubmit={submit} onKeyDown={closeOnEscape(onClose)} noValidate>
      <div className="button-row">
        <span className="muted small">Snooze for</span>
        <button type="button" className="btn small" onClick={() => void apply({ for: 'week' })} disabled={snooze.isPending} autoFocus>
          A week
        </button>
        <button type="button" className="btn small" onClick={() => void apply({ for: 'month' })} disabled={snooze.isPending}>
          A month
        </button>
      </div>
      <div className="inline-panel-row">
        <label htmlFor={`${id}-until`} className="small">
          Or until
        </label>
        <input
          id={`${id}-until`}
          type="date"
          value={until}
          min={addDays(today, 1)}
          onChange={(e) => setUntil(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
        />
        <button type="submit" className="btn small primary" disabled={snooze.isPending}>
          Snooze
        </button>
        <button type="button" className="btn small ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
      {message && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
