/** The organisation's own name written wrongly (ICO26 branding; SYP Annex One brand guidelines). */
import { describe, expect, it } from 'vitest';
import { check, engineWith } from '../testing/check-helpers';
import { editDistanceAtMost } from './own-name';

const engine = engineWith({ organisationNames: ['Westmoor District Council', 'Westmoor Council', 'the council'] });
const misspelt = (text: string) =>
  check(text, {}, engine)
    .filter((f) => f.ruleId === 'branding.own-name-misspelt')
    .map((f) => [f.severity, text.slice(f.start, f.end)]);

describe('own name misspelt', () => {
  it('asks for a sign-off when our name is misspelt, split, run together or oddly capitalised', () => {
    expect(misspelt('A warm welcome from everyone at Westmoor District Counsel.')).toEqual([['sign-off', 'Westmoor District Counsel']]);
    expect(misspelt('West Moor District Council is recruiting.')).toEqual([['sign-off', 'West Moor District Council']]);
    expect(misspelt('West Moor District Council’s offices are closed.')).toEqual([['sign-off', 'West Moor District Council']]);
    expect(misspelt('WestMoor District Council: bin days change next week.')).toEqual([['sign-off', 'WestMoor District Council']]);
    expect(misspelt('Westmoor Distrcit Council budget consultation.')).toEqual([['sign-off', 'Westmoor Distrcit Council']]);
    expect(misspelt('Westmoor Distict Counci budget consultation.')).toEqual([['sign-off', 'Westmoor Distict Counci']]);
  });

  it('leaves the name alone written right, in capitals, in lower case, as a plural, possessive or longer word, and in tags and addresses', () => {
    for (const ok of [
      'Westmoor District Council and Westmoor Council both say so.',
      'WESTMOOR DISTRICT COUNCIL',
      'westmoor district council',
      'Westmoor District Council’s budget and Westmoor District Councillors',
      '#WestmoorDistrictCouncil, @WestmoorDC, westmoordistrictcouncil.gov.uk, news@westmoordistrictcouncil.gov.uk',
      'Everyone at Westmoor District Council, and Westmoor District Council staff, wish you well.',
    ]) expect(misspelt(ok)).toEqual([]);
  });

  it('asks for a sign-off when our place is given with another kind of council, written out or as a hashtag', () => {
    expect(misspelt('Westmoor City Council has approved the budget.')).toEqual([['sign-off', 'Westmoor City Council']]);
    expect(misspelt('Thanks for coming! #WestmoorCountyCouncil')).toEqual([['sign-off', '#WestmoorCountyCouncil']]);
    expect(misspelt('Westmoor District Council has approved the budget. #WestmoorDistrictCouncil')).toEqual([]);
  });

  it('reads our place with the wrong kind of council as our name written wrongly, not as another body speaking', () => {
    for (const text of ['Westmoor City Council: new opening hours from 1 April.', 'Happy Easter from everyone at Westmoor County Council!']) {
      const found = check(text, {}, engine).filter((f) => f.severity !== 'advice').map((f) => f.ruleId);
      expect(found, text).toContain('branding.own-name-misspelt');
      expect(found, text).not.toContain('impersonation.other-body');
    }
    // Another place's council is still another body.
    expect(check('Happy Easter from everyone at Eastbrook City Council!', {}, engine).map((f) => f.ruleId)).toContain('impersonation.other-body');
  });

  it('does nothing without configured names', () => {
    expect(check('Anytown Borough Counsel').filter((f) => f.category === 'branding')).toEqual([]);
  });

  it('counts edits with an early stop', () => {
    expect(editDistanceAtMost('council', 'counsel', 2)).toBe(2);
    expect(editDistanceAtMost('district', 'distrcit', 2)).toBe(1);
    expect(editDistanceAtMost('westmoor', 'eastbourne', 2)).toBe(3);
  });
});
