/**
 * The rule pack: everything an organisation can edit without code changes (R10; DESIGN.md rule 8) - word lists,
 * cue phrases, patterns, allow-lists, and for every rule its severity, the policy clause it cites, its message and a
 * suggested fix. Packs are versioned (`packId` + `version`) and each check records the version it used.
 *
 * `validatePack` is the gate at save and load time: a malformed pack, a pattern RE2 cannot compile, or a pack that
 * leaves out a rule the detectors raise is refused with a message saying what to fix, never half-applied (issue 5,
 * "an edited rule pack with a broken pattern ... is refused at save time and never silently disables checks").
 */
import { z } from 'zod';
import { RE2JS } from 're2js';
import { CATEGORIES } from './types';
import { DETECTOR_RULES } from './rule-ids';
import { markerError } from './inflect';
import { FEATURE_SPEC, FEATURE_SPECS } from './cue-model';

const phrase = z.string().trim().min(1, 'a phrase cannot be empty').max(200);
const phrases = z.array(phrase);
const nonEmptyPhrases = z.array(phrase).min(1, 'this list cannot be empty: an empty list would switch the check off');

const ruleSchema = z.object({
  category: z.enum(CATEGORIES),
  severity: z.enum(['block', 'sign-off', 'advice']),
  clause: z.string().min(1, 'every rule must cite the policy clause it comes from'),
  message: z.string().min(1),
  suggestion: z.string().min(1).optional(),
});

/**
 * Another phrase must occur within `within` characters (anywhere in the post when `within` is absent), on `side`.
 * `gap: "capitalised"`: only capitalised words may stand between ("We are Anytown Fire and Rescue Service").
 */
const requiresSchema = z.object({
  phrases: nonEmptyPhrases,
  within: z.number().int().positive().optional(),
  side: z.enum(['before', 'after', 'either']).optional(),
  gap: z.literal('capitalised').optional(),
});

/** Suppressed by one of these phrases: anywhere in the post, or within `within` characters on `side`. */
const unlessSchema = z.object({ phrases: nonEmptyPhrases, within: z.number().int().positive().optional(), side: z.enum(['before', 'after', 'either']).optional() });

/**
 * A phrase rule: fires where one of `phrases` occurs as whole words, subject to the conditions. In any phrase list, a
 * word ending in "~" also matches its inflections ("cheat~": cheats, cheated, cheating, cheater) and "@name" stands
 * for the pack's lexicon `name` (inflect.ts).
 */
const cueSchema = z.object({
  rule: z.string().min(1),
  phrases: nonEmptyPhrases,
  /** The phrase must appear with exactly these capitals (e.g. "SECRET", not "the secret garden"). */
  caseSensitive: z.boolean().optional(),
  /** A condition (see requiresSchema), or a list of conditions that must all hold (a clause's structure). */
  requires: z.union([requiresSchema, z.array(requiresSchema).min(1)]).optional(),
  /**
   * Suppressed when one of these occurs in the post (e.g. a case already concluded: "was sentenced"), or only within
   * `within` characters on `side` ("thieves" just before "stole": the subject is not the named business); a list of
   * such conditions suppresses when any holds.
   */
  unless: z.union([unlessSchema, z.array(unlessSchema).min(1)]).optional(),
  /** A named person or organisation must be near: `side` of the phrase, within `within` characters. */
  requiresName: z
    .object({
      side: z.enum(['before', 'after', 'either']),
      within: z.number().int().positive(),
      /** Any capitalised word counts as a name (for organisations: "Acme are cowboys"). */
      loose: z.boolean().optional(),
      /** Only an organisation counts ("Use Anytown Skips Ltd"), not a person. */
      organisationOnly: z.boolean().optional(),
      /** Only a person named with one of these titles counts ("I'm Cllr Jones", not "I'm Sarah Jones from parks"). */
      titles: nonEmptyPhrases.optional(),
      /** Rule to raise instead when no name is near; absent: nothing is raised. */
      otherwise: z.string().optional(),
    })
    .optional(),
  /** Suppressed when one of the organisation's own names follows within this many characters ("official account of" us). */
  unlessOwnNameWithin: z.number().int().positive().optional(),
  /**
   * Suppressed when the phrase is a title in a closing sign-off ("... - Jo Bloggs MP" at the end of the post): a title
   * that says who signed is not comment about that office.
   */
  unlessSignOff: z.boolean().optional(),
  /**
   * The wording excuses the rule's category instead of raising it: it says the post is of a kind the category does not
   * cover ("Anytown Library here!": our own service introducing itself), so the classifier stays quiet on it too.
   */
  excuses: z.boolean().optional(),
  /** Raised only when the phrase closes the post as its signature ("... – HMRC"), the way another body signs off. */
  onlyInSignOff: z.boolean().optional(),
  /**
   * false: an "unless" exception only stops this cue; it does not excuse the category for the classifier. For cues
   * whose exceptions are broad ("our", "the council"): they say this wording is harmless here, not that the whole post is.
   */
  unlessExcuses: z.boolean().optional(),
});

/** An organisation-supplied regular expression, compiled with RE2 (linear time: it can never backtrack catastrophically). */
const patternSchema = z.object({
  rule: z.string().min(1),
  pattern: z.string().min(1),
  caseInsensitive: z.boolean().optional(),
  /** Words that must be in the post for the pattern to be tried (keeps checks fast); absent: always tried. */
  triggers: phrases.optional(),
});

const ambiguousPartySchema = z.object({
  /** As written with its capital, e.g. "Labour": the lowercase word is the ordinary sense. */
  word: z.string().min(1),
  /**
   * Capitalised in the middle of a sentence, between two lowercase words ("cuts under Labour have"), the word is the
   * party: only words whose ordinary sense is rarely capitalised there (Labour, Conservatives, Tories, Greens).
   */
  midSentence: z.boolean().optional(),
  followedBy: nonEmptyPhrases,
  precededBy: phrases,
});

const finite = z.number(); // zod 4 refuses Infinity and NaN

/**
 * The cue classifier (cue-model.ts): a linear model per category, trained offline by scripts/train-cue-model.ts.
 * Optional (packs before 1.2.0 have none); when present it must be whole: a broken model is refused, never dropped.
 */
const classifierSchema = z.object({
  features: z.string().refine((f) => FEATURE_SPECS.includes(f), {
    message: `the classifier was trained on feature spec this version of Herald does not compute (it computes "${FEATURE_SPEC}"): retrain it with scripts/train-cue-model.ts or remove the classifier section`,
  }),
  description: z.string().optional(),
  categories: z.array(z.enum(CATEGORIES)).min(1, 'the classifier needs at least one category'),
  /** Probability at or above which a category is flagged, per category. */
  threshold: z.array(z.number().gt(0, 'a threshold is a probability above 0').lt(1, 'a threshold is a probability below 1')),
  bias: z.array(finite),
  /**
   * Feature ("word", "two words", "<n> are") -> one weight per category. Checked by hand in checkClassifier: thousands
   * of small lists would make zod's element-by-element parse a noticeable part of start-up.
   */
  weights: z.custom<Record<string, number[]>>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), 'weights is an object: feature -> one weight per category'),
});

export const rulePackSchema = z
  .object({
    packId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'packId is lowercase letters, digits and hyphens'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is MAJOR.MINOR.PATCH, e.g. 1.2.0'),
    name: z.string().min(1),
    description: z.string().optional(),
    rules: z.record(z.string(), ruleSchema),
    /**
     * Shared word lists that cue phrases refer to as "@name": the allegation words of defamation, the other public
     * bodies of impersonation, the protective markings, and so on. Each must be non-empty.
     */
    lexicons: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a lexicon name is lowercase letters, digits and hyphens'), nonEmptyPhrases),
    /** What counts as a name (names.ts): words ending an organisation's name, and capitalised words that are not names. */
    names: z.object({ organisationSuffixes: nonEmptyPhrases, notNames: nonEmptyPhrases }),
    cues: z.array(cueSchema),
    patterns: z.array(patternSchema),
    profanity: z.object({
      /** obscenity's own words (its `originalWord`) by tier; words not listed are "moderate". */
      tiers: z.object({ slur: phrases, strong: phrases, mild: phrases, sensitive: phrases }),
      /** Words obscenity lacks, added to its data set as whole-word-start patterns, by tier. */
      extraWords: z.object({ slur: phrases, strong: phrases, moderate: phrases, mild: phrases }),
      /** Single words never to flag (place names, surnames, ordinary words); merged with obscenity's own whitelist. */
      allowWords: nonEmptyPhrases,
      /** Multi-word phrases never to flag ("spotted dick", "Scunthorpe United"). */
      allowPhrases: phrases,
    }),
    personalData: z.object({
      roleMailboxes: nonEmptyPhrases,
      nhsContext: nonEmptyPhrases,
      dobContext: nonEmptyPhrases,
      vehicleContext: nonEmptyPhrases,
      bankContext: nonEmptyPhrases,
      organisationNumberCues: phrases,
      /** Words that show an address is a public place (town hall, library), not someone's home. */
      publicPlaceCues: phrases,
      streetTypes: nonEmptyPhrases,
      firstNames: nonEmptyPhrases,
      titles: nonEmptyPhrases,
    }),
    parties: z.object({
      unambiguous: nonEmptyPhrases,
      ambiguous: z.array(ambiguousPartySchema),
      politicalContext: nonEmptyPhrases,
      campaignCues: nonEmptyPhrases,
    }),
    links: z.object({ allowDomains: phrases, shorteners: nonEmptyPhrases }),
    accessibility: z.object({
      acronyms: phrases,
      hashtagWords: nonEmptyPhrases,
      capsMinLetters: z.number().int().min(4),
      readability: z.object({ minWords: z.number().int().min(5), maxWords: z.number().int().min(10), minScore: z.number() }),
      unhelpfulAltText: phrases,
    }),
    outOfHours: z.object({ replyInvites: nonEmptyPhrases, notInvites: phrases }),
    classifier: classifierSchema.optional(),
  })
  .superRefine((pack, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    for (const [id, category] of Object.entries(DETECTOR_RULES)) {
      const r = pack.rules[id];
      if (!r) issue(['rules', id], `rule "${id}" is missing: every rule the checks raise needs a severity, clause and message`);
      else if (r.category !== category) issue(['rules', id, 'category'], `rule "${id}" belongs to category "${category}"`);
    }
    const known = (id: string) => id in pack.rules;
    const markers = (list: readonly string[], path: (string | number)[]) =>
      list.forEach((p, j) => {
        const err = markerError(p, pack.lexicons);
        if (err) issue([...path, j], err);
      });
    for (const [name, list] of Object.entries(pack.lexicons))
      list.forEach((p, j) => {
        if (p.trim().startsWith('@')) issue(['lexicons', name, j], 'a lexicon cannot refer to another lexicon');
        else markers([p], ['lexicons', name]);
      });
    pack.cues.forEach((c, i) => {
      markers(c.phrases, ['cues', i, 'phrases']);
      const reqs = c.requires === undefined ? [] : Array.isArray(c.requires) ? c.requires : [c.requires];
      reqs.forEach((r, k) => markers(r.phrases, ['cues', i, 'requires', ...(Array.isArray(c.requires) ? [k] : []), 'phrases']));
      const unl = c.unless === undefined ? [] : Array.isArray(c.unless) ? c.unless : [c.unless];
      unl.forEach((u, k) => markers(u.phrases, ['cues', i, 'unless', ...(Array.isArray(c.unless) ? [k] : []), 'phrases']));
      if (!known(c.rule)) issue(['cues', i, 'rule'], `cue list refers to rule "${c.rule}", which the pack does not define`);
      if (c.requiresName?.otherwise && !known(c.requiresName.otherwise))
        issue(['cues', i, 'requiresName', 'otherwise'], `refers to rule "${c.requiresName.otherwise}", which the pack does not define`);
    });
    for (const category of CUE_CATEGORIES) {
      if (!pack.cues.some((c) => pack.rules[c.rule]?.category === category))
        issue(['cues'], `no cue list raises a "${category}" finding: removing them all would switch that check off`);
    }
    pack.patterns.forEach((p, i) => {
      if (!known(p.rule)) issue(['patterns', i, 'rule'], `pattern refers to rule "${p.rule}", which the pack does not define`);
      const err = re2Error(p.pattern, p.caseInsensitive);
      if (err) issue(['patterns', i, 'pattern'], `pattern ${JSON.stringify(p.pattern)} is not a valid RE2 pattern: ${err}`);
    });
    if (pack.classifier) checkClassifier(pack.classifier, pack.rules, issue);
    if (!pack.patterns.some((p) => p.rule === 'personal-data.case-reference'))
      issue(['patterns'], 'no case-reference pattern: give at least one pattern for rule "personal-data.case-reference"');
  });

const FEATURE = /^\S+(?: \S+)?$/;

/** Every item a finite number (a plain loop: a classifier has hundreds of thousands of weights to check at load). */
function allFinite(ws: unknown[]): boolean {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (typeof w !== 'number' || !Number.isFinite(w)) return false;
  }
  return true;
}

/** The classifier's parts agree with each other and with the pack's rules (each category raises `<category>.model`). */
function checkClassifier(
  m: z.infer<typeof classifierSchema>,
  rules: Record<string, z.infer<typeof ruleSchema>>,
  issue: (path: (string | number)[], message: string) => void,
): void {
  const n = m.categories.length;
  const seen = new Set<string>();
  m.categories.forEach((c, i) => {
    if (seen.has(c)) issue(['classifier', 'categories', i], `category "${c}" is listed twice`);
    seen.add(c);
    const rule = rules[`${c}.model`];
    if (!rule) issue(['classifier', 'categories', i], `the classifier flags "${c}" but the pack has no rule "${c}.model" to raise (severity, clause, message)`);
    else if (rule.category !== c) issue(['rules', `${c}.model`, 'category'], `rule "${c}.model" belongs to category "${c}"`);
  });
  if (m.threshold.length !== n) issue(['classifier', 'threshold'], `needs one threshold per category (${n}), has ${m.threshold.length}`);
  if (m.bias.length !== n) issue(['classifier', 'bias'], `needs one bias per category (${n}), has ${m.bias.length}`);
  let bad = 0;
  const problem = (feature: string, message: string) => {
    if (bad++ < 5) issue(['classifier', 'weights', feature], message);
  };
  for (const [feature, ws] of Object.entries(m.weights)) {
    if (!FEATURE.test(feature)) problem(feature, 'a feature is one word or two words separated by one space');
    else if (!Array.isArray(ws)) problem(feature, `needs a list of ${n} weights, one per category`);
    else if (ws.length !== n) problem(feature, `needs one weight per category (${n}), has ${ws.length}`);
    else if (!allFinite(ws)) problem(feature, 'every weight must be a number');
  }
  if (bad > 5) issue(['classifier', 'weights'], `and ${bad - 5} more features with the same kind of problem`);
  if (Object.keys(m.weights).length === 0) issue(['classifier', 'weights'], 'the classifier has no weights: remove the classifier section instead');
}

/** Categories whose checks are driven by cue lists in the pack (legal, defamation, confidential, ...). */
export const CUE_CATEGORIES = ['legal-proceedings', 'defamation', 'confidential', 'security-clearance', 'endorsement', 'impersonation', 'branding'] as const;

export type RulePack = z.infer<typeof rulePackSchema>;
export type PackRule = z.infer<typeof ruleSchema>;
export type CueList = z.infer<typeof cueSchema>;
export type PatternRule = z.infer<typeof patternSchema>;

export function re2Error(pattern: string, caseInsensitive?: boolean): string | null {
  try {
    RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    return null;
  } catch (e) {
    return (e as Error).message.replace(/^error parsing regexp: /, '');
  }
}

export type PackValidation = { ok: true; pack: RulePack } | { ok: false; errors: string[] };

/** Checks an edited or loaded pack. Every problem is listed with where it is, so a manager can fix them all at once. */
export function validatePack(json: unknown): PackValidation {
  const r = rulePackSchema.safeParse(json);
  if (r.success) return { ok: true, pack: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'pack'}: ${i.message}`) };
}
