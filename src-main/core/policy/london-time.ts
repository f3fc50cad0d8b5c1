/**
 * Local time in Europe/London (with its daylight saving) and UK bank holidays per nation, for office-hours and
 * pre-election checks (R13, R14, ICO13 4.2, SYP 5). date-holidays is right for England and Wales, Scotland and Northern
 * Ireland but costs about 300 us a call (ENVIRONMENT.md), so each nation's holidays are worked out once per year
 * and kept as a set of dates.
 */
import Holidays from 'date-holidays';
import type { Nation } from './settings';

export type LondonTime = {
  /** YYYY-MM-DD in London. */
  date: string;
  year: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
};

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const HOUR = 3_600_000;
const offsetCache = new Map<number, number>();

/** London's offset from UTC in ms for the UTC hour containing epochMs (it changes only on the hour, at 01:00 UTC). */
function offsetAt(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    const p: Record<string, string> = {};
    for (const part of formatter.formatToParts(hour * HOUR)) p[part.type] = part.value;
    const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    offset = local - hour * HOUR;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  return offset;
}

/** Local date, weekday and time in London. The zone's offset comes from Intl once per hour, the rest is arithmetic. */
export function londonTime(epochMs: number): LondonTime {
  const d = new Date(epochMs + offsetAt(epochMs));
  const year = d.getUTCFullYear();
  const date = `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return { date, year, weekday: d.getUTCDay() || 7, minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

const REGION: Record<Nation, string> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };
const holidayCache = new Map<string, Map<string, string>>();

/** The bank holidays of a nation in a year: date -> name. */
export function bankHolidays(nation: Nation, year: number): Map<string, string> {
  const key = `${nation}:${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    days = new Map();
    for (const h of new Holidays('GB', REGION[nation]).getHolidays(year)) {
      if (h.type === 'public' || h.type === 'bank') days.set(h.date.slice(0, 10), h.name);
    }
    holidayCache.set(key, days);
  }
  return days;
}

const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Saturday 3 May 2025 at 19:30" (London time) for messages. */
export function describeLondon(epochMs: number): string {
  const t = londonTime(epochMs);
  const [y, m, d] = t.date.split('-').map(Number);
  const hh = String(Math.floor(t.minutes / 60)).padStart(2, '0');
  const mm = String(t.minutes % 60).padStart(2, '0');
  return `${DAY_NAMES[t.weekday]} ${d} ${MONTH_NAMES[m! - 1]} ${y} at ${hh}:${mm}`;
}

export function parseHhmm(s: string): number {
  const [h, m] = s.split(':').map(Number);
  return h! * 60 + m!;
}
