import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../../shared/api';
import { Field, FormError, isSaveChord } from '../../shared/ui';
import { useSkills } from '../growth/api';
import { COMMUNICATION_LEVELS, CONNECTION_LEVELS, ScaleInput } from '../growth/scale';
import type { ReflectionDraft } from './model';

/** The reflection on one interaction: what went well, what to improve, two scores, skills practised. */
export function ReflectionForm({ draft, onChange, onSubmit, error, pending, submitLabel, actions, autoFocus, savedSkills = [] }: {
  draft: ReflectionDraft;
  /** The skills of the saved reflection, named even when archived since. */
  savedSkills?: { id: string; name: string }[];
  onChange: (update: (d: ReflectionDraft) => ReflectionDraft) => void;
  onSubmit: () => void;
  error: ApiError | null;
  pending: boolean;
  submitLabel: string;
  actions?: ReactNode;
  autoFocus?: boolean;
}) {
  const set = <K extends keyof ReflectionDraft>(key: K) => (value: ReflectionDraft[K]) => onChange((d) => ({ ...d, [key]: value }));
  const text = (key: 'wentWell' | 'toImprove' | 'missedOpportunities' | 'notes') => ({ value: draft[key], onChange: (e: { target: { value: string } }) => set(key)(e.target.value) });
  const err = (path: string) => error?.field(path);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!pending) onSubmit();
  }

  return (
    <form
      className="form reflection-form"
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
      <Field label="What went well" error={err('wentWell')}>
        {(p) => <textarea {...p} {...text('wentWell')} rows={2} autoFocus={autoFocus} />}
      </Field>
      <div className="row">
        <Field label="What to improve" error={err('toImprove')}>
          {(p) => <textarea {...p} {...text('toImprove')} rows={2} />}
        </Field>
        <Field label="Missed opportunities" error={err('missedOpportunities')}>
          {(p) => <textarea {...p} {...text('missedOpportunities')} rows={2} placeholder="A question not asked, help not offered…" />}
        </Field>
      </div>
      <ScaleInput legend="Connection quality" hint="How connected you felt." levels={CONNECTION_LEVELS} value={draft.connectionQuality} onChange={set('connectionQuality')} noneLabel="Not rated" error={err('connectionQuality')} />
      <ScaleInput
        legend="Communication effectiveness"
        hint="How well you got your points across and understood theirs."
        levels={COMMUNICATION_LEVELS}
        value={draft.communicationEffectiveness}
        onChange={set('communicationEffectiveness')}
        noneLabel="Not rated"
        error={err('communicationEffectiveness')}
      />
      <SkillsPractised value={draft.skillIds} saved={savedSkills} onChange={set('skillIds')} error={err('skillIds')} />
      <Field label="Notes" error={err('notes')}>
        {(p) => <textarea {...p} {...text('notes')} rows={2} />}
      </Field>
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

/** Your active skills as toggles; one archived since it was chosen stays listed, to be unticked. */
function SkillsPractised({ value, saved, onChange, error }: { value: string[]; saved: { id: string; name: string }[]; onChange: (ids: string[]) => void; error?: string | undefined }) {
  const skills = useSkills();
  const chosen = new Set(value);
  const active = new Set(skills.data?.map((s) => s.id));
  const listed = [...(skills.data ?? []), ...saved.filter((s) => !active.has(s.id) && chosen.has(s.id)).map((s) => ({ ...s, name: `${s.name} (archived)` }))];
  return (
    <fieldset className="field">
      <legend>Skills practised</legend>
      {skills.isPending ? (
        <p className="hint">Loading your skills…</p>
      ) : skills.isError ? (
        <p className="field-error">Your skills could not be loaded: {skills.error.message}</p>
      ) : (
        <div className="segmented">
          {listed.map((skill) => (
            <label key={skill.id} className="segment">
              <input type="checkbox" checked={chosen.has(skill.id)} onChange={(e) => onChange(e.target.checked ? [...value, skill.id] : value.filter((id) => id !== skill.id))} />
              <span>{skill.name}</span>
            </label>
          ))}
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
