/**
 * The policy engine (R8-R11, R14; issue 5): `createPolicyEngine(pack, settings).check(post)` returns every finding
 * for one post (or one platform variant of it), each citing its policy clause, with the pack version it used. The
 * check is synchronous and pure: the same post, pack and settings give the same findings (a post without
 * `scheduledAt` reads the settings' clock for pre-election periods). Detectors are code; what they look for is the
 * pack (DESIGN.md rule 8).
 *
 * Findings are in text order. Overlapping findings that say the same thing are kept once (see `overlaps`).
 */
import { CheckContext } from './check-context';
import { compilePack, type CompiledPack } from './compile-pack';
import { shippedPack } from './default-pack';
import { detectAccessibility } from './detectors/accessibility';
import { detectCueModel } from './detectors/cue-model';
import { detectCues } from './detectors/cue-rules';
import { detectHiddenText } from './detectors/hidden-text';
import { detectLength } from './detectors/length';
import { detectLinks } from './detectors/links';
import { detectMedia } from './detectors/media';
import { detectOutOfHours } from './detectors/out-of-hours';
import { detectOwnNameMisspelt } from './detectors/own-name';
import { detectPartyPolitical } from './detectors/party-political';
import { detectPatterns } from './detectors/pattern-rules';
import { detectPersonalData } from './detectors/personal-data';
import { applyPreElection } from './detectors/pre-election';
import { detectProfanity } from './detectors/profanity';
import { DETECTOR_RULES } from './rule-ids';
import { validatePack, type RulePack } from './rule-pack';
import { defaultPolicySettings, validatePolicySettings, type PolicySettings } from './settings';
import type { CheckResult, Finding, PostInput, Severity } from './types';

export type { RulePack, PackValidation } from './rule-pack';
export type { PolicySettings, Nation } from './settings';
export { validatePack } from './rule-pack';
export { defaultPack } from './default-pack';
export { defaultPolicySettings, validatePolicySettings } from './settings';

export interface PolicyEngine {
  /** "packId@version", recorded with every check (R10). */
  readonly packVersion: string;
  check(post: PostInput): CheckResult;
}

/** The detectors in the order a check runs them (exported for scripts/train-cue-model.ts, which needs the context). */
export const DETECTORS: ReadonlyArray<(ctx: CheckContext) => void> = [
  detectHiddenText,
  detectLength,
  detectMedia,
  detectProfanity,
  detectPersonalData,
  detectPatterns,
  detectPartyPolitical,
  detectCues,
  detectCueModel,
  detectLinks,
  detectOwnNameMisspelt,
  detectAccessibility,
  detectOutOfHours,
  applyPreElection,
];

/**
 * An engine for a pack and settings. Without a pack, the shipped one: it was validated when it was loaded and is never
 * handed out to be edited (defaultPack() gives copies), so it is neither copied nor validated again; `herald check`
 * starts faster for it. Any pack passed in is validated here, whoever validated it before.
 */
export function createPolicyEngine(pack?: RulePack, settings: PolicySettings = defaultPolicySettings()): PolicyEngine {
  let usable: RulePack;
  if (pack === undefined) usable = shippedPack();
  else {
    const valid = validatePack(pack);
    if (!valid.ok) throw new Error(`The rule pack cannot be used:\n${valid.errors.join('\n')}`);
    usable = valid.pack;
  }
  const checked = validatePolicySettings(settings);
  if (!checked.ok) throw new Error(`The policy settings cannot be used:\n${checked.errors.join('\n')}`);
  const compiled: CompiledPack = compilePack(usable, settings);
  return {
    packVersion: compiled.version,
    check(post: PostInput): CheckResult {
      const ctx = new CheckContext(compiled, settings, post);
      for (const detect of DETECTORS) detect(ctx);
      return { id: post.id, findings: tidy(ctx.findings), packVersion: compiled.version };
    },
  };
}

const RANK: Record<Severity, number> = { block: 0, 'sign-off': 1, advice: 2 };

/** Text order; an overlapping finding that adds nothing is dropped ("our logo" is not also "logo" advice). */
const strictestFirst = (a: Finding, b: Finding) => RANK[a.severity] - RANK[b.severity] || a.start - b.start || b.end - a.end;
const textOrder = (a: Finding, b: Finding) => a.start - b.start || RANK[a.severity] - RANK[b.severity] || a.end - b.end;

/**
 * Whether `f` adds nothing to `k`, kept already (stricter, or as strict and longer): same category, overlapping, and
 * the same rule, a stricter rule, or two cue lists of the pack (alternative wordings of one concern, such as "We
 * highly recommend" and "recommend"). Different detector rules are different problems ("click here" inside an ALL
 * CAPS run), so both stay.
 */
function overlaps(k: Finding, f: Finding): boolean {
  if (k.category !== f.category) return false;
  const sameConcern = k.ruleId === f.ruleId || RANK[k.severity] < RANK[f.severity] || (!(k.ruleId in DETECTOR_RULES) && !(f.ruleId in DETECTOR_RULES));
  if (!sameConcern) return false;
  // Findings about the post as a whole or its media (0, 0) are distinct unless they say the same thing.
  if (k.end > k.start && f.end > f.start) return k.start < f.end && f.start < k.end;
  return k.start === f.start && k.end === f.end && k.message === f.message;
}

function tidy(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const sorted = [...findings].sort(strictestFirst);
  const kept: Finding[] = [];
  for (const f of sorted) {
    let overlapped = false;
    for (const k of kept) if (overlaps(k, f)) overlapped = true;
    if (!overlapped) kept.push(f);
  }
  return kept.sort(textOrder);
}
