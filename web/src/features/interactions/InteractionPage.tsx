import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../shared/api';
import { useDraft } from '../../shared/drafts';
import { useUser } from '../../shared/session';
import { formatDateTime } from '../../shared/time';
import { KIND_LABELS, type Interaction } from '../../shared/types';
import { EmptyState, ErrorState, Icon, Loading, useRun, useToast } from '../../shared/ui';
import { useRestore } from '../contacts/api';
import { ReflectionSection } from '../reflect/ReflectionSection';
import { useInteraction, useTrashInteraction, useUpdateInteraction } from './api';
import { InteractionForm } from './InteractionForm';
import { draftOf, inputOf, type InteractionDraft } from './model';

export function InteractionPage({ id }: { id: string }) {
  const interaction = useInteraction(id);
  if (interaction.isPending) return <div className="page"><Loading label="Loading interaction…" /></div>;
  if (interaction.isError) {
    const gone = interaction.error instanceof ApiError && interaction.error.status === 404;
    return (
      <div className="page">
        {gone ? (
          <EmptyState title="This interaction is not here.">
            <p>It may be in the <Link href="/trash">trash</Link>.</p>
          </EmptyState>
        ) : (
          <ErrorState error={interaction.error} retry={() => void interaction.refetch()} />
        )}
      </div>
    );
  }
  return <InteractionView interaction={interaction.data} />;
}

/** One interaction, edited with the same form as the quick log. */
function InteractionView({ interaction }: { interaction: Interaction }) {
  const user = useUser();
  const [draft, setDraft, reset] = useDraft<InteractionDraft>(`interaction:${interaction.id}`, () => draftOf(interaction, user.timeZone));
  const [error, setError] = useState<ApiError | null>(null);
  const update = useUpdateInteraction(interaction.id);
  const trash = useTrashInteraction();
  const restore = useRestore();
  const toast = useToast();
  const run = useRun();
  const [, navigate] = useLocation();
  const first = interaction.participants[0];

  async function save() {
    setError(null);
    try {
      const saved = await update.mutateAsync(inputOf(draft, user.timeZone));
      reset(draftOf(saved, user.timeZone));
      toast({ message: 'Saved.' });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  async function moveToTrash() {
    await trash.mutateAsync(interaction.id);
    reset();
    navigate(first ? `/contacts/${first.id}` : '/contacts');
    toast({
      message: 'Moved the interaction to the trash.',
      action: { label: 'Undo', run: () => run(() => restore.mutateAsync({ type: 'interaction', id: interaction.id }).then(() => navigate(`/interactions/${interaction.id}`))) },
    });
  }

  return (
    <div className="page">
      {first && (
        <Link href={`/contacts/${first.id}`} className="back-link">
          <Icon name="back" /> {first.displayName}
        </Link>
      )}
      <div className="page-head">
        <div>
          <h1>{interaction.summary}</h1>
          <p className="lede">
            {KIND_LABELS[interaction.kind]} · {formatDateTime(interaction.occurredAt, user.timeZone)} · with{' '}
            {interaction.participants.map((p, i) => (
              <span key={p.id}>
                {i > 0 && ', '}
                <Link href={`/contacts/${p.id}`}>{p.displayName}</Link>
              </span>
            ))}
          </p>
        </div>
        <button type="button" className="btn danger" onClick={() => run(moveToTrash)} disabled={trash.isPending}>
          <Icon name="trash" /> Move to trash
        </button>
      </div>
      <div className="card">
        <InteractionForm draft={draft} onChange={setDraft} onSubmit={save} error={error} pending={update.isPending} submitLabel="Save changes"
          actions={<button type="button" className="btn ghost" onClick={() => { reset(draftOf(interaction, user.timeZone)); setError(null); }}>Undo edits</button>} />
      </div>
      <ReflectionSection interactionId={interaction.id} />
    </div>
  );
}
