/**
 * The normalised view maps every span back to the text as the officer typed it (issue 5: offsets point into the
 * original text even after normalisation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTextView } from './text-view';

describe('text view', () => {
  it('folds homoglyphs, fullwidth and maths letters, strips invisible characters and keeps a map back', () => {
    const original = 'Ѕ\u200Bh𝐢ｔ é’';
    const v = createTextView(original);
    expect(v.cased).toBe("Shit e'");
    expect(v.toOriginal(0, 4)).toEqual([0, 6]); // "Ѕ\u200Bh𝐢ｔ": the maths i is two UTF-16 units, the space was dropped
    expect(original.slice(...v.toOriginal(5, 7))).toBe('é’');
  });

  it('maps every span of the view to the smallest span of the original that folds to text containing it', () => {
    const chars = fc.constantFrom('a', 'B', ' ', 'é', 'а', '\u200B', '\u202E', '𝐟', 'ｋ', '😀', '’', '\uD83D', 'ß', 'İ', 'ﬁ');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const original = parts.join('');
        const v = createTextView(original);
        expect(v.lower.length).toBe(v.cased.length);
        if (v.cased.length === 0) return;
        const s = a % v.cased.length;
        const e = s + 1 + (b % (v.cased.length - s));
        const low = (i: number) => i < v.cased.length && v.cased.charCodeAt(i) >= 0xdc00 && v.cased.charCodeAt(i) <= 0xdfff;
        if (low(s) || low(e)) return; // detectors' spans never split an emoji in two
        const [os, oe] = v.toOriginal(s, e);
        expect(0 <= os && os <= oe && oe <= original.length).toBe(true);
        // One character can fold to several ("ﬁ" to "fi"), so half of it maps back to all of it.
        expect(createTextView(original.slice(os, oe)).cased).toContain(v.cased.slice(s, e));
      }),
      { numRuns: 400 },
    );
  });
});
