/**
 * Phrase rules from the pack: pending court proceedings (BAR 9c), defamation (BAR 9a), confidential markings and
 * investigations (ICO26, ICO21 5.5), security clearance levels (ICO26), references and endorsements (ICO21 8.1,
 * ICO13 3.1-3.3), impersonation (BAR 5a), branding (ICO26, ICO21 5.5), reposting (SYP Annex One), "click here"
 * (ICO13 2.1) and requests for personal details (SYP Annex One). The phrases and their conditions are data; this file
 * only applies the conditions: other phrases nearby (each of a list of conditions, for a clause's structure such as
 * "a named business + a copula + an allegation"), none of the "unless" phrases, a name on the right side, and
 * not followed by the organisation's own name.
 */
import type { CheckContext } from '../check-context';
import { L } from '../compile-pack';
import { nameNear } from '../names';
import { near, type Hit } from '../phrase-index';

/** Only capitalised words (a name) between two hits: "We are | Anytown | Fire and Rescue Service". */
function capitalisedGap(ctx: CheckContext, a: Hit, b: Hit): boolean {
  const gap = a.end <= b.start ? ctx.view.cased.slice(a.end, b.start) : ctx.view.cased.slice(b.end, a.start);
  return /^(?:\s+(?:[A-Z][\w'&-]*|the|of|and))*\s*$/.test(gap);
}

/**
 * A title in the post's closing sign-off: only punctuation, brackets, emoji or a hashtag follow it to the end of the
 * post, and just before it, after a dash, a line break or the start of a line, stand only capitalised words (the
 * signer's name): "... – Sir Jo Bloggs MP", "\n\nCllr Jane Doe".
 */
function inSignOff(ctx: CheckContext, h: Hit): boolean {
  const cased = ctx.view.cased;
  if (!/^(?:,?\s+(?:for|of)(?:\s+[A-Z][\w'-]*)+)?[\s.,;:!)\]'"\u2019\u201d]*(?:#\w+\s*)*[^\w]{0,12}$/u.test(cased.slice(h.end))) return false;
  const before = cased.slice(Math.max(0, h.start - 60), h.start);
  return /(?:\n|[\u2013\u2014]|(?:^|\s)-)\s*(?:(?:[A-Z][\w'.-]*|of|and),?\s+){1,5}$/u.test(before);
}

/**
 * The phrase closes the post as its signature: after a dash, a caret or a line break, with at most a few capitalised
 * words before it, and only punctuation, emoji or hashtags after it ("... – HMRC", "^NW Northgate Water").
 */
function closesPost(ctx: CheckContext, h: Hit): boolean {
  const cased = ctx.view.cased;
  if (!/^[\s.,;:!)\]'"\u2019\u201d]*(?:#\w+\s*)*[^\w]{0,12}$/u.test(cased.slice(h.end))) return false;
  const before = cased.slice(Math.max(0, h.start - 60), h.start);
  return /(?:\n|[\u2013\u2014^]|(?:^|\s)-)\s*(?:(?:[A-Z][\w'.-]*|of|and|the),?\s+){0,5}$/u.test(before);
}

export function detectCues(ctx: CheckContext): void {
  const cues = ctx.compiled.pack.cues;
  const { cueKeys, cuesByKey } = ctx.compiled;
  const all = ctx.hits;
  // Only the cues whose trigger list has hits in this post (a post has hits in a few dozen lists; the pack has
  // hundreds of cues), taken in pack order so findings come out as they would from a walk over every cue.
  const todo: number[] = [];
  for (const key of all.keys()) {
    const ids = cuesByKey.get(key);
    if (ids) for (let k = 0; k < ids.length; k++) todo.push(ids[k]!);
  }
  if (todo.length > 1) todo.sort((a, b) => a - b);
  for (let t = 0; t < todo.length; t++) {
    const i = todo[t]!;
    const hits = all.get(cueKeys[i]!)!;
    const cue = cues[i]!;
    const conditions = ctx.compiled.cueRequires[i]!;
    hit: for (const h of hits) {
      for (let k = 0; k < conditions.length; k++) {
        const c = conditions[k]!;
        const r = near(all.get(c.key), h.start, h.end, c.within, c.side);
        if (!r || (c.gap === 'capitalised' && !capitalisedGap(ctx, h, r))) continue hit;
      }
      // The name a rule needs comes first: an exception excuses the category (and so quiets the classifier for it)
      // only where the rule would otherwise have fired.
      let rule = cue.rule;
      if (cue.requiresName) {
        const { side, within, loose, otherwise, organisationOnly, titles } = cue.requiresName;
        const names = titles ? ctx.names.filter((n) => n.title !== undefined && titles.includes(n.title)) : ctx.names;
        if (!nameNear(names, h.start, h.end, side, within, loose ?? false, organisationOnly ?? false)) {
          if (!otherwise) continue;
          rule = otherwise;
        }
      }
      if (cue.onlyInSignOff && !closesPost(ctx, h)) continue;
      const unless = ctx.compiled.cueUnless[i]!;
      for (let k = 0; k < unless.length; k++) {
        if (near(all.get(unless[k]!.key), h.start, h.end, unless[k]!.within, unless[k]!.side)) {
          // An exception to an excusing cue means the wording is not the harmless kind after all. A cue with broad
          // exceptions says so (unlessExcuses: false): its exception clears only this wording, not the post.
          if (!cue.excuses && cue.unlessExcuses !== false) ctx.excused(rule);
          continue hit;
        }
      }
      if (cue.unlessSignOff && inSignOff(ctx, h)) {
        ctx.excused(rule);
        continue;
      }
      if (cue.unlessOwnNameWithin && near(ctx.list(L.ownNames), h.start, h.end, cue.unlessOwnNameWithin, 'after')) {
        ctx.excused(rule);
        continue;
      }
      if (cue.excuses) ctx.excused(cue.rule);
      else ctx.addView(rule, h.start, h.end);
    }
  }
}
