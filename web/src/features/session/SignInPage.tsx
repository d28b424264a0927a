import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api';
import { useSession } from '../../shared/session';
import { Field, FormError } from '../../shared/ui';

export function SignInPage({ expired }: { expired: boolean }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await session.signIn(email, password);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
      setPending(false);
    }
  }

  return (
    <main className="centered" id="main">
      <div className="card auth-card">
        <h1>Sign in to Rapport</h1>
        {expired && (
          <p className="notice" role="status">
            Your session ended. Sign in again: what you were typing is kept and comes back.
          </p>
        )}
        <form className="form" onSubmit={submit} noValidate>
          <FormError error={error} />
          <Field label="Email" error={error?.field('email')}>
            {(p) => <input {...p} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />}
          </Field>
          <Field label="Password" error={error?.field('password')}>
            {(p) => <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}
          </Field>
          <button type="submit" className="btn primary wide" disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
