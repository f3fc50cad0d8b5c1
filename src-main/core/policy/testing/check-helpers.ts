/**
 * Test helpers for the policy engine: one engine per settings (compiling a pack takes a while), and short ways to
 * ask what was found and where.
 */
import { createPolicyEngine, defaultPack, defaultPolicySettings, type PolicyEngine, type PolicySettings } from '../engine';
import type { Finding, PostInput } from '../types';

let plain: PolicyEngine | null = null;

export function engineWith(settings: Partial<PolicySettings> = {}): PolicyEngine {
  return createPolicyEngine(defaultPack(), { ...defaultPolicySettings(), ...settings });
}

export function check(text: string, post: Partial<PostInput> = {}, engine?: PolicyEngine): Finding[] {
  const e = engine ?? (plain ??= createPolicyEngine());
  return e.check({ id: 't', platform: 'facebook', text, ...post }).findings;
}

/** The rule ids found, in text order. */
export function rules(findings: Finding[]): string[] {
  return findings.map((f) => f.ruleId);
}

/** "ruleId: the text it points at", so a test shows what was highlighted. */
export function spans(text: string, findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}: ${text.slice(f.start, f.end)}`);
}

/** Findings that stop or hold a post (block or sign-off). */
export function serious(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== 'advice');
}
