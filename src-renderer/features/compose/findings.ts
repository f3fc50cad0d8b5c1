/**
 * Turning per-account check results into what the composer lists: one entry per finding, naming every account whose
 * text has it (accounts that share the text share its findings), in severity order, block first (R10).
 */
import type { AccountView, FindingView } from '../../../src-main/ipc/contract';
import type { CheckPost, Draft } from './draft-model';

export type Severity = FindingView['severity'];
/** Which text a finding's offsets point into: the shared text, or one account's own version. */
export type TextSource = { kind: 'base' } | { kind: 'variant'; accountId: string };
export type ShownFinding = FindingView & { key: string; source: TextSource; accountIds: string[] };

export const SEVERITIES: ReadonlyArray<{ value: Severity; heading: string; tag: string; tagClass: string }> = [
  { value: 'block', heading: 'Must be fixed before submitting', tag: 'Must fix', tagClass: 'govuk-tag govuk-tag--red' },
  { value: 'sign-off', heading: 'Needs an approver’s sign-off', tag: 'Needs sign-off', tagClass: 'govuk-tag govuk-tag--orange' },
  { value: 'advice', heading: 'Advice', tag: 'Advice', tagClass: 'govuk-tag govuk-tag--blue' },
];

/** With no account chosen yet, the shared text is still checked, as for the platform with the longest limit. */
export const SHARED_ID = 'shared';

export function checkBatch(draft: Draft, accounts: ReadonlyMap<string, AccountView>, scheduledAt: number | null): CheckPost[] {
  const media = draft.media.map((m) => ({
    kind: m.kind,
    alt: m.alt,
    source: m.source,
    licence: m.licence,
    peopleShown: m.peopleShown,
    under16: m.under16,
    consentRecorded: m.consentRecorded,
  }));
  const when = scheduledAt === null ? {} : { scheduledAt: new Date(scheduledAt).toISOString() };
  const chosen = draft.accountIds.filter((id) => accounts.has(id));
  if (!chosen.length) {
    if (!draft.baseText && !media.length) return [];
    return [{ id: SHARED_ID, platform: 'facebook', text: draft.baseText, media, ...when }];
  }
  return chosen.map((id) => ({ id, platform: accounts.get(id)!.platform, text: draft.variants[id] ?? draft.baseText, media, ...when }));
}

export function groupFindings(draft: Draft, byId: ReadonlyMap<string, FindingView[]>): ShownFinding[] {
  const out = new Map<string, ShownFinding>();
  for (const [id, findings] of byId) {
    const source: TextSource = id !== SHARED_ID && id in draft.variants ? { kind: 'variant', accountId: id } : { kind: 'base' };
    for (const f of findings) {
      // Findings about the post as a whole (its images, its time) are one finding whichever text they came with.
      const where = f.end === f.start ? 'post' : source.kind === 'base' ? 'base' : source.accountId;
      const key = `${where}|${f.ruleId}|${f.start}|${f.end}|${f.message}`;
      const seen = out.get(key);
      if (seen) {
        if (id !== SHARED_ID) seen.accountIds.push(id);
      } else out.set(key, { ...f, key, source, accountIds: id === SHARED_ID ? [] : [id] });
    }
  }
  const rank = (s: Severity) => SEVERITIES.findIndex((x) => x.value === s);
  return [...out.values()].sort((a, b) => rank(a.severity) - rank(b.severity) || a.start - b.start);
}

/** The highlights for one text: spans of the findings that point into it. */
export function marksFor(findings: readonly ShownFinding[], source: TextSource): Array<{ start: number; end: number; severity: Severity }> {
  return findings
    .filter((f) => f.end > f.start && sameSource(f.source, source))
    .map((f) => ({ start: f.start, end: f.end, severity: f.severity }));
}

export function sameSource(a: TextSource, b: TextSource): boolean {
  return a.kind === 'base' ? b.kind === 'base' : b.kind === 'variant' && a.accountId === b.accountId;
}
