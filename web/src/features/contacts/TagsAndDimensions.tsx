import { useId, useState } from 'react';
import { ApiError } from '../../shared/api';
import { useDraft } from '../../shared/drafts';
import { Icon } from '../../shared/ui';
import { useDimensions, useTags } from './api';
import { splitTags, titleCase } from './model';

/** Tags as chips: remove with their button, add by typing (with the user's tags suggested) and Enter. */
export function TagsEditor({ contactId, tags, onSave }: { contactId: string; tags: string[]; onSave: (tags: string[]) => Promise<unknown> }) {
  const id = useId();
  const [text, setText, reset] = useDraft(`contact:${contactId}:tag`, () => '');
  const [error, setError] = useState<string | null>(null);
  const known = useTags();

  async function save(next: string[]) {
    setError(null);
    try {
      await onSave(next);
      reset();
    } catch (e) {
      setError(e instanceof ApiError ? (e.field('tags') ?? e.message) : String(e));
    }
  }

  return (
    <div className="prop">
      <label className="prop-label" htmlFor={id}>
        Tags
      </label>
      <div className="prop-value">
        <ul className="chips" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="chip">
              {tag}
              <button type="button" className="chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => void save(tags.filter((t) => t !== tag))}>
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          className="inline-input"
          list={`${id}-known`}
          placeholder="Add a tag and press Enter"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && text.trim()) {
              e.preventDefault();
              void save([...tags, ...splitTags(text)]);
            }
          }}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <datalist id={`${id}-known`}>
          {(known.data ?? []).filter((t) => !tags.includes(t.tag)).map((t) => <option key={t.tag} value={t.tag} />)}
        </datalist>
        {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
      </div>
    </div>
  );
}

/** Dimensions (industry, function, region…): set a value per dimension, with known values suggested. */
export function DimensionsEditor({ contactId, dimensions, onSave }: { contactId: string; dimensions: Record<string, string>; onSave: (d: Record<string, string>) => Promise<unknown> }) {
  const id = useId();
  const all = useDimensions();
  const [draft, setDraft, reset] = useDraft(`contact:${contactId}:dimension`, () => ({ name: '', value: '' }));
  const [error, setError] = useState<ApiError | null>(null);
  const names = (all.data ?? []).map((d) => d.name);
  const values = all.data?.find((d) => d.name === draft.name.trim())?.values ?? [];

  async function save(next: Record<string, string>) {
    setError(null);
    try {
      await onSave(next);
      reset();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  return (
    <div className="prop">
      <span className="prop-label">Dimensions</span>
      <div className="prop-value">
        {Object.keys(dimensions).length > 0 && (
          <dl className="dimensions">
            {Object.entries(dimensions).map(([name, value]) => (
              <div key={name}>
                <dt>{titleCase(name.replace(/_/g, ' '))}</dt>
                <dd>
                  {value}
                  <button type="button" className="chip-remove" aria-label={`Remove ${name}`} onClick={() => {
                    const next = { ...dimensions };
                    delete next[name];
                    void save(next);
                  }}>
                    <Icon name="close" />
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        )}
        <form
          className="dimension-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.name.trim() && draft.value.trim()) void save({ ...dimensions, [draft.name.trim().toLowerCase()]: draft.value.trim() });
          }}
        >
          <label className="visually-hidden" htmlFor={`${id}-name`}>Dimension</label>
          <input id={`${id}-name`} list={`${id}-names`} placeholder="industry, region…" value={draft.name} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} />
          <label className="visually-hidden" htmlFor={`${id}-value`}>Value</label>
          <input id={`${id}-value`} list={`${id}-values`} placeholder="Value" value={draft.value} onChange={(e) => setDraft((d) => ({ ...d, value: e.target.value }))} />
          <button type="submit" className="btn small">Set</button>
          <datalist id={`${id}-names`}>{names.map((n) => <option key={n} value={n} />)}</datalist>
          <datalist id={`${id}-values`}>{values.map((v) => <option key={v.value} value={v.value} />)}</datalist>
        </form>
        {error && <p className="field-error">{error.fields[0] ? `${error.fields[0].path.replace(/^dimensions\.?/, '')}: ${error.fields[0].message}` : error.message}</p>}
      </div>
    </div>
  );
}
