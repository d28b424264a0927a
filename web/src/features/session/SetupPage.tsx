import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api';
import { useSession } from '../../shared/session';
import { Field, FormError } from '../../shared/ui';

/** First run: the server has no account yet, so the first visitor creates it. */
export function SetupPage() {
  const session = useSession();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await session.setup({ ...form, timeZone });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
      setPending(false);
    }
  }

  return (
    <main className="centered" id="main">
      <div className="card auth-card">
        <h1>Welcome to Rapport</h1>
        <p className="lede">Create your account. It is the first on this server, and your data stays here.</p>
        <form className="form" onSubmit={submit} noValidate>
          <FormError error={error} />
          <Field label="Your name" error={error?.field('displayName')}>
            {(p) => <input {...p} autoComplete="name" value={form.displayName} onChange={set('displayName')} required autoFocus />}
          </Field>
          <Field label="Email" error={error?.field('email')}>
            {(p) => <input {...p} type="email" autoComplete="username" value={form.email} onChange={set('email')} required />}
          </Field>
          <Field label="Password" error={error?.field('password')} hint="At least 10 characters.">
            {(p) => <input {...p} type="password" autoComplete="new-password" value={form.password} onChange={set('password')} required minLength={10} />}
          </Field>
          <p className="hint">Dates will show in your time zone, {timeZone}; you can change it in Settings.</p>
          <button type="submit" className="btn primary wide" disabled={pending}>
            {pending ? 'Creating…' : 'Create account'}
          </button>
        </form>
      </div>
    </main>
  );
}
