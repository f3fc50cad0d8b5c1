/**
 * The engine's contract (issue 5 item 1): one call per post, findings with clause, message, suggestion and offsets
 * into the text as typed, and the pack version recorded with every check (R10).
 */
import { describe, expect, it } from 'vitest';
import { createPolicyEngine, defaultPack, defaultPolicySettings } from './engine';
import { check, rules } from './testing/check-helpers';
import { CATEGORIES } from './types';

describe('policy engine', () => {
  const engine = createPolicyEngine();

  it('records the pack version with every check', () => {
    const r = engine.check({ id: 'p1', platform: 'x', text: 'Bins are collected on Monday.' });
    expect(engine.packVersion).toBe('herald-default@2.11.1');
    expect(r).toEqual({ id: 'p1', findings: [], packVersion: 'herald-default@2.11.1' });
  });

  it('gives the same findings for the same post every time', () => {
    const post = { id: 'p2', platform: 'x', text: 'Call Dave on 07700 900123, the Tories are liars' };
    expect(engine.check(post)).toEqual(engine.check(post));
  });

  it('lists findings in text order, each citing a clause with a message and a suggested fix', () => {
    const text = 'Vote Labour! Email jane.smith@example.com or see https://bit.ly/x';
    const found = check(text);
    expect(rules(found)).toEqual(['party-political.campaigning', 'personal-data.email', 'external-link.shortener']);
    for (const f of found) {
      expect(CATEGORIES).toContain(f.category);
      expect(f.clause).toMatch(/\d{3}_[0-9a-f]{16}\.txt \((ICO13|ICO21|BAR|ICO26|SYP)\)/);
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.suggestion).toBeTruthy();
      expect(f.end).toBeGreaterThan(f.start);
    }
  });

  it('keeps only the stricter of two overlapping findings in one category', () => {
    const found = check('Please use our logo on your posters').filter((f) => f.category === 'branding');
    expect(found.map((f) => f.ruleId)).toEqual(['branding.logo-use']);
  });

  it('refuses to start with a broken pack rather than check without it', () => {
    const pack = defaultPack();
    pack.patterns[0]!.pattern = '(unclosed';
    expect(() => createPolicyEngine(pack)).toThrow(/patterns\.0\.pattern: pattern "\(unclosed" is not a valid RE2 pattern: missing closing \)/);
  });

  it('refuses settings with an impossible office-hours time', () => {
    expect(() => createPolicyEngine(defaultPack(), { ...defaultPolicySettings(), officeHours: { start: '25:00', end: '17:00', days: [1] } })).toThrow(
      /officeHours\.start: a time is HH:MM/,
    );
  });
});
