import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { fieldLabel, matchLabel, plural } from './model';
import type { ImportItem, ImportReport } from './types';

/**
 * What an import will do (the preview) or did (the result): the counts, then what needs a look
 * (rejected rows, conflicts, possible duplicates, warnings), then the contacts it adds, updates or
 * leaves alone. Each list names the line of the file it came from.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { counts } = report;
  const done = report.committed;
  const conflicts = report.updated.filter((i) => i.conflicts.length > 0);
  const warnings = [...report.new, ...report.updated, ...report.unchanged, ...report.possibleDuplicates]
    .flatMap((i) => i.warnings)
    .concat(report.notes.map((n) => ({ line: n.line, field: '', message: n.message })))
    .sort((x, y) => x.line - y.line);
  // Before the commit a match may be a contact that an earlier row of the same file creates.
  const contactCell = (item: ImportItem) => (done && item.contactId ? <Link href={`/contacts/${item.contactId}`}>{item.name}</Link> : item.name);

  return (
    <div className="import-report">
      <dl className="stat-grid">
        <Stat label={done ? 'Added' : 'New'} value={counts.new} />
        <Stat label="Updated" value={counts.updated} />
        <Stat label="Unchanged" value={counts.unchanged} />
        <Stat label="Possible duplicates" value={counts.possibleDuplicates} />
        <Stat label="Conflicts" value={counts.conflicts} attention />
        <Stat label="Rejected rows" value={counts.rejected} attention />
      </dl>

      {report.rejected.length > 0 && (
        <Section title={`Rejected rows (${counts.rejected.toLocaleString()})`} note={`${done ? 'These were' : 'These will be'} skipped; fix them in the file and import it again to add them.`} shown={report.rejected.length} total={counts.rejected}>
          <Table label="Rejected rows" head={['Line', 'Field', 'Reason']}>
            {report.rejected.map((r) => (
              <tr key={`${r.line}-${r.field}`}>
                <td className="num" data-label="Line">{r.line}</td>
                <td data-label="Field">{r.field ?? '—'}</td>
                <td data-label="Reason">{r.reason}</td>
              </tr>
            ))}
          </Table>
        </Section>
      )}

      {conflicts.length > 0 && (
        <Section title={`Conflicts (${counts.conflicts.toLocaleString()})`} note="The file disagrees with a value you have. Yours is kept; the file’s value is shown so you can copy it over by hand." shown={conflicts.length} total={conflicts.length}>
          <Table label="Conflicts" head={['Line', 'Contact', 'Field', 'Yours (kept)', 'In the file']}>
            {conflicts.flatMap((item) =>
              item.conflicts.map((c) => (
                <tr key={`${item.line}-${c.field}`}>
                  <td className="num" data-label="Line">{item.line}</td>
                  <td data-label="Contact">{contactCell(item)}</td>
                  <td data-label="Field">{fieldLabel(c.field)}</td>
                  <td data-label="Yours (kept)">{c.current ?? '—'}</td>
                  <td data-label="In the file"><del>{c.incoming ?? '—'}</del></td>
                </tr>
              )),
            )}
          </Table>
        </Section>
      )}

      {report.possibleDuplicates.length > 0 && (
        <Section
          title={`Possible duplicates (${counts.possibleDuplicates.toLocaleString()})`}
          note={<>Only the name matches, so {done ? 'these were added as new contacts' : 'these will be added as new contacts'}. {done ? <Link href="/duplicates">Review duplicates</Link> : 'You can merge them afterwards on the Duplicates page.'}</>}
          shown={report.possibleDuplicates.length}
          total={counts.possibleDuplicates}
        >
          <Table label="Possible duplicates" head={['Line', 'In the file', 'Same name as']}>
            {report.possibleDuplicates.map((item) => (
              <tr key={item.line}>
                <td className="num" data-label="Line">{item.line}</td>
                <td data-label="In the file">{contactCell(item)}</td>
                <td data-label="Same name as">
                  {item.duplicateOf.map((d, i) => (
                    <span key={d.id}>
                      {i > 0 && ', '}
                      {done ? <Link href={`/contacts/${d.id}`}>{d.name}</Link> : d.name}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </Table>
        </Section>
      )}

      {warnings.length > 0 && (
        <Section title={`Warnings (${warnings.length.toLocaleString()})`} note="The rest of these rows was imported; only the value named was left out." shown={warnings.length} total={warnings.length}>
          <Table label="Warnings" head={['Line', 'Field', 'Warning']}>
            {warnings.map((w, i) => (
              <tr key={i}>
                <td className="num" data-label="Line">{w.line}</td>
                <td data-label="Field">{w.field || '—'}</td>
                <td data-label="Warning">{w.message}</td>
              </tr>
            ))}
          </Table>
        </Section>
      )}

      <ItemList title={done ? 'Added' : 'New contacts'} items={report.new} total={counts.new - counts.possibleDuplicates} name={contactCell} />
      <ItemList title="Updated" items={report.updated} total={counts.updated} head="What changes" cell={(i) => `${i.changes.map(fieldLabel).join(', ') || 'nothing'} (matched by ${matchLabel(i.matchedBy)})`} name={contactCell} />
      <ItemList title="Unchanged" items={report.unchanged} total={counts.unchanged} head="Matched by" cell={(i) => matchLabel(i.matchedBy)} name={contactCell} />
    </div>
  );
}

function Stat({ label, value, attention }: { label: string; value: number; attention?: boolean }) {
  return (
    <div className={`stat${attention && value > 0 ? ' attention' : ''}`}>
      <dt>{label}</dt>
      <dd>{value.toLocaleString()}</dd>
    </div>
  );
}

/** A list of what needs a look: always open, with a heading to jump to. */
function Section({ title, note, shown, total, children }: { title: string; note: ReactNode; shown: number; total: number; children: ReactNode }) {
  return (
    <section className="report-section">
      <h3>{title}</h3>
      <p className="muted small">{note}</p>
      {children}
      <Capped shown={shown} total={total} />
    </section>
  );
}

/** Contacts added, updated or left alone: folded away when long, as they need no decision. */
function ItemList({ title, items, total, head, cell, name }: { title: string; items: ImportItem[]; total: number; head?: string; cell?: (item: ImportItem) => string; name: (item: ImportItem) => ReactNode }) {
  if (items.length === 0) return null;
  return (
    <details className="report-section" open={items.length <= 10}>
      <summary>
        {title} ({plural(Math.max(total, items.length), 'contact')})
      </summary>
      <Table label={title} head={head ? ['Line', 'Contact', head] : ['Line', 'Contact']}>
        {items.map((item) => (
          <tr key={item.line}>
            <td className="num" data-label="Line">{item.line}</td>
            <td data-label="Contact">{name(item)}</td>
            {head && cell && <td data-label={head}>{cell(item)}</td>}
          </tr>
        ))}
      </Table>
      <Capped shown={items.length} total={total} />
    </details>
  );
}

function Table({ label, head, children }: { label: string; head: string[]; children: ReactNode }) {
  return (
    <table className="report-table stack" aria-label={label}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" className={h === 'Line' ? 'num' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** Reports list the first 500 of each kind; the counts are complete. */
function Capped({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return <p className="table-note">Showing the first {shown.toLocaleString()} of {total.toLocaleString()}.</p>;
}
