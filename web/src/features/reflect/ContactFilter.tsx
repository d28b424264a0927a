import { useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { api } from '../../shared/api';
import type { Contact } from '../../shared/types';
import { Icon } from '../../shared/ui';
import { contactKeys, useContactSuggestions } from '../contacts/api';

/**
 * One contact to filter by: type a few letters, pick with the arrows and Enter. The chosen contact
 * shows as a chip that clears the filter.
 */
export function ContactFilter({ value, onChange }: { value: string; onChange: (contactId: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const suggestions = useContactSuggestions(text);
  const chosen = useQuery({ queryKey: contactKeys.one(value), queryFn: ({ signal }) => api.get<Contact>(`/contacts/${encodeURIComponent(value)}`, signal), enabled: value !== '' });
  const options = text.trim() ? (suggestions.data?.items ?? []) : [];
  const showList = open && options.length > 0;
  const current = Math.min(active, options.length - 1);

  function choose(index: number) {
    const option = options[index];
    if (!option) return;
    onChange(option.id);
    setText('');
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((current + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length > 0) {
      event.preventDefault();
      setActive((current - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' && showList) {
      event.preventDefault();
      choose(current);
    } else if (event.key === 'Escape' && showList) {
      event.preventDefault();
      setOpen(false);
    }
  }

  if (value) {
    const name = chosen.data?.displayName ?? (chosen.isError ? 'a contact no longer here' : '…');
    return (
      <div className="compact">
        <span id={id}>Contact</span>
        <span className="chip filter-chip" aria-labelledby={id}>
          {name}
          <button type="button" className="chip-remove" aria-label={`Stop filtering by ${name}`} onClick={() => onChange('')}>
            <Icon name="close" />
          </button>
        </span>
      </div>
    );
  }
  return (
    <div className="compact picker">
      <label htmlFor={id}>Contact</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${id}-opt-${current}` : undefined}
        autoComplete="off"
        placeholder="Anyone"
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
      {showList && (
        <ul className="listbox" id={`${id}-list`} role="listbox" aria-label="Matching contacts">
          {options.map((c, index) => (
            <li
              key={c.id}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(index);
              }}
            >
              {c.displayName}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
