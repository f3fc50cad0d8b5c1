/**
 * Runs the policy engine over every account's version of a post and merges the results (R6-R11, R14). The same
 * finding on several accounts that share a text is one finding naming all of them, so an approver gives one reason
 * for it, not one per account. Each finding gets a stable key that an approver's reason refers to (R10).
 */
import { createHash } from 'node:crypto';
import type { PolicyEngine } from '../policy/engine';
import type { Finding, MediaInput } from '../policy/types';
import { textFor, type PostContent } from './post-content';

export type PostFinding = Finding & { key: string; accountIds: string[] };
export type PostCheck = { packLabel: string; findings: PostFinding[] };

export function checkPost(
  engine: PolicyEngine,
  content: PostContent,
  platformOf: (accountId: string) => string | undefined,
  scheduledAt: number,
): PostCheck {
  const media: MediaInput[] = content.media.map((m) => ({
    kind: m.kind,
    alt: m.alt,
    source: m.source,
    licence: m.licence,
    peopleShown: m.peopleShown,
    under16: m.under16,
    consentRecorded: m.consentRecorded,
  }));
  const byKey = new Map<string, PostFinding>();
  const targets = content.accountIds.length ? content.accountIds : [''];
  for (const accountId of targets) {
    const text = textFor(content, accountId);
    const platform = platformOf(accountId) ?? 'x';
    const result = engine.check({ id: accountId, platform, text, scheduledAt: new Date(scheduledAt).toISOString(), media, accounts: accountId ? [accountId] : [] });
    for (const f of result.findings) {
      // Stable while the text is unchanged; plain hex, so it is safe as a form field name.
      const key = createHash('sha256').update(`${f.ruleId}\0${f.start}\0${f.end}\0${text.slice(f.start, f.end)}`).digest('hex').slice(0, 16);
      const seen = byKey.get(key);
      if (seen) {
        if (accountId) seen.accountIds.push(accountId);
      } else byKey.set(key, { ...f, key, accountIds: accountId ? [accountId] : [] });
    }
  }
  return { packLabel: engine.packVersion, findings: [...byKey.values()] };
}

export const blocking = (c: PostCheck) => c.findings.filter((f) => f.severity === 'block');
export const needingSignOff = (c: PostCheck) => c.findings.filter((f) => f.severity === 'sign-off');
/** R11: inside a pre-election period a manager must approve. */
export const needsManager = (c: PostCheck) => c.findings.some((f) => f.category === 'pre-election');
