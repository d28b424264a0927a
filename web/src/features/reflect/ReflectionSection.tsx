import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { readDraft, useDraft } from '../../shared/drafts';
import { useUser } from '../../shared/session';
import { formatDateTime } from '../../shared/time';
import { Dialog, ErrorState, Loading, useRun, useToast } from '../../shared/ui';
import type { Reflection } from '../growth/types';
import { useDeleteReflection, useReflection, useSaveReflection } from './api';
import { reflectionDraftOf, reflectionInputOf, type ReflectionDraft } from './model';
import { reflectionDraftKey } from './offer';
import { ReflectionForm } from './ReflectionForm';
import { ReflectionView } from './ReflectionView';
import '../growth/growth.css';
import './reflect.css';

/** The reflection on an interaction, on its page: shown, written, edited or deleted at any time. */
export function ReflectionSection({ interactionId }: { interactionId: string }) {
  const reflection = useReflection(interactionId);
  return (
    <section className="card" aria-labelledby="reflection-heading">
      {reflection.isPending ? (
        <>
          <h2 id="reflection-heading">Reflection</h2>
          <Loading label="Loading the reflection…" />
        </>
      ) : reflection.isError ? (
        <>
          <h2 id="reflection-heading">Reflection</h2>
          <ErrorState error={reflection.error} retry={() => void reflection.refetch()} />
        </>
      ) : (
        <ReflectionEditor key={reflection.data?.updatedAt ?? 'none'} interactionId={interactionId} reflection={reflection.data} />
      )}
    </section>
  );
}

function ReflectionEditor({ interactionId, reflection }: { interactionId: string; reflection: Reflection | null }) {
  const user = useUser();
  const draftKey = reflectionDraftKey(interactionId);
  // A draft left by the reflection offered after logging (or by a lost session) opens the form,
  // without taking the focus from wherever the page starts.
  const [editing, setEditing] = useState<false | 'resumed' | 'opened'>(() => (readDraft(draftKey) !== undefined ? 'resumed' : false));
  const [draft, setDraft, reset] = useDraft<ReflectionDraft>(draftKey, () => reflectionDraftOf(reflection));
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const save = useSaveReflection(interactionId);
  const remove = useDeleteReflection(interactionId);
  const toast = useToast();
  const run = useRun();

  async function submit() {
    setError(null);
    try {
      const saved = await save.mutateAsync(reflectionInputOf(draft));
      reset(reflectionDraftOf(saved));
      setEditing(false);
      toast({ message: 'Reflection saved.' });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  function cancel() {
    reset(reflectionDraftOf(reflection));
    setError(null);
    setEditing(false);
  }

  const heading = <h2 id="reflection-heading">Reflection</h2>;
  if (editing) {
    return (
      <>
        {heading}
        <ReflectionForm
          draft={draft}
          onChange={setDraft}
          onSubmit={() => void submit()}
          error={error}
          pending={save.isPending}
          submitLabel="Save reflection"
          savedSkills={reflection?.skills}
          autoFocus={editing === 'opened'}
          actions={
            <button type="button" className="btn ghost" onClick={cancel}>
              Cancel
            </button>
          }
        />
      </>
    );
  }
  if (!reflection) {
    return (
      <>
        {heading}
        <p className="muted">No reflection yet. What went well, what would you do differently, what did you miss?</p>
        <button type="button" className="btn" onClick={() => setEditing('opened')}>
          Reflect on it
        </button>
      </>
    );
  }
  return (
    <>
      <div className="section-head">
        {heading}
        <div className="button-row">
          <button type="button" className="btn small" onClick={() => setEditing('opened')}>
            Edit reflection
          </button>
          <button type="button" className="btn small ghost danger-text" onClick={() => setConfirming(true)}>
            Delete reflection
          </button>
        </div>
      </div>
      <ReflectionView reflection={reflection} />
      <p className="muted small">Written {formatDateTime(reflection.createdAt, user.timeZone)}{reflection.updatedAt !== reflection.createdAt && ` · changed ${formatDateTime(reflection.updatedAt, user.timeZone)}`}</p>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Delete this reflection?">
        <p>It is deleted for good: reflections do not go to the trash.</p>
        <div className="form-actions">
          <button type="button" className="btn ghost" onClick={() => setConfirming(false)}>
            Keep
          </button>
          <button
            type="button"
            className="btn danger"
            disabled={remove.isPending}
            onClick={() =>
              run(async () => {
                await remove.mutateAsync();
                setConfirming(false);
                toast({ message: 'Reflection deleted.' });
              })
            }
          >
            Delete
          </button>
        </div>
      </Dialog>
    </>
  );
}
