/**
 * UK formats for dates and times. Instants are stored as UTC epoch ms and shown in Europe/London (DESIGN.md rule 4);
 * calendar dates (YYYY-MM-DD) have no time zone and are shown as written.
 */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const calendarDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** e.g. "24 Nov 2026, 19:05:12" (London time, GMT or BST as it was then). */
export function formatDateTime(epochMs: number): string {
  return dateTime.format(new Date(epochMs));
}

/** e.g. "3 Mar 2026" for "2026-03-03"; the input unchanged if it is not a date. */
export function formatCalendarDate(iso: string | null): string {
  if (!iso) return 'Not recorded';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return calendarDate.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** The machine-readable form for a <time dateTime> attribute. */
export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

const wordsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** e.g. "Saturday 5 December 2026 at 23:00 (UK time)", whatever the computer's own time zone. */
export function londonWords(epochMs: number): string {
  const p: Record<string, string> = {};
  for (const part of wordsFormat.formatToParts(new Date(epochMs))) if (part.type !== 'literal') p[part.type] = part.value;
  return `${p.weekday} ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute} (UK time)`;
}

/** The London date and time of an instant, as the composer's fields hold them: day, month, year and "HH:MM". */

const clockTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** e.g. "21:14", London time. */
export function formatTime(epochMs: number): string {
  return clockTime.format(new Date(epochMs));
}
