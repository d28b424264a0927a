import { Link, useLocation } from 'wouter';
import { ApiError } from '../../shared/api';
import { useUser } from '../../shared/session';
import { formatCalendarDate, formatDate, formatRelative } from '../../shared/time';
import { CIRCLES, type Circle, type Contact, type ContactPatch } from '../../shared/types';
import { EmptyState, ErrorState, Icon, Loading, useRun, useToast } from '../../shared/ui';
import { useLogInteractionDialog } from '../interactions/LogInteraction';
import { Timeline } from '../interactions/Timeline';
import { GiveAndTakeCard } from '../nurture/GiveAndTake';
import { KeepInTouchCard } from '../nurture/KeepInTouch';
import { MilestonesCard } from '../nurture/Milestones';
import { StrengthCard } from '../nurture/Strength';
import { useContact, useRestore, useTrashContact, useUpdateContact } from './api';
import { EditableText, MethodsEditor } from './editors';
import { titleCase } from './model';
import { DimensionsEditor, TagsEditor } from './TagsAndDimensions';

type TextField = 'displayName' | 'firstName' | 'middleName' | 'lastName' | 'nickname' | 'prefix' | 'suffix' | 'company' | 'title' | 'location' | 'birthday' | 'metHow' | 'metOn' | 'notes';

export function ContactPage({ id }: { id: string }) {
  const contact = useContact(id);
  if (contact.isPending) return <div className="page"><Loading label="Loading contact…" /></div>;
  if (contact.isError) {
    const gone = contact.error instanceof ApiError && contact.error.status === 404;
    return (
      <div className="page">
        {gone ? (
          <EmptyState title="This contact is not here.">
            <p>It may have been moved to the trash. <Link href="/trash">Open the trash</Link> or <Link href="/contacts">go back to contacts</Link>.</p>
          </EmptyState>
        ) : (
          <ErrorState error={contact.error} retry={() => void contact.refetch()} />
        )}
      </div>
    );
  }
  return <ContactView contact={contact.data} />;
}

function ContactView({ contact }: { contact: Contact }) {
  const user = useUser();
  const update = useUpdateContact(contact.id);
  const trash = useTrashContact();
  const restore = useRestore();
  const toast = useToast();
  const run = useRun();
  const [, navigate] = useLocation();
  const logInteraction = useLogInteractionDialog();
  const save = (patch: ContactPatch) => update.mutateAsync(patch);
  const logWith = () => logInteraction([{ id: contact.id, displayName: contact.displayName }]);

  const text = (field: TextField, label: string, options: { placeholder?: string; multiline?: boolean; type?: 'text' | 'date'; hint?: string; display?: (v: string) => string } = {}) => {
    const value = contact[field] ?? '';
    return (
      <EditableText
        draftKey={`contact:${contact.id}:${field}`}
        label={label}
        value={value}
        display={value && options.display ? options.display(value) : undefined}
        placeholder={options.placeholder ?? `Add ${label.toLowerCase()}`}
        multiline={options.multiline}
        type={options.type}
        hint={options.hint}
        errorPath={field}
        onSave={(v) => save({ [field]: v.trim() === '' ? null : v })}
      />
    );
  };

  async function moveToTrash() {
    await trash.mutateAsync(contact.id);
    navigate('/contacts');
    toast({
      message: `Moved ${contact.displayName} to the trash.`,
      action: {
        label: 'Undo',
        run: () => run(() => restore.mutateAsync({ type: 'contact', id: contact.id }).then(() => navigate(`/contacts/${contact.id}`))),
      },
    });
  }

  return (
    <div className="page contact-page">
      <Link href="/contacts" className="back-link">
        <Icon name="back" /> Contacts
      </Link>
      <div className="page-head">
        <div>
          <h1>{contact.displayName}</h1>
          <p className="lede">
            {[contact.title, contact.company].filter(Boolean).join(' at ') || 'No role or company yet'}
            {' · '}
            {contact.lastInteractionAt ? `last talked ${formatRelative(contact.lastInteractionAt, new Date())}` : 'no interactions yet'}
          </p>
        </div>
        <div className="button-row">
          <button type="button" className="btn primary" onClick={logWith}>
            <Icon name="plus" /> Log interaction
          </button>
          <button type="button" className="btn danger" onClick={() => run(moveToTrash)} disabled={trash.isPending}>
            <Icon name="trash" /> Move to trash
          </button>
        </div>
      </div>
      <div className="contact-columns">
        <div className="contact-details">
          <section className="card" aria-labelledby="about">
            <h2 id="about">About</h2>
            {text('displayName', 'Shown as', { hint: 'Leave empty to build it from the name parts.', placeholder: 'Built from the name' })}
            <details className="name-parts">
              <summary>Name parts: {[contact.prefix, contact.firstName, contact.middleName, contact.lastName, contact.suffix].filter(Boolean).join(' ') || 'none'}{contact.nickname ? `, “${contact.nickname}”` : ''}</summary>
              {text('prefix', 'Prefix')}
              {text('firstName', 'First name')}
              {text('middleName', 'Middle name')}
              {text('lastName', 'Last name')}
              {text('suffix', 'Suffix')}
              {text('nickname', 'Nickname')}
            </details>
            {text('title', 'Title')}
            {text('company', 'Company')}
            {text('location', 'Location')}
            {text('birthday', 'Birthday', { hint: 'YYYY-MM-DD, or --MM-DD when you do not know the year.', display: (v) => formatCalendarDate(v) })}
          </section>
          <section className="card" aria-labelledby="reach">
            <h2 id="reach">Reach</h2>
            <MethodsEditor draftKey={`contact:${contact.id}:emails`} label="Emails" singular="Email" values={contact.emails} types={['work', 'home', 'other']} inputType="email" errorPath="emails" onSave={(emails) => save({ emails })} render={(m) => <a href={`mailto:${m.value}`}>{m.value}</a>} />
            <MethodsEditor draftKey={`contact:${contact.id}:phones`} label="Phones" singular="Phone" values={contact.phones} types={['mobile', 'work', 'home', 'other']} inputType="tel" errorPath="phones" onSave={(phones) => save({ phones })} render={(m) => <a href={`tel:${m.value.replace(/[^\d+]/g, '')}`}>{m.value}</a>} />
            <MethodsEditor draftKey={`contact:${contact.id}:urls`} label="Links" singular="Link" values={contact.urls} types={['linkedin', 'website', 'other']} inputType="url" errorPath="urls" onSave={(urls) => save({ urls })} render={(m) => <a href={m.value} rel="noreferrer noopener" target="_blank">{m.value.replace(/^https?:\/\/(www\.)?/, '')}</a>} />
          </section>
          <section className="card" aria-labelledby="relationship">
            <h2 id="relationship">Relationship</h2>
            <CircleField contact={contact} onSave={(circle) => run(() => save({ circle }))} />
            {text('metHow', 'How we met', { multiline: true })}
            {text('metOn', 'Met on', { type: 'date', display: (v) => formatCalendarDate(v) })}
            <TagsEditor contactId={contact.id} tags={contact.tags} onSave={(tags) => save({ tags })} />
            <DimensionsEditor contactId={contact.id} dimensions={contact.dimensions} onSave={(dimensions) => save({ dimensions })} />
          </section>
          <KeepInTouchCard contact={contact} />
          <StrengthCard contactId={contact.id} />
          <MilestonesCard contact={contact} />
          <GiveAndTakeCard contact={contact} />
          <section className="card" aria-labelledby="notes">
            <h2 id="notes">Notes</h2>
            {text('notes', 'Notes', { multiline: true, placeholder: 'Add notes' })}
          </section>
          <p className="muted small">Added {formatDate(contact.createdAt, user.timeZone)} · times in {user.timeZone}</p>
        </div>
        <section className="contact-timeline" aria-labelledby="timeline">
          <h2 id="timeline">Timeline</h2>
          <Timeline contactId={contact.id} onLog={logWith} />
        </section>
      </div>
    </div>
  );
}

function CircleField({ contact, onSave }: { contact: Contact; onSave: (circle: Circle | null) => void }) {
  const id = `circle-${contact.id}`;
  return (
    <div className="prop">
      <label className="prop-label" htmlFor={id}>
        Circle
      </label>
      <select id={id} className="prop-value" value={contact.circle ?? ''} onChange={(e) => onSave((e.target.value || null) as Circle | null)}>
        <option value="">None</option>
        {CIRCLES.map((c) => (
          <option key={c} value={c}>
            {titleCase(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
