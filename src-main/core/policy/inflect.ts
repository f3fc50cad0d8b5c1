/**
 * Inflected forms for the pack's word lists, so a manager writes a word once and the checks find its other forms
 * (issue 5: cue lists must generalise beyond the literal phrases). In a pack phrase, a word ending in "~" stands for
 * itself and its regular inflections: "cheat~" is cheat, cheats, cheated, cheating, cheater, cheaters; "rip~ off" is
 * rip off, rips off, ripped off, ripping off; "fiddle~ the books" covers "fiddled the books". Irregular forms (stole,
 * stolen, lied, liar) are listed as words of their own. Forms are generated once when the pack is compiled, so the
 * per-post scan stays one automaton walk (no stemming per post).
 *
 * "@name" stands for every phrase of the pack's lexicon `name` (lexicons are shared word lists, such as the allegation
 * words or the other public bodies), so one list feeds several rules.
 */

const VOWEL = /[aeiou]/;

/** Regular English inflections of one lowercase word (noun plural, verb forms, agent noun). Over-generation is harmless. */
export function inflections(word: string): string[] {
  const w = word.toLowerCase();
  const out = new Set<string>([w]);
  if (!/^[a-z][a-z'-]*[a-z]$/.test(w)) return [...out];
  const last = w[w.length - 1]!;
  const prev = w[w.length - 2]!;
  // -s / -es / -ies
  if (/(?:s|x|z|ch|sh)$/.test(w)) out.add(`${w}es`);
  else if (last === 'y' && !VOWEL.test(prev)) out.add(`${w.slice(0, -1)}ies`);
  else out.add(`${w}s`);
  // Stems for -ed, -ing, -er: "abuse" -> "abus", "bully" -> "bulli", "con" -> "conn" (and "con").
  const stems = new Set<string>();
  if (w.endsWith('ie')) {
    out.add(`${w}d`);
    out.add(`${w.slice(0, -2)}ying`);
    out.add(`${w}r`);
    out.add(`${w}rs`);
  } else if (last === 'e') {
    stems.add(w.slice(0, -1));
  } else if (last === 'y' && !VOWEL.test(prev)) {
    out.add(`${w.slice(0, -1)}ied`);
    out.add(`${w}ing`);
    out.add(`${w.slice(0, -1)}ier`);
    out.add(`${w.slice(0, -1)}iers`);
  } else {
    stems.add(w);
    // Consonant-vowel-consonant ending: "rob" -> "robbed", "scam" -> "scammer"; both spellings are kept for longer words.
    if (/[^aeiou][aeiou][^aeiouwxy]$/.test(w)) stems.add(w + last);
  }
  for (const s of stems) {
    out.add(`${s}ed`);
    out.add(`${s}ing`);
    out.add(`${s}er`);
    out.add(`${s}ers`);
  }
  return [...out];
}

/** Every phrase a pack phrase stands for: "~" words inflected (all combinations), "@lexicon" references expanded. */
export function expandPhrase(raw: string, lexicons: Readonly<Record<string, readonly string[]>> = {}, depth = 0): string[] {
  const p = raw.trim();
  if (p.startsWith('@') && depth < 3) {
    const list = lexicons[p.slice(1)];
    if (!list) return [];
    return list.flatMap((x) => expandPhrase(x, lexicons, depth + 1));
  }
  if (!p.includes('~')) return [p];
  let forms: string[] = [''];
  const parts = p.split(/(\s+)/);
  for (const part of parts) {
    const options = part.endsWith('~') && part.length > 1 ? inflections(part.slice(0, -1)) : [part];
    const next: string[] = [];
    for (const f of forms) for (const o of options) next.push(f + o);
    forms = next;
    if (forms.length > 256) break; // a runaway phrase; validation keeps packs far below this
  }
  return forms;
}

export function expandPhrases(raw: readonly string[], lexicons: Readonly<Record<string, readonly string[]>> = {}): string[] {
  const out = new Set<string>();
  for (const r of raw) for (const p of expandPhrase(r, lexicons)) out.add(p);
  return [...out];
}

/** A problem with a phrase's "~" or "@" markers, or null. */
export function markerError(raw: string, lexicons: Readonly<Record<string, unknown>>): string | null {
  const p = raw.trim();
  if (p.startsWith('@')) return p.slice(1) in lexicons ? null : `refers to lexicon "${p.slice(1)}", which the pack does not define`;
  if (!p.includes('~')) return null; // most phrases: nothing to check, and a pack has tens of thousands of them
  for (const word of p.split(/\s+/)) {
    const at = word.indexOf('~');
    if (at === -1) continue;
    if (at !== word.length - 1 || !/^[a-z][a-z'-]*[a-z]~$/i.test(word)) return `"${word}": "~" goes at the end of a word of letters (e.g. "cheat~")`;
  }
  return null;
}
