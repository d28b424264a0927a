import { useCallback, useEffect, useRef, useState } from 'react';

/*
 * What the user has typed into an open form, kept in sessionStorage under their user id, so a
 * session that expires mid-sentence (or a reload) loses nothing: after signing in again the form
 * opens with the same text. Saving the form or signing out on purpose clears it.
 */

const PREFIX = 'rapport:draft:';
let owner = '';

/** Sets whose drafts are read and written; another user's leftovers are dropped. */
export function setDraftOwner(userId: string): void {
  owner = userId;
  for (const key of keys()) if (!key.startsWith(`${PREFIX}${userId}:`)) sessionStorage.removeItem(key);
}

export function clearAllDrafts(): void {
  for (const key of keys()) sessionStorage.removeItem(key);
}

function keys(): string[] {
  const out: string[] = [];
  for (let i = 0; i < sessionStorage.length; i++) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(PREFIX)) out.push(key);
  }
  return out;
}

const storageKey = (id: string) => `${PREFIX}${owner}:${id}`;

export function readDraft<T>(id: string): T | undefined {
  const raw = sessionStorage.getItem(storageKey(id));
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function writeDraft(id: string, value: unknown): void {
  sessionStorage.setItem(storageKey(id), JSON.stringify(value));
}

export function clearDraft(id: string): void {
  sessionStorage.removeItem(storageKey(id));
}

/**
 * Form state that survives a lost session. `reset` forgets the draft and shows the given value, or
 * the initial one (after a save or a cancel).
 */
export function useDraft<T>(id: string, initial: () => T): [T, (next: T | ((prev: T) => T)) => void, (next?: T) => void] {
  const [value, setValue] = useState<T>(() => readDraft<T>(id) ?? initial());
  const [dirty, setDirty] = useState(false);
  const initialRef = useRef(initial);
  useEffect(() => {
    initialRef.current = initial;
  });
  useEffect(() => {
    if (dirty) writeDraft(id, value);
  }, [id, value, dirty]);
  const update = useCallback((next: T | ((prev: T) => T)) => {
    setDirty(true);
    setValue(next);
  }, []);
  const reset = useCallback(
    (next?: T) => {
      clearDraft(id);
      setDirty(false);
      setValue(next !== undefined ? next : initialRef.current());
    },
    [id],
  );
  return [value, update, reset];
}
