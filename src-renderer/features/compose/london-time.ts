/**
 * Posting times are typed as a date and a 24-hour time in UK time (Europe/London) and stored as UTC epoch ms
 * (DESIGN.md rule 4). London is GMT (UTC+0) in winter and BST (UTC+1) in summer, so a wall-clock time has one
 * instant, none (01:00-01:59 on the last Sunday of March, when the clocks go forward) or two (01:00-01:59 on the last
 * Sunday of October, when they go back). Intl knows the rules, so no time-zone table is copied here: each of the two
 * possible instants is formatted back in London and kept if it reads as the time asked for.
 */
const HOUR = 3_600_000;

const fieldsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

type Fields = { year: number; month: number; day: number; hour: number; minute: number };

function londonFields(epochMs: number): Fields {
  const out: Record<string, number> = {};
  for (const p of fieldsFormat.formatToParts(new Date(epochMs))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year ?? 0, month: out.month ?? 0, day: out.day ?? 0, hour: out.hour ?? 0, minute: out.minute ?? 0 };
}

export type LondonInstant =
  | { ok: true; epochMs: number; zone: 'GMT' | 'BST'; ambiguous: boolean }
  | { ok: false; reason: 'no-such-time' };

/**
 * The UTC instant of a London wall-clock time. `isoDate` is YYYY-MM-DD (already a real date), `hour` 0-23, `minute`
 * 0-59. In the October overlap the first (BST) occurrence is chosen, the earlier of the two, and `ambiguous` says so.
 */
export function londonToUtc(isoDate: string, hour: number, minute: number): LondonInstant {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`not an ISO date: ${isoDate}`);
  const want: Fields = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour, minute };
  const wall = Date.UTC(want.year, want.month - 1, want.day, hour, minute);
  // BST (UTC+1) first, so that in the October overlap the earlier instant wins.
  const found = [
    { epochMs: wall - HOUR, zone: 'BST' as const },
    { epochMs: wall, zone: 'GMT' as const },
  ].filter((c) => sameFields(londonFields(c.epochMs), want));
  const first = found[0];
  if (!first) return { ok: false, reason: 'no-such-time' };
  return { ok: true, epochMs: first.epochMs, zone: first.zone, ambiguous: found.length > 1 };
}

function sameFields(a: Fields, b: Fields): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

/** "19:30", "7:30", "19.30" -> hours and minutes; null if it is not a 24-hour time. */
export function parseTime(text: string): { hour: number; minute: number } | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** e.g. "Saturday 5 December 2026 at 23:00 (UK time)": shared with Approvals, so it lives with the other UK formats. */
export { londonWords } from '../../ui/format';

export function londonParts(epochMs: number): { day: string; month: string; year: string; time: string } {
  const f = londonFields(epochMs);
  return {
    day: String(f.day),
    month: String(f.month),
    year: String(f.year),
    time: `${String(f.hour).padStart(2, '0')}:${String(f.minute).padStart(2, '0')}`,
  };
}
