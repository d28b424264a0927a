import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useUser } from '../../shared/session';
import { formatDate, formatDateTime } from '../../shared/time';
import { KIND_LABELS, type Contact, type Interaction } from '../../shared/types';
import { Dialog, EmptyState, ErrorState, Loading, useRun, useToast } from '../../shared/ui';

interface TrashList {
  contacts: Contact[];
  interactions: Interaction[];
  purgeAt: Record<string, string>;
}

type Item = { type: 'contact' | 'interaction'; id: string; name: string };

/** What was deleted in the last 30 days: restore it, or delete it for good. */
export function TrashPage() {
  const user = useUser();
  const client = useQueryClient();
  const toast = useToast();
  const run = useRun();
  const trash = useQuery({ queryKey: ['trash'], queryFn: ({ signal }) => api.get<TrashList>('/trash', signal) });
  const [confirm, setConfirm] = useState<Item | 'all' | null>(null);
  const refresh = () => client.invalidateQueries();
  const restore = useMutation({ mutationFn: (item: Item) => api.post(`/trash/${item.type}/${encodeURIComponent(item.id)}/restore`), onSuccess: refresh });
  const purge = useMutation({
    mutationFn: (target: Item | 'all') => (target === 'all' ? api.del('/trash') : api.del(`/trash/${target.type}/${encodeURIComponent(target.id)}`)),
    onSuccess: refresh,
  });

  async function doRestore(item: Item) {
    await restore.mutateAsync(item);
    toast({ message: `Restored ${item.name}.` });
  }

  async function doPurge() {
    if (!confirm) return;
    await purge.mutateAsync(confirm);
    toast({ message: confirm === 'all' ? 'Emptied the trash.' : `Deleted ${confirm.name} for good.` });
    setConfirm(null);
  }

  const empty = trash.data && trash.data.contacts.length === 0 && trash.data.interactions.length === 0;
  return (
    <div className="page">
      <div className="page-head">
        <h1>Trash</h1>
        {trash.data && !empty && (
          <button type="button" className="btn danger" onClick={() => setConfirm('all')}>
            Empty trash
          </button>
        )}
      </div>
      <p className="lede">Deleted contacts and interactions stay here for 30 days, then they are gone for good.</p>
      {trash.isPending ? (
        <Loading label="Loading the trash…" />
      ) : trash.isError ? (
        <ErrorState error={trash.error} retry={() => void trash.refetch()} />
      ) : empty ? (
        <EmptyState title="The trash is empty." />
      ) : (
        <>
          {trash.data.contacts.length > 0 && (
            <section aria-labelledby="trash-contacts">
              <h2 id="trash-contacts">Contacts</h2>
              <ul className="plain trash-list">
                {trash.data.contacts.map((c) => (
                  <TrashRow key={c.id} name={c.displayName} detail={`Deleted ${formatDate(c.deletedAt!, user.timeZone)} · gone on ${formatDate(trash.data.purgeAt[c.id]!, user.timeZone)}`}
                    onRestore={() => run(() => doRestore({ type: 'contact', id: c.id, name: c.displayName }))}
                    onPurge={() => setConfirm({ type: 'contact', id: c.id, name: c.displayName })} />
                ))}
              </ul>
            </section>
          )}
          {trash.data.interactions.length > 0 && (
            <section aria-labelledby="trash-interactions">
              <h2 id="trash-interactions">Interactions</h2>
              <ul className="plain trash-list">
                {trash.data.interactions.map((i) => (
                  <TrashRow key={i.id} name={i.summary}
                    detail={`${KIND_LABELS[i.kind]} · ${formatDateTime(i.occurredAt, user.timeZone)} · with ${i.participants.map((p) => p.displayName).join(', ')} · gone on ${formatDate(trash.data.purgeAt[i.id]!, user.timeZone)}`}
                    onRestore={() => run(() => doRestore({ type: 'interaction', id: i.id, name: i.summary }))}
                    onPurge={() => setConfirm({ type: 'interaction', id: i.id, name: i.summary })} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <Dialog open={confirm !== null} onClose={() => setConfirm(null)} title={confirm === 'all' ? 'Empty the trash?' : 'Delete for good?'}>
        <p>
          {confirm === 'all'
            ? 'Everything in the trash will be deleted for good. This cannot be undone.'
            : `“${confirm?.name}” will be deleted for good${confirm?.type === 'contact' ? ', with the interactions that had no one else in them' : ''}. This cannot be undone.`}
        </p>
        <div className="form-actions">
          <button type="button" className="btn ghost" onClick={() => setConfirm(null)}>
            Keep
          </button>
          <button type="button" className="btn danger" onClick={() => run(doPurge)} disabled={purge.isPending}>
            Delete for good
          </button>
        </div>
      </Dialog>
    </div>
  );
}

function TrashRow({ name, detail, onRestore, onPurge }: { name: string; detail: string; onRestore: () => void; onPurge: () => void }) {
  return (
    <li className="trash-row">
      <div>
        <strong>{name}</strong>
        <p className="muted small">{detail}</p>
      </div>
      <div className="button-row">
        <button type="button" className="btn small" onClick={onRestore} aria-label={`Restore ${name}`}>
          Restore
        </button>
        <button type="button" className="btn small ghost danger-text" onClick={onPurge} aria-label={`Delete for good: ${name}`}>
          Delete for good
        </button>
      </div>
    </li>
  );
}
