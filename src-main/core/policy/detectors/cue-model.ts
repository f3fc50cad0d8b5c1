/**
 * The pack's cue classifier (cue-model.ts) as a detector: for each category it models (party politics, legal
 * proceedings, defamation, confidential, security clearance, endorsement, impersonation) whose phrase rules did not
 * already flag the post (nor match and get let off by one of the pack's "unless" exceptions), a score at or above the category's threshold raises `<category>.model` - always a sign-off
 * finding (an approver reads it), never a block, since it is a statistical reading of the wording. The finding points
 * at the words that weighed most towards the category, so the composer highlights something meaningful.
 */
import type { CheckContext } from '../check-context';

/**
 * The model abstains on posts longer than this many words. It was trained on posts of a few sentences; on long ones
 * (annual-report threads, "ten things I learned" posts) its findings were all false alarms across the 24 labelled sets
 * (none of them right), so a long post is left to the phrase rules, which read any length.
 */
export const MAX_MODEL_WORDS = 150;

export function detectCueModel(ctx: CheckContext): void {
  const model = ctx.compiled.model;
  if (!model || ctx.view.lower.length === 0) return;
  if (ctx.words.length > MAX_MODEL_WORDS) return;
  const { categories, cut } = model;
  let open = 0;
  const fired = new Array<boolean>(categories.length).fill(false);
  for (let c = 0; c < categories.length; c++) {
    // A rule of the category fired already, or the pack excused the wording (an "unless" exception held).
    if (ctx.excusedCategories?.has(categories[c]!)) fired[c] = true;
    for (const f of ctx.findings) if (f.category === categories[c] && f.severity !== 'advice') fired[c] = true;
    if (!fired[c]) open++;
  }
  if (open === 0) return;
  const score = model.score(ctx.view);
  const flagged: number[] = [];
  for (let c = 0; c < categories.length; c++) if (!fired[c] && score[c]! >= cut[c]!) flagged.push(c);
  for (const c of flagged) {
    const span = model.explain(ctx.view, c);
    if (span) ctx.addView(`${categories[c]}.model`, span.start, span.end);
    else {
      // Only shape features (a question mark, a link) weighed towards it: point at the whole text.
      const lower = ctx.view.lower;
      ctx.addView(`${categories[c]}.model`, lower.length - lower.trimStart().length, lower.trimEnd().length);
    }
  }
}
