/**
 * Europe/London local time (R13, R14): the arithmetic path agrees with Intl across daylight-saving changes.
 */
import { describe, expect, it } from 'vitest';
import { bankHolidays, describeLondon, londonTime } from './london-time';

const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' });
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

describe('London time', () => {
  it('agrees with Intl every 37 minutes through two years, both clock changes included', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 37 * 60_000) {
      const p = Object.fromEntries(intl.formatToParts(t).map((x) => [x.type, x.value]));
      expect(londonTime(t)).toEqual({ date: `${p.year}-${p.month}-${p.day}`, year: Number(p.year), weekday: WEEKDAY[p.weekday!], minutes: Number(p.hour) * 60 + Number(p.minute) });
    }
  });

  it('describes a time as people in the UK say it', () => {
    expect(describeLondon(Date.parse('2026-03-29T00:59:00Z'))).toBe('Sunday 29 March 2026 at 00:59');
    expect(describeLondon(Date.parse('2026-03-29T01:00:00Z'))).toBe('Sunday 29 March 2026 at 02:00');
  });

  it('knows each nation’s bank holidays', () => {
    expect(bankHolidays('england-and-wales', 2026).has('2026-04-06')).toBe(true); // Easter Monday
    expect(bankHolidays('scotland', 2026).has('2026-04-06')).toBe(false);
    expect(bankHolidays('scotland', 2026).get('2026-11-30')).toBe('St Andrew’s Day');
    expect(bankHolidays('northern-ireland', 2026).has('2026-03-17')).toBe(true); // St Patrick's Day
  });
});
