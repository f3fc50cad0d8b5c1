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

type Entry = { list: string; cased: string | null };
/** A distinct phrase in the automaton (lists often share phrases, and inflections overlap), with the lists it is in. */
type Pattern = { folded: string; prefix: boolean; entries: Entry[] };

export class PhraseIndex {
  private readonly patterns: Pattern[] = [];
  private readonly byKey = new Map<string, Pattern>();
  private automaton: Automaton | null = null;
  /** Lists added through addShared with the same phrases share one list: the first key stands for the others. */
  private readonly shared = new Map<string, string>();
  private readonly aliases = new Map<string, string>();

  /** Adds a list of phrases under a key; returns the key for convenience. */
  add(list: string, phrases: readonly string[], caseSensitive = false): string {
    for (const raw of phrases) {
      const prefix = raw.endsWith('*');
      const text = prefix ? raw.slice(0, -1) : raw;
      const view = createTextView(text.trim());
      if (!view.lower) continue;
      const key = `${prefix ? '*' : ' '}${view.lower}`;
      let p = this.byKey.get(key);
      if (!p) {
        this.byKey.set(key, (p = { folded: view.lower, prefix, entries: [] }));
        this.patterns.push(p);
      }
      const cased = caseSensitive ? view.cased : null;
      if (!p.entries.some((e) => e.list === list && e.cased === cased)) p.entries.push({ list, cased });
    }
    this.automaton = null;
    return list;
  }

  /**
   * Adds a list that other keys may share: a key whose phrases (and case rule) are exactly those of a list added
   * before through here becomes an alias of it. Many cues repeat the same exception lists (a concluded case, a
   * shared post); without this, every occurrence of a common phrase ("police", "was sentenced") was recorded once per
   * copy, dozens of times.
   */
  addShared(list: string, phrases: readonly string[], caseSensitive = false): string {
    const signature = `${caseSensitive ? 'C' : 'c'}\u0001${[...new Set(phrases)].sort().join('\u0001')}`;
    const first = this.shared.get(signature);
    if (first !== undefined && first !== list) {
      this.aliases.set(list, first);
      return first;
    }
    this.shared.set(signature, list);
    return this.add(list, phrases, caseSensitive);
  }

  /** The key a list's hits are kept under (itself, or the list it shares). */
  resolve(list: string): string {
    return this.aliases.get(list) ?? list;
  }

  /** The number of distinct phrases in the automaton. */
  get size(): number {
    return this.patterns.length;
  }

  private compiled(): Automaton {
    if (!this.automaton) {
      this.automaton = new Automaton(
        this.patterns.map((p) => p.folded),
        this.patterns.map((p) => p.prefix),
      );
    }
    return this.automaton;
  }

  /** Compiles the automaton now rather than on the first check. */
  compile(): void {
    this.compiled();
  }

  scan(view: TextView): Map<string, Hit[]> {
    const out = new Map<string, Hit[]>();
    const text = view.lower;
    if (!text || this.patterns.length === 0) return out;
    const patterns = this.patterns;
    let sorted = true;
    this.compiled().scanWords(text, (index, s, end) => {
      const p = patterns[index]!;
      // A prefix phrase covers the rest of the word, so the highlight shows the whole word.
      let stop = end;
      if (p.prefix) while (stop < text.length && isWordChar(text.charCodeAt(stop))) stop++;
      // One hit object for every list the phrase is in (a common word such as "our" is in dozens): hits are read,
      // never changed, and allocating one per list was a large part of a check's garbage.
      const hit: Hit = { start: s, end: stop };
      for (const e of p.entries) {
        if (e.cased !== null && view.cased.slice(s, end) !== e.cased) continue;
        let hits = out.get(e.list);
        if (!hits) out.set(e.list, (hits = []));
        else if (sorted) {
          const last = hits[hits.length - 1]!;
          if (last.start > s || (last.start === s && last.end < stop)) sorted = false;
        }
        hits.push(hit);
      }
    });
    if (!sorted) for (const hits of out.values()) if (hits.length > 1) hits.sort(byStart);
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
