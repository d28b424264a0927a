import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api';
import { useToast } from '../../shared/ui';
import { usePatchContact } from './api';
import { closeOnEscape } from './Snooze';

/** Changes how often to keep in touch with one contact, in place. */
export function CadencePanel({ contact, days, hint, onClose }: { contact: { id: string; displayName: string }; days: number | null; hint?: string; onClose: () => void }) {
  const id = useId();
  const patch = usePatchContact();
  const toast = useToast();
  const [text, setText] = useState(days === null ? '' : String(days));
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const cadenceDays = text.trim() === '' ? null : Number(text);
      const saved = await patch.mutateAsync({ contactId: contact.id, patch: { cadenceDays } });
      onClose();
      toast({ message: saved.cadenceDays === null ? `${contact.displayName} follows their circle again.` : `Keeping in touch with ${contact.displayName} every ${saved.cadenceDays} days.` });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  const message = error ? (error.field('cadenceDays') ?? error.message) : null;
  const described = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form className="inline-panel" aria-label={`Cadence for ${contact.displayName}`} onSubmit={submit} onKeyDown={closeOnEscape(onClose)} noValidate>
      <div className="inline-panel-row">
        <label htmlFor={`${id}-days`} className="small">
          Keep in touch every
        </label>
        <input
          id={`${id}-days`}
          className="days-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
          aria-invalid={message ? true : undefined}
          aria-describedby={described || undefined}
        />
        <span className="small">days</span>
        <button type="submit" className="btn small primary" disabled={patch.isPending}>
          {patch.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn small ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {message && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
