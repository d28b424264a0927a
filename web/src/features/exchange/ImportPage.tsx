import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Link } from 'wouter';
import { ApiError, type UploadProgress } from '../../shared/api';
import { Icon } from '../../shared/ui';
import { commitImport, discardImport, uploadImport } from './api';
import { DropZone } from './DropZone';
import { ImportReportView } from './ImportReport';
import { commitLabel, formatBytes, FORMAT_LABELS, FORMATS, resultSentence } from './model';
import type { ImportFormat, ImportSession } from './types';
import './exchange.css';

type Step =
  | { kind: 'choose'; error: ApiError | null; file: File | null }
  | { kind: 'uploading'; file: File; progress: UploadProgress }
  | { kind: 'preview'; file: File; session: ImportSession; error: ApiError | null }
  | { kind: 'committing'; file: File; session: ImportSession }
  | { kind: 'done'; session: ImportSession };

const ACCEPT = '.csv,.vcf,.vcard,.txt,text/csv,text/vcard,text/x-vcard';

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', error instanceof Error ? error.message : String(error));
}

/**
 * Settings > Import: a file in, its preview (what is new, what changes, what is rejected and why),
 * then the import in one transaction and its report. Nothing is stored before the commit.
 */
export function ImportPage() {
  const [step, setStep] = useState<Step>({ kind: 'choose', error: null, file: null });
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const upload = useRef<AbortController | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const client = useQueryClient();
  const formatId = useId();

  // Each new step is announced from its heading, where keyboard focus goes too.
  useEffect(() => {
    if (step.kind !== 'uploading') heading.current?.focus();
  }, [step.kind]);
  useEffect(() => () => upload.current?.abort(), []);

  async function read(file: File, as: ImportFormat | 'auto', previous?: ImportSession) {
    upload.current?.abort();
    const controller = new AbortController();
    upload.current = controller;
    setStep({ kind: 'uploading', file, progress: { loaded: 0, total: file.size } });
    // A preview read as another format is replaced, not left waiting on the server for an hour.
    if (previous) void discardImport(previous.id).catch(() => undefined);
    try {
      const session = await uploadImport(file, as, { signal: controller.signal, onProgress: (progress) => setStep({ kind: 'uploading', file, progress }) });
      setStep({ kind: 'preview', file, session, error: null });
    } catch (error) {
      if (controller.signal.aborted) return;
      setStep({ kind: 'choose', error: asApiError(error), file });
    }
  }

  async function commit(file: File, session: ImportSession) {
    setStep({ kind: 'committing', file, session });
    try {
      const done = await commitImport(session.id);
      void client.invalidateQueries();
      setStep({ kind: 'done', session: done });
    } catch (error) {
      setStep({ kind: 'preview', file, session, error: asApiError(error) });
    }
  }

  function cancel(session: ImportSession) {
    void discardImport(session.id).catch(() => undefined);
    setStep({ kind: 'choose', error: null, file: null });
  }

  const formatSelect = (value: ImportFormat | 'auto', onChange: (f: ImportFormat | 'auto') => void, detected?: ImportFormat) => (
    <div className="field">
      <label htmlFor={formatId}>Format</label>
      <select id={formatId} value={value} onChange={(e) => onChange(e.target.value as ImportFormat | 'auto')}>
        {!detected && <option value="auto">Detect from the content</option>}
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {FORMAT_LABELS[f]}
            {f === detected ? ' (detected)' : ''}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="page wide-page">
      <Link href="/settings" className="back-link">
        <Icon name="back" /> Settings
      </Link>
      {step.kind === 'choose' && (
        <>
          <h1 ref={heading} tabIndex={-1}>Import contacts</h1>
          <p className="lede">
            From LinkedIn (Connections.csv in your data archive), Google Contacts, Outlook or Thunderbird (CSV), or vCard files from phones and mail programs. You see what
            will change before anything is saved, and importing the same file again changes nothing.
          </p>
          {step.error && (
            <div className="form-error import-error" role="alert">
              <p>{step.file ? `${step.file.name} could not be imported.` : 'That did not work.'}</p>
              <p>{step.error.message}</p>
            </div>
          )}
          <DropZone
            accept={ACCEPT}
            title="Drop a contacts file here"
            hint={<>CSV or vCard (.vcf), in any encoding. Very large files import faster from the command line: <code>rapport import FILE</code>.</>}
            onFile={(file) => void read(file, format)}
            onError={(message) => setStep({ kind: 'choose', error: new ApiError(0, 'DROP', message), file: null })}
          />
          <div className="import-options">
            {formatSelect(format, setFormat)}
            {step.error && step.file && step.error.code !== 'BODY_TOO_LARGE' && (
              <button type="button" className="btn" onClick={() => step.file && void read(step.file, format)}>
                Read {step.file.name} again{format === 'auto' ? '' : ` as ${FORMAT_LABELS[format]}`}
              </button>
            )}
          </div>
        </>
      )}

      {step.kind === 'uploading' && (
        <>
          <h1 ref={heading} tabIndex={-1}>Reading {step.file.name}</h1>
          <div className="card progress-block" role="status">
            {step.progress.loaded < step.progress.total ? (
              <>
                <p>
                  Uploading: {formatBytes(step.progress.loaded)} of {formatBytes(step.progress.total)}
                </p>
                <progress max={step.progress.total} value={step.progress.loaded} aria-label={`Uploading ${step.file.name}`} />
              </>
            ) : (
              <>
                <p>Checking every row against your contacts…</p>
                <progress aria-label={`Reading ${step.file.name}`} />
              </>
            )}
            <div>
              <button type="button" className="btn" onClick={() => {
                upload.current?.abort();
                setStep({ kind: 'choose', error: null, file: null });
              }}>
                Cancel
              </button>
            </div>
          </div>
        </>
      )}

      {step.kind === 'preview' && (
        <Preview
          heading={heading}
          session={step.session}
          error={step.error}
          formatSelect={formatSelect(step.session.report.format, (f) => {
            setFormat(f);
            void read(step.file, f, step.session);
          }, format === 'auto' ? step.session.report.format : undefined)}
          onCommit={() => void commit(step.file, step.session)}
          onCancel={() => cancel(step.session)}
        />
      )}

      {step.kind === 'committing' && (
        <>
          <h1 ref={heading} tabIndex={-1}>Importing {step.session.fileName}</h1>
          <div className="card progress-block" role="status">
            <p>{commitLabel(step.session.report.counts, true)}…</p>
            <progress aria-label={`Importing ${step.session.fileName}`} />
            <p className="muted small">All or nothing: if anything goes wrong, none of it is saved.</p>
          </div>
        </>
      )}

      {step.kind === 'done' && (
        <>
          <h1 ref={heading} tabIndex={-1}>Imported {step.session.fileName}</h1>
          <p className="lede">{resultSentence(step.session.report.counts)}</p>
          <div className="button-row">
            <Link href="/contacts" className="btn primary">See your contacts</Link>
            {step.session.report.counts.possibleDuplicates > 0 && <Link href="/duplicates" className="btn">Review possible duplicates</Link>}
            <button type="button" className="btn ghost" onClick={() => setStep({ kind: 'choose', error: null, file: null })}>
              Import another file
            </button>
          </div>
          <ImportReportView report={step.session.report} />
        </>
      )}
    </div>
  );
}

function Preview({ heading, session, error, formatSelect, onCommit, onCancel }: {
  heading: RefObject<HTMLHeadingElement | null>;
  session: ImportSession;
  error: ApiError | null;
  formatSelect: ReactNode;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const { report } = session;
  const label = commitLabel(report.counts);
  const actions = (
    <div className="form-actions import-actions">
      <button type="button" className="btn ghost" onClick={onCancel}>
        {label ? 'Cancel' : 'Choose another file'}
      </button>
      {label && (
        <button type="button" className="btn primary" onClick={onCommit}>
          {label}
        </button>
      )}
    </div>
  );
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>Preview of {session.fileName}</h1>
      <p className="lede">Nothing is saved yet. {label ? 'Check what will change, then import.' : 'There is nothing to add or change: every contact in this file is already here as it is.'}</p>
      {error && <p className="form-error" role="alert">{error.message}</p>}
      <div className="file-facts">
        {formatSelect}
        <p className="muted">
          {report.counts.rows.toLocaleString()} {report.counts.rows === 1 ? 'row' : 'rows'} · {report.encoding.toUpperCase()}
        </p>
      </div>
      <ImportReportView report={report} />
      {actions}
    </>
  );
}
