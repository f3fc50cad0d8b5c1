/**
 * A post timed outside office hours that invites replies gets a finding (R14; ICO13 4.2; SYP 5): office hours in
 * Europe/London with daylight saving, and the bank holidays of the organisation's nation.
 */
import { describe, expect, it } from 'vitest';
import { check, engineWith } from '../testing/check-helpers';

const ooh = (text: string, scheduledAt: string, engine?: ReturnType<typeof engineWith>) =>
  check(text, { scheduledAt }, engine).filter((f) => f.category === 'out-of-hours').map((f) => text.slice(f.start, f.end));

describe('out of hours', () => {
  it('is silent during office hours', () => {
    expect(ooh('What do you think of the new bins?', '2026-03-04T10:00:00Z')).toEqual([]);
  });

  it('flags a Saturday-evening post that asks a question, pointing at the question', () => {
    const text = 'New bins arrive next week. What colour would you choose?';
    expect(ooh(text, '2026-03-07T19:30:00Z')).toEqual(['What colour would you choose?']);
    const f = check(text, { scheduledAt: '2026-03-07T19:30:00Z' }).find((x) => x.category === 'out-of-hours')!;
    expect(f.severity).toBe('sign-off');
    expect(f.message).toContain('Saturday 7 March 2026 at 19:30');
  });

  it('flags "let us know" in the evening, but not a post that invites nothing', () => {
    expect(ooh('Bins are late tonight. Let us know if yours is missed.', '2026-03-04T18:30:00Z')).toEqual(['Let us know']);
    expect(ooh('Bins are collected as normal tomorrow.', '2026-03-04T18:30:00Z')).toEqual([]);
  });

  it('counts asking people to share or post something in the comments as inviting replies', () => {
    expect(ooh('Happy new year! Share one thing you would love to see in your park this year 👇', '2027-01-01T10:00:00Z')).toEqual(['Share one thing']);
    expect(ooh('Lights switch-on tonight: drop a 🎄 in the comments if you are coming', '2026-12-05T18:00:00Z')).toEqual(['in the comments']);
    expect(ooh('Statement on the Riverside fire. We cannot comment further while enquiries continue.', '2026-12-05T18:00:00Z')).toEqual([]);
  });

  it('uses London time: 16:30 UTC in June is 17:30 BST, after hours', () => {
    expect(ooh('Tell us your favourite park!', '2026-06-10T16:30:00Z')).toEqual(['Tell us']);
    expect(ooh('Tell us your favourite park!', '2026-01-14T16:30:00Z')).toEqual([]);
  });

  it('knows the bank holidays of the organisation’s nation', () => {
    // St Andrew's Day 2026 (Monday 30 November) is a bank holiday in Scotland only.
    const text = 'Any questions about your council tax?';
    expect(ooh(text, '2026-11-30T11:00:00Z')).toEqual([]);
    expect(ooh(text, '2026-11-30T11:00:00Z', engineWith({ nation: 'scotland' }))).toEqual([text]);
    const f = check(text, { scheduledAt: '2026-12-28T11:00:00Z' }).find((x) => x.category === 'out-of-hours')!;
    expect(f.message).toContain('Boxing Day (substitute day), a bank holiday');
  });

  it('does not count "Did you know?" or "please don’t reply" as an invitation', () => {
    expect(ooh('Did you know? Garden waste can be composted at home.', '2026-03-07T19:30:00Z')).toEqual([]);
    expect(ooh('Please don’t reply to this post: the team is back on Monday.', '2026-03-07T19:30:00Z')).toEqual([]);
  });

  it('follows configured office hours', () => {
    const engine = engineWith({ officeHours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5, 6] } });
    expect(ooh('Questions? Ask us here.', '2026-03-07T19:30:00Z', engine)).toEqual([]);
  });
});
