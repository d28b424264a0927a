import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../../shared/api';
import { KIND_LABELS, type InteractionKind } from '../../shared/types';
import { Dialog, Field, FormError, useToast } from '../../shared/ui';
import { useCelebrate } from './api';
import { EVENT_LABELS, type ContactEvent } from './model';

// The usual ways to congratulate someone first; the dialog starts on the first.
const CELEBRATE_KINDS: InteractionKind[] = ['message', 'call', 'email', 'video_call', 'coffee', 'meal', 'meeting', 'event', 'other'];

/**
 * Records how the user acknowledged a milestone of theirs: the server logs it as an interaction
 * with the contact and marks the milestone celebrated.
 */
export function CelebrateDialog({ target, onClose }: { target: { event: ContactEvent; contactName: string } | null; onClose: () => void }) {
  return (
    <Dialog open={target !== null} onClose={onClose} title={target ? `Celebrate ${target.contactName}’s ${EVENT_LABELS[target.event.kind].toLowerCase()}` : 'Celebrate'}>
      {target && <CelebrateForm key={target.event.id} event={target.event} contactName={target.contactName} onClose={onClose} />}
    </Dialog>
  );
}

function CelebrateForm({ event, contactName, onClose }: { event: ContactEvent; contactName: string; onClose: () => void }) {
  const celebrate = useCelebrate();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [form, setForm] = useState({ kind: 'message' as InteractionKind, channel: '', notes: '' });
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const saved = await celebrate.mutateAsync({
        id: event.id,
        input: { kind: form.kind, channel: form.channel.trim() || null, notes: form.notes.trim() || null },
      });
      onClose();
      toast({
        message: `Celebrated ${contactName}’s ${EVENT_LABELS[event.kind].toLowerCase()}.`,
        action: { label: 'View', run: () => navigate(`/interactions/${saved.acknowledgementId}`) },
      });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', String(err)));
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError error={error} />
      {event.note && <p className="muted">{event.note}</p>}
      <fieldset className="field">
        <legend>How did you congratulate them?</legend>
        <div className="segmented">
          {CELEBRATE_KINDS.map((kind) => (
            <label key={kind} className="segment">
              <input type="radio" name="celebrate-kind" value={kind} checked={form.kind === kind} onChange={() => setForm({ ...form, kind })} />
              <span>{KIND_LABELS[kind]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Channel or place" error={error?.field('channel')}>
        {(p) => <input {...p} value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value })} placeholder="LinkedIn, WhatsApp, their office…" />}
      </Field>
      <Field label="Note" error={error?.field('notes')} hint="Saved with the interaction Rapport logs for it.">
        {(p) => <textarea {...p} rows={3} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} placeholder="What you said, how they took it" />}
      </Field>
      <div className="form-actions">
        <button type="button" className="btn ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={celebrate.isPending}>
          {celebrate.isPending ? 'Saving…' : 'Celebrate'}
        </button>
      </div>
    </form>
  );
}
