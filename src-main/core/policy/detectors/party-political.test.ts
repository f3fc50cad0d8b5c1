/**
 * Party politics only in a political context (BAR 5a, 9f; ICO26; R8): the ordinary senses of labour, reform,
 * conservative, green and liberal are not party politics.
 */
import { describe, expect, it } from 'vitest';
import { check, engineWith, serious, spans } from '../testing/check-helpers';

const pp = (text: string, engine?: ReturnType<typeof engineWith>) => spans(text, check(text, {}, engine).filter((f) => f.category === 'party-political'));

describe('party politics', () => {
  it.each([
    'Labour shortage in care homes: we are recruiting',
    'Labour market figures are out today',
    'Reform of adult social care starts in April',
    'A conservative estimate puts the crowd at 10,000',
    'New green spaces in every ward',
    'The Green Flag Award for Hillsborough Park',
    'Liberal use of grit on the hills tonight',
    'The Liberal Club hosts a jobs fair',
  ])('"%s" is not party politics', (text) => {
    expect(pp(text)).toEqual([]);
  });

  it('Tories, Lib Dems, SNP and Plaid Cymru are party politics', () => {
    const text = 'Tories, Lib Dems, the SNP and Plaid Cymru all responded';
    expect(pp(text)).toEqual([
      'party-political.party-named: Tories',
      'party-political.party-named: Lib Dems',
      'party-political.party-named: SNP',
      'party-political.party-named: Plaid Cymru',
    ]);
  });

  it('Labour, Reform and the Greens count when the sentence is political', () => {
    expect(pp('Labour councillors voted against the budget')).toEqual(['party-political.party-named: Labour']);
    expect(pp('The Reform-led council cut the grant')).toEqual(['party-political.party-named: Reform-led']);
    expect(pp('The Greens have won the by-election')).toEqual(['party-political.party-named: Greens']);
  });

  it('blocks campaigning for a party', () => {
    const found = check('Vote Labour on Thursday!').filter((f) => f.category === 'party-political');
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([['party-political.campaigning', 'block']]);
  });

  it('asks for sign-off whenever a configured candidate is named, and says so more firmly in a political setting', () => {
    // Pack 1.7.0: every labelled set written for Herald (eighteen, sixteen of them blind; 102 posts name a configured
    // candidate) counts a candidate named on the corporate account as party politics, even out of the pre-election
    // period.
    const engine = engineWith({ candidates: ['Priya Lakeman'] });
    const opening = check('Priya Lakeman opened the new library today', {}, engine).filter((f) => f.category === 'party-political');
    expect(opening.map((f) => [f.ruleId, f.severity])).toEqual([['party-political.candidate-named', 'sign-off']]);
    const political = check('Priya Lakeman, the Labour candidate, visited the depot', {}, engine).filter((f) => f.category === 'party-political');
    expect(political.map((f) => [f.ruleId, f.severity])).toContainEqual(['party-political.candidate-in-political-context', 'sign-off']);
  });
});

describe('partisan comment and parties capitalised mid-sentence', () => {
  const pp = (text: string) => serious(check(text)).filter((f) => f.category === 'party-political');

  it('flags praise or attack on politicians or the government', () => {
    expect(pp("This government's savage cuts have left councils unable to fix the roads.").length).toBeGreaterThan(0);
    expect(pp('Huge thanks to our brilliant local MP for fighting tirelessly for Anytown.').length).toBeGreaterThan(0);
  });

  it('flags Labour capitalised mid-sentence but not a sentence opening or a title', () => {
    expect(pp('Under Labour the waiting lists have doubled.').length).toBeGreaterThan(0);
    expect(pp('Labour shortages in social care are a challenge nationally.')).toEqual([]);
    expect(pp('Read the latest Labour Market Survey figures.')).toEqual([]);
  });

  it('leaves neutral mentions of councillors and government funding alone', () => {
    expect(pp('Cllr Anna Price, cabinet member for housing, opened the new homes today.')).toEqual([]);
    expect(pp("Thanks to the government's £2m grant, work on the flood defences starts this month.")).toEqual([]);
  });
});
