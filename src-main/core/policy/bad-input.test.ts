/**
 * Bad input (issue 5): empty text, 1 MB of text, lone surrogates, direction-changing and other hidden characters, a
 * pattern that would backtrack catastrophically, and an edited pack with a broken pattern. Each gives a clear result
 * in time linear in the text, and nothing throws.
 */
import { describe, expect, it } from 'vitest';
import { createPolicyEngine, defaultPack, validatePack } from './engine';
import { check, rules } from './testing/check-helpers';

const PARAGRAPH =
  'Bin collections over the bank holiday: if your bin is normally emptied on Monday, it will be collected on Tuesday instead. Check your new day at https://www.anytown.gov.uk/bins or call us on 0300 123 4567. Thank you! #RecycleRight\n';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

describe('bad input', () => {
  it('checks an empty post without complaint, except where the platform needs media', () => {
    expect(check('')).toEqual([]);
    expect(rules(check('', { platform: 'instagram', media: [] }))).toEqual(['length.media-required']);
  });

  it('checks 1 MB of text in linear time and says it is too long', () => {
    const engine = createPolicyEngine();
    const text = (n: number) => PARAGRAPH.repeat(Math.ceil(n / PARAGRAPH.length)).slice(0, n);
    engine.check({ id: 'warm', platform: 'x', text: text(20_000) });
    const small = timed(() => engine.check({ id: 's', platform: 'x', text: text(100_000) }));
    const big = timed(() => engine.check({ id: 'b', platform: 'x', text: text(1_000_000) }));
    expect(big.value.findings.map((f) => f.ruleId)).toContain('length.text-too-long');
    expect(big.ms).toBeLessThan(5_000);
    // Ten times the text, about ten times the time (generous for a shared machine): no quadratic blow-up.
    expect(big.ms / Math.max(small.ms, 1)).toBeLessThan(30);
  });

  it('reports lone surrogates as broken characters instead of failing', () => {
    const text = 'Half an emoji \uD83D and a stray \uDC00 here';
    expect(() => check(text)).not.toThrow();
    expect(rules(check(text))).toEqual(['hidden-text.lone-surrogate', 'hidden-text.lone-surrogate']);
  });

  it('makes right-to-left overrides and other hidden characters findings of their own', () => {
    const text = 'Visit \u202Egro.elpmaxe\u202C and s\u200Bh\u200Bi\u200Bt';
    const found = check(text);
    expect(found.filter((f) => f.category === 'hidden-text').map((f) => [f.ruleId, text.slice(f.start, f.end)])).toEqual([
      ['hidden-text.bidi-control', '\u202E'],
      ['hidden-text.bidi-control', '\u202C'],
      ['hidden-text.zero-width', '\u200B'],
      ['hidden-text.zero-width', '\u200B'],
      ['hidden-text.zero-width', '\u200B'],
    ]);
    // The zero-width spaces do not hide the word from the profanity check either.
    expect(found.find((f) => f.category === 'profanity')).toBeDefined();
  });

  it('runs a catastrophically backtracking pattern from a pack in linear time (RE2)', () => {
    const pack = defaultPack();
    pack.patterns.push({ rule: 'personal-data.case-reference', pattern: '(a+)+$' });
    pack.patterns.push({ rule: 'personal-data.case-reference', pattern: '^(\\w+\\s?)*$' });
    const engine = createPolicyEngine(pack);
    engine.check({ id: 'warm', platform: 'facebook', text: 'aaaa!' });
    // A backtracking engine needs about 2^n steps for these on n = 30 characters (minutes); RE2 needs about n.
    const short = timed(() => engine.check({ id: 'e', platform: 'facebook', text: `${'a'.repeat(30)}!` }));
    expect(short.ms).toBeLessThan(250);
    const long = timed(() => engine.check({ id: 'e', platform: 'facebook', text: `${'a'.repeat(50_000)}!` }));
    expect(long.ms).toBeLessThan(3_000);
  });

  it('refuses an edited pack with a broken pattern, with a clear message, and never runs without it', () => {
    const pack = defaultPack();
    pack.patterns[0]!.pattern = '[A-Z{2}';
    const r = validatePack(pack);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^patterns\.0\.pattern: pattern "\[A-Z\{2\}" is not a valid RE2 pattern: missing closing \]/);
    expect(() => createPolicyEngine(pack)).toThrow(/The rule pack cannot be used/);
  });

  it('treats a missing text as empty rather than crashing', () => {
    const engine = createPolicyEngine();
    expect(engine.check({ id: 'n', platform: 'facebook', text: undefined as unknown as string }).findings).toEqual([]);
  });
});
