import { useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../../shared/api';
import { useDraft } from '../../shared/drafts';
import { Dialog, useToast } from '../../shared/ui';
import { useSaveReflection } from './api';
import { reflectionDraftOf, reflectionInputOf, type ReflectionDraft } from './model';
import { reflectionDraftKey, type ReflectOffer } from './offer';
import { ReflectionForm } from './ReflectionForm';
import './reflect.css';

/**
 * The reflection offered right after logging. Skipping keeps what was typed as a draft, which the
 * interaction's page picks up again.
 */
export function ReflectDialog({ offer, onClose }: { offer: ReflectOffer; onClose: () => void }) {
  const [draft, setDraft, reset] = useDraft<ReflectionDraft>(reflectionDraftKey(offer.interactionId), () => reflectionDraftOf(null));
  const [error, setError] = useState<ApiError | null>(null);
  const save = useSaveReflection(offer.interactionId);
  const toast = useToast();
  const [, navigate] = useLocation();

  async function submit() {
    setError(null);
    try {
      await save.mutateAsync(reflectionInputOf(draft));
      reset();
      onClose();
      toast({ message: 'Reflection saved.', action: { label: 'View', run: () => navigate(`/interactions/${offer.interactionId}`) } });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  return (
    <Dialog open onClose={onClose} title="Reflect on it" wide>
      <p className="reflect-context">
        <strong>{offer.summary}</strong>
        {offer.with && <> · with {offer.with}</>}
      </p>
      <p className="muted small">A few words now, while it is fresh, teach you more than a page later. Nothing here is required.</p>
      <ReflectionForm
        draft={draft}
        onChange={setDraft}
        onSubmit={() => void submit()}
        error={error}
        pending={save.isPending}
        submitLabel="Save reflection"
        actions={
          <button type="button" className="btn ghost" onClick={onClose} aria-keyshortcuts="Escape">
            Skip <kbd aria-hidden="true">Esc</kbd>
          </button>
        }
      />
    </Dialog>
  );
}
