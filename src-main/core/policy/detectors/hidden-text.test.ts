/**
 * Hidden and direction-changing characters are findings in their own right (issue 5, "Bad input").
 */
import { describe, expect, it } from 'vitest';
import { check } from '../testing/check-helpers';

const hidden = (text: string) => check(text).filter((f) => f.category === 'hidden-text').map((f) => [f.ruleId, f.start, f.end, f.severity]);

describe('hidden text', () => {
  it('a bidi override is a hidden-text finding with its position', () => {
    const text = 'Pay at anytown.gov.uk/\u202Ekcilc';
    expect(hidden(text)).toEqual([['hidden-text.bidi-control', 22, 23, 'block']]);
    expect(check(text).find((f) => f.category === 'hidden-text')!.message).toContain('U+202E');
  });

  it('reports a run of zero-width characters once', () => {
    expect(hidden('bin\u200B\u200B\u200Bday')).toEqual([['hidden-text.zero-width', 3, 6, 'sign-off']]);
  });

  it('blocks invisible tag characters and lone surrogates', () => {
    expect(hidden('Hello \u{E0041}\u{E0042}')).toEqual([['hidden-text.tag-characters', 6, 10, 'block']]);
    expect(hidden('broken \uD83D here')).toEqual([['hidden-text.lone-surrogate', 7, 8, 'block']]);
    expect(hidden('broken \uDE00')).toEqual([['hidden-text.lone-surrogate', 7, 8, 'block']]);
  });

  it('leaves emoji sequences, the England and Scotland flags and Arabic text alone', () => {
    expect(hidden('Team 👩‍💻 and 👨‍👩‍👧 ❤️')).toEqual([]);
    expect(hidden('Come on 🏴󠁧󠁢󠁥󠁮󠁧󠁿 and 🏴󠁧󠁢󠁳󠁣󠁴󠁿!')).toEqual([]);
    expect(hidden('مرحبا\u200Fبكم')).toEqual([]);
  });

  it('flags a soft hyphen hiding inside a word', () => {
    expect(hidden('recy\u00ADcling')).toEqual([['hidden-text.invisible-filler', 4, 5, 'sign-off']]);
  });
});
