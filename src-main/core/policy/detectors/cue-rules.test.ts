/**
 * The pack's cue lists: pending court proceedings (BAR 9c), defamation (BAR 9a), confidential material (ICO26,
 * ICO21 5.5), security clearance (ICO26), references and endorsements (ICO21 8.1, ICO13 3.1-3.3), impersonation
 * (BAR 5a), branding (ICO26, ICO21 5.5) and reposting (SYP Annex One).
 */
import { describe, expect, it } from 'vitest';
import type { Category } from '../types';
import { check, engineWith, serious } from '../testing/check-helpers';

const flagged = (text: string, category: Category, engine?: ReturnType<typeof engineWith>) =>
  serious(check(text, {}, engine)).filter((f) => f.category === category).map((f) => text.slice(f.start, f.end));

describe('court proceedings', () => {
  it('flags a pending case but not one that has concluded', () => {
    expect(flagged('A man has been charged with burglary and will appear at Sheffield Magistrates’ Court on Monday.', 'legal-proceedings')).toContain('has been charged');
    expect(flagged('A man was fined £400 after he was charged with fly-tipping.', 'legal-proceedings')).toEqual([]);
  });

  it('flags an arrest (proceedings are active from arrest) and guilt asserted before a verdict', () => {
    expect(flagged('Police have arrested a 19-year-old after the stabbing.', 'legal-proceedings')).toEqual(['have arrested']);
    expect(flagged('Mr Jones is guilty of stealing from the charity.', 'legal-proceedings')).toEqual(['is guilty of']);
  });

  it('leaves trials of new services and jury idioms alone', () => {
    expect(flagged('The trial of food waste collections starts in May.', 'legal-proceedings')).toEqual([]);
    expect(flagged('The jury’s still out on the new bin colours.', 'legal-proceedings')).toEqual([]);
  });
});

describe('defamation', () => {
  it('needs sign-off for an allegation about a named person or organisation', () => {
    expect(flagged('John Smith is a liar and a fraud', 'defamation')).toContain('is a liar');
    expect(flagged('Acme Builders Ltd ripped off our tenants', 'defamation')).toEqual(['ripped off']);
  });

  it('is only advice when nobody is named', () => {
    const found = check('Thieves stole lead from the church roof. Call 101.').filter((f) => f.category === 'defamation');
    expect(found.map((f) => f.severity)).toEqual(['advice']);
  });
});

describe('confidential material', () => {
  it('blocks a protective marking in capitals, not the word in a sentence', () => {
    expect(check('OFFICIAL-SENSITIVE: draft budget').map((f) => f.severity)).toContain('block');
    expect(flagged('TOP SECRET plans leaked', 'confidential')).toEqual(['TOP SECRET', 'leaked']);
    expect(flagged('The secret garden at the museum reopens', 'confidential')).toEqual([]);
    expect(flagged('Secret Santa at the food bank', 'confidential')).toEqual([]);
  });

  it('flags notes that it is not for publication, unannounced investigations and named staff performance', () => {
    expect(flagged('Not for publication until Monday: new leisure centre plans', 'confidential')).toEqual(['Not for publication']);
    expect(flagged('We have opened an unannounced investigation into the care home', 'confidential')).toEqual(['unannounced investigation']);
    expect(flagged('Sarah Jones has been suspended pending a disciplinary hearing', 'confidential').length).toBeGreaterThan(0);
  });

  it('leaves a confidential helpline alone', () => {
    expect(flagged('Call our confidential helpline on 0800 123 4567', 'confidential')).toEqual([]);
  });
});

describe('security clearance', () => {
  it('flags a clearance level, but not snow clearance or domestic violence (DV)', () => {
    expect(flagged('Our new analyst is SC cleared and holds DV clearance', 'security-clearance')).toEqual(['SC cleared', 'holds DV']);
    expect(flagged('Snow clearance: crews cleared 40 miles of pavement', 'security-clearance')).toEqual([]);
    expect(flagged('If you are experiencing domestic violence (DV), call the helpline', 'security-clearance')).toEqual([]);
  });
});

describe('references and endorsements', () => {
  it('flags a reference for a named person', () => {
    expect(flagged('I recommend Tom Brown to any employer: he was an excellent employee', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Reference for Daniel Osei: reliable and hard-working.', 'endorsement')).toEqual(['Reference for']);
  });

  it('flags a recommendation of a named business, not advice to residents', () => {
    expect(flagged('We highly recommend Smith’s Plumbing for your repairs', 'endorsement')).toEqual(['We highly recommend']);
    expect(flagged('Need a skip? Use Anytown Skips Ltd!', 'endorsement')).toEqual(['Use']);
    expect(flagged('We recommend booking early: places are limited.', 'endorsement')).toEqual([]);
    expect(flagged('Vote for your favourite design for the council Christmas card', 'endorsement')).toEqual([]);
  });
});

describe('impersonation', () => {
  it('flags speaking as another body, but not as ourselves', () => {
    const engine = engineWith({ organisationNames: ['Anytown Borough Council'] });
    expect(flagged('This is the official account of HMRC', 'impersonation', engine)).toEqual(['the official account of']);
    expect(flagged('This is the official account of Anytown Borough Council', 'impersonation', engine)).toEqual([]);
    expect(flagged('DVLA notice: your vehicle tax has expired', 'impersonation', engine)).toEqual(['DVLA']);
    expect(flagged('We are Anytown Fire and Rescue Service. Test your smoke alarms!', 'impersonation', engine)).toEqual(['We are']);
    expect(flagged('We are working with the NHS on a new health hub', 'impersonation', engine)).toEqual([]);
    expect(flagged('Beware of scam texts pretending to be from the DVLA. The DVLA never asks for bank details.', 'impersonation', engine)).toEqual([]);
  });
});

describe('branding and reposting', () => {
  it('needs sign-off to use our logo or someone else’s', () => {
    expect(flagged('Download our logo for your posters', 'branding')).toEqual(['our logo']);
    expect(flagged('Our posters feature the Coca-Cola logo this year', 'branding')).toEqual(['logo']);
  });

  it('flags a logo described in an image’s alt text', () => {
    const found = check('Fan zone on Saturday!', {
      media: [{ kind: 'image', alt: 'Poster with the Premier League logo beside the council crest', source: 'Comms team', licence: 'Council-owned' }],
    });
    expect(found.filter((f) => f.category === 'branding').map((f) => f.message)).toContainEqual(expect.stringMatching(/^Image 1, alt text: /));
  });

  it('needs a check before reposting another account’s statement', () => {
    expect(flagged('RT @someone: the new bridge is a disgrace', 'external-link')).toEqual(['RT @']);
  });
});
