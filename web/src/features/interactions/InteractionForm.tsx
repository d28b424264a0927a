import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../../shared/api';
import { useUser } from '../../shared/session';
import { KIND_LABELS, KINDS } from '../../shared/types';
import { Field, FormError, isSaveChord } from '../../shared/ui';
import type { InteractionDraft } from './model';
import { ParticipantPicker } from './ParticipantPicker';

const QUALITY = ['Poor', 'Meh', 'Fine', 'Good', 'Great'];

/**
 * Every field of an interaction, in the order a quick log needs them: who, what it was about,
 * what kind, when; the rest below. Ctrl/Cmd+Enter saves from any field.
 */
export function InteractionForm({ draft, onChange, onSubmit, error, pending, submitLabel, actions, autoFocus }: {
  draft: InteractionDraft;
  onChange: (update: (d: InteractionDraft) => InteractionDraft) => void;
  onSubmit: () => void;
  error: ApiError | null;
  pending: boolean;
  submitLabel: string;
  actions?: ReactNode;
  autoFocus?: boolean;
}) {
  const set = <K extends keyof InteractionDraft>(key: K) => (value: InteractionDraft[K]) => onChange((d) => ({ ...d, [key]: value }));
  const text = (key: { [K in keyof InteractionDraft]: InteractionDraft[K] extends string ? K : never }[keyof InteractionDraft]) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
  });
  const err = (path: string) => error?.field(path);
  const { timeZone } = useUser();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!pending) onSubmit();
  }

  return (
    <form
      className="form interaction-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (isSaveChord(e)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
      noValidate
    >
      <FormError error={error} />
      <ParticipantPicker value={draft.participants} onChange={set('participants')} error={err('participantIds')} autoFocus={autoFocus} />
      <Field label="Summary" error={err('summary')}>
        {(p) => <input {...p} {...text('summary')} maxLength={500} placeholder="What was it about?" required />}
      </Field>
      <fieldset className="field">
        <legend>Kind</legend>
        <div className="segmented">
          {KINDS.map((kind) => (
            <label key={kind} className="segment">
              <input type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => set('kind')(kind)} />
              <span>{KIND_LABELS[kind]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <Field label="When" error={err('occurredAt')} hint={`In your time zone, ${timeZone.replace(/_/g, ' ')}.`}>
          {(p) => <input {...p} type="datetime-local" {...text('when')} required />}
        </Field>
        <Field label="Channel or place" error={err('channel')}>
          {(p) => <input {...p} {...text('channel')} placeholder="Zoom, LinkedIn, a café…" />}
        </Field>
      </div>
      <details className="more" open={Boolean(draft.notes || draft.needs || draft.challenges || draft.plans || draft.learned || draft.quality || draft.followUpText) || undefined}>
        <summary>What they shared, what you learned, follow-up</summary>
        <div className="form">
        <Field label="Notes" error={err('notes')}>
          {(p) => <textarea {...p} {...text('notes')} rows={3} />}
        </Field>
        <div className="row three">
          <Field label="Their needs" error={err('shared.needs')}>
            {(p) => <textarea {...p} {...text('needs')} rows={2} />}
          </Field>
          <Field label="Their challenges" error={err('shared.challenges')}>
            {(p) => <textarea {...p} {...text('challenges')} rows={2} />}
          </Field>
          <Field label="Their plans" error={err('shared.plans')}>
            {(p) => <textarea {...p} {...text('plans')} rows={2} />}
          </Field>
        </div>
        <Field label="What I learned" error={err('learned')}>
          {(p) => <textarea {...p} {...text('learned')} rows={2} />}
        </Field>
        <fieldset className="field">
          <legend>How did it go?</legend>
          <div className="segmented">
            <label className="segment">
              <input type="radio" name="quality" checked={draft.quality === null} onChange={() => set('quality')(null)} />
              <span>Not rated</span>
            </label>
            {QUALITY.map((label, index) => (
              <label key={label} className="segment">
                <input type="radio" name="quality" checked={draft.quality === index + 1} onChange={() => set('quality')(index + 1)} />
                <span>
                  {index + 1} · {label}
                </span>
              </label>
            ))}
          </div>
          {err('quality') && <p className="field-error">{err('quality')}</p>}
        </fieldset>
        <div className="row">
          <Field label="Follow-up" error={err('followUp.text')}>
            {(p) => <input {...p} {...text('followUpText')} placeholder="Send the article, introduce to…" />}
          </Field>
          <Field label="Follow-up due" error={err('followUp.due')}>
            {(p) => <input {...p} type="date" {...text('followUpDue')} />}
          </Field>
        </div>
        {draft.followUpText && (
          <label className="check">
            <input type="checkbox" checked={draft.followUpDone} onChange={(e) => set('followUpDone')(e.target.checked)} /> Follow-up done
          </label>
        )}
        </div>
      </details>
      <div className="form-actions">
        {actions}
        <button type="submit" className="btn primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <span className="muted kbd-hint" aria-hidden="true">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </span>
      </div>
    </form>
  );
}
