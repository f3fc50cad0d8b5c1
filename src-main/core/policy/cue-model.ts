/**
 * A small linear text classifier per semantic category (party-political, legal-proceedings, defamation, confidential,
 * security-clearance, endorsement, impersonation), as a complement to the pack's phrase rules: phrase lists catch the
 * wordings someone thought of, the model catches paraphrases of the same concern (issue 5: cue rules must generalise).
 * It is logistic regression over lowercase word unigrams and bigrams plus a few shape features, trained offline by
 * scripts/train-cue-model.ts and shipped as data in the rule pack's `classifier` section (DESIGN.md rule 8).
 *
 * Features (spec "herald-cue-1"), all from the normalised view (text-view.ts):
 * - words: runs of ASCII letters, digits and apostrophes, lowercased; a trailing "'s" is dropped ("council's" ->
 *   "council"); a word with a digit is "<num>" (phone numbers, dates and prices spell nothing).
 * - unigrams: each word; bigrams: two consecutive words in one sentence ("are cowboys").
 * - names: a capitalised word that does not open a sentence is also "<n>", so "Acme Roofing are cowboys" gives
 *   "<n> are" as well as "roofing are"; a capitalised run is one "<n>" ("<n> are", not "<n> <n>").
 * - shapes: "<q>" (a question mark), "<url>" (a link), "<at>" (an @mention), "<n>" (a name, as a unigram), and from
 *   spec "herald-cue-2" "<quote>" (a quotation: a double quote, or a single quote opening a word, as in
 *   Police say: 'Avoid the area'), so the model can tell quoting someone from speaking as them.
 * - prefixes: a word of more than five letters is also "~" and its first five ("~embez" for "embezzled" and
 *   "embezzlement"), so other forms of a word seen in training count too.
 * Each occurrence counts (no de-duplication); the sum is scaled by 1 / sqrt(max(words, 16)), so a 3,000-character
 * post does not score high just by repeating "the": score = bias + scale(words) * (sum of the features' weights).
 *
 * The check walks the text once and builds no strings: a word is hashed as it is read and found in a flat table of
 * the model's words (a number and a weight row), a bigram by the pair of word numbers (CueModel below).
 */
import type { TextView } from './text-view';

export const FEATURE_SPEC = 'herald-cue-2';
/**
 * Specs this version computes. "herald-cue-2" only adds the "<quote>" shape; a "herald-cue-1" model has no weight for
 * it, so the same scoring serves both.
 */
export const FEATURE_SPECS: readonly string[] = ['herald-cue-1', FEATURE_SPEC];

export const NAME = '<n>';
export const QUESTION = '<q>';
export const URL = '<url>';
export const MENTION = '<at>';
export const QUOTE = '<quote>';
export const NUMBER = '<num>';
/** Letters of a long word's prefix feature. */
export const PREFIX = 5;

const isLetterOrDigit = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isTokenChar = (c: number) => isLetterOrDigit(c) || c === 39; // apostrophe
const isUpper = (c: number) => c >= 65 && c <= 90;

/** Characters that end a sentence for the bigram and name rules. */
const isSentenceEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 10 || c === 58 || c === 59 || c === 124 || c === 8226;

/**
 * Walks a view's words: `word(text, start, end, name, newSentence)` for each, in order. `text` is the word as a
 * feature (lowercase, "'s" dropped, "<num>" for words with digits); `name` whether it is a capitalised word that
 * does not open a sentence; `newSentence` whether sentence punctuation (or a line break) stands before it.
 */
export function walkWords(view: TextView, word: (text: string, start: number, end: number, name: boolean, newSentence: boolean) => void): void {
  const lower = view.lower;
  const cased = view.cased;
  const n = lower.length;
  let boundary = true; // sentence punctuation seen since the last word (the text's start counts)
  for (let i = 0; i < n; ) {
    let c = lower.charCodeAt(i);
    if (!isTokenChar(c) || c === 39) {
      if (isSentenceEnd(c)) boundary = true;
      i++;
      continue;
    }
    const start = i;
    let digit = false;
    while (i < n && isTokenChar((c = lower.charCodeAt(i)))) {
      if (c >= 48 && c <= 57) digit = true;
      i++;
    }
    let end = i;
    while (end > start && lower.charCodeAt(end - 1) === 39) end--; // trailing apostrophes: "councils'"
    let textEnd = end;
    if (textEnd - start > 2 && lower.charCodeAt(textEnd - 1) === 115 && lower.charCodeAt(textEnd - 2) === 39) textEnd -= 2; // "'s"
    const text = digit ? NUMBER : lower.slice(start, textEnd);
    const name = !boundary && !digit && isUpper(cased.charCodeAt(start)) && end - start > 1;
    word(text, start, end, name, boundary);
    boundary = false;
  }
}

/** Length normalisation: a feature counts 1 / sqrt(words) of a post, short posts as if they had 16 words. */
export const lengthScale = (words: number) => 1 / Math.sqrt(Math.max(words, 16));

/** An @mention at `at` (not an email address): "@" after a non-word character, before a word character. */
function isMention(lower: string, at: number): boolean {
  const before = at > 0 ? lower.charCodeAt(at - 1) : 32;
  const after = lower.charCodeAt(at + 1);
  return !(isLetterOrDigit(before) || before === 46) && (isLetterOrDigit(after) || after === 95);
}

/** A quotation mark at `at`: a double quote, or a single quote that opens a word (not an apostrophe inside one). */
function isQuote(lower: string, at: number): boolean {
  const c = lower.charCodeAt(at);
  if (c === 34) return true;
  return c === 39 && (at === 0 || !isTokenChar(lower.charCodeAt(at - 1))) && at + 1 < lower.length && isLetterOrDigit(lower.charCodeAt(at + 1));
}

/** The shape features of a text, in this order (see the file comment). */
export function shapes(view: TextView): string[] {
  const out: string[] = [];
  const lower = view.lower;
  if (lower.includes('?')) out.push(QUESTION);
  if (lower.includes('http') || lower.includes('www.')) out.push(URL);
  for (let i = lower.indexOf('@'); i >= 0; i = lower.indexOf('@', i + 1)) {
    if (isMention(lower, i)) {
      out.push(MENTION);
      break;
    }
  }
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c === 34 || c === 39) && isQuote(lower, i)) {
      out.push(QUOTE);
      break;
    }
  }
  return out;
}

/**
 * Every feature of a text as `emit(a, b, start, end)`: a unigram has b === null, a bigram is (a, b). Spans are view
 * offsets of the words (-1, -1 for shapes). Returns the number of words. `key` maps a word to whatever the caller
 * keys features by (the training script: the word itself). This is the definition of the features; CueModel.score
 * computes the same sums without building strings, and a test holds the two to the same scores.
 */
export function walkFeatures<K>(view: TextView, key: (word: string) => K, emit: (a: K, b: K | null, start: number, end: number) => void): number {
  const nameKey = key(NAME);
  let prev: K | null = null;
  let prevStart = -1;
  let prevName = false;
  let count = 0;
  walkWords(view, (text, start, end, name, newSentence) => {
    count++;
    const k = key(text);
    emit(k, null, start, end);
    if (text.length > PREFIX && text !== NUMBER) emit(key(`~${text.slice(0, PREFIX)}`), null, start, end);
    if (name && !prevName) emit(nameKey, null, start, end);
    if (prev !== null && !newSentence) {
      emit(prev, k, prevStart, end);
      if (name && !prevName) emit(prev, nameKey, prevStart, end);
      else if (prevName && !name) emit(nameKey, k, prevStart, end);
    }
    prev = k;
    prevStart = start;
    prevName = name;
  });
  for (const s of shapes(view)) emit(key(s), null, -1, -1);
  return count;
}

/** The string form of a feature, as the pack's `classifier.weights` keys it: "word", "first second", "<n> are". */
export const featureName = (a: string, b: string | null) => (b === null ? a : `${a} ${b}`);

/** The pack's `classifier` section (validated in rule-pack.ts). */
export type ClassifierSection = {
  features: string;
  categories: string[];
  /** Probability at or above which the category is flagged, per category. */
  threshold: number[];
  bias: number[];
  /** Feature -> one weight per category. */
  weights: Record<string, number[]>;
  description?: string;
};

/*
 * A word is found by a 64-bit fingerprint: FNV-1a and a second, differently mixed 32-bit hash of its characters.
 * The table then never reads the words' letters (one cache line a probe); an unknown word taken for a known one would
 * need both hashes to agree, about one chance in 2^63 per word.
 */
const H1 = 0x811c9dc5;
const H2 = 0x2545f491;
const step1 = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
const step2 = (h: number, c: number) => {
  const x = Math.imul(h ^ c, 0x5bd1e995);
  return x ^ (x >>> 13);
};

/** Both hashes of a range of a string's code units (the words are ASCII). */
function hashRange(s: string, start: number, end: number): [number, number] {
  let h = H1;
  let g = H2;
  for (let i = start; i < end; i++) {
    h = step1(h, s.charCodeAt(i));
    g = step2(g, s.charCodeAt(i));
  }
  return [h | 0, g | 0];
}

const setBit = (bits: Uint32Array, hash: number) => (bits[(hash >>> 16) >>> 5]! |= 1 << ((hash >>> 16) & 31));
const hasBit = (bits: Uint32Array, hash: number) => (bits[(hash >>> 16) >>> 5]! & (1 << ((hash >>> 16) & 31))) !== 0;

const TILDE1 = step1(H1, 126);
const TILDE2 = step2(H2, 126);

const mix = (a: number, b: number) => Math.imul(a * 0x9e3779b1 + b, 0x85ebca6b) >>> 0;

/**
 * The compiled model. A check walks the text once, as walkFeatures does (tests hold the two to the same scores), but
 * without building strings: a word is found by hashing its characters into an open-addressing table of the model's
 * words, a bigram by hashing the pair of word numbers; weights sit in one typed array, a row per feature.
 */
export class CueModel {
  readonly categories: string[];
  /** Per category, the logit the score must reach. */
  readonly cut: Float64Array;
  private readonly bias: Float64Array;
  private readonly width: number;
  /*
   * The tables are kept small and flat, since a check runs alongside everything else the engine holds in cache: a
   * bitset in front of each hash table (8 KB, so most unknown words and bigrams cost one bit test), word slots that
   * hold the fingerprint, the word's number and its unigram row together (a probe reads one cache line), and weight
   * rows padded to 8 numbers (32 bytes, so a row is one cache line).
   */
  /** Bits by (hash >>> 16): set where some word (or bigram) has that hash; clear means certainly absent. */
  private readonly wordBits = new Uint32Array(2048);
  private readonly pairBits = new Uint32Array(2048);
  /** Open addressing, four ints a slot: [hash, second hash, word number + 1 (0 = empty), unigram row or -1]. */
  private readonly wordSlots: Int32Array;
  private readonly wordMask: number;
  /** Word number -> row of its unigram weights, or -1 (for the features looked up by number). */
  private readonly unigram: Int32Array;
  /** Open addressing, two ints a slot: [(first << 16 | second) + 1, row] (0 = empty). */
  private readonly pairSlots: Int32Array;
  private readonly pairMask: number;
  /** Row r's weights are weights[r * stride, r * stride + width). */
  private readonly weights: Float32Array;
  private readonly stride: number;
  private readonly nameId: number;
  private readonly numberId: number;
  private readonly shapeIds: Record<string, number>;
  /** Per-check sums (a check is synchronous; the caller reads the scores before the next check). */
  private readonly sum: Float64Array;
  private readonly scores: Float64Array;

  constructor(section: ClassifierSection) {
    const width = (this.width = section.categories.length);
    const stride = (this.stride = Math.ceil(width / 8) * 8);
    this.categories = section.categories;
    this.bias = Float64Array.from(section.bias);
    this.cut = Float64Array.from(section.threshold, (p) => Math.log(p / (1 - p)));
    const entries = Object.entries(section.weights);
    this.weights = new Float32Array(entries.length * stride);
    const ids = new Map<string, number>();
    const words: string[] = [];
    const intern = (w: string) => {
      let id = ids.get(w);
      if (id === undefined) {
        ids.set(w, (id = ids.size));
        words.push(w);
      }
      return id;
    };
    const rows: Array<[number, number, number]> = []; // [a, b or -1, row]
    entries.forEach(([name, ws], row) => {
      this.weights.set(ws, row * stride);
      const space = name.indexOf(' ');
      if (space === -1) rows.push([intern(name), -1, row]);
      else rows.push([intern(name.slice(0, space)), intern(name.slice(space + 1)), row]);
    });
    this.nameId = intern(NAME);
    this.numberId = intern(NUMBER);
    this.shapeIds = { [QUESTION]: intern(QUESTION), [URL]: intern(URL), [MENTION]: intern(MENTION), [QUOTE]: intern(QUOTE) };
    if (words.length >= 0xffff) throw new Error(`the classifier has ${words.length} distinct words; at most 65,534 are supported`);

    this.unigram = new Int32Array(words.length).fill(-1);
    const pairs = rows.filter((r) => r[1] !== -1);
    let size = 16;
    while (size < pairs.length * 2) size *= 2;
    this.pairSlots = new Int32Array(size * 2);
    this.pairMask = size - 1;
    for (const [a, b, row] of rows) {
      if (b === -1) {
        this.unigram[a] = row;
        continue;
      }
      const hash = mix(a, b);
      setBit(this.pairBits, hash);
      let slot = hash & this.pairMask;
      while (this.pairSlots[slot * 2] !== 0) slot = (slot + 1) & this.pairMask;
      this.pairSlots[slot * 2] = ((a << 16) | b) + 1;
      this.pairSlots[slot * 2 + 1] = row;
    }

    size = 16;
    while (size < words.length * 2) size *= 2;
    this.wordSlots = new Int32Array(size * 4);
    this.wordMask = size - 1;
    words.forEach((w, id) => {
      const [h, g] = hashRange(w, 0, w.length);
      setBit(this.wordBits, h);
      let slot = h & this.wordMask;
      while (this.wordSlots[slot * 4 + 2] !== 0) slot = (slot + 1) & this.wordMask;
      this.wordSlots.set([h, g, id + 1, this.unigram[id]!], slot * 4);
    });
    this.sum = new Float64Array(width);
    this.scores = new Float64Array(width);
  }

  /** The slot (index into wordSlots) of the word with these hashes, or -1 when the model does not know it. */
  private slotOf(h: number, g: number): number {
    if (!hasBit(this.wordBits, h)) return -1;
    const { wordSlots, wordMask } = this;
    for (let slot = h & wordMask; ; slot = (slot + 1) & wordMask) {
      const at = slot * 4;
      if (wordSlots[at + 2] === 0) return -1;
      if (wordSlots[at] === h && wordSlots[at + 1] === g) return at;
    }
  }

  /** The number of a word given as a string, or -1. */
  private idOf(word: string): number {
    const [h, g] = hashRange(word, 0, word.length);
    const at = this.slotOf(h, g);
    return at < 0 ? -1 : this.wordSlots[at + 2]! - 1;
  }

  private pairRow(a: number, b: number): number {
    const hash = mix(a, b);
    if (!hasBit(this.pairBits, hash)) return -1;
    const key = ((a << 16) | b) + 1;
    const { pairSlots, pairMask } = this;
    let slot = hash & pairMask;
    for (;;) {
      const k = pairSlots[slot * 2]!;
      if (k === 0) return -1;
      if (k === key) return pairSlots[slot * 2 + 1]!;
      slot = (slot + 1) & pairMask;
    }
  }

  /** Adds a feature's weights to the sums. */
  private add(row: number): void {
    if (row < 0) return;
    const { width, weights, sum } = this;
    const at = row * this.stride;
    for (let c = 0; c < width; c++) sum[c] = sum[c]! + weights[at + c]!;
  }

  /** Scores a view: the logit per category (an array the next call reuses). */
  score(view: TextView): Float64Array {
    const { width, sum, unigram, nameId, wordSlots } = this;
    sum.fill(0);
    const lower = view.lower;
    const cased = view.cased;
    const n = lower.length;
    let boundary = true;
    let count = 0;
    let prev = -2; // -2: no previous word yet; -1: an unknown word
    let prevName = false;
    let question = false;
    let mention = false;
    let quote = false;
    for (let i = 0; i < n; ) {
      let c = lower.charCodeAt(i);
      if (!isTokenChar(c) || c === 39) {
        if (isSentenceEnd(c)) {
          boundary = true;
          if (c === 63) question = true;
        } else if (c === 64 && !mention) mention = isMention(lower, i);
        else if ((c === 34 || c === 39) && !quote) quote = isQuote(lower, i);
        i++;
        continue;
      }
      const start = i;
      let digit = false;
      // Both hashes as we go, keeping those before each of the last two characters (for a dropped "'s").
      let h = H1;
      let g = H2;
      let h1 = h;
      let g1 = g;
      let h2 = h;
      let g2 = g;
      let hp = TILDE1; // "~" and the first PREFIX characters
      let gp = TILDE2;
      while (i < n && isTokenChar((c = lower.charCodeAt(i)))) {
        if (c >= 48 && c <= 57) digit = true;
        h2 = h1;
        g2 = g1;
        h1 = h;
        g1 = g;
        h = step1(h, c);
        g = step2(g, c);
        if (i - start < PREFIX) {
          hp = step1(hp, c);
          gp = step2(gp, c);
        }
        i++;
      }
      let end = i;
      while (end > start && lower.charCodeAt(end - 1) === 39) end--;
      let textEnd = end;
      if (textEnd - start > 2 && lower.charCodeAt(textEnd - 1) === 115 && lower.charCodeAt(textEnd - 2) === 39) textEnd -= 2;
      let k = this.numberId;
      let row = unigram[k]!;
      if (!digit) {
        let at: number;
        if (textEnd === i) at = this.slotOf(h | 0, g | 0);
        else if (textEnd === i - 2) at = this.slotOf(h2 | 0, g2 | 0);
        else {
          const [x, y] = hashRange(lower, start, textEnd);
          at = this.slotOf(x, y);
        }
        k = at < 0 ? -1 : wordSlots[at + 2]! - 1;
        row = at < 0 ? -1 : wordSlots[at + 3]!;
      }
      const name = !boundary && !digit && isUpper(cased.charCodeAt(start)) && end - start > 1;
      count++;
      this.add(row);
      if (!digit && textEnd - start > PREFIX) {
        const at = this.slotOf(hp | 0, gp | 0);
        if (at >= 0) this.add(wordSlots[at + 3]!);
      }
      if (name && !prevName) this.add(unigram[nameId]!);
      if (prev !== -2 && !boundary) {
        if (prev >= 0 && k >= 0) this.add(this.pairRow(prev, k));
        if (prev >= 0 && name && !prevName) this.add(this.pairRow(prev, nameId));
        else if (prevName && !name && k >= 0) this.add(this.pairRow(nameId, k));
      }
      prev = k;
      prevName = name;
      boundary = false;
    }
    if (question) this.add(unigram[this.shapeIds[QUESTION]!]!);
    if (lower.includes('http') || lower.includes('www.')) this.add(unigram[this.shapeIds[URL]!]!);
    if (mention) this.add(unigram[this.shapeIds[MENTION]!]!);
    if (quote) this.add(unigram[this.shapeIds[QUOTE]!]!);
    const scale = lengthScale(count);
    const scores = this.scores;
    for (let c = 0; c < width; c++) scores[c] = this.bias[c]! + scale * sum[c]!;
    return scores;
  }

  /** The weight of a feature for category c (0 when the model does not have it). */
  private weight(a: string, b: string | null, c: number): number {
    const ia = this.idOf(a);
    if (ia < 0) return 0;
    let row: number;
    if (b === null) row = this.unigram[ia]!;
    else {
      const ib = this.idOf(b);
      row = ib < 0 ? -1 : this.pairRow(ia, ib);
    }
    return row < 0 ? 0 : this.weights[row * this.stride + c]!;
  }

  /**
   * Where a post reads most like category c, for the finding's highlight: the run of up to four words in one
   * sentence whose features (unigrams, bigrams and names inside it) add most to the category; the shortest such run
   * on a tie. Null when no run adds anything. Only worked out when the model flags a post, so it may be slow.
   */
  explain(view: TextView, c: number): { start: number; end: number } | null {
    type Tok = { start: number; end: number; sentence: number; own: number; link: number };
    const toks: Tok[] = [];
    let sentence = 0;
    let prevText: string | null = null;
    let prevName = false;
    walkWords(view, (text, start, end, name, newSentence) => {
      if (newSentence) sentence++;
      // own: the word's unigram (and "<n>" when it starts a name); link: the bigrams joining it to the word before.
      let own = this.weight(text, null, c);
      if (text.length > PREFIX && text !== NUMBER) own += this.weight(`~${text.slice(0, PREFIX)}`, null, c);
      if (name && !prevName) own += this.weight(NAME, null, c);
      let link = 0;
      if (prevText !== null && !newSentence) {
        link += this.weight(prevText, text, c);
        if (name && !prevName) link += this.weight(prevText, NAME, c);
        else if (prevName && !name) link += this.weight(NAME, text, c);
      }
      toks.push({ start, end, sentence, own, link });
      prevText = text;
      prevName = name;
    });
    let best: { start: number; end: number; value: number } | null = null;
    for (let i = 0; i < toks.length; i++) {
      let value = 0;
      for (let j = i; j < toks.length && j < i + 4 && toks[j]!.sentence === toks[i]!.sentence; j++) {
        value += toks[j]!.own + (j > i ? toks[j]!.link : 0);
        if (value > 0 && (!best || value > best.value + 1e-9)) best = { start: toks[i]!.start, end: toks[j]!.end, value };
      }
    }
    return best && { start: best.start, end: best.end };
  }
}
