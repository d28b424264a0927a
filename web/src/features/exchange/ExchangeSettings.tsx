import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, type UploadProgress } from '../../shared/api';
import { useToast } from '../../shared/ui';
import { restoreBackup, type RestoreResult } from './api';
import { formatBytes, plural, tableLabel } from './model';
import './exchange.css';

/** Settings' import, export and restore: one card to bring data in, one to take it all out. */
export function ExchangeSettings() {
  return (
    <>
      <section className="card" aria-labelledby="import-export">
        <h2 id="import-export">Import and export</h2>
        <h3>Import</h3>
        <p className="muted">Bring in your contacts from LinkedIn, Google Contacts, Outlook, Thunderbird or vCard files. You see a preview before anything is saved.</p>
        <div className="button-row">
          <Link href="/settings/import" className="btn">Import contacts</Link>
          <Link href="/duplicates" className="btn ghost">Find duplicates</Link>
        </div>
        <h3 className="export-heading">Export</h3>
        <p className="muted">Your data is yours: take it to another program, or keep a copy.</p>
        <ul className="plain export-list">
          <li>
            <a className="btn" href="/api/v1/export/vcard" download>
              Contacts as vCard
            </a>
            <span className="muted small">For phones, Apple Contacts, Google Contacts and Outlook (vCard 4.0, .vcf).</span>
          </li>
          <li>
            <a className="btn" href="/api/v1/export/csv" download>
              Contacts as CSV
            </a>
            <span className="muted small">For spreadsheets, in Google Contacts’ layout with Rapport’s own columns.</span>
          </li>
          <li>
            <a className="btn" href="/api/v1/backup" download>
              Full backup (JSON)
            </a>
            <span className="muted small">Everything you keep in Rapport, to restore here or on another server.</span>
          </li>
        </ul>
      </section>
      <Restore />
    </>
  );
}

type RestoreState = { kind: 'idle' } | { kind: 'uploading'; file: File; progress: UploadProgress } | { kind: 'done'; file: File; result: RestoreResult } | { kind: 'failed'; file: File; error: ApiError };

/** Restores a backup file into this account, which the server accepts only while it is empty. */
function Restore() {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<RestoreState>({ kind: 'idle' });
  const client = useQueryClient();
  const toast = useToast();

  async function restore(file: File) {
    setState({ kind: 'uploading', file, progress: { loaded: 0, total: file.size } });
    try {
      const result = await restoreBackup(file, (progress) => setState({ kind: 'uploading', file, progress }));
      setState({ kind: 'done', file, result });
      void client.invalidateQueries();
      toast({ message: `Restored ${file.name}.` });
    } catch (error) {
      setState({ kind: 'failed', file, error: error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', String(error)) });
    }
  }

  const restored = state.kind === 'done' ? Object.entries(state.result.restored).filter(([, n]) => n > 0) : [];
  return (
    <section className="card" aria-labelledby="restore">
      <h2 id="restore">Restore a backup</h2>
      <p className="muted">Brings back everything in a Rapport backup file. It goes only into an account that has no data yet, so nothing here is ever overwritten.</p>
      {state.kind === 'uploading' && (
        <div className="progress-block" role="status">
          <p>
            {state.progress.loaded < state.progress.total ? `Uploading ${state.file.name}: ${formatBytes(state.progress.loaded)} of ${formatBytes(state.progress.total)}` : `Restoring ${state.file.name}…`}
          </p>
          <progress aria-label={`Restoring ${state.file.name}`} {...(state.progress.loaded < state.progress.total && { max: state.progress.total, value: state.progress.loaded })} />
        </div>
      )}
      {state.kind === 'failed' && (
        <div className="form-error import-error" role="alert">
          <p>{state.file.name} was not restored; nothing changed.</p>
          <p>{state.error.message}</p>
        </div>
      )}
      {state.kind === 'done' && (
        <div className="notice" role="status">
          <p>
            <strong>Restored {state.file.name}{restored.length === 0 ? ', which was empty.' : ':'}</strong>
          </p>
          {restored.length > 0 && (
            <dl className="restore-counts">
              {restored.map(([table, n]) => (
                <div key={table}>
                  <dt>{tableLabel(table)}</dt>
                  <dd>{n.toLocaleString()}</dd>
                </div>
              ))}
            </dl>
          )}
          {state.result.renumbered > 0 && <p>{plural(state.result.renumbered, 'record')} got new ids because the originals are in use on this server.</p>}
          {state.result.revokedLinks > 0 && <p>{plural(state.result.revokedLinks, 'feedback link')} still answered by the original account {state.result.revokedLinks === 1 ? 'was' : 'were'} withdrawn in this copy.</p>}
          <Link href="/contacts">See your contacts</Link>
        </div>
      )}
      <div className="button-row restore-row">
        <button type="button" className="btn" onClick={() => input.current?.click()} disabled={state.kind === 'uploading'}>
          Choose a backup file…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          aria-hidden="true"
          tabIndex={-1}
          data-testid="backup-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void restore(file);
          }}
        />
      </div>
    </section>
  );
}
