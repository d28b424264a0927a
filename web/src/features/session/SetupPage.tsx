import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api';
import { useSession } from '../../shared/session';
import { Field, FormError, Loading, useToast } from '../../shared/ui';
import { addDemoNetwork, demoAddedMessage, DEMO_DESCRIPTION } from '../seed/demo';
import '../seed/seed.css';

type Demo = { status: 'adding' } | { status: 'failed'; error: ApiError };

/** First run: the server has no account yet, so the first visitor creates it, with the demo network if they like. */
export function SetupPage() {
  const session = useSession();
  const toast = useToast();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });
  const [withDemo, setWithDemo] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  // Once the account exists, the page stays to add the demo network and opens the app after.
  const [account, setAccount] = useState<{ enter(): void } | null>(null);
  const [demo, setDemo] = useState<Demo | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function addDemo(created: { enter(): void }) {
    setDemo({ status: 'adding' });
    try {
      const counts = await addDemoNetwork();
      toast({ message: demoAddedMessage(counts) });
      created.enter();
    } catch (e) {
      setDemo({ status: 'failed', error: e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)) });
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    let created: { enter(): void };
    try {
      created = await session.setup({ ...form, timeZone });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
      setPending(false);
      return;
    }
    if (!withDemo) return created.enter();
    setAccount(created);
    await addDemo(created);
  }

  if (account && demo) return <AddingDemo demo={demo} retry={() => void addDemo(account)} skip={() => account.enter()} />;

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
          <div className="setup-demo">
            <label className="check">
              <input type="checkbox" checked={withDemo} onChange={(e) => setWithDemo(e.target.checked)} aria-describedby="demo-hint" />
              Add a demo network to explore
            </label>
            <p className="hint" id="demo-hint">
              {DEMO_DESCRIPTION} Best for trying Rapport out: the demo people stay until you delete them.
            </p>
          </div>
          <p className="hint">Dates will show in your time zone, {timeZone}; you can change it in Settings.</p>
          <button type="submit" className="btn primary wide wraps" disabled={pending}>
            {pending ? 'Creating…' : withDemo ? 'Create account and add the demo network' : 'Create account'}
          </button>
        </form>
      </div>
    </main>
  );
}

/** The account exists; the demo network is on its way, or failed and can be tried again or skipped. */
function AddingDemo({ demo, retry, skip }: { demo: Demo; retry: () => void; skip: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [demo.status]);
  return (
    <main className="centered" id="main">
      <div className="card auth-card">
        <h1 ref={heading} tabIndex={-1}>
          {demo.status === 'adding' ? 'Adding the demo network' : 'The demo network was not added'}
        </h1>
        <p className="lede">Your account is ready.</p>
        {demo.status === 'adding' ? (
          <Loading label="Adding about 300 people and three years of interactions…" />
        ) : (
          <>
            <p className="form-error" role="alert">
              {demo.error.message}
            </p>
            <div className="form-actions">
              <button type="button" className="btn ghost" onClick={skip}>
                Continue without it
              </button>
              <button type="button" className="btn primary" onClick={retry}>
                Try again
              </button>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
