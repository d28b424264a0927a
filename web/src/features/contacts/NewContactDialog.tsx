import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../../shared/api';
import { useDraft } from '../../shared/drafts';
import { CIRCLES, type Circle, type ContactInput } from '../../shared/types';
import { Dialog, Field, FormError, isSaveChord } from '../../shared/ui';
import { useCreateContact } from './api';
import { splitTags } from './model';

const EMPTY = { firstName: '', lastName: '', company: '', title: '', email: '', phone: '', tags: '', circle: '' };

/** The few fields people know when they add someone; the contact page has the rest. */
export function NewContactDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form, setForm, reset] = useDraft('new-contact', () => EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const create = useCreateContact();
  const [, navigate] = useLocation();
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const input: ContactInput = {
      firstName: form.firstName,
      lastName: form.lastName,
      company: form.company,
      title: form.title,
      emails: form.email.trim() ? [{ value: form.email, type: 'work' }] : [],
      phones: form.phone.trim() ? [{ value: form.phone, type: 'mobile' }] : [],
      tags: splitTags(form.tags),
      circle: (form.circle || null) as Circle | null,
    };
    try {
      const contact = await create.mutateAsync(input);
      reset();
      onClose();
      navigate(`/contacts/${contact.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  const nameError = error?.field('displayName');
  return (
    <Dialog open={open} onClose={onClose} title="New contact">
      <form className="form" onSubmit={submit} onKeyDown={(e) => isSaveChord(e) && e.currentTarget.requestSubmit()} noValidate>
        <FormError error={error} />
        <div className="row">
          <Field label="First name" error={nameError}>
            {(p) => <input {...p} value={form.firstName} onChange={set('firstName')} autoFocus autoComplete="off" />}
          </Field>
          <Field label="Last name" error={error?.field('lastName')}>
            {(p) => <input {...p} value={form.lastName} onChange={set('lastName')} autoComplete="off" />}
          </Field>
        </div>
        <div className="row">
          <Field label="Company" error={error?.field('company')}>
            {(p) => <input {...p} value={form.company} onChange={set('company')} />}
          </Field>
          <Field label="Title" error={error?.field('title')}>
            {(p) => <input {...p} value={form.title} onChange={set('title')} />}
          </Field>
        </div>
        <div className="row">
          <Field label="Email" error={error?.field('emails')}>
            {(p) => <input {...p} type="email" value={form.email} onChange={set('email')} autoComplete="off" />}
          </Field>
          <Field label="Phone" error={error?.field('phones')}>
            {(p) => <input {...p} type="tel" value={form.phone} onChange={set('phone')} autoComplete="off" />}
          </Field>
        </div>
        <div className="row">
          <Field label="Tags" hint="Separate with commas." error={error?.field('tags')}>
            {(p) => <input {...p} value={form.tags} onChange={set('tags')} />}
          </Field>
          <Field label="Circle" error={error?.field('circle')}>
            {(p) => (
              <select {...p} value={form.circle} onChange={set('circle')}>
                <option value="">None</option>
                {CIRCLES.map((c) => (
                  <option key={c} value={c}>
                    {c[0]!.toUpperCase() + c.slice(1)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-actions">
          <button type="button" className="btn ghost" onClick={() => { reset(); onClose(); }}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add contact'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
