import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError, api } from '../../shared/api';
import { useRun, useToast } from '../../shared/ui';
import { useBulk, useTags } from './api';
import { bulkSummary, contactsLabel, splitTags } from './model';

/** Actions on the selected contacts: add or remove a tag, move them to the trash (with undo). */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const id = useId();
  const [tagText, setTagText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const bulk = useBulk();
  const tags = useTags();
  const toast = useToast();
  const client = useQueryClient();
  const report = useRun();

  async function run(action: 'tag' | 'untag' | 'delete') {
    setError(null);
    const tagList = splitTags(tagText);
    if (action !== 'delete' && tagList.length === 0) return setError('Type a tag first.');
    try {
      const { results } = await bulk.mutateAsync(action === 'delete' ? { action, ids } : { action, ids, tags: tagList });
      const changed = results.filter((r) => r.ok).map((r) => r.id);
      if (action === 'delete') {
        toast({
          message: bulkSummary(results, (n) => `Moved ${contactsLabel(n)} to the trash.`),
          action: { label: 'Undo', run: () => report(() => restoreAll(changed)) },
        });
      } else {
        const verb = action === 'tag' ? `Tagged ${contactsLabel(changed.length)} “${tagList.join(', ')}”.` : `Removed “${tagList.join(', ')}” from ${contactsLabel(changed.length)}.`;
        toast({ message: bulkSummary(results, () => verb) });
        setTagText('');
      }
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  async function restoreAll(restoring: string[]) {
    await Promise.all(restoring.map((cid) => api.post(`/trash/contact/${encodeURIComponent(cid)}/restore`)));
    await client.invalidateQueries();
    toast({ message: `Restored ${contactsLabel(restoring.length)}.` });
  }

  return (
    <div className="bulk-bar" role="region" aria-label="Selected contacts">
      <strong>{contactsLabel(ids.length)} selected</strong>
      <label htmlFor={`${id}-tag`} className="visually-hidden">
        Tag to add or remove
      </label>
      <input id={`${id}-tag`} list={`${id}-tags`} placeholder="Tag" value={tagText} onChange={(e) => setTagText(e.target.value)} aria-describedby={error ? `${id}-error` : undefined} />
      <datalist id={`${id}-tags`}>
        {(tags.data ?? []).map((t) => (
          <option key={t.tag} value={t.tag} />
        ))}
      </datalist>
      <button type="button" className="btn small" onClick={() => void run('tag')} disabled={bulk.isPending}>
        Add tag
      </button>
      <button type="button" className="btn small" onClick={() => void run('untag')} disabled={bulk.isPending}>
        Remove tag
      </button>
      <button type="button" className="btn small danger" onClick={() => void run('delete')} disabled={bulk.isPending}>
        Move to trash
      </button>
      <button type="button" className="btn small ghost" onClick={onDone}>
        Clear selection
      </button>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
