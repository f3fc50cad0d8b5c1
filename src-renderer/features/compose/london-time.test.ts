/** UK time to UTC across the clock changes (Europe/London: last Sunday of March and of October, at 01:00 UTC). */
import { describe, expect, it } from 'vitest';
import { londonParts, londonToUtc, londonWords, parseTime } from './london-time';

const utc = (s: string) => Date.parse(s);

describe('londonToUtc', () => {
  it('reads winter times as GMT and summer times as BST', () => {
    expect(londonToUtc('2026-12-05', 23, 0)).toEqual({ ok: true, epochMs: utc('2026-12-05T23:00:00Z'), zone: 'GMT', ambiguous: false });
    expect(londonToUtc('2026-07-04', 19, 30)).toEqual({ ok: true, epochMs: utc('2026-07-04T18:30:00Z'), zone: 'BST', ambiguous: false });
  });

  it('handles the day the clocks go forward (29 March 2026)', () => {
    expect(londonToUtc('2026-03-29', 0, 59)).toMatchObject({ ok: true, epochMs: utc('2026-03-29T00:59:00Z'), zone: 'GMT' });
    expect(londonToUtc('2026-03-29', 1, 0)).toEqual({ ok: false, reason: 'no-such-time' });
    expect(londonToUtc('2026-03-29', 1, 59)).toEqual({ ok: false, reason: 'no-such-time' });
    expect(londonToUtc('2026-03-29', 2, 0)).toMatchObject({ ok: true, epochMs: utc('2026-03-29T01:00:00Z'), zone: 'BST' });
    expect(londonToUtc('2026-03-28', 23, 0)).toMatchObject({ ok: true, epochMs: utc('2026-03-28T23:00:00Z') });
  });

  it('handles the day the clocks go back (25 October 2026), choosing the first 01:30', () => {
    expect(londonToUtc('2026-10-25', 0, 30)).toMatchObject({ ok: true, epochMs: utc('2026-10-24T23:30:00Z'), zone: 'BST', ambiguous: false });
    expect(londonToUtc('2026-10-25', 1, 30)).toEqual({ ok: true, epochMs: utc('2026-10-25T00:30:00Z'), zone: 'BST', ambiguous: true });
    expect(londonToUtc('2026-10-25', 2, 0)).toMatchObject({ ok: true, epochMs: utc('2026-10-25T02:00:00Z'), zone: 'GMT', ambiguous: false });
  });

  it('round-trips through londonParts', () => {
    for (const at of ['2026-03-29T01:00:00Z', '2026-10-25T01:30:00Z', '2027-01-01T00:00:00Z']) {
      const p = londonParts(utc(at));
      const iso = `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`;
      const t = parseTime(p.time)!;
      const back = londonToUtc(iso, t.hour, t.minute);
      // The second 01:30 in October reads as the first; every other instant comes back exactly.
      if (at === '2026-10-25T01:30:00Z') expect(back).toMatchObject({ ok: true, epochMs: utc('2026-10-25T00:30:00Z') });
      else expect(back).toMatchObject({ ok: true, epochMs: utc(at) });
    }
  });
});

describe('londonWords', () => {
  it('says the day, date and time in UK time', () => {
    expect(londonWords(utc('2026-12-05T23:00:00Z'))).toBe('Saturday 5 December 2026 at 23:00 (UK time)');
    expect(londonWords(utc('2026-07-04T18:30:00Z'))).toBe('Saturday 4 July 2026 at 19:30 (UK time)');
  });
});

describe('parseTime', () => {
  it('accepts 24-hour times and refuses anything else', () => {
    expect(parseTime('19:30')).toEqual({ hour: 19, minute: 30 });
    expect(parseTime('7.05')).toEqual({ hour: 7, minute: 5 });
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('7pm')).toBeNull();
    expect(parseTime('')).toBeNull();
  });
});
