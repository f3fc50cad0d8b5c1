/**
 * Swearing that survives disguise (BAR 5a "Do not swear"; ICO21 5.2), on top of obscenity's English data set and
 * transformers (leetspeak, confusables, repeated letters), with the UK additions obscenity lacks (tosser, bellend,
 * bloody, ...) and a UK allow-list merged with its own whitelist, never replacing it (ENVIRONMENT.md: out of the box it
 * flags Penistone, Twatt, Shitterton, Bitchfield).
 *
 * obscenity runs at about 0.5 us a character, too slow to run over every post; so it runs once per distinct word and
 * the answer is cached (word-table.ts). Everyday vocabulary repeats, so a post costs a few map look-ups. Spaced or dotted letters
 * ("f u c k", "f.u.c.k") and masked words ("c*nt", "f**k") are the disguises obscenity misses; they are joined or
 * matched here before it looks.
 */
import {
  DataSet,
  RegExpMatcher,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
} from 'obscenity';
import type { RulePack } from './rule-pack';

export const TIERS = ['slur', 'strong', 'moderate', 'mild', 'sensitive'] as const;
export type Tier = (typeof TIERS)[number];
export type WordHit = { start: number; end: number; tier: Tier; word: string };

type Meta = { originalWord: string; tier?: Tier };
const NONE: WordHit[] = [];

/** Symbols people type in place of letters ("grawlix"): *, #, _, &, %, ^, ~, +, @, ! and $. */
const MASK = '*#_&%^~+@!$';
const MASK_CLASS = `[${MASK.replace(/[\^\]\\-]/g, '\\$&')}]`;
const MASKED_LETTER = new RegExp(`[a-z]${MASK_CLASS}`);
const MASKED_WORD = new RegExp(`[a-z](?:[a-z]|${MASK_CLASS})*${MASK_CLASS}(?:[a-z]|${MASK_CLASS})*`);
const MASK_RUN = new RegExp(`${MASK_CLASS}+`, 'g');

/** obscenity's duplicate-collapsing transformer keeps at most two of b, e, o, l, s, g and one of anything else. */
function collapse(word: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    run = i > 0 && word[i - 1] === c ? run + 1 : 1;
    if (run <= ('beolsg'.includes(c) ? 2 : 1)) out += c;
  }
  return out;
}

export class ProfanityMatcher {
  private readonly matcher: RegExpMatcher;
  private readonly dataset: DataSet<Meta>;
  private readonly tierOf = new Map<string, Tier>();
  /** Words a masked form ("f**k") is compared with, worst tier first. */
  private readonly maskRoots: Array<{ word: string; tier: Tier }> = [];

  constructor(spec: RulePack['profanity']) {
    for (const tier of ['slur', 'strong', 'mild', 'sensitive'] as const) for (const w of spec.tiers[tier]) this.tierOf.set(w.toLowerCase(), tier);
    const dataset = new DataSet<Meta>().addAll(englishDataset as unknown as DataSet<Meta>);
    for (const tier of ['slur', 'strong', 'moderate', 'mild'] as const) {
      for (const raw of spec.extraWords[tier]) {
        const prefix = raw.endsWith('*');
        const word = (prefix ? raw.slice(0, -1) : raw).toLowerCase();
        const body = collapse(word).replace(/[[\]?|\\]/g, '');
        dataset.addPhrase((p) => p.setMetadata({ originalWord: word, tier }).addPattern(parseRawPattern(prefix ? `|${body}` : `|${body}|`)));
      }
    }
    this.dataset = dataset;
    const built = dataset.build();
    this.matcher = new RegExpMatcher({
      ...built,
      whitelistedTerms: [...(built.whitelistedTerms ?? []), ...spec.allowWords.map((w) => w.toLowerCase())],
      ...englishRecommendedTransformers,
    });
    const rootsByTier: Record<Tier, string[]> = { slur: [], strong: [], moderate: [], mild: [], sensitive: [] };
    // obscenity keeps its phrase list private; its words are read here only to compare masked forms against.
    for (const c of (englishDataset as unknown as { containers: Array<{ metadata?: Meta }> }).containers) {
      const w = c.metadata?.originalWord;
      if (w && /^[a-z]{4,}$/.test(w)) rootsByTier[this.tierFor(w)].push(w);
    }
    for (const tier of ['slur', 'strong', 'moderate', 'mild'] as const)
      for (const raw of spec.extraWords[tier]) {
        const w = raw.replace(/\*$/, '').toLowerCase();
        if (/^[a-z]{4,}$/.test(w)) rootsByTier[tier].push(w);
      }
    for (const tier of ['slur', 'strong', 'moderate', 'mild'] as const) for (const word of rootsByTier[tier]) this.maskRoots.push({ word, tier });
  }

  private tierFor(originalWord: string): Tier {
    return this.tierOf.get(originalWord) ?? 'moderate';
  }

  /** Profanity in one whitespace-free token (offsets within the token). Callers cache it (word-table.ts). */
  matchToken(token: string): WordHit[] {
    let hits: WordHit[] = NONE;
    const found = this.matcher.getAllMatches(token, true);
    if (found.length) {
      hits = found.map((m) => {
        const { phraseMetadata } = this.dataset.getPayloadWithPhraseMetadata(m);
        const word = phraseMetadata?.originalWord ?? token.slice(m.startIndex, m.endIndex + 1);
        return { start: m.startIndex, end: m.endIndex + 1, tier: phraseMetadata?.tier ?? this.tierFor(word), word };
      });
    } else {
      // Trailing punctuation ("f**k!") is not a mask; a mask inside the word is.
      const word = token.replace(/[?!.,;:]+$/, '');
      if (MASKED_LETTER.test(word)) {
        const masked = this.matchMasked(word);
        if (masked) hits = [masked];
      }
    }
    return hits;
  }

  /** "c*nt", "f**king", "sh_t", "f*&king": a word with letters replaced by grawlix symbols that can only be a swear word. */
  private matchMasked(token: string): WordHit | null {
    const m = MASKED_WORD.exec(token);
    if (!m || !/[a-z]/.test(m[0].slice(1))) {
      // "f***" still reads as a swear word when only the first letter is shown.
      if (!m || m[0].length < 4) return null;
    }
    const core = m[0];
    const re = new RegExp(`^${core.replace(MASK_RUN, (s) => `[a-z]{1,${s.length + 1}}`)}$`);
    for (const { word, tier } of this.maskRoots) {
      if (word[0] !== core[0]) continue;
      for (const form of [word, `${word}s`, `${word}ing`, `${word}in`, `${word}er`, `${word}ers`, `${word}ed`, `${word}y`]) {
        if (re.test(form)) return { start: m.index, end: m.index + core.length, tier, word };
      }
    }
    return null;
  }
}

/** Runs of single letters joined by spaces, dots or dashes ("f u c k", "s.h.i.t", "c-u-n-t"): the joined word and its span. */
export function spacedLetterRuns(lower: string): Array<{ start: number; end: number; joined: string }> {
  const out: Array<{ start: number; end: number; joined: string }> = [];
  // The same separator throughout, so "a s.h.i.t.e" joins "shite", not "ashite".
  const re = /(?<![a-z0-9@$!])[a-z0-9@$!]([ .\-_·•|/,]{1,2})[a-z0-9@$!](?:\1[a-z0-9@$!])+\.?(?![a-z0-9@$!])/g;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    const joined = m[0].replace(/[ .\-_·•|/,]/g, '');
    if (joined.length >= 3) out.push({ start: m.index, end: m.index + m[0].length, joined });
  }
  return out;
}
