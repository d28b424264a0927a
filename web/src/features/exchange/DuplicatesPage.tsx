import { useState } from 'react';
import { Link } from 'wouter';
import { useUser } from '../../shared/session';
import { formatDateTime, formatRelative } from '../../shared/time';
import type { Contact } from '../../shared/types';
import { EmptyState, ErrorState, Loading, useRun, useToast } from '../../shared/ui';
import { useContact } from '../contacts/api';
import { useDismissDuplicate, useDuplicates, useMerges, useUndoMerge, type DuplicatePair } from './api';
import { MergeDialog } from './MergeDialog';
import { reasonLabels } from './model';
import type { MergeRecord } from './types';
import './exchange.css';

/** Likely duplicates, side by side with why they look alike, each a merge away; recent merges can be undone. */
export function DuplicatesPage() {
  const duplicates = useDuplicates();
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const dismiss = useDismissDuplicate();
  const run = useRun();
  const toast = useToast();
  const now = new Date();

  const notTheSame = (pair: DuplicatePair) =>
    run(async () => {
      await dismiss.mutateAsync({ pair, dismissed: true });
      toast({
        message: `${pair.a.displayName} and ${pair.b.displayName} are marked as different people.`,
        action: { label: 'Undo', run: () => run(() => dismiss.mutateAsync({ pair, dismissed: false })) },
      });
    });

  return (
    <div className="page wide-page">
      <div className="page-head">
        <div>
          <h1>Possible duplicates</h1>
          <p className="lede">People who share an email, a phone number or a web address, or whose names are the same or nearly so.</p>
        </div>
        <Link href="/contacts" className="btn ghost">Back to contacts</Link>
      </div>
      {duplicates.isPending ? (
        <Loading label="Looking for duplicates…" />
      ) : duplicates.isError ? (
        <ErrorState error={duplicates.error} retry={() => void duplicates.refetch()} />
      ) : duplicates.data.length === 0 ? (
        <EmptyState title="No likely duplicates.">
          <p>No two contacts share an email, phone number or web address, or have the same or a similar name.</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted" role="status">{duplicates.data.length === 1 ? '1 pair' : `${duplicates.data.length.toLocaleString()} pairs`}, the strongest evidence first.</p>
          <ul className="duplicate-list" aria-label="Possible duplicates">
            {duplicates.data.map((pair) => (
              <li key={`${pair.a.id}-${pair.b.id}`} className="card duplicate">
                <ul className="reasons" aria-label="Why they look alike">
                  {reasonLabels(pair.reasons).map((r) => (
                    <li key={r} className="tag">
                      {r}
                    </li>
                  ))}
                </ul>
                <div className="pair">
                  <Summary contact={pair.a} now={now} />
                  <Summary contact={pair.b} now={now} />
                </div>
                <div className="button-row">
                  <button type="button" className="btn" onClick={() => setMerging(pair)} aria-label={`Compare and merge ${pair.a.displayName} and ${pair.b.displayName}`}>
                    Compare and merge…
                  </button>
                  <button
                    type="button"
                    className="btn ghost"
                    onClick={() => notTheSame(pair)}
                    disabled={dismiss.isPending}
                    aria-label={`Not the same person: ${pair.a.displayName} and ${pair.b.displayName}`}
                  >
                    Not the same person
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <RecentMerges />
      {merging && <MergeDialog pair={merging} onClose={() => setMerging(null)} />}
    </div>
  );
}

function Summary({ contact: c, now }: { contact: Contact; now: Date }) {
  const role = [c.title, c.company].filter(Boolean).join(' at ');
  const ways = [...c.emails, ...c.phones].map((m) => m.value);
  return (
    <div>
      <Link href={`/contacts/${c.id}`} className="contact-name">
        {c.displayName}
      </Link>
      {role && <p className="muted">{role}</p>}
      {ways.length > 0 && <p className="small">{ways.slice(0, 3).join(' · ')}{ways.length > 3 ? ` · ${ways.length - 3} more` : ''}</p>}
      <p className="muted small">{c.lastInteractionAt ? `Last talked ${formatRelative(c.lastInteractionAt, now)}` : 'No interactions yet'}</p>
    </div>
  );
}

/** Merges not yet undone, newest first: the way back after the toast is gone. */
function RecentMerges() {
  const user = useUser();
  const merges = useMerges();
  const undo = useUndoMerge();
  const run = useRun();
  const toast = useToast();
  const open = (merges.data ?? []).filter((m) => m.undoneAt === null);
  if (open.length === 0) return null;

  const undoMerge = (m: MergeRecord) =>
    run(async () => {
      const { kept, restored } = await undo.mutateAsync(m.id);
      toast({ message: `Separated ${restored.displayName} from ${kept.displayName} again.` });
    });

  return (
    <section aria-labelledby="recent-merges" className="report-section">
      <h2 id="recent-merges">Recent merges</h2>
      <ul className="plain trash-list">
        {open.slice(0, 10).map((m) => (
          <li key={m.id} className="trash-row">
            <div>
              <strong>{m.mergedName}</strong> merged into <KeptName id={m.keptId} />
              <p className="muted small">{formatDateTime(m.createdAt, user.timeZone)}</p>
            </div>
            <button type="button" className="btn small" onClick={() => undoMerge(m)} disabled={undo.isPending} aria-label={`Undo merge of ${m.mergedName}`}>
              Undo
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function KeptName({ id }: { id: string }) {
  const contact = useContact(id);
  return <Link href={`/contacts/${id}`}>{contact.data?.displayName ?? 'the kept contact'}</Link>;
}
