import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useUser } from '../../shared/session';
import { formatDate } from '../../shared/time';
import type { Contact } from '../../shared/types';
import { Icon, useRun, useToast } from '../../shared/ui';
import { useNurtureSettings, usePatchContact, useUnsnooze } from './api';
import { CadencePanel } from './Cadence';
import { cadenceOf, dueLabel } from './model';
import { SnoozePanel } from './Snooze';
import { ToggleBox } from './ToggleBox';
import './nurture.css';

/** How often to keep in touch with this contact, whether to be reminded, when next, and snoozing. */
export function KeepInTouchCard({ contact }: { contact: Contact }) {
  const user = useUser();
  const settings = useNurtureSettings();
  const patch = usePatchContact();
  const unsnooze = useUnsnooze();
  const run = useRun();
  const toast = useToast();
  const id = useId();
  const [panel, setPanel] = useState<'snooze' | 'cadence' | null>(null);
  const cadenceButton = useRef<HTMLButtonElement>(null);
  const snoozeButton = useRef<HTMLButtonElement>(null);
  const now = new Date();
  const snoozed = contact.snoozedUntil !== null && Date.parse(contact.snoozedUntil) > now.getTime();
  const circleDays = contact.circle && settings.data ? settings.data.cadences[contact.circle] : null;
  const cadence = settings.data ? cadenceOf(contact, settings.data) : null;

  const cadenceText = !cadence
    ? '…'
    : cadence.source === 'own'
      ? `Every ${cadence.days} days (their own)`
      : cadence.source === 'circle'
        ? `Every ${cadence.days} days (${contact.circle} circle)`
        : cadence.source === 'off'
          ? 'Reminders are off'
          : 'No circle or cadence yet';
  const circleHint = contact.circle && circleDays !== null ? `Leave it empty to follow their ${contact.circle} circle (every ${circleDays} days).` : 'Leave it empty to follow their circle; they have none yet.';

  return (
    <section className="card" aria-labelledby="keep-in-touch">
      <h2 id="keep-in-touch">Keep in touch</h2>
      <div className="prop">
        <span className="prop-label">Reminders</span>
        <ToggleBox
          className="prop-value reminders-check"
          checked={contact.reminders}
          onToggle={async (on) => {
            await patch.mutateAsync({ contactId: contact.id, patch: { reminders: on } });
            toast({ message: on ? `Rapport will remind you to keep in touch with ${contact.displayName}.` : `No more reminders about ${contact.displayName}.` });
          }}
        >
          Remind me to keep in touch
        </ToggleBox>
      </div>
      {contact.reminders && (
        <div className="prop">
          <span className="prop-label" id={`${id}-cadence`}>
            Cadence
          </span>
          <div className="prop-value">
            <button
              ref={cadenceButton}
              type="button"
              className="prop-value editable"
              aria-describedby={`${id}-cadence`}
              aria-expanded={panel === 'cadence'}
              onClick={() => setPanel(panel === 'cadence' ? null : 'cadence')}
            >
              <span>{cadenceText}</span>
              <Icon name="pen" />
              <span className="visually-hidden">Change cadence</span>
            </button>
            {panel === 'cadence' && (
              <CadencePanel
                contact={contact}
                days={contact.cadenceDays}
                hint={circleHint}
                onClose={() => {
                  setPanel(null);
                  cadenceButton.current?.focus();
                }}
              />
            )}
          </div>
        </div>
      )}
      <div className="prop">
        <span className="prop-label">Next check-in</span>
        <div className="prop-value due-value">
          {contact.dueAt ? (
            <p>
              {snoozed ? 'Snoozed until' : 'Due'} <strong>{formatDate(contact.dueAt, user.timeZone)}</strong> <span className="muted">({dueLabel(contact.dueAt, now)})</span>
            </p>
          ) : (
            <p className="muted">
              {contact.reminders ? (
                <>
                  None: give them a circle or a cadence. Circle cadences are in <Link href="/settings">Settings</Link>.
                </>
              ) : (
                'None: reminders are off.'
              )}
            </p>
          )}
          {contact.dueAt && (
            <div className="button-row">
              {snoozed ? (
                <button type="button" className="btn small" disabled={unsnooze.isPending} onClick={() => run(async () => {
                  await unsnooze.mutateAsync(contact.id);
                  toast({ message: `${contact.displayName} is no longer snoozed.` });
                })}>
                  End snooze
                </button>
              ) : (
                <button ref={snoozeButton} type="button" className="btn small" aria-expanded={panel === 'snooze'} onClick={() => setPanel(panel === 'snooze' ? null : 'snooze')}>
                  Snooze
                </button>
              )}
            </div>
          )}
          {panel === 'snooze' && !snoozed && (
            <SnoozePanel
              contact={contact}
              onClose={() => {
                setPanel(null);
                snoozeButton.current?.focus();
              }}
            />
          )}
        </div>
      </div>
    </section>
  );
}
