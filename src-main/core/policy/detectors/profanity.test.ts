/**
 * Swearing that survives disguise, without the Scunthorpe problem (BAR 5a "Do not swear"; issue 5).
 */
import { describe, expect, it } from 'vitest';
import { check, rules, serious, spans } from '../testing/check-helpers';

describe('profanity', () => {
  it('reads spaced letters after a one-letter word', () => {
    expect(spans("don't be a p r i c k", check("don't be a p r i c k"))).toEqual(['profanity.moderate: p r i c k']);
    expect(check('this is a n e w thing').filter((f) => f.category === 'profanity')).toEqual([]);
  });

  it('reads symbols typed in place of letters, but not punctuation after a word', () => {
    expect(spans('roads are still f*&king lethal', check('roads are still f*&king lethal'))).toEqual(['profanity.strong: f*&king']);
    expect(spans('what a sh%t show', check('what a sh%t show'))).toEqual(['profanity.moderate: sh%t']);
    expect(check('Is it open? Really?! Great news!! Tickets £5 & up').filter((f) => f.category === 'profanity')).toEqual([]);
  });

  it('flags f.u.c.k and sh1t but not Scunthorpe or Penistone', () => {
    const text = 'f.u.c.k this sh1t, says a man from Scunthorpe who works in Penistone';
    expect(spans(text, check(text))).toEqual(['profanity.strong: f.u.c.k', 'profanity.moderate: sh1t']);
  });

  it.each([
    ['f u c k', 'f u c k'],
    ['f-u-c-k', 'f-u-c-k'],
    ['c*nt', 'c*nt'],
    ['f**king', 'f**king'],
    ['$h!t', '$h!t'],
    ['fuuuuuck', 'fuuuuuck'],
    ['ｆｕｃｋ (fullwidth)', 'ｆｕｃｋ'],
    ['fцck with a Cyrillic у', 'fуck'],
  ])('sees through disguise: %s', (_name, word) => {
    const text = `Honestly, ${word} that`;
    const found = check(text).filter((f) => f.category === 'profanity');
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(word);
    expect(found[0]!.severity).not.toBe('advice');
  });

  it('points at the original text when a zero-width space hides inside the word', () => {
    const text = 'what the f\u200Buck';
    const f = check(text).find((x) => x.category === 'profanity')!;
    expect(text.slice(f.start, f.end)).toBe('f\u200Buck');
    expect(rules(check(text))).toContain('hidden-text.zero-width');
  });

  it.each([
    'Scunthorpe United play at home on Saturday',
    'Roadworks on Penistone Road',
    'Ferry times from Twatt in Orkney',
    'Shitterton residents: bins will be a day late',
    'Bitchfield village hall is open',
    'Cockermouth and Clitheroe libraries',
    'Essex, Sussex and Middlesex',
    'Arsenal v Spurs: expect road closures',
    'A talk on Dickens by Professor Cockburn and Dr Hancock',
    'Dick Whittington is this year’s panto',
    'Spot a blue tit or a great tit in your garden',
    'Our assessment of the grass cutting class',
    'Fire retardant cladding',
    'Sexual health clinic: free and confidential',
    'Cocktail evening at the museum, with cumin-spiced nibbles',
  ])('does not flag "%s"', (text) => {
    expect(serious(check(text)).filter((f) => f.category === 'profanity')).toEqual([]);
  });

  it('treats bloody, crap and sod as advice, not sign-off', () => {
    const text = 'Bloody hell, what a load of crap. Sod it.';
    const found = check(text).filter((f) => f.category === 'profanity');
    expect(found.map((f) => [text.slice(f.start, f.end), f.severity])).toEqual([
      ['Bloody', 'advice'],
      ['crap', 'advice'],
      ['Sod', 'advice'],
    ]);
  });

  it('blocks UK swearing obscenity lacks, such as tosser and bellend', () => {
    for (const w of ['tosser', 'bellend', 'knobhead']) expect(check(`What a ${w}`).map((f) => f.severity)).toContain('block');
  });

  it('cites the policy clause and suggests a fix', () => {
    const [f] = check('fuck');
    expect(f!.clause).toContain('002_10d59e3fea5b670d.txt (BAR) 5a');
    expect(f!.suggestion).toBeTruthy();
  });
});

describe('street names', () => {
  it('leaves a street named with a rude word alone, but not the word on its own', () => {
    expect(serious(check('Butt Road is closed at the junction with Cock Lane while we clear a tree.'))).toEqual([]);
    expect(serious(check('What a cock-up with the bins this week.')).map((f) => f.category)).toContain('profanity');
  });
});
