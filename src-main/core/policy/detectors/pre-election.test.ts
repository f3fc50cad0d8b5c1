/**
 * Pre-election (purdah) periods (R11; ICO13 3.4; BAR 5b, 9f): inside one, political findings block, every post needs
 * a manager's sign-off and naming a councillor or candidate blocks.
 */
import { describe, expect, it } from 'vitest';
import { check, engineWith } from '../testing/check-helpers';

const engine = engineWith({
  preElectionPeriods: [{ name: 'Local elections 2026', start: '2026-03-23', end: '2026-05-07' }],
  candidates: ['Priya Lakeman'],
  now: () => Date.parse('2026-04-01T12:00:00Z'),
});

describe('pre-election period', () => {
  it('needs a manager’s sign-off for every post in the period', () => {
    const found = check('Bins are collected as normal on Monday.', { scheduledAt: '2026-04-10T09:00:00Z' }, engine);
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([['pre-election.manager-sign-off', 'sign-off']]);
    expect(found[0]!.message).toContain('Local elections 2026 (2026-03-23 to 2026-05-07)');
  });

  it('turns party-political findings into blocks', () => {
    const found = check('The Tories want to close the library.', { scheduledAt: '2026-04-10T09:00:00Z' }, engine);
    expect(found.find((f) => f.category === 'party-political')!.severity).toBe('block');
    const outside = check('The Tories want to close the library.', { scheduledAt: '2026-06-10T09:00:00Z' }, engine);
    expect(outside.map((f) => [f.ruleId, f.severity])).toEqual([['party-political.party-named', 'sign-off']]);
  });

  it('blocks naming a councillor or a candidate in the period', () => {
    const found = check('Cllr Jane Smith and Priya Lakeman opened the new park.', { scheduledAt: '2026-04-10T09:00:00Z' }, engine);
    expect(found.filter((f) => f.ruleId === 'pre-election.councillor-named').map((f) => f.severity)).toEqual(['block', 'block']);
  });

  it('checks an untimed post against the clock, since it goes out when approved', () => {
    expect(check('Bins as normal.', {}, engine).map((f) => f.ruleId)).toEqual(['pre-election.manager-sign-off']);
  });
});
