/**
 * All of a pack's phrase lists compiled into one Aho-Corasick automaton (automaton.ts), so a post is scanned once
 * however many lists there are (ENVIRONMENT.md: Aho-Corasick is 10-70x faster than one big RegExp). Matches are whole
 * words on the normalised, lowercased view; a phrase ending in "*" matches as a word prefix ("prosecut*"). Phrases
 * marked case-sensitive are checked against the officer's capitals afterwards ("SECRET", not "secret").
 */
import { Automaton } from './automaton';
import { createTextView, isWordChar, type TextView } from './text-view';

export type Hit = { start: number; end: number };
const byStart = (a: Hit, b: Hit) => a.start - b.start || b.end - a.end;

type Entry = { list: string; folded: string; prefix: boolean; cased: string | null };

export class PhraseIndex {
  private readonly entries: Entry[] = [];
  private automaton: Automaton | null = null;

  /** Adds a list of phrases under a key; returns the key for convenience. */
  add(list: string, phrases: readonly string[], caseSensitive = false): string {
    for (const raw of phrases) {
      const prefix = raw.endsWith('*');
      const text = prefix ? raw.slice(0, -1) : raw;
      const view = createTextView(text.trim());
      if (!view.lower) continue;
      this.entries.push({ list, folded: view.lower, prefix, cased: caseSensitive ? view.cased : null });
    }
    this.automaton = null;
    return list;
  }

  private compiled(): Automaton {
    if (!this.automaton) this.automaton = new Automaton(this.entries.map((e) => e.folded));
    return this.automaton;
  }

  /** Compiles the automaton now rather than on the first check. */
  compile(): void {
    this.compiled();
  }

  scan(view: TextView): Map<string, Hit[]> {
    const out = new Map<string, Hit[]>();
    const text = view.lower;
    if (!text || this.entries.length === 0) return out;
    const entries = this.entries;
    this.compiled().scan(text, (index, s, end) => {
      const e = entries[index]!;
      if (isWordChar(e.folded.charCodeAt(0)) && s > 0 && isWordChar(text.charCodeAt(s - 1))) return;
      if (!e.prefix && isWordChar(e.folded.charCodeAt(e.folded.length - 1)) && end < text.length && isWordChar(text.charCodeAt(end))) return;
      if (e.cased !== null && view.cased.slice(s, end) !== e.cased) return;
      let hits = out.get(e.list);
      if (!hits) out.set(e.list, (hits = []));
      // A prefix phrase covers the rest of the word, so the highlight shows the whole word.
      let stop = end;
      if (e.prefix) while (stop < text.length && isWordChar(text.charCodeAt(stop))) stop++;
      hits.push({ start: s, end: stop });
    });
    for (const hits of out.values()) if (hits.length > 1) hits.sort(byStart);
    return out;
  }
}

/**
 * A hit within `within` characters of [start, end) on `side` (anywhere when `within` is undefined). A hit on exactly
 * the same span is the cue itself and does not count.
 */
export function near(hits: readonly Hit[] | undefined, start: number, end: number, within: number | undefined, side: 'before' | 'after' | 'either' = 'either'): Hit | undefined {
  if (!hits) return undefined;
  for (const h of hits) {
    if (h.start === start && h.end === end) continue;
    if (within === undefined) return h;
    const before = h.end <= start && start - h.end <= within;
    const after = h.start >= end && h.start - end <= within;
    // Overlapping hits count only when either side will do ("the council" inside the cue is not after it).
    const overlaps = side === 'either' && h.start < end && h.end > start;
    if (overlaps || (side !== 'after' && before) || (side !== 'before' && after)) return h;
  }
  return undefined;
}
