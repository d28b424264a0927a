import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError } from '../../shared/api';
import { useDraft } from '../../shared/drafts';
import { Icon, isSaveChord } from '../../shared/ui';

type Save = () => Promise<void>;

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e));
}

/**
 * One field shown as text and edited in place: click (or Enter on it) to edit; Enter saves
 * (Ctrl/Cmd+Enter in long text), Escape cancels. What is typed is kept as a draft until saved.
 */
export function EditableText({ draftKey, label, value, display, placeholder, multiline, type = 'text', hint, errorPath, onSave }: {
  draftKey: string;
  label: string;
  value: string;
  display?: ReactNode;
  placeholder: string;
  multiline?: boolean;
  type?: 'text' | 'date' | 'number';
  hint?: string;
  errorPath: string;
  onSave: (text: string) => Promise<unknown>;
}) {
  const id = useId();
  const [draft, setDraft, reset] = useDraft(draftKey, () => ({ editing: false, text: '' }));
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  const save: Save = async () => {
    setPending(true);
    setError(null);
    try {
      await onSave(draft.text);
      reset();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setPending(false);
    }
  };
  const cancel = () => {
    reset();
    setError(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (isSaveChord(e) || (e.key === 'Enter' && !multiline)) {
      e.preventDefault();
      void save();
    }
  };
  const message = error ? (error.field(errorPath) ?? error.message) : null;

  if (!draft.editing) {
    return (
      <div className="prop">
        <span className="prop-label" id={`${id}-label`}>
          {label}
        </span>
        <button type="button" className={`prop-value editable${value ? '' : ' empty'}`} aria-describedby={`${id}-label`} onClick={() => setDraft({ editing: true, text: value })}>
          <span className={multiline ? 'prose' : undefined}>{value ? (display ?? value) : placeholder}</span>
          <Icon name="pen" />
          <span className="visually-hidden">Edit {label}</span>
        </button>
      </div>
    );
  }
  const common = {
    id,
    value: draft.text,
    onChange: (e: { target: { value: string } }) => setDraft({ editing: true, text: e.target.value }),
    onKeyDown,
    autoFocus: true,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
  };
  return (
    <div className="prop editing">
      <label className="prop-label" htmlFor={id}>
        {label}
      </label>
      <div className="prop-editor">
        {multiline ? <textarea {...common} rows={5} /> : <input {...common} type={type} />}
        {hint && (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        {message && (
          <p className="field-error" id={`${id}-error`}>
            {message}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="btn small primary" onClick={() => void save()} disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="btn small ghost" onClick={cancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

export interface Method {
  value: string;
  type: string;
}

/** Emails, phones or links: a list of typed values edited together and saved as one. */
export function MethodsEditor({ draftKey, label, singular, values, types, inputType, errorPath, onSave, render }: {
  draftKey: string;
  label: string;
  singular: string;
  values: Method[];
  types: string[];
  inputType: 'email' | 'tel' | 'url';
  errorPath: string;
  onSave: (values: Method[]) => Promise<unknown>;
  render: (m: Method) => ReactNode;
}) {
  const [draft, setDraft, reset] = useDraft<{ editing: boolean; rows: Method[] }>(draftKey, () => ({ editing: false, rows: [] }));
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const id = useId();

  async function save() {
    setPending(true);
    setError(null);
    try {
      await onSave(draft.rows.filter((r) => r.value.trim() !== ''));
      reset();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setPending(false);
    }
  }
  const setRow = (index: number, change: Partial<Method>) => setDraft((d) => ({ ...d, rows: d.rows.map((r, i) => (i === index ? { ...r, ...change } : r)) }));

  if (!draft.editing) {
    return (
      <div className="prop">
        <span className="prop-label">{label}</span>
        <div className="prop-value">
          {values.length === 0 ? <span className="muted">None</span> : (
            <ul className="plain">
              {values.map((m, i) => (
                <li key={i}>
                  {render(m)} <span className="muted">{m.type}</span>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="btn small ghost" onClick={() => setDraft({ editing: true, rows: values.length ? values : [{ value: '', type: types[0]! }] })}>
            <Icon name="pen" /> Edit {label.toLowerCase()}
          </button>
        </div>
      </div>
    );
  }
  return (
    <fieldset className="prop editing">
      <legend className="prop-label">{label}</legend>
      <div className="prop-editor" onKeyDown={(e) => {
        if (e.key === 'Escape') { e.preventDefault(); reset(); setError(null); }
        if (isSaveChord(e) || (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT')) { e.preventDefault(); void save(); }
      }}>
        {draft.rows.map((row, index) => {
          const message = error?.field(`${errorPath}[${index}]`);
          return (
            <div key={index} className="method-row">
              <label className="visually-hidden" htmlFor={`${id}-${index}`}>{`${singular} ${index + 1}`}</label>
              <input id={`${id}-${index}`} type={inputType} value={row.value} onChange={(e) => setRow(index, { value: e.target.value })} autoFocus={index === draft.rows.length - 1} aria-invalid={message ? true : undefined} />
              <label className="visually-hidden" htmlFor={`${id}-${index}-type`}>{`Type of ${singular.toLowerCase()} ${index + 1}`}</label>
              <input id={`${id}-${index}-type`} className="type-input" list={`${id}-types`} value={row.type} onChange={(e) => setRow(index, { type: e.target.value })} />
              <button type="button" className="btn icon ghost" aria-label={`Remove ${singular.toLowerCase()} ${index + 1}`} onClick={() => setDraft((d) => ({ ...d, rows: d.rows.filter((_, i) => i !== index) }))}>
                <Icon name="close" />
              </button>
              {message && <p className="field-error">{message}</p>}
            </div>
          );
        })}
        <datalist id={`${id}-types`}>
          {types.map((t) => <option key={t} value={t} />)}
        </datalist>
        {error && !error.field(errorPath) && <p className="field-error">{error.message}</p>}
        <div className="button-row">
          <button type="button" className="btn small ghost" onClick={() => setDraft((d) => ({ ...d, rows: [...d.rows, { value: '', type: types[0]! }] }))}>
            <Icon name="plus" /> Add {singular.toLowerCase()}
          </button>
          <button type="button" className="btn small primary" onClick={() => void save()} disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="btn small ghost" onClick={() => { reset(); setError(null); }}>
            Cancel
          </button>
        </div>
      </div>
    </fieldset>
  );
}
