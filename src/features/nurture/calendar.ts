import ical, { ICalEventRepeatingFreq } from 'ical-generator';
import { addDays, localDate } from '../../platform/dates.js';


/*
 * The iCalendar subscription feed (RFC 5545). Every event is all-day, with a UID that stays the same
 * for the same check-in, follow-up or birthday, so a subscribed calendar updates events in place on
 * its next refresh instead of duplicating them.
 */

export interface CalendarInput {
  ownerName: string;
  timeZone: string;
  now: Date;
  due: { id: string; display_name: string; due_at: string; updated_at: string }[];
  followUps: { id: string; text: string; due: string; summary: string; updatedAt: string }[];
  birthdays: { id: string; display_name: string; birth_year: number | null; birth_month: number | null; birth_day: number | null; updated_at: string }[];
}

const utcDay = (date: string) => new Date(`${date}T00:00:00.000Z`);

export function buildCalendar(input: CalendarInput): string {
  const today = localDate(input.now, input.timeZone);
  const calendar = ical({
    name: `Rapport — ${input.ownerName}`,
    description: 'Check-ins, follow-ups and birthdays from Rapport',
    prodId: { company: 'Rapport', product: 'Rapport', language: 'EN' },
    // Ask calendar apps to refresh hourly; most refresh less often anyway.
    ttl: 60 * 60,
  });
  for (const c of input.due) {
    // An overdue check-in is shown today: a reminder in the past would never be seen.
    const due = localDate(new Date(c.due_at), input.timeZone);
    calendar.createEvent({
      id: `checkin-${c.id}@rapport`,
      start: utcDay(due < today ? today : due),
      end: utcDay(addDays(due < today ? today : due, 1)),
      allDay: true,
      summary: `Check in with ${c.display_name}`,
      description: due < today ? `Due since ${due}.` : null,
      lastModified: new Date(c.updated_at),
      stamp: input.now,
    });
  }
  for (const f of input.followUps) {
    calendar.createEvent({
      id: `followup-${f.id}@rapport`,
      start: utcDay(f.due < today ? today : f.due),
      end: utcDay(addDays(f.due < today ? today : f.due, 1)),
      allDay: true,
      summary: `Follow up: ${f.text}`,
      description: `From "${f.summary}"${f.due < today ? `, due ${f.due}` : ''}.`,
      lastModified: new Date(f.updatedAt),
      stamp: input.now,
    });
  }
  for (const b of input.birthdays) {
    if (b.birth_month === null || b.birth_day === null) continue;
    // Without a known year the series starts in 2000, a leap year, so 29 February can start it too.
    const year = b.birth_year ?? 2000;
    const first = `${String(year).padStart(4, '0')}-${String(b.birth_month).padStart(2, '0')}-${String(b.birth_day).padStart(2, '0')}`;
    const leapDay = b.birth_month === 2 && b.birth_day === 29;
    calendar.createEvent({
      id: `birthday-${b.id}@rapport`,
      start: utcDay(first),
      end: utcDay(addDays(first, 1)),
      allDay: true,
      summary: `${b.display_name}'s birthday`,
      // BYMONTHDAY=-1 is the last day of February: the 29th in leap years, the 28th otherwise.
      repeating: leapDay
        ? { freq: ICalEventRepeatingFreq.YEARLY, byMonth: [2], byMonthDay: [-1] }
        : { freq: ICalEventRepeatingFreq.YEARLY },
      lastModified: new Date(b.updated_at),
      stamp: input.now,
    });
  }
  return calendar.toString();
}
