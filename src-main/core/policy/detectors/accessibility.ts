/**
 * Clear, accessible text (ICO13 2.1 "clear and use language accessible"; R9): runs of ALL CAPITALS (hard to read,
 * read out letter by letter by some screen readers), multi-word hashtags not written in CamelCase (screen readers
 * read "#roadsafetyweek" as one word), and hard text by the Flesch reading-ease score, with syllables counted by the
 * `syllable` package (word-table.ts). Alt text and "click here" are checked elsewhere (media.ts, the pack's cue lists).
 */
import type { CheckContext } from '../check-context';
import { syllablesOf } from '../word-table';

const HASHTAG = /#([A-Za-z][A-Za-z0-9_]*)/g;

export function detectAccessibility(ctx: CheckContext): void {
  const text = ctx.view.cased;
  if (!text) return;
  if (/[A-Z]{3}/.test(text)) allCaps(ctx, text);
  if (text.includes('#')) hashtags(ctx, text);
  readability(ctx, text);
}

/** Words in capitals only ("ROAD", "DON'T", "A&E"); mixed-case words such as "RoadSafety" are not. */
const CAPS_WORD = /\b[A-Z][A-Z'&-]*[A-Z]\b/g;

function allCaps(ctx: CheckContext, text: string): void {
  const { acronyms } = ctx.compiled.sets;
  const min = ctx.compiled.pack.accessibility.capsMinLetters;
  let run: { start: number; end: number; letters: number } | null = null;
  const close = (r: { start: number; end: number; letters: number } | null) => {
    if (r && r.letters >= min) ctx.addView('accessibility.all-caps', r.start, r.end);
  };
  CAPS_WORD.lastIndex = 0;
  for (let m = CAPS_WORD.exec(text); m; m = CAPS_WORD.exec(text)) {
    const w = m[0];
    if (acronyms.has(w)) {
      close(run);
      run = null;
      continue;
    }
    const letters = w.replace(/[^A-Z]/g, '').length;
    // Same run when nothing written in lower case stands between this word and the last.
    if (run && !/[a-z]/.test(text.slice(run.end, m.index))) {
      run.end = m.index + w.length;
      run.letters += letters;
    } else {
      close(run);
      run = { start: m.index, end: m.index + w.length, letters };
    }
  }
  close(run);
}

/** Whether a lowercase run of letters is not itself a known word but splits into known words (so two or more). */
function multiWord(s: string, words: Set<string>): boolean {
  if (words.has(s)) return false;
  const reachable: boolean[] = new Array(s.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < s.length; i++) {
    if (!reachable[i]) continue;
    for (let j = i + 2; j <= s.length && j - i <= 20; j++) if (words.has(s.slice(i, j))) reachable[j] = true;
  }
  return reachable[s.length]!;
}

function hashtags(ctx: CheckContext, text: string): void {
  const words = ctx.compiled.sets.hashtagWords;
  HASHTAG.lastIndex = 0;
  for (let m = HASHTAG.exec(text); m; m = HASHTAG.exec(text)) {
    const tag = m[1]!;
    const letters = tag.replace(/[^A-Za-z]/g, '');
    if (letters.length < 6 || (/[a-z]/.test(letters) && /[A-Z]/.test(letters.slice(1)))) continue; // CamelCase already
    if (multiWord(letters.toLowerCase(), words)) ctx.addView('accessibility.hashtag-case', m.index, m.index + m[0].length);
  }
}

/** Flesch reading ease: 206.835 - 1.015 (words / sentences) - 84.6 (syllables / words). Plain English scores 60 or more. */
export function readingEase(ctx: CheckContext, maxWords = Infinity): { score: number; words: number } {
  const lower = ctx.view.lower;
  let words = 0;
  let syl = 0;
  let sentences = 0;
  let open = false; // the current sentence has words
  for (const w of ctx.words) {
    if (w.info.isWord) {
      if (words === maxWords) break;
      words++;
      syl += syllablesOf(w.info);
      open = true;
    }
    // A sentence ends at ".", "!" or "?" closing a word, or at a line break.
    const last = lower.charCodeAt(w.end - 1);
    if (open && (last === 46 || last === 33 || last === 63 || lower.charCodeAt(w.end) === 10 || lower.charCodeAt(w.end) === 13)) {
      sentences++;
      open = false;
    }
  }
  if (words === 0) return { score: 100, words };
  if (open) sentences++;
  return { score: 206.835 - 1.015 * (words / sentences) - 84.6 * (syl / words), words };
}

function readability(ctx: CheckContext, text: string): void {
  const { minWords, maxWords, minScore } = ctx.compiled.pack.accessibility.readability;
  if (text.length < minWords * 3) return;
  const { score, words } = readingEase(ctx, maxWords);
  if (words >= minWords && score < minScore) {
    ctx.add('accessibility.hard-to-read', 0, ctx.text.length, {
      match: `a reading-ease score of ${Math.round(score)} (below ${minScore}; plain English scores 60 or more)`,
    });
  }
}
