import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../shared/api';
import { useSession, useUser } from '../../shared/session';
import { formatDate, formatDateTime } from '../../shared/time';
import type { ApiToken, User } from '../../shared/types';
import { ExchangeSettings } from '../exchange/ExchangeSettings';
import { Dialog, EmptyState, ErrorState, Field, FormError, Loading, useRun, useToast } from '../../shared/ui';
import { NurtureSettingsSections } from '../nurture/NurtureSettings';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e));
}

export function SettingsPage() {
  return (
    <div className="page">
      <h1>Settings</h1>
      <Profile />
      <NurtureSettingsSections />
      <Password />
      <Tokens />
      <ExchangeSettings />
    </div>
  );
}

function Profile() {
  const user = useUser();
  const session = useSession();
  const toast = useToast();
  const [form, setForm] = useState({ displayName: user.displayName, timeZone: user.timeZone, weekStart: user.weekStart });
  const [error, setError] = useState<ApiError | null>(null);
  const save = useMutation({ mutationFn: (patch: typeof form) => api.patch<User>('/me', patch) });
  const zones = Intl.supportedValuesOf('timeZone');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      session.setUser(await save.mutateAsync(form));
      toast({ message: 'Settings saved.' });
    } catch (e) {
      setError(asApiError(e));
    }
  }

  return (
    <section className="card" aria-labelledby="profile">
      <h2 id="profile">You</h2>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={error} />
        <div className="signed-in">
          <p className="muted">Signed in as {user.email}.</p>
          <button type="button" className="btn small" onClick={() => void session.signOut()}>
            Sign out
          </button>
        </div>
        <Field label="Name" error={error?.field('displayName')}>
          {(p) => <input {...p} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} autoComplete="name" />}
        </Field>
        <div className="row">
          <Field label="Time zone" error={error?.field('timeZone')} hint={`Now ${formatDateTime(new Date().toISOString(), form.timeZone)} there.`}>
            {(p) => (
              <select {...p} value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
                {!zones.includes(form.timeZone) && <option value={form.timeZone}>{form.timeZone}</option>}
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Weeks start on" error={error?.field('weekStart')}>
            {(p) => (
              <select {...p} value={form.weekStart} onChange={(e) => setForm({ ...form, weekStart: Number(e.target.value) })}>
                {WEEKDAYS.map((day, index) => (
                  <option key={day} value={index}>
                    {day}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </section>
  );
}

function Password() {
  const { email } = useUser();
  const toast = useToast();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const change = useMutation({ mutationFn: (body: typeof form) => api.post('/me/password', body) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await change.mutateAsync(form);
      setForm({ currentPassword: '', newPassword: '' });
      toast({ message: 'Password changed. Other devices are signed out.' });
    } catch (e) {
      setError(asApiError(e));
    }
  }

  const wrongCurrent = error?.code === 'INVALID_CREDENTIALS' ? 'This is not your current password.' : error?.field('currentPassword');
  return (
    <section className="card" aria-labelledby="password">
      <h2 id="password">Password</h2>
      <form className="form" onSubmit={submit} noValidate>
        {error?.code !== 'INVALID_CREDENTIALS' && <FormError error={error} />}
        <input type="email" autoComplete="username" value={email} readOnly hidden />
        <div className="row">
          <Field label="Current password" error={wrongCurrent}>
            {(p) => <input {...p} type="password" autoComplete="current-password" value={form.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} />}
          </Field>
          <Field label="New password" error={error?.field('newPassword')} hint="At least 10 characters.">
            {(p) => <input {...p} type="password" autoComplete="new-password" value={form.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} />}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={change.isPending}>
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}

function Tokens() {
  const user = useUser();
  const client = useQueryClient();
  const toast = useToast();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/tokens', signal) });
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<{ token: string; info: ApiToken } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [copied, setCopied] = useState(false);
  const run = useRun();
  const create = useMutation({ mutationFn: (body: { name: string }) => api.post<{ token: string; info: ApiToken }>('/tokens', body), onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }) });
  const revoke = useMutation({ mutationFn: (id: string) => api.del(`/tokens/${encodeURIComponent(id)}`), onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setCreated(await create.mutateAsync({ name }));
      setCopied(false);
      setName('');
    } catch (e) {
      setError(asApiError(e));
    }
  }

  async function copy(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Clipboard access can be refused; the token is selectable in the box.
      toast({ message: 'Copying was blocked by the browser: select the token and copy it by hand.' });
    }
  }

  return (
    <section className="card" aria-labelledby="tokens">
      <h2 id="tokens">API tokens</h2>
      <p className="muted">Scripts and other tools use a token to reach your data through the API. Each token is shown once, when you create it.</p>
      {tokens.isPending ? (
        <Loading label="Loading tokens…" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} retry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState title="No tokens yet." />
      ) : (
        <ul className="plain token-list">
          {tokens.data.items.map((t) => (
            <li key={t.id} className="trash-row">
              <div>
                <strong>{t.name}</strong> <code>…{t.hint}</code>
                <p className="muted small">
                  Created {formatDate(t.createdAt, user.timeZone)} · {t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt, user.timeZone)}` : 'never used'}
                </p>
              </div>
              <button type="button" className="btn small ghost danger-text" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form inline-form" onSubmit={submit} noValidate>
        <Field label="New token name" error={error?.field('name') ?? (error && !error.fields.length ? error.message : undefined)}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} placeholder="backup script" />}
        </Field>
        <button type="submit" className="btn" disabled={create.isPending}>
          Create token
        </button>
      </form>
      <Dialog open={created !== null} onClose={() => setCreated(null)} title="Your new token">
        <p>Copy it now: Rapport keeps only a fingerprint and cannot show it again.</p>
        <label className="visually-hidden" htmlFor="new-token">
          Token
        </label>
        <input id="new-token" className="token-box" readOnly value={created?.token ?? ''} onFocus={(e) => e.target.select()} />
        <div className="form-actions">
          <button type="button" className="btn primary" onClick={() => created && void copy(created.token)}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <button type="button" className="btn ghost" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      </Dialog>
      <Dialog open={revoking !== null} onClose={() => setRevoking(null)} title="Revoke this token?">
        <p>Scripts using “{revoking?.name}” will stop working at once.</p>
        <div className="form-actions">
          <button type="button" className="btn ghost" onClick={() => setRevoking(null)}>
            Keep
          </button>
          <button
            type="button"
            className="btn danger"
            onClick={() =>
              run(async () => {
                if (!revoking) return;
                await revoke.mutateAsync(revoking.id);
                toast({ message: `Revoked ${revoking.name}.` });
                setRevoking(null);
              })
            }
          >
            Revoke
          </button>
        </div>
      </Dialog>
    </section>
  );
}
