import { escapeText, foldLine } from '../../platform/content-lines.js';
import { addDays, localDate, localDater } from '../../platform/dates.js';

/*
 * The iCalendar subscription feed (RFC 5545). Every event is all-day, with a UID that stays the same
 * for the same check-in, follow-up or birthday, so a subscribed calendar updates events in place on
 * its next refresh instead of duplicating them. Written line by line: the feed of a large network
 * has tens of thousands of events, and a general-purpose generator took seconds a thousand.
 */

export interface CalendarInput {
  ownerName: string;
  timeZone: string;
  now: Date;
  due: { id: string; display_name: string; due_at: string; updated_at: string }[];
  followUps: { id: string; text: string; due: string; summary: string; updatedAt: string }[];
  birthdays: { id: string; display_name: string; birth_year: number | null; birth_month: number | null; birth_day: number | null; updated_at: string }[];
}

/** 2026-02-05T10:00:00.000Z → 20260205T100000Z */
const stamp = (iso: string) => `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
/** 2026-02-05 → 20260205 */
const day = (date: string) => date.replaceAll('-', '');

interface AllDayEvent {
  uid: string;
  date: string;
  summary: string;
  description: string | null;
  rrule: string | null;
  lastModified: string;
}

/** An event's lines; `nextDay` gives the day after a date (events share few dates). */
function event(e: AllDayEvent, dtstamp: string, nextDay: (date: string) => string): string {
  // One template per event rather than a list of lines: a feed has tens of thousands of events.
  return (
    `BEGIN:VEVENT\r\nUID:${e.uid}\r\nSEQUENCE:0\r\nDTSTAMP:${dtstamp}\r\n` +
    `DTSTART;VALUE=DATE:${day(e.date)}\r\nDTEND;VALUE=DATE:${day(nextDay(e.date))}\r\n` +
    // Outlook shows the event as all-day only with these.
    'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\nX-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE\r\n' +
    (e.rrule ? `RRULE:${e.rrule}\r\n` : '') +
    `${foldLine(`SUMMARY:${escapeText(e.summary)}`)}\r\n` +
    (e.description ? `${foldLine(`DESCRIPTION:${escapeText(e.description)}`)}\r\n` : '') +
    // Stored instants are ISO 8601 in UTC on both databases.
    `LAST-MODIFIED:${stamp(e.lastModified)}\r\nEND:VEVENT`
  );
}

export function buildCalendar(input: CalendarInput): string {
  const today = localDate(input.now, input.timeZone);
  const dtstamp = stamp(input.now.toISOString());
  const toLocalDate = localDater(input.timeZone);
  const nextDays = new Map<string, string>();
  const nextDay = (date: string) => nextDays.get(date) ?? nextDays.set(date, addDays(date, 1)).get(date)!;
  const name = escapeText(`Rapport — ${input.ownerName}`);
  const out = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rapport//Rapport//EN',
    foldLine(`NAME:${name}`),
    foldLine(`X-WR-CALNAME:${name}`),
    'X-WR-CALDESC:Check-ins\\, follow-ups and birthdays from Rapport',
    // Ask calendar apps to refresh hourly; most refresh less often anyway.
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const c of input.due) {
    // An overdue check-in is shown today: a reminder in the past would never be seen.
    const due = toLocalDate(new Date(c.due_at));
    out.push(
      event(
        { uid: `checkin-${c.id}@rapport`, date: due < today ? today : due, summary: `Check in with ${c.display_name}`, description: due < today ? `Due since ${due}.` : null, rrule: null, lastModified: c.updated_at },
        dtstamp,
        nextDay,
      ),
    );
  }
  for (const f of input.followUps) {
    out.push(
      event(
        {
          uid: `followup-${f.id}@rapport`,
          date: f.due < today ? today : f.due,
          summary: `Follow up: ${f.text}`,
          description: `From "${f.summary}"${f.due < today ? `, due ${f.due}` : ''}.`,
          rrule: null,
          lastModified: f.updatedAt,
        },
        dtstamp,
        nextDay,
      ),
    );
  }
  for (const b of input.birthdays) {
    if (b.birth_month === null || b.birth_day === null) continue;
    // Without a known year the series starts in 2000, a leap year, so 29 February can start it too.
    const year = b.birth_year ?? 2000;
    const first = `${String(year).padStart(4, '0')}-${String(b.birth_month).padStart(2, '0')}-${String(b.birth_day).padStart(2, '0')}`;
    const leapDay = b.birth_month === 2 && b.birth_day === 29;
    out.push(
      event(
        {
          uid: `birthday-${b.id}@rapport`,
          date: first,
          summary: `${b.display_name}'s birthday`,
          description: null,
          // BYMONTHDAY=-1 is the last day of February: the 29th in leap years, the 28th otherwise.
          rrule: leapDay ? 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'FREQ=YEARLY',
          lastModified: b.updated_at,
        },
        dtstamp,
        nextDay,
      ),
    );
  }
  out.push('END:VCALENDAR', '');
  return out.join('\r\n');
}
