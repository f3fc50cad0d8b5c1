/**
 * A dense Aho-Corasick automaton over UTF-16 code units, for the one scan of every post against every phrase list
 * (issue 5, speed). modern-ahocorasick (ENVIRONMENT.md) is the reference: phrase-index tests check this against it.
 * It is kept out of the hot path because it walks graphemes through an iterator object per character: about 8 us for
 * a 280-character post here, the largest single cost of a check, against about 1 us for this table walk.
 *
 * Built once per pack: a trie, failure links by breadth-first search, then a full transition table over the
 * phrases' own alphabet (every other character is one "other" class), and for each state the phrases ending there.
 * The table is 16-bit when the automaton has fewer than 65,536 states (half the memory, so more of it stays in cache).
 *
 * `scanWords` reports whole-word matches only, and does the word-boundary tests itself: each state's phrases are
 * stored with those that must end at a word's end first, so where the next character continues a word the scan skips
 * them without looking (most raw matches are inside longer words: "con" in "council").
 */
import { isWordChar } from './text-view';

export type AutomatonMatch = { index: number; start: number; end: number };

export class Automaton {
  private readonly classOf = new Map<number, number>();
  private readonly asciiClass = new Int32Array(128);
  private readonly width: number;
  private readonly delta: Uint16Array | Int32Array;
  /**
   * outStart[s]..outStart[s+1] indexes `outputs`: the phrases (by index) that end in state s; those from outOpen[s]
   * on may end inside a word (see `open`), those before it must end at a word's end.
   */
  private readonly outStart: Int32Array;
  private readonly outOpen: Int32Array;
  private readonly outputs: Int32Array;
  private readonly lengths: Int32Array;
  /** Per phrase: 1 when a whole-word match must start at a word's start (the phrase starts with a letter or digit). */
  private readonly startsWord: Uint8Array;

  /**
   * `open[i]`: phrase i may end inside a word (a prefix phrase such as "prosecut*"); otherwise `scanWords` reports it
   * only where a word ends, if it ends with a letter or digit (one ending in punctuation may be followed by anything).
   */
  constructor(phrases: readonly string[], open?: readonly boolean[]) {
    // The alphabet: each code unit used by a phrase gets a class; 0 is "any other character".
    for (const p of phrases) for (let i = 0; i < p.length; i++) if (!this.classOf.has(p.charCodeAt(i))) this.classOf.set(p.charCodeAt(i), this.classOf.size + 1);
    for (const [code, cls] of this.classOf) if (code < 128) this.asciiClass[code] = cls;
    const width = (this.width = this.classOf.size + 1);
    this.lengths = Int32Array.from(phrases, (p) => p.length);

    // Trie.
    const children: Array<Map<number, number>> = [new Map()];
    const ends: number[][] = [[]];
    phrases.forEach((p, index) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = this.classOf.get(p.charCodeAt(i))!;
        let next = children[s]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push([]);
          children[s]!.set(c, next);
        }
        s = next;
      }
      if (p.length > 0) ends[s]!.push(index);
    });

    // Failure links and the full transition table, breadth first.
    const states = children.length;
    const delta = (this.delta = states <= 0xffff ? new Uint16Array(states * width) : new Int32Array(states * width));
    const fail = new Int32Array(states);
    const order: number[] = [];
    for (const [c, next] of children[0]!) {
      delta[c] = next;
      order.push(next);
    }
    for (let q = 0; q < order.length; q++) {
      const s = order[q]!;
      // A state goes where its failure state goes (that row is complete, by breadth-first order), except along its own edges.
      const f = fail[s]! * width;
      delta.copyWithin(s * width, f, f + width);
      for (const [c, next] of children[s]!) {
        fail[next] = delta[f + c]!;
        delta[s * width + c] = next;
        order.push(next);
      }
    }
    // Outputs: a state's own phrases, then those of its failure state (already complete, by breadth-first order).
    const outLists: number[][] = new Array(states);
    outLists[0] = ends[0]!;
    for (const s of order) outLists[s] = ends[s]!.length ? [...ends[s]!, ...outLists[fail[s]!]!] : outLists[fail[s]!]!;
    const isOpen = (i: number) => open?.[i] === true || !isWordChar(phrases[i]!.charCodeAt(phrases[i]!.length - 1));
    this.startsWord = Uint8Array.from(phrases, (p) => (p.length > 0 && isWordChar(p.charCodeAt(0)) ? 1 : 0));
    this.outStart = new Int32Array(states + 1);
    this.outOpen = new Int32Array(states);
    let total = 0;
    for (let s = 0; s < states; s++) {
      this.outStart[s] = total;
      total += outLists[s]!.length;
    }
    this.outStart[states] = total;
    this.outputs = new Int32Array(total);
    for (let s = 0; s < states; s++) {
      const closed = outLists[s]!.filter((i) => !isOpen(i));
      const rest = outLists[s]!.filter((i) => isOpen(i));
      this.outputs.set(closed, this.outStart[s]!);
      this.outputs.set(rest, this.outStart[s]! + closed.length);
      this.outOpen[s] = this.outStart[s]! + closed.length;
    }
  }

  /**
   * Calls `found(index, start, end)` for every whole-word occurrence, in order of end: a phrase starting with a letter
   * or digit must start at a word's start, and one that is not open must end at a word's end.
   */
  scanWords(text: string, found: (index: number, start: number, end: number) => void): void {
    const { delta, width, asciiClass, classOf, outStart, outOpen, outputs, lengths, startsWord } = this;
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const c = code < 128 ? asciiClass[code]! : (classOf.get(code) ?? 0);
      s = delta[s * width + c]!;
      const to = outStart[s + 1]!;
      let k = outStart[s]!;
      if (k === to) continue;
      if (i + 1 < n && isWordChar(text.charCodeAt(i + 1))) k = outOpen[s]!; // a word goes on: only open phrases
      for (; k < to; k++) {
        const index = outputs[k]!;
        const start = i + 1 - lengths[index]!;
        if (startsWord[index] === 1 && start > 0 && isWordChar(text.charCodeAt(start - 1))) continue;
        found(index, start, i + 1);
      }
    }
  }

  /** Calls `found(index, start, end)` for every occurrence of every phrase, overlaps included, in order of end. */
  scan(text: string, found: (index: number, start: number, end: number) => void): void {
    const { delta, width, asciiClass, classOf, outStart, outputs, lengths } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const c = code < 128 ? asciiClass[code]! : (classOf.get(code) ?? 0);
      s = delta[s * width + c]!;
      const from = outStart[s]!;
      const to = outStart[s + 1]!;
      for (let k = from; k < to; k++) {
        const index = outputs[k]!;
        found(index, i + 1 - lengths[index]!, i + 1);
      }
    }
  }
}
