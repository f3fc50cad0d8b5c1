/**
 * Swearing and abusive language (BAR 5a "Do not swear", 7; ICO21 5.2; SYP 5 "Profanity, obscenity or vulgarity").
 * Reads the normalised view, so zero-width characters and homoglyphs are already gone; each word goes through the
 * cached obscenity matcher, and runs of spaced or dotted letters are joined first. Severity follows the word's
 * tier in the pack: slurs and strong swearing block, moderate needs sign-off, mild ("bloody", "crap", "sod") is advice.
 */
import type { CheckContext } from '../check-context';
import { L } from '../compile-pack';
import { spacedLetterRuns, type Tier } from '../profanity-matcher';

const RULE: Record<Tier, string> = {
  slur: 'profanity.slur',
  strong: 'profanity.strong',
  moderate: 'profanity.moderate',
  mild: 'profanity.mild',
  sensitive: 'profanity.sensitive-word',
};

const SEPARATORS = new Set([32, 46, 45, 95, 0xb7, 0x2022, 124, 47, 44]);

/** Two one-letter words in a row ("f u c k") or a word whose second character is a separator ("f.u.c.k"). */
function maySpellOut(ctx: CheckContext): boolean {
  const { lower } = ctx.view;
  const words = ctx.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const len = w.end - w.start;
    if (len <= 2 && i + 1 < words.length && words[i + 1]!.end - words[i + 1]!.start <= 2 && words[i + 1]!.start - w.end <= 2) return true;
    if (len >= 5 && SEPARATORS.has(lower.charCodeAt(w.start + 1))) return true;
  }
  return false;
}

/**
 * "Cock Lane", "Butt Road", "Gropecunt Lane" aside, a street named with a rude word is still a street: a capitalised
 * word straight before a capitalised street type ("Lane", "Road") is left alone, as the Scunthorpe problem asks.
 */
function inStreetName(cased: string, start: number, end: number, streetTypes: ReadonlySet<string>): boolean {
  let s = start;
  while (s > 0 && /[A-Za-z]/.test(cased[s - 1]!)) s--;
  if (!/[A-Z]/.test(cased[s] ?? '')) return false;
  let e = end;
  while (e < cased.length && /[A-Za-z]/.test(cased[e]!)) e++;
  const next = /^ ([A-Z][a-z]+)\b/.exec(cased.slice(e, e + 20));
  return next !== null && streetTypes.has(next[1]!.toLowerCase());
}

export function detectProfanity(ctx: CheckContext): void {
  const lower = ctx.view.lower;
  if (!lower) return;
  const found: Array<{ start: number; end: number; tier: Tier }> = [];
  for (const w of ctx.words) for (const h of w.info.profanity) found.push({ start: w.start + h.start, end: w.start + h.end, tier: h.tier });
  if (maySpellOut(ctx)) {
    for (const run of spacedLetterRuns(lower)) {
      const whole = ctx.compiled.words.get(run.joined).profanity;
      if (whole.length) {
        for (const h of whole) found.push({ start: run.start, end: run.end, tier: h.tier });
        continue;
      }
      // "be a p r i c k": the run picked up a one-letter word ("a", "I") in front; try without one or two letters.
      const letters: number[] = [];
      for (let i = run.start; i < run.end; i++) if (/[a-z0-9@$!]/.test(lower[i]!)) letters.push(i);
      for (let k = 1; k <= 2 && run.joined.length - k >= 3; k++) {
        const hits = ctx.compiled.words.get(run.joined.slice(k)).profanity;
        for (const h of hits) found.push({ start: letters[k]!, end: run.end, tier: h.tier });
        if (hits.length) break;
      }
    }
  }
  if (found.length === 0) return;
  const allowed = ctx.list(L.profanityAllow) ?? [];
  const { streetTypes } = ctx.compiled.sets;
  for (const f of found) {
    if (allowed.some((a) => a.start <= f.start && a.end >= f.end)) continue;
    if (inStreetName(ctx.view.cased, f.start, f.end, streetTypes)) continue;
    // Report the whole word, so "f**king" or "sh1tty" is highlighted entire.
    let s = f.start;
    let e = f.end;
    while (s > 0 && /[a-z0-9*#@$_]/.test(lower[s - 1]!)) s--;
    while (e < lower.length && /[a-z0-9*#@$_]/.test(lower[e]!)) e++;
    ctx.addView(RULE[f.tier], s, e);
  }
}
