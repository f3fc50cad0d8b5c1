/**
 * The hot-path automaton finds exactly what modern-ahocorasick finds (the library is the reference here).
 */
import fc from 'fast-check';
import AhoCorasick from 'modern-ahocorasick';
import { describe, expect, it } from 'vitest';
import { Automaton } from './automaton';

function ours(phrases: string[], text: string): string[] {
  const out: string[] = [];
  new Automaton(phrases).scan(text, (index, start, end) => out.push(`${index}:${start}-${end}`));
  return out.sort();
}

function reference(phrases: string[], text: string): string[] {
  if (phrases.length === 0) return [];
  return new AhoCorasick(phrases.map((pattern, data) => ({ pattern, data })))
    .search(text)
    .map((m) => `${m.data}:${m.start}-${m.end}`)
    .sort();
}

describe('automaton', () => {
  it('finds every occurrence, overlaps and duplicates included, as modern-ahocorasick does', () => {
    const word = fc.stringMatching(/^[abc ]{1,5}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.stringMatching(/^[abcd ]{0,60}$/), (phrases, text) => {
        expect(ours(phrases, text)).toEqual(reference(phrases, text));
      }),
      { numRuns: 500 },
    );
  });

  it('treats characters outside the phrases’ alphabet as breaks, including emoji and other scripts', () => {
    expect(ours(['ab', 'b'], 'xab😀ab漢b')).toEqual(['0:1-3', '0:5-7', '1:2-3', '1:6-7', '1:8-9']);
  });
});

describe('automaton, whole words', () => {
  const isWord = (c: string | undefined) => c !== undefined && /[a-z0-9]/i.test(c);
  /** The reference: every raw match, kept when it starts and (unless open) ends at a word boundary. */
  function wholeWords(phrases: string[], open: boolean[], text: string): string[] {
    const out: string[] = [];
    new Automaton(phrases, open).scan(text, (index, start, end) => {
      const p = phrases[index]!;
      if (isWord(p[0]) && isWord(text[start - 1])) return;
      if (!open[index] && isWord(p[p.length - 1]) && isWord(text[end])) return;
      out.push(`${index}:${start}-${end}`);
    });
    return out.sort();
  }

  it('reports exactly the whole-word matches of the raw scan, open phrases included', () => {
    const word = fc.stringMatching(/^[ab' ]{1,5}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.boolean()), { maxLength: 12 }), fc.stringMatching(/^[abc' ]{0,60}$/), (list, text) => {
        const phrases = list.map(([p]) => p);
        const open = list.map(([, o]) => o);
        const ours: string[] = [];
        new Automaton(phrases, open).scanWords(text, (index, start, end) => ours.push(`${index}:${start}-${end}`));
        expect(ours.sort()).toEqual(wholeWords(phrases, open, text));
      }),
      { numRuns: 500 },
    );
  });

  it('skips matches inside longer words', () => {
    const found: string[] = [];
    new Automaton(['con', 'council', 'prosecut'], [false, false, true]).scanWords('the council will prosecute, con', (i, s, e) => found.push(`${i}:${s}-${e}`));
    expect(found).toEqual(['1:4-11', '2:17-25', '0:28-31']);
  });
});
