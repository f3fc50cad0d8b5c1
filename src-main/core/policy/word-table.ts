/**
 * What Herald knows about each distinct word it has seen: its profanity matches and its syllable count. Posts reuse
 * everyday vocabulary, so a check mostly costs one map look-up a word, and the slow libraries (obscenity, syllable)
 * run once per new word (issue 5, speed: median under 50 us for a 280-character post). Bounded, so a flood of
 * distinct words (1 MB of noise) cannot grow it without limit.
 */
import { syllable } from 'syllable';
import type { ProfanityMatcher, WordHit } from './profanity-matcher';

export type WordInfo = {
  profanity: WordHit[];
  /** Counts as a word for readability: has letters and is not a link, @mention or #hashtag. */
  isWord: boolean;
  /** The letters `syllable` counts; the count itself is worked out only when readability asks (see syllablesOf). */
  letters: string;
  syllables: number | null;
};

/** Syllables in a word, counted once per distinct word. */
export function syllablesOf(info: WordInfo): number {
  return (info.syllables ??= info.isWord ? Math.max(1, syllable(info.letters)) : 0);
}

const LIMIT = 50_000;
const NONE: WordHit[] = [];

export class WordTable {
  private readonly cache = new Map<string, WordInfo>();
  constructor(private readonly profanity: ProfanityMatcher) {}

  /** `token` is lowercase and whitespace-free. */
  get(token: string): WordInfo {
    let info = this.cache.get(token);
    if (info) return info;
    const letters = token.replace(/[^a-z'-]+/g, '').replace(/^['-]+|['-]+$/g, '');
    const isWord = letters.length > 0 && !/^[@#]|:\/\/|^www\./.test(token);
    // Numbers, prices and dates ("07700", "£4.50", "14/03") spell nothing, so obscenity need not look.
    const profanity = /^[\d.,:;/£€%()+\-–#]*$/.test(token) ? NONE : this.profanity.matchToken(token);
    info = { profanity, isWord, letters, syllables: null };
    // Long tokens (a pasted blob, a long link) are rarely seen twice: not worth keeping.
    if (token.length > 64) return info;
    if (this.cache.size >= LIMIT) this.cache.clear();
    this.cache.set(token, info);
    return info;
  }
}
