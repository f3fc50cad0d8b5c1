/**
 * Rule packs are data an organisation edits (R10; DESIGN.md rule 8). validatePack is the gate: a broken or incomplete
 * pack is refused with a message saying what to fix, never half-applied.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPolicyEngine, defaultPack, validatePack } from './engine';
import { DETECTOR_RULES } from './rule-ids';

const SEEDS = ['000_612e3986e5d435b9.txt', '001_76bbf039ba0ec565.txt', '002_10d59e3fea5b670d.txt', '003_10d62ef96336f11e.txt', '004_9898d18a29b66f70.txt'];

describe('rule packs', () => {
  it('ships a valid, versioned default pack in which every rule cites its clause', () => {
    const json = JSON.parse(readFileSync(new URL('../../../resources/rule-packs/herald-default.json', import.meta.url), 'utf8'));
    const r = validatePack(json);
    expect(r.ok).toBe(true);
    expect(json.packId).toBe('herald-default');
    expect(json.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const [id, rule] of Object.entries(json.rules as Record<string, { clause: string }>)) {
      if (id.startsWith('length.') || id === 'hidden-text.lone-surrogate') continue; // platform rules, not policy clauses
      expect(SEEDS.some((s) => rule.clause.includes(s)), `${id}: ${rule.clause}`).toBe(true);
    }
  });

  it('refuses an edited pack with a broken pattern, saying which pattern and why', () => {
    const pack = defaultPack();
    pack.patterns.push({ rule: 'personal-data.case-reference', pattern: 'REF-(\\d+' });
    const r = validatePack(pack);
    // The pattern is quoted as it is written in the pack's JSON file.
    const at = pack.patterns.length - 1;
    expect(r).toEqual({ ok: false, errors: [`patterns.${at}.pattern: pattern "REF-(\\\\d+" is not a valid RE2 pattern: missing closing ): \`REF-(\\d+\``] });
  });

  it('refuses backreferences and lookbehinds, which RE2 cannot run in linear time', () => {
    for (const pattern of ['(a)\\1', '(?<=x)y']) {
      const pack = defaultPack();
      pack.patterns[0]!.pattern = pattern;
      const r = validatePack(pack);
      expect(r.ok).toBe(false);
    }
  });

  it('refuses a pack that leaves out a rule the checks raise', () => {
    const pack = defaultPack();
    delete (pack.rules as Record<string, unknown>)['personal-data.nhs-number'];
    const r = validatePack(pack);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('rules.personal-data.nhs-number: rule "personal-data.nhs-number" is missing: every rule the checks raise needs a severity, clause and message');
  });

  it('refuses an empty word list that would switch a check off', () => {
    const pack = defaultPack();
    pack.parties.unambiguous = [];
    const r = validatePack(pack);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/parties\.unambiguous: this list cannot be empty/);
  });

  it('refuses a pack with no cue list left for a category', () => {
    const pack = defaultPack();
    pack.cues = pack.cues.filter((c) => pack.rules[c.rule]?.category !== 'security-clearance');
    const r = validatePack(pack);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('cues: no cue list raises a "security-clearance" finding: removing them all would switch that check off');
  });

  it('refuses a cue list that points at a rule the pack does not define, and a rule in the wrong category', () => {
    const pack = defaultPack();
    pack.cues.push({ rule: 'legal.made-up', phrases: ['x'] });
    pack.rules['profanity.mild']!.category = 'branding';
    const r = validatePack(pack);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join('\n')).toContain('refers to rule "legal.made-up", which the pack does not define');
      expect(r.errors.join('\n')).toContain('rule "profanity.mild" belongs to category "profanity"');
    }
  });

  it('refuses things that are not packs at all', () => {
    for (const json of [null, 42, 'pack', [], {}]) expect(validatePack(json).ok).toBe(false);
  });

  it('covers every rule the detectors can raise', () => {
    const pack = defaultPack();
    for (const id of Object.keys(DETECTOR_RULES)) expect(pack.rules[id], id).toBeDefined();
  });

  it("takes an organisation's own words, patterns, domains and severities without code changes", () => {
    const pack = defaultPack();
    pack.version = '1.1.0';
    pack.profanity.extraWords.moderate.push('gobshite');
    pack.patterns.push({ rule: 'personal-data.case-reference', pattern: '\\bHB\\d{8}\\b' });
    pack.links.allowDomains.push('visitanytown.co.uk');
    pack.rules['accessibility.all-caps']!.severity = 'sign-off';
    const engine = createPolicyEngine(pack);
    expect(engine.packVersion).toBe('herald-default@1.1.0');
    const text = 'WHAT A TOTAL GOBSHITE. Claim HB12345678. See https://www.visitanytown.co.uk/events';
    const found = engine.check({ id: 'o', platform: 'facebook', text }).findings.map((f) => `${f.ruleId}:${f.severity}`);
    expect(found).toEqual(['accessibility.all-caps:sign-off', 'profanity.moderate:sign-off', 'personal-data.case-reference:sign-off']);
  });
});
