import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { clearDraft, readDraft, writeDraft } from '../../shared/drafts';
import type { Interaction } from '../../shared/types';

/** The interaction just logged, as the reflection dialog names it. */
export interface ReflectOffer {
  interactionId: string;
  summary: string;
  with: string;
}

const OFFER = 'reflect-offer';

/** Where a reflection being written waits in the drafts, whichever form it was begun in. */
export const reflectionDraftKey = (interactionId: string) => `reflection:${interactionId}`;
const load = () => import('./ReflectDialog');
const ReflectDialog = lazy(() => load().then((m) => ({ default: m.ReflectDialog })));

/**
 * Right after an interaction is logged, its reflection form opens; Esc or Skip closes it. An offer
 * with something typed into it is kept with the drafts, so a session that ends meanwhile (or a
 * reload) brings it back; an untouched one is not worth bringing back.
 */
export function useReflectOffer(): { dialog: ReactNode; offer: (interaction: Interaction) => void; preload: () => void } {
  const [current, setCurrent] = useState<ReflectOffer | null>(() => {
    const saved = readDraft<ReflectOffer>(OFFER);
    if (saved && readDraft(reflectionDraftKey(saved.interactionId)) !== undefined) return saved;
    clearDraft(OFFER);
    return null;
  });
  const offer = useCallback((i: Interaction) => {
    const next = { interactionId: i.id, summary: i.summary, with: i.participants.map((p) => p.displayName).join(', ') };
    writeDraft(OFFER, next);
    setCurrent(next);
  }, []);
  const close = useCallback(() => {
    clearDraft(OFFER);
    setCurrent(null);
  }, []);
  const dialog = current && (
    <Suspense fallback={null}>
      <ReflectDialog key={current.interactionId} offer={current} onClose={close} />
    </Suspense>
  );
  // Fetched while the log form is open, so the reflection appears the moment the log is saved.
  const preload = useCallback(() => void load(), []);
  return { dialog, offer, preload };
}
