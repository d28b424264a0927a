import { useId, useState, type KeyboardEvent } from 'react';
import { ApiError } from '../../shared/api';
import { Icon } from '../../shared/ui';
import { useContactSuggestions, useCreateContact } from '../contacts/api';

export interface Participant {
  id: string;
  displayName: string;
}

/**
 * Who took part: type a few letters, pick with the arrows and Enter, or create a new contact from
 * what was typed. Backspace in the empty box removes the last person.
 */
export function ParticipantPicker({ value, onChange, error, autoFocus }: {
  value: Participant[];
  onChange: (next: Participant[]) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [createError, setCreateError] = useState<string | null>(null);
  const suggestions = useContactSuggestions(text);
  const create = useCreateContact();
  const chosen = new Set(value.map((p) => p.id));
  const matches = text.trim() ? (suggestions.data?.items ?? []).filter((c) => !chosen.has(c.id)) : [];
  const exact = matches.some((c) => c.displayName.toLowerCase() === text.trim().toLowerCase());
  const options: ({ kind: 'contact'; contact: Participant; hint: string } | { kind: 'create'; name: string })[] = [
    ...matches.map((c) => ({ kind: 'contact' as const, contact: { id: c.id, displayName: c.displayName }, hint: [c.title, c.company].filter(Boolean).join(' at ') })),
    ...(text.trim() && !exact ? [{ kind: 'create' as const, name: text.trim() }] : []),
  ];
  const showList = open && options.length > 0;
  const current = Math.min(active, options.length - 1);

  function add(p: Participant) {
    onChange([...value, p]);
    setText('');
    setActive(0);
    setCreateError(null);
  }

  async function choose(index: number) {
    const option = options[index];
    if (!option) return;
    if (option.kind === 'contact') return add(option.contact);
    try {
      const contact = await create.mutateAsync({ displayName: option.name });
      add({ id: contact.id, displayName: contact.displayName });
    } catch (e) {
      setCreateError(e instanceof ApiError ? e.message : String(e));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((current + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length > 0) {
      event.preventDefault();
      setActive((current - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && showList) {
      event.preventDefault();
      void choose(current);
    } else if (event.key === 'Escape' && showList) {
      // Close the list, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  const message = createError ?? error;
  return (
    <div className="field picker">
      <label htmlFor={id}>With</label>
      <div className={`picker-box${message ? ' invalid' : ''}`}>
        {value.map((p) => (
          <span key={p.id} className="chip">
            {p.displayName}
            <button type="button" className="chip-remove" aria-label={`Remove ${p.displayName}`} onClick={() => onChange(value.filter((x) => x.id !== p.id))}>
              <Icon name="close" />
            </button>
          </span>
        ))}
        <input
          id={id}
          role="combobox"
          aria-expanded={showList}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={showList ? `${id}-opt-${current}` : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          aria-invalid={message ? true : undefined}
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder={value.length === 0 ? 'Type a name…' : 'Add someone else…'}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
      </div>
      {showList && (
        <ul className="listbox" id={`${id}-list`} role="listbox" aria-label="Matching contacts">
          {options.map((option, index) => (
            <li
              key={option.kind === 'contact' ? option.contact.id : 'create'}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                void choose(index);
              }}
            >
              {option.kind === 'contact' ? (
                <>
                  <span>{option.contact.displayName}</span>
                  {option.hint && <span className="muted"> · {option.hint}</span>}
                </>
              ) : (
                <span>
                  <Icon name="plus" /> New contact “{option.name}”
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {message && <p className="field-error" id={`${id}-error`}>{message}</p>}
    </div>
  );
}
