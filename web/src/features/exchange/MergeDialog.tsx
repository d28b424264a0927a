import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { useUser } from '../../shared/session';
import { formatCalendarDate, formatDate } from '../../shared/time';
import type { Contact } from '../../shared/types';
import { Dialog, FormError, useRun, useToast } from '../../shared/ui';
import { titleCase } from '../contacts/model';
import { useMerge, useUndoMerge, type DuplicatePair } from './api';
import { conflictingFields, MERGE_FIELDS, mergeRequest, mergeValue, type MergeField, type Side } from './model';

/** What tells a contact apart from its namesake: their role, else their first email or phone, else when added. */
function describe(c: Contact, timeZone: string): string {
  const role = [c.title, c.company].filter(Boolean).join(' at ');
  if (role) return role;
  const way = c.emails[0]?.value ?? c.phones[0]?.value ?? c.urls[0]?.value;
  return way ?? `added ${formatDate(c.createdAt, timeZone)}`;
}

function shown(field: MergeField, value: string): string {
  if (field.key === 'birthday' || field.key === 'metOn') return formatCalendarDate(value);
  if (field.key === 'circle') return titleCase(value);
  if (field.key === 'cadenceDays') return `${value} days`;
  return value;
}

/**
 * Two contacts side by side: which one stays, and for each field where both have a different value,
 * which value wins. Everything else (interactions, tags, milestones, emails, phones, links) goes to
 * the one kept, and the values not chosen are written into its notes.
 */
export function MergeDialog({ pair, onClose }: { pair: DuplicatePair; onClose: () => void }) {
  const { a, b } = pair;
  const user = useUser();
  const [keep, setKeep] = useState<Side>('a');
  const [choices, setChoices] = useState<Partial<Record<MergeField['key'], Side>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const merge = useMerge();
  const undo = useUndoMerge();
  const toast = useToast();
  const run = useRun();
  const conflicting = new Set(conflictingFields(a, b).map((f) => f.key));
  const rows = MERGE_FIELDS.filter((f) => mergeValue(a, f) !== null || mergeValue(b, f) !== null);
  const side = (s: Side) => (s === 'a' ? a : b);

  async function submit() {
    setError(null);
    try {
      const { merge: record, contact } = await merge.mutateAsync(mergeRequest(a, b, keep, choices));
      onClose();
      toast({
        message: `Merged ${record.mergedName} into ${contact.displayName}.`,
        action: {
          label: 'Undo',
          run: () =>
            run(async () => {
              await undo.mutateAsync(record.id);
              toast({ message: `Separated ${record.mergedName} from ${contact.displayName} again.` });
            }),
        },
      });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  const lists = (c: Contact) =>
    [
      [c.emails.length, 'email'],
      [c.phones.length, 'phone number'],
      [c.urls.length, 'link'],
      [c.tags.length, 'tag'],
    ]
      .filter(([n]) => Number(n) > 0)
      .map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`)
      .join(', ') || 'none';

  return (
    <Dialog open onClose={onClose} title="Merge contacts" wide>
      <p>
        Everything moves to the contact you keep: interactions, tags, milestones, emails, phone numbers and links. Where both have a value, pick the one to keep; the other is
        written into the notes. You can undo the merge afterwards.
      </p>
      <FormError error={error} />
      <table className="report-table compare">
        <caption className="visually-hidden">The two contacts, field by field</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            {(['a', 'b'] as const).map((s) => (
              <th key={s} scope="col" className={keep === s ? 'chosen' : undefined}>
                <label>
                  <input type="radio" name="keep" checked={keep === s} onChange={() => setKeep(s)} />
                  <span>
                    Keep {side(s).displayName}
                    {/* Same-name pairs are told apart by what else is known of them. */}
                    <span className="keep-detail">{describe(side(s), user.timeZone)}</span>
                  </span>
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((field) => {
            const values = { a: mergeValue(a, field), b: mergeValue(b, field) };
            const choice = choices[field.key] ?? keep;
            return (
              <tr key={field.key}>
                <th scope="row">{field.label}</th>
                {(['a', 'b'] as const).map((s) => {
                  const value = values[s];
                  if (!conflicting.has(field.key)) return <td key={s}>{value === null ? <span className="muted">—</span> : shown(field, value)}</td>;
                  return (
                    <td key={s} className={choice === s ? 'chosen' : undefined}>
                      <label>
                        <input type="radio" name={`field-${field.key}`} checked={choice === s} onChange={() => setChoices({ ...choices, [field.key]: s })} aria-label={`${field.label}: ${shown(field, value!)}`} />
                        <span>{shown(field, value!)}</span>
                      </label>
                    </td>
                  );
                })}
              </tr>
            );
          })}
          <tr>
            <th scope="row">Emails, phones, links, tags</th>
            <td>{lists(a)}</td>
            <td>{lists(b)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">Emails, phone numbers, links, tags, dimensions and notes of both are kept.</p>
      <div className="form-actions">
        <button type="button" className="btn ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn primary" onClick={() => void submit()} disabled={merge.isPending}>
          {merge.isPending ? 'Merging…' : `Merge into ${side(keep).displayName}`}
        </button>
      </div>
    </Dialog>
  );
}
