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
