/**
 * The organisation's own patterns from the pack, such as case-reference formats (R8 "case references (a configurable
 * pattern)"; BAR 6 "Do not mention individual cases"; ICO26 details of our cases). They run on RE2 (re2js), which
 * matches in time linear in the text, so no pattern, however it is written, can backtrack catastrophically and stall
 * the composer (issue 5, "Bad input"). A pattern with trigger words is tried only when one of them is in the post.
 */
import type { CheckContext } from '../check-context';
import { L } from '../compile-pack';

export function detectPatterns(ctx: CheckContext): void {
  const patterns = ctx.compiled.patterns;
  const text = ctx.view.cased;
  if (!text) return;
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i]!;
    if (p.triggers && !ctx.list(L.patternTrigger(i))) continue;
    const m = p.re.matcher(text);
    while (m.find()) {
      const s = m.start();
      const e = m.end();
      if (e > s) ctx.addView(p.rule, s, e);
      else if (e >= text.length) break;
    }
  }
}
