import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api';
import { useUser } from '../../shared/session';
import { formatDate } from '../../shared/time';
import { CIRCLES, type Circle } from '../../shared/types';
import { Dialog, ErrorState, Field, FormError, Loading, useRun, useToast } from '../../shared/ui';
import { useCalendar, useNurtureSettings, useRegenerateCalendar, useRevokeCalendar, useUpdateNurtureSettings } from './api';
import type { NurtureSettings } from './model';
import './nurture.css';

const CIRCLE_HINTS: Record<Circle, string> = {
  inner: 'Family and closest friends',
  close: 'Good friends, key colleagues',
  network: 'Your professional network',
  wide: 'Acquaintances',
};

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e));
}

/** Settings: how often to keep in touch with each circle, and how fast strength fades; then the calendar feed. */
export function NurtureSettingsSections() {
  return (
    <>
      <KeepInTouchSettings />
      <CalendarFeed />
    </>
  );
}

function KeepInTouchSettings() {
  const settings = useNurtureSettings();
  return (
    <section className="card" aria-labelledby="keep-in-touch-settings">
      <h2 id="keep-in-touch-settings">Keep in touch</h2>
      <p className="muted">
        How often Rapport reminds you to reach out to someone, by their circle. A contact’s own cadence, set on their page, comes first; Today lists whoever is due.
      </p>
      {settings.isPending ? (
        <Loading label="Loading settings…" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} retry={() => void settings.refetch()} />
      ) : (
        <KeepInTouchForm key={JSON.stringify(settings.data)} saved={settings.data} />
      )}
    </section>
  );
}

function KeepInTouchForm({ saved }: { saved: NurtureSettings }) {
  const update = useUpdateNurtureSettings();
  const toast = useToast();
  const [form, setForm] = useState(() => ({
    cadences: Object.fromEntries(CIRCLES.map((c) => [c, String(saved.cadences[c])])) as Record<Circle, string>,
    halfLife: String(saved.strengthHalfLifeDays),
  }));
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // An emptied box is sent as typed, so the server names the field rather than a default filling in.
    const number = (text: string) => (text.trim() === '' ? text : Number(text)) as number;
    try {
      await update.mutateAsync({
        cadences: Object.fromEntries(CIRCLES.map((c) => [c, number(form.cadences[c])])) as Record<Circle, number>,
        strengthHalfLifeDays: number(form.halfLife),
      });
      toast({ message: 'Keep-in-touch settings saved. Due dates and strengths follow them.' });
    } catch (e) {
      setError(asApiError(e));
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError error={error} />
      <fieldset className="field">
        <legend>Days between check-ins, by circle</legend>
        <div className="cadence-grid">
          {CIRCLES.map((c) => (
            <Field key={c} label={`${c[0]!.toUpperCase()}${c.slice(1)} circle`} hint={CIRCLE_HINTS[c]} error={error?.field(`cadences.${c}`)}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={3650}
                  value={form.cadences[c]}
                  onChange={(e) => setForm({ ...form, cadences: { ...form.cadences, [c]: e.target.value } })}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <Field
        label="Strength half-life in days"
        error={error?.field('strengthHalfLifeDays')}
        hint="Relationship strength fades without contact: after this many days an interaction counts half as much."
      >
        {(p) => <input {...p} className="date-input" type="number" inputMode="numeric" min={7} max={3650} value={form.halfLife} onChange={(e) => setForm({ ...form, halfLife: e.target.value })} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save keep-in-touch settings'}
        </button>
      </div>
    </form>
  );
}

/** The iCalendar subscription at a secret address: create, copy, replace, turn off. */
function CalendarFeed() {
  const user = useUser();
  const calendar = useCalendar();
  const regenerate = useRegenerateCalendar();
  const revoke = useRevokeCalendar();
  const toast = useToast();
  const run = useRun();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirm, setConfirm] = useState<'regenerate' | 'revoke' | null>(null);

  async function create() {
    const feed = await regenerate.mutateAsync();
    setUrl(feed.url);
    setCopied(false);
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Clipboard access can be refused; the address is selectable in the box.
      toast({ message: 'Copying was blocked by the browser: select the address and copy it by hand.' });
    }
  }

  return (
    <section className="card" aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">Calendar feed</h2>
      <p className="muted">
        Subscribe to your check-ins, follow-ups and birthdays from Google Calendar, Apple Calendar or Outlook (“add calendar from URL”): they appear next to your other
        events, birthdays every year. Your calendar app fetches the feed again every few hours, so what changes in Rapport shows there on its next refresh.
      </p>
      {calendar.isPending ? (
        <Loading label="Loading the calendar feed…" />
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} retry={() => void calendar.refetch()} />
      ) : !calendar.data.active ? (
        <div className="form-actions">
          <button type="button" className="btn primary" disabled={regenerate.isPending} onClick={() => run(create)}>
            Create calendar address
          </button>
        </div>
      ) : (
        <div className="form">
          {url ? (
            <div className="field">
              <label htmlFor="calendar-url">Your calendar address</label>
              <div className="feed-url">
                <input id="calendar-url" readOnly value={url} onFocus={(e) => e.target.select()} aria-describedby="calendar-url-hint" />
                <button type="button" className="btn primary" onClick={() => void copy(url)}>
                  {copied ? 'Copied' : 'Copy'}
                </button>
              </div>
              <p className="hint" id="calendar-url-hint">
                Copy it now: Rapport keeps only a fingerprint and cannot show it again. Keep it private, as anyone with it can read these events.{' '}
                <a href={url.replace(/^https?:/, 'webcal:')}>Open in your calendar app</a>
              </p>
            </div>
          ) : (
            <p>
              Your calendar feed is on, since {formatDate(calendar.data.createdAt!, user.timeZone)}. Its address was shown when it was made; if you no longer have it, make a new
              one.
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setConfirm('regenerate')}>
              Make a new address
            </button>
            <button type="button" className="btn danger" onClick={() => setConfirm('revoke')}>
              Turn off the feed
            </button>
          </div>
        </div>
      )}
      <Dialog open={confirm !== null} onClose={() => setConfirm(null)} title={confirm === 'revoke' ? 'Turn off the calendar feed?' : 'Make a new calendar address?'}>
        <p>
          {confirm === 'revoke'
            ? 'The current address stops working at once; calendars subscribed to it will show no more Rapport events after their next refresh.'
            : 'The current address stops working at once; subscribe your calendar apps to the new one.'}
        </p>
        <div className="form-actions">
          <button type="button" className="btn ghost" onClick={() => setConfirm(null)}>
            Cancel
          </button>
          <button
            type="button"
            className={`btn ${confirm === 'revoke' ? 'danger' : 'primary'}`}
            disabled={regenerate.isPending || revoke.isPending}
            onClick={() =>
              run(async () => {
                if (confirm === 'revoke') {
                  await revoke.mutateAsync();
                  setUrl(null);
                  toast({ message: 'Calendar feed turned off.' });
                } else {
                  await create();
                  toast({ message: 'New calendar address made; the old one no longer works.' });
                }
                setConfirm(null);
              })
            }
          >
            {confirm === 'revoke' ? 'Turn off' : 'Make a new address'}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
