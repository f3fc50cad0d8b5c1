/**
 * The pack's cue classifier (cue-model.ts, detectors/cue-model.ts): a linear model per category that catches
 * paraphrases the phrase rules miss, shipped as data in the pack and raised as sign-off only.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CueModel, featureName, lengthScale, walkFeatures, type ClassifierSection } from '../cue-model';
import { CheckContext } from '../check-context';
import { compilePack } from '../compile-pack';
import { createPolicyEngine, defaultPack, defaultPolicySettings, validatePack } from '../engine';
import { check, serious } from '../testing/check-helpers';
import { createTextView } from '../text-view';

const section = () => defaultPack().classifier!;
const modelFindings = (text: string) => check(text).filter((f) => f.ruleId.endsWith('.model'));
/** An allegation about a named business in words no phrase rule lists (and no training or test post uses). */
const ALLEGATION = 'Holloway Glazing Ltd have been taking pensioners for a ride for years. Do not let them near your house.';

/** The reference scoring: the features as strings, looked up in the pack's JSON (what the training script sees). */
function referenceScores(s: ClassifierSection, text: string): number[] {
  const sums = s.categories.map(() => 0);
  const words = walkFeatures<string>(
    createTextView(text),
    (w) => w,
    (a, b) => s.weights[featureName(a, b)]?.forEach((w, c) => (sums[c]! += w)),
  );
  return sums.map((x, c) => s.bias[c]! + lengthScale(words) * x);
}

describe('cue classifier', () => {
  it('lets a cue’s exception quiet the classifier for its category, unless the cue says its exceptions are narrow', () => {
    // A made-up cue on the first word of ALLEGATION, with the second as its requirement and the third as its exception.
    const cue = (unlessExcuses?: boolean) => {
      const pack = defaultPack();
      const words = ALLEGATION.toLowerCase().match(/[a-z]+/g)!;
      pack.cues.push({ rule: 'defamation.allegation-named', phrases: [words[0]!], requires: { phrases: [words[1]!], within: 200 }, unless: { phrases: [words[2]!], within: 200 }, ...(unlessExcuses === undefined ? {} : { unlessExcuses }) });
      return createPolicyEngine(pack, defaultPolicySettings());
    };
    const model = (e: ReturnType<typeof createPolicyEngine>) => check(ALLEGATION, {}, e).filter((f) => f.ruleId === 'defamation.model');
    expect(model(cue())).toEqual([]);
    expect(model(cue(false)).length).toBe(1);
  });

  it('flags an unseen paraphrase of an allegation about a named business', () => {
    const text = ALLEGATION;
    const found = serious(check(text)).filter((f) => f.category === 'defamation');
    expect(found.map((f) => f.ruleId)).toEqual(['defamation.model']);
    expect(found[0]!.severity).toBe('sign-off');
    expect(found[0]!.clause).toContain('(BAR) 9a');
    expect(found[0]!.message).toMatch(/^This reads like an allegation about a named person or business \(defamation\)/);
    expect(found[0]!.suggestion).toBeTruthy();
  });

  it('does not flag a scam warning', () => {
    const text =
      'Scam alert: cold callers are going door to door claiming to be from the council and offering cheap loft insulation. We never sell door to door. If in doubt, shut the door and report it to Action Fraud on 0300 123 2040.';
    expect(modelFindings(text)).toEqual([]);
    expect(serious(check(text))).toEqual([]);
  });

  it('leaves everyday service posts alone', () => {
    for (const text of [
      'Bins will be collected a day later than usual next week because of the bank holiday.',
      'The library on Station Road reopens on Monday with longer opening hours. Come and see the new children’s corner!',
      'Gritters are out tonight on all priority routes. Please drive carefully and check on elderly neighbours.',
    ])
      expect(modelFindings(text), text).toEqual([]);
  });

  it('points a finding at the words that weighed most, as offsets into the text as typed', () => {
    const text = ALLEGATION;
    // The same post with an emoji and a zero-width space in front: offsets still point into the original text.
    const disguised = `\u{1F6A7}\u200b ${text}`;
    for (const t of [text, disguised]) {
      const f = modelFindings(t).find((x) => x.category === 'defamation')!;
      expect(f).toBeDefined();
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeGreaterThan(f.start);
      expect(f.end).toBeLessThanOrEqual(t.length);
      const span = t.slice(f.start, f.end);
      // Whole words, at most four of them, and quoted in the message.
      expect(span).toMatch(/^[A-Za-z0-9][\w' ]*[A-Za-z0-9]$/);
      expect(span.split(' ').length).toBeLessThanOrEqual(4);
      expect(/\w/.test(t[f.start - 1] ?? ' ')).toBe(false);
      expect(/\w/.test(t[f.end] ?? ' ')).toBe(false);
      expect(f.message).toContain(`“${span}”`);
    }
  });

  it('is skipped for a category whose phrase rules already fired', () => {
    const text = 'Acme Skips Ltd are crooks who fly-tip everything they collect. Avoid them.';
    const found = serious(check(text)).filter((f) => f.category === 'defamation');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => !f.ruleId.endsWith('.model'))).toBe(true);
  });

  it('never blocks, even inside a pre-election period', () => {
    const engine = createPolicyEngine(defaultPack(), { ...defaultPolicySettings(), preElectionPeriods: [{ name: 'By-election', start: '2026-01-01', end: '2026-12-31' }] });
    const text = ALLEGATION;
    const r = engine.check({ id: 'p', platform: 'x', text, scheduledAt: '2026-06-01T10:00:00Z' });
    const model = r.findings.filter((f) => f.ruleId.endsWith('.model'));
    expect(model.length).toBeGreaterThan(0);
    expect(model.every((f) => f.severity === 'sign-off')).toBe(true);
  });

  it('scores exactly as the training script computes features, for any text', () => {
    const s = section();
    const compiled = compilePack(defaultPack(), defaultPolicySettings());
    const model = compiled.model!;
    expect(model).toBeInstanceOf(CueModel);
    const close = (text: string) => {
      const want = referenceScores(s, text);
      const ctx = new CheckContext(compiled, defaultPolicySettings(), { id: 't', platform: 'x', text });
      const got = Array.from(model.score(ctx.view));
      want.forEach((x, c) => expect(got[c], text).toBeCloseTo(x, 4));
    };
    const sets = ['uk-posts', 'dev-cues'].map((f) => new URL(`../../../../resources/policy-testset/${f}.jsonl`, import.meta.url));
    for (const file of sets)
      for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, 150)) close((JSON.parse(line) as { text: string }).text);
    const word = fc.constantFrom('the', 'Acme', 'Ltd', "council's", "don't", 'are', 'cowboys', 'embezzlers', 'Police', '07700', '?', '@acme', 'me@x.uk', 'http://x.uk', '.', '\n', ' \n ', 'NHS', "'", 'É', 'vote', '\u00a0', '\u2028', '🙂', '(Acme)', 'a.b', '•', '"', "'Avoid", "say: '", "dogs'");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.constantFrom(' ', '', '  '), (words, sep) => close(words.join(sep))),
      { numRuns: 500 },
    );
  });

  it('counts a quotation as a feature, so quoting another body reads differently from speaking as it', () => {
    const shapesOf = (text: string) => {
      const found: string[] = [];
      walkFeatures<string>(createTextView(text), (w) => w, (a, b) => b === null && a.startsWith('<') && found.push(a));
      return found;
    };
    expect(shapesOf("Millshire Police say: 'Avoid Station Road tonight.'")).toContain('<quote>');
    expect(shapesOf('The “Winter Warmers” scheme opens today.')).toContain('<quote>');
    expect(shapesOf("The council's dogs' home is open.")).not.toContain('<quote>');
  });

  it('still accepts a classifier trained on the earlier feature spec (herald-cue-1 has no quotation feature)', () => {
    const pack = defaultPack();
    pack.classifier!.features = 'herald-cue-1';
    expect(validatePack(pack).ok).toBe(true);
  });

  it('keeps working with a pack that has no classifier (packs before 1.2.0)', () => {
    const pack = defaultPack();
    delete pack.classifier;
    const engine = createPolicyEngine(pack);
    const r = engine.check({ id: 'p', platform: 'x', text: 'Holloway Glazing Ltd have been fleecing pensioners for years. Do not let them near your house.' });
    expect(r.findings.filter((f) => f.ruleId.endsWith('.model'))).toEqual([]);
  });
});

describe('a pack with a malformed classifier', () => {
  const refused = (edit: (c: ClassifierSection & Record<string, unknown>, rules: Record<string, unknown>) => void) => {
    const pack = defaultPack();
    edit(pack.classifier as ClassifierSection & Record<string, unknown>, pack.rules);
    const r = validatePack(pack);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors;
  };

  it('is refused, saying what is wrong, never run without its model', () => {
    expect(refused((c) => c.weights.council!.pop())).toContain('classifier.weights.council: needs one weight per category (7), has 6');
    expect(refused((c) => (c.weights.council = ['high'] as unknown as number[]))).toContain('classifier.weights.council: needs one weight per category (7), has 1');
    expect(refused((c) => (c.weights.council![0] = 'high' as unknown as number))).toContain('classifier.weights.council: every weight must be a number');
    expect(refused((c) => (c.weights['three word feature'] = [0, 0, 0, 0, 0, 0, 0]))).toContain('classifier.weights.three word feature: a feature is one word or two words separated by one space');
    expect(refused((c) => c.threshold.pop())).toContain('classifier.threshold: needs one threshold per category (7), has 6');
    expect(refused((c) => (c.threshold[0] = 1.5))).toContain('classifier.threshold.0: a threshold is a probability below 1');
    expect(refused((c) => (c.bias = 'none' as unknown as number[]))[0]).toMatch(/^classifier\.bias: /);
    expect(refused((c) => (c.features = 'herald-cue-0'))[0]).toMatch(/^classifier\.features: the classifier was trained on feature spec .* retrain it/);
    expect(refused((c) => c.categories.push('profanity'))).toContain('classifier.categories.7: the classifier flags "profanity" but the pack has no rule "profanity.model" to raise (severity, clause, message)');
    expect(refused((_, rules) => delete rules['defamation.model'])).toContain('classifier.categories.2: the classifier flags "defamation" but the pack has no rule "defamation.model" to raise (severity, clause, message)');
    expect(refused((c) => (c.weights = [] as unknown as Record<string, number[]>))).toContain('classifier.weights: weights is an object: feature -> one weight per category');
  });

  it('is refused by the engine too', () => {
    const pack = defaultPack();
    pack.classifier!.bias.pop();
    expect(() => createPolicyEngine(pack)).toThrow(/classifier\.bias: needs one bias per category/);
  });
});

describe('long posts', () => {
  it('leaves a post of more than MAX_MODEL_WORDS words to the phrase rules', async () => {
    const { MAX_MODEL_WORDS } = await import('./cue-model');
    const { check } = await import('../testing/check-helpers');
    // A short post the classifier alone flags; buried in a long, ordinary update it no longer raises a model finding.
    const short = 'Tell us you are a dodgy builder without telling us you are Jim from Acme Builders 😂';
    expect(check(short).some((f) => f.ruleId.endsWith('.model'))).toBe(true);
    const filler = 'The library opens at nine and the leisure centre pool reopens on Monday after its refit. ';
    const long = filler.repeat(Math.ceil(MAX_MODEL_WORDS / 16) + 1) + short;
    expect(long.split(/\s+/).length).toBeGreaterThan(MAX_MODEL_WORDS);
    expect(check(long).some((f) => f.ruleId.endsWith('.model'))).toBe(false);
  });
});
