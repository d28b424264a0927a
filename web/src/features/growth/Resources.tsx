import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api';
import { formatCalendarDate } from '../../shared/time';
import { Dialog, EmptyState, Field, FormError, useRun, useToast } from '../../shared/ui';
import { useAddResource, useDeleteResource, useUpdateResource } from './api';
import type { Resource, ResourceInput } from './types';

export const RESOURCE_KINDS = { workshop: 'Workshop', course: 'Course', book: 'Book', article: 'Article', programme: 'Programme', video: 'Video', podcast: 'Podcast', other: 'Other' } as const;
export const RESOURCE_STATUSES = { planned: 'Planned', in_progress: 'In progress', done: 'Done' } as const;

type Kind = keyof typeof RESOURCE_KINDS;
type Status = keyof typeof RESOURCE_STATUSES;

interface ResourceDraft {
  kind: Kind;
  title: string;
  url: string;
  status: Status;
  startedOn: string;
  finishedOn: string;
  takeaways: string;
}

const emptyDraft = (): ResourceDraft => ({ kind: 'book', title: '', url: '', status: 'planned', startedOn: '', finishedOn: '', takeaways: '' });

const draftOf = (r: Resource): ResourceDraft => ({
  kind: r.kind,
  title: r.title,
  url: r.url ?? '',
  status: r.status,
  startedOn: r.startedOn ?? '',
  finishedOn: r.finishedOn ?? '',
  takeaways: r.takeaways ?? '',
});

function inputOf(d: ResourceDraft): ResourceInput {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  return { kind: d.kind, title: d.title, url: orNull(d.url), status: d.status, startedOn: orNull(d.startedOn), finishedOn: orNull(d.finishedOn), takeaways: orNull(d.takeaways) };
}

/** Workshops, courses, books and more for working on a skill, with where you are in each. */
export function Resources({ skillId, resources }: { skillId: string; resources: Resource[] }) {
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  return (
    <section className="card" aria-labelledby="resources">
      <div className="section-head">
        <h2 id="resources">Resources</h2>
        <button type="button" className="btn small" onClick={() => setEditing('new')}>
          Add a resource
        </button>
      </div>
      {resources.length === 0 ? (
        <EmptyState title="No resources yet.">
          <p>Add a workshop, course, book, article or programme you mean to use for this skill.</p>
        </EmptyState>
      ) : (
        <ul className="plain resource-list">
          {resources.map((r) => (
            <ResourceItem key={r.id} resource={r} onEdit={() => setEditing(r)} />
          ))}
        </ul>
      )}
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Add a resource' : 'Edit the resource'} wide>
        {editing !== null && <ResourceForm skillId={skillId} resource={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Dialog>
    </section>
  );
}

function ResourceItem({ resource: r, onEdit }: { resource: Resource; onEdit: () => void }) {
  const update = useUpdateResource();
  const remove = useDeleteResource();
  const add = useAddResource(r.skillId);
  const run = useRun();
  const toast = useToast();
  const dates = [r.startedOn && `started ${formatCalendarDate(r.startedOn)}`, r.finishedOn && `finished ${formatCalendarDate(r.finishedOn)}`].filter(Boolean).join(' · ');
  return (
    <li className="resource">
      <div className="resource-head">
        <span className="badge">{RESOURCE_KINDS[r.kind]}</span>
        {r.url ? (
          <a href={r.url} target="_blank" rel="noreferrer noopener" className="resource-title">
            {r.title}
          </a>
        ) : (
          <span className="resource-title">{r.title}</span>
        )}
      </div>
      {dates && <p className="muted small">{dates}</p>}
      {r.takeaways && (
        <p className="prose small">
          <strong>Takeaways:</strong> {r.takeaways}
        </p>
      )}
      <div className="button-row">
        <span className="compact inline">
          <label htmlFor={`status-${r.id}`}>Status</label>
          <select id={`status-${r.id}`} value={r.status} disabled={update.isPending} onChange={(e) => run(() => update.mutateAsync({ id: r.id, patch: { status: e.target.value as Status } }))}>
            {Object.entries(RESOURCE_STATUSES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </span>
        <button type="button" className="btn small" onClick={onEdit} aria-label={`Edit ${r.title}`}>
          Edit
        </button>
        <button
          type="button"
          className="btn small ghost danger-text"
          aria-label={`Delete ${r.title}`}
          disabled={remove.isPending}
          onClick={() =>
            run(async () => {
              await remove.mutateAsync(r.id);
              // Resources have no trash; undo adds it again as it was.
              toast({ message: `Deleted ${r.title}.`, action: { label: 'Undo', run: () => run(() => add.mutateAsync(inputOf(draftOf(r)))) } });
            })
          }
        >
          Delete
        </button>
      </div>
    </li>
  );
}

function ResourceForm({ skillId, resource, onDone }: { skillId: string; resource: Resource | null; onDone: () => void }) {
  const [draft, setDraft] = useState<ResourceDraft>(() => (resource ? draftOf(resource) : emptyDraft()));
  const [error, setError] = useState<ApiError | null>(null);
  const add = useAddResource(skillId);
  const update = useUpdateResource();
  const toast = useToast();
  const pending = add.isPending || update.isPending;
  const set = <K extends keyof ResourceDraft>(key: K) => (value: ResourceDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (path: string) => error?.field(path);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      if (resource) await update.mutateAsync({ id: resource.id, patch: inputOf(draft) });
      else await add.mutateAsync(inputOf(draft));
      toast({ message: resource ? 'Resource saved.' : `Added ${draft.title.trim()}.` });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError error={error} />
      <div className="row">
        <Field label="Kind" error={err('kind')}>
          {(p) => (
            <select {...p} value={draft.kind} onChange={(e) => set('kind')(e.target.value as Kind)}>
              {Object.entries(RESOURCE_KINDS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Title" error={err('title')}>
          {(p) => <input {...p} value={draft.title} maxLength={300} onChange={(e) => set('title')(e.target.value)} required />}
        </Field>
      </div>
      <Field label="Link" error={err('url')} hint="Optional: where to find it.">
        {(p) => <input {...p} type="url" inputMode="url" value={draft.url} placeholder="https://" onChange={(e) => set('url')(e.target.value)} />}
      </Field>
      <fieldset className="field">
        <legend>Status</legend>
        <div className="segmented">
          {Object.entries(RESOURCE_STATUSES).map(([value, label]) => (
            <label key={value} className="segment">
              <input type="radio" name="resource-status" checked={draft.status === value} onChange={() => set('status')(value as Status)} />
              <span>{label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <Field label="Started on" error={err('startedOn')}>
          {(p) => <input {...p} type="date" value={draft.startedOn} onChange={(e) => set('startedOn')(e.target.value)} />}
        </Field>
        <Field label="Finished on" error={err('finishedOn')}>
          {(p) => <input {...p} type="date" value={draft.finishedOn} onChange={(e) => set('finishedOn')(e.target.value)} />}
        </Field>
      </div>
      <Field label="Takeaways" error={err('takeaways')}>
        {(p) => <textarea {...p} rows={3} value={draft.takeaways} onChange={(e) => set('takeaways')(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="button" className="btn ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={pending}>
          {pending ? 'Saving…' : resource ? 'Save resource' : 'Add resource'}
        </button>
      </div>
    </form>
  );
}
