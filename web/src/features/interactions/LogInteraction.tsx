import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../../shared/api';
import { clearDraft, readDraft, useDraft, writeDraft } from '../../shared/drafts';
import { useUser } from '../../shared/session';
import { KIND_LABELS } from '../../shared/types';
import { Dialog, isTyping, useToast } from '../../shared/ui';
import { useReflectOffer } from '../reflect/offer';
import { useLogInteraction } from './api';
import { InteractionForm } from './InteractionForm';
import { emptyDraft, inputOf, type InteractionDraft } from './model';
import type { Participant } from './ParticipantPicker';

const DRAFT = 'log-interaction';
const OPEN = 'log-interaction-open';

const LogContext = createContext<(participants?: Participant[]) => void>(() => {});

/** Opens the quick log form from anywhere, optionally with people already filled in. */
export const useLogInteractionDialog = () => useContext(LogContext);

/** The quick log form, available on every page: the L key or the Log button opens it. */
export function LogInteractionProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const [open, setOpen] = useState(() => readDraft<boolean>(OPEN) === true);
  const [draft, setDraft, resetDraft] = useDraft<InteractionDraft>(DRAFT, () => emptyDraft(new Date(), user.timeZone));
  const [error, setError] = useState<ApiError | null>(null);
  const log = useLogInteraction();
  const toast = useToast();
  const [, navigate] = useLocation();
  const { dialog: reflectDialog, offer: offerReflection, preload: preloadReflection } = useReflectOffer();

  const show = useCallback(
    (participants?: Participant[]) => {
      preloadReflection();
      setDraft((d) => {
        // A form left untouched starts afresh, so "when" is now rather than when it was last opened.
        const base = d.summary || d.participants.length > 0 ? d : emptyDraft(new Date(), user.timeZone);
        const known = new Set(base.participants.map((p) => p.id));
        return { ...base, participants: [...base.participants, ...(participants ?? []).filter((p) => !known.has(p.id))] };
      });
      writeDraft(OPEN, true);
      setOpen(true);
    },
    [setDraft, user.timeZone, preloadReflection],
  );

  const close = useCallback(() => {
    clearDraft(OPEN);
    setOpen(false);
    setError(null);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'l' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event) && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  async function save() {
    setError(null);
    try {
      const saved = await log.mutateAsync(inputOf(draft, user.timeZone));
      resetDraft();
      close();
      const who = saved.participants.map((p) => p.displayName).join(', ');
      toast({ message: `Logged ${KIND_LABELS[saved.kind].toLowerCase()} with ${who}.`, action: { label: 'View', run: () => navigate(`/interactions/${saved.id}`) } });
      offerReflection(saved);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  function discard() {
    resetDraft();
    close();
  }

  const value = useMemo(() => show, [show]);
  return (
    <LogContext.Provider value={value}>
      {children}
      <Dialog open={open} onClose={close} title="Log interaction" wide>
        <InteractionForm
          draft={draft}
          onChange={setDraft}
          onSubmit={save}
          error={error}
          pending={log.isPending}
          submitLabel="Save"
          autoFocus
          actions={
            <button type="button" className="btn ghost" onClick={discard}>
              Discard
            </button>
          }
        />
      </Dialog>
      {reflectDialog}
    </LogContext.Provider>
  );
}
