/**
 * The pack's cue lists: pending court proceedings (BAR 9c), defamation (BAR 9a), confidential material (ICO26,
 * ICO21 5.5), security clearance (ICO26), references and endorsements (ICO21 8.1, ICO13 3.1-3.3), impersonation
 * (BAR 5a), branding (ICO26, ICO21 5.5) and reposting (SYP Annex One).
 */
import { describe, expect, it } from 'vitest';
import type { Category } from '../types';
import { check, engineWith, serious } from '../testing/check-helpers';
import { createPolicyEngine, defaultPack } from '../engine';

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

  it('is only advice from the phrase rules when nobody is named (the classifier may still ask for a sign-off)', () => {
    const rulesOnly = createPolicyEngine({ ...defaultPack(), classifier: undefined });
    const found = check('Honestly, they are all crooks.', {}, rulesOnly).filter((f) => f.category === 'defamation');
    expect(found.map((f) => f.severity)).toEqual(['advice']);
  });

  it('does not treat a crime report with an unknown offender as an allegation against anyone', () => {
    expect(flagged('Thieves stole lead from the church roof. Call 101.', 'defamation')).toEqual([]);
    expect(flagged('Thieves stole bikes from outside Anytown Leisure Centre last night.', 'defamation')).toEqual([]);
    expect(flagged('A laptop was stolen from Anytown Library on Monday.', 'defamation')).toEqual([]);
  });

  it('finds inflected allegations against a named person or business, from one pack word', () => {
    expect(flagged('Mark Ellison has been fiddling his expenses for years.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Brightway Lettings are crooks.', 'defamation')).toEqual([expect.stringContaining('crooks')]);
    expect(flagged('Local businessman Gary Lund embezzled thousands from the club.', 'defamation')).toEqual(['embezzled']);
  });

  it('finds a passive allegation whose agent is named ("cheated by Apex Energy Solutions")', () => {
    expect(flagged('Residents were cheated by Apex Energy Solutions, who pocketed the grants.', 'defamation')).toContain('cheated');
  });

  it('finds a warning off a named business ("Avoid Hillside Roofing Ltd")', () => {
    expect(flagged('Avoid Hillside Roofing Ltd at all costs.', 'defamation')).toEqual(['Avoid']);
  });

  it('leaves concluded cases and general scam warnings alone', () => {
    expect(flagged('Hillside Roofing Ltd pleaded guilty and were fined £12,000 by magistrates for dumping waste.', 'defamation')).toEqual([]);
    expect(flagged('Beware of scam callers claiming to be from the council. We will never ask for bank details.', 'defamation')).toEqual([]);
    expect(flagged('Anyone caught dumping waste faces a fine of up to £1,000.', 'defamation')).toEqual([]);
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

  it('flags disclosure before an announcement, leaked documents and off-the-record remarks', () => {
    expect(flagged('Ahead of the official announcement next week, we can reveal the leisure centre will be sold.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Leaked minutes show the cabinet wants to scrap the service.', 'confidential')).toContain('Leaked');
    expect(flagged('Between us, the depot is closing next year.', 'confidential')).toEqual(['Between us']);
    expect(flagged('Embargoed until 00:01 Thursday: the new housing strategy.', 'confidential')).toContain('Embargoed');
  });

  it('leaves ordinary senses of leak, draft, sneak peek and confidential alone', () => {
    expect(flagged('A water leak on Station Road has been fixed.', 'confidential')).toEqual([]);
    expect(flagged('The draft local plan is out for consultation until 30 April. Have your say.', 'confidential')).toEqual([]);
    expect(flagged('Sneak peek at the new playground - opening next month!', 'confidential')).toEqual([]);
    expect(flagged('Your details are confidential and will only be used to process your application.', 'confidential')).toEqual([]);
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

describe('security clearance levels in capitals', () => {
  it('flags SC or DV near vetting or a job advert, but not a DBS check', () => {
    expect(flagged('Vacancy: IT engineer (BPSS and SC required).', 'security-clearance').length).toBeGreaterThan(0);
    expect(flagged('Welcome to Priya, who joins us with active DV clearance.', 'security-clearance').length).toBeGreaterThan(0);
    expect(flagged('Job: housing officer. An enhanced DBS check is required for this role.', 'security-clearance')).toEqual([]);
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

  it('flags inflected recommendations, a personal reference to any employer and sponsorship', () => {
    expect(flagged('The council highly recommends Castle Gym for anyone wanting to get fit.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged("I'd thoroughly recommend Helen Ward to any employer.", 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('This year the fireworks are sponsored by Kingsley Motors.', 'endorsement')).toEqual(['sponsored by']);
  });

  it('leaves recommendations of public services alone', () => {
    expect(flagged('Feeling unwell? We recommend checking the NHS website first.', 'endorsement')).toEqual([]);
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

describe('impersonation structures', () => {
  const engine = engineWith({ organisationNames: ['Anytown Borough Council', 'the council'] });

  it('flags pretending to be another body in the first person, not warnings about others doing it', () => {
    expect(flagged("For April Fools we're pretending to be the Met Office today.", 'impersonation', engine)).toEqual(['pretending to be']);
    expect(flagged('Beware of fake accounts pretending to be the council.', 'impersonation', engine)).toEqual([]);
  });

  it('flags greetings and sign-offs as another body or office-holder', () => {
    expect(flagged('Greetings from the DVLA: renew your vehicle tax today.', 'impersonation', engine).some((m) => m.startsWith('Greetings from'))).toBe(true);
    expect(flagged('Stay safe this bonfire night. - Chief Constable Mark Rowe', 'impersonation', engine)).toEqual(['-']);
    expect(flagged('We are working with Anytown Police on a crackdown on antisocial driving.', 'impersonation', engine)).toEqual([]);
  });

  it('flags posting for a named councillor', () => {
    expect(flagged("We're posting on behalf of Cllr Jones, who has lost his phone.", 'impersonation', engine).length).toBeGreaterThan(0);
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

describe('exemptions that keep look-alikes clean (pack 1.3.0)', () => {
  it('lets a post decline to comment because proceedings are active, but still flags comment on them', () => {
    expect(flagged('Since court proceedings have begun over the fire at the Brook Street warehouse, we are unable to comment further at this stage.', 'legal-proceedings')).toEqual([]);
    expect(flagged('Legal proceedings against Acme Demolition Ltd are under way and the firm should lose its licence.', 'legal-proceedings')).toEqual(['Legal proceedings']);
    expect(flagged('The jury heard that the defendant denies the charge. We cannot comment.', 'legal-proceedings').length).toBeGreaterThan(0);
  });

  it('treats "commercially sensitive" in a procedural agenda note as no disclosure', () => {
    expect(flagged('The planning committee will consider one report in private as it contains commercially sensitive tender prices. Agenda online.', 'confidential')).toEqual([]);
    expect(flagged('Leaked: the commercially sensitive bid prices for the leisure contract.', 'confidential')).toContain('commercially sensitive');
  });

  it('treats residents’ own confidential papers brought for shredding as no disclosure', () => {
    expect(flagged('Bring your old bank statements and other confidential documents to our free shredding event at the library car park.', 'confidential')).toEqual([]);
    expect(flagged('Strictly confidential documents from the closed session show the library will shut.', 'confidential').length).toBeGreaterThan(0);
  });

  it('treats an invitation to speak in confidence as support, not a leak', () => {
    expect(flagged('Worried about a neighbour? You can speak to our safeguarding team in confidence on 0300 123 4567.', 'confidential')).toEqual([]);
    expect(flagged('I was told in confidence that the depot will close next spring.', 'confidential')).toEqual(['in confidence']);
  });

  it('treats "parody account" inside a warning about an impostor as a warning, not impersonation', () => {
    expect(flagged('Heads up: a parody account is copying our library service logo. It is not run by us - our official pages are on our website.', 'impersonation')).toEqual([]);
    expect(flagged('We’ve set up a parody account of the Met Office for fun - follow us for silly forecasts!', 'impersonation')).toEqual(['parody account']);
  });

  it('does not ask for a repost check when the post credits the source and has its permission', () => {
    expect(flagged('Useful flood advice from the Environment Agency, reposted with their permission.', 'external-link')).toEqual([]);
    expect(flagged('Reposting this from a neighbour: the new bins are a total waste of money.', 'external-link')).toEqual(['Reposting']);
  });

  it('does not read a title in a closing sign-off as party-political comment', () => {
    const signed = 'Thanks for all your messages about the flooding at Mill Lane. I will keep standing up for Millbrook in Parliament. – Dame Alice Brook MP';
    expect(flagged(signed, 'party-political')).toEqual([]);
    expect(flagged('Thanks for your messages. I will keep standing up for Millbrook. - Dame Alice Brook, MP for Millbrook', 'party-political')).toEqual([]);
    expect(flagged('Our MP has completely failed us on the bypass.', 'party-political')).toEqual(['Our MP']);
    expect(flagged('Bins missed for three weeks and the Government has failed us', 'party-political').length).toBeGreaterThan(0);
  });

  it('does not read sarcastic praise followed by a complaint as an endorsement', () => {
    expect(flagged('Hats off to Riverside Plumbing Ltd for leaving yet another tenant without heating for a fortnight.', 'endorsement')).toEqual([]);
    expect(flagged('Top marks to Parkside Bakery for their brilliant sourdough.', 'endorsement')).toContain('Top marks to');
  });

  it('reads a service signposted with its number as signposting, not speaking as that service', () => {
    expect(flagged('Emergency? Call 999. Non-emergency police: 101. Urgent health advice: 111.', 'impersonation')).toEqual([]);
    expect(flagged('HMRC: you owe £480 in unpaid tax. Call 0300 123 4567 today.', 'impersonation')).toEqual(['HMRC']);
  });

  it('does not read "terms of reference" or a photo competition as an endorsement', () => {
    expect(flagged('The terms of reference for our new Youth Forum are online now.', 'endorsement')).toEqual([]);
    expect(flagged('Send us your photos and we’ll pick our favourites on Friday!', 'endorsement')).toEqual([]);
    expect(flagged('Happy to provide a reference for Sam Jones, a brilliant apprentice.', 'endorsement')).toEqual(['provide a reference']);
  });

  it('reads another body’s statement shared with credit as attribution, not speaking as that body', () => {
    expect(flagged('Shared from Millshire Fire and Rescue Service: their chimney safety week starts on Monday.', 'impersonation')).toEqual([]);
    expect(flagged('We are Millshire Fire and Rescue Service and we will be testing alarms on Monday.', 'impersonation').length).toBeGreaterThan(0);
  });

  it('flags a post that calls itself an unofficial channel or speaks from someone else’s account', () => {
    expect(flagged('Unofficial Millbrook Library news, run by fans.', 'impersonation')).toEqual(['Unofficial']);
    expect(flagged('Posting this from Cllr Sam Reed’s account while she is on holiday: thanks for your messages!', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('The unofficial count suggests turnout was high.', 'impersonation')).toEqual([]);
  });

  it('treats an unnamed charge or arrest with a refusal to comment as no comment, but not a named one', () => {
    expect(flagged('A woman has been charged over the fire at the depot and, as the matter is before the courts, we are unable to respond to questions.', 'legal-proceedings')).toEqual([]);
    expect(flagged('Daniel Price, 34, of Elm Road, has been arrested over the fire. We can’t comment further.', 'legal-proceedings')).toEqual(['has been arrested']);
  });

  it('does not read the Internal Audit service as an internal document', () => {
    expect(flagged('The internal audit report on parking income is on the committee agenda and published online.', 'confidential')).toEqual([]);
    expect(flagged('Here are the internal figures on parking income that nobody has seen yet.', 'confidential').length).toBeGreaterThan(0);
  });
});

describe('pack 1.4.0: other ways of saying it, and look-alikes that stay clean', () => {
  it('hears another body or person introducing themselves on the account', () => {
    expect(flagged('Anyshire Police here: the A38 is closed tonight.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('This is Jo Bloggs MP. I am backing the new bypass.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('From Jo Bloggs, MP for Anytown South: I am proud of our new library.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Thanks for the visit from Jo Bloggs MP: great to show her the library.', 'impersonation')).toEqual([]);
    expect(flagged('Sharing this from Anyshire Fire and Rescue Service: check your smoke alarms.', 'impersonation')).toEqual([]);
  });

  it('hears an employment reference offered, but not one refused or asked for', () => {
    expect(flagged('We are happy to give a reference to volunteers who helped at the festival.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('We do not give references here. To request one, email hr@anytown.gov.uk.', 'endorsement')).toEqual([]);
  });

  it('hears an unannounced investigation into a member of staff', () => {
    expect(flagged('Our audit team are investigating a senior manager in Parks over missing invoices.', 'confidential').length).toBeGreaterThan(0);
  });

  it('hears more words for dishonesty about a named firm, but not a charge reported as a charge', () => {
    expect(flagged('Holloway Glazing Ltd charge pensioners triple and pocket the difference.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Dale Hirst, accused of defrauding the Scout hut, is due in court on Monday.', 'defamation')).toEqual([]);
  });

  it('leaves a repair leak, the Green Flag award, scam and parody warnings and a refusal to comment alone', () => {
    expect(serious(check('Got a leak under the sink in your council flat? Report it and we will fix it.'))).toEqual([]);
    expect(serious(check('Vote for the Green Flag award winner in Anyshire.'))).toEqual([]);
    expect(serious(check('HMRC will never phone to say you will be arrested today. Hang up.'))).toEqual([]);
    expect(serious(check('Heads up: a fake account is using our logo and crest. It is not us, so please do not share its posts.'))).toEqual([]);
    expect(serious(check('We can’t comment on the court case while proceedings are active.'))).toEqual([]);
  });
});

describe('pack 1.5.0: voices, markings and cases awaiting sentence', () => {
  it('hears a named officer, a titled person or a local "resident" speaking on the account', () => {
    expect(flagged('Sgt Dawes here! Lock your bikes at the station please.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('It’s Mrs Lowe from Brook Primary: school is closed tomorrow.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Being HMRC for a day: nobody owes any tax this weekend.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('I’m a local mum and honestly the new park is the best thing the council has done.', 'impersonation').length).toBeGreaterThan(0);
  });

  it('hears a meme or a persona in the first person speaking for someone the account is not', () => {
    expect(flagged('POV: you’re the DVLA and someone parks on the zigzags', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('As a mum of three, I think the new bins are brilliant.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('As the Chair of NHS Anyshire, I’m proud of our strategy.', 'impersonation').length).toBeGreaterThan(0);
    expect(serious(check('As a parent, you can apply for free school meals online.'))).toEqual([]);
    expect(serious(check('As a resident, your views matter: have your say by Friday.'))).toEqual([]);
  });

  it('lets the council’s own services introduce themselves', () => {
    expect(serious(check('Anytown Library here! Story time is back on Saturday.'))).toEqual([]);
    expect(serious(check('Welcome to Anytown Market here, every Thursday.'))).toEqual([]);
  });

  it('hears operational papers shared, but not restricted parking', () => {
    expect(flagged('Silver command notes for the parade are below.', 'confidential').length).toBeGreaterThan(0);
    expect(serious(check('Restricted parking on Mill Lane from Monday.'))).toEqual([]);
  });

  it('treats a case awaiting sentence as active, and an attack on someone charged as prejudging it', () => {
    expect(flagged('Dean Cole pleaded guilty and is due to be sentenced next month.', 'legal-proceedings').length).toBeGreaterThan(0);
    const attack = flagged('The woman charged over the warehouse fire has always been trouble, ask anyone.', 'legal-proceedings');
    expect(attack).toContain('always been trouble');
  });

  it('leaves an acquittal, a counter-fraud team and a crest used to spot fakes alone', () => {
    expect(serious(check('A jury at Anytown Crown Court found a local landlord not guilty of all charges. We respect the decision.'))).toEqual([]);
    expect(serious(check('Suspect benefit fraud? Report it to our Counter Fraud team. All reports are treated in confidence.'))).toEqual([]);
    expect(serious(check('Genuine parking notices from us always show our crest and a number you can check online.'))).toEqual([]);
  });
});

describe('pack 1.6.0: more of what goes wrong, and what stays clean', () => {
  it('hears bids before award, door codes, settlements and losses not yet reported', () => {
    expect(flagged('The paving bids are in! Kerb Co came in at £2.1m and Slabs Ltd at £2.4m.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Reminder for staff: the depot door code is now 1234#.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Busy day: drafting a confidential settlement with a former employee.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('The fund lost £2m on the deal. Finance hasn’t reported it to members yet.', 'confidential').length).toBeGreaterThan(0);
    expect(serious(check('Never share your door code or alarm code with callers claiming to be from the council.'))).toEqual([]);
  });

  it('hears the firm we trust and the best pub named, but not a vote for the best pub', () => {
    expect(flagged('Ridgeway Roofing are the only firm we’d trust with your roof.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('The Plough on Mill Lane is the best pub in Anyshire.', 'endorsement').length).toBeGreaterThan(0);
    expect(serious(check('Vote for the best pub in Anytown in our Pub of the Year awards!'))).toEqual([]);
  });

  it('hears guilt asserted about a named defendant as an allegation too', () => {
    const found = serious(check('Trial of Kerry Dale, accused of theft, starts Monday. Everyone knows what she did.')).map((f) => f.category);
    expect(found).toContain('legal-proceedings');
    expect(found).toContain('defamation');
  });

  it('hears partisan hashtags and another body speaking in its own name', () => {
    expect(flagged('#ToryCuts have hit our library budget.', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Speaking as Anyshire Water, we apologise for the burst main.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('This account is now run by Anyshire Police.', 'impersonation').length).toBeGreaterThan(0);
  });

  it('leaves a declined comment on a tribunal, a ruling for the council and a club’s founding date alone', () => {
    expect(serious(check('We’ve had questions about the employment tribunal case. It would not be appropriate for us to comment while proceedings are ongoing.'))).toEqual([]);
    expect(serious(check('The employment tribunal has found in the council’s favour in the claim brought by a former employee.'))).toEqual([]);
    expect(serious(check('Happy 100th birthday to Anytown Cricket Club, founded on 14 May 1926!'))).toEqual([]);
    expect(serious(check('Gift vouchers for the council-run Playhouse are half price this month.'))).toEqual([]);
  });
});

describe('pack 1.7.0', () => {
  it('hears a greeting in an office-holder’s voice, an influencer plug and a giveaway for a business', () => {
    expect(flagged('Good morning from the head teacher at Oak Lane Primary! So proud of our pupils.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Obsessed with the new menu at The Brass Kettle 😍 Run, don’t walk.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Giveaway time! Follow @GlowSalon and tag three friends to win a facial.', 'endorsement').length).toBeGreaterThan(0);
  });

  it('hears a cash collection timetable and staff off with stress', () => {
    expect(flagged('The cash collection van calls at the depot every Tuesday at 2pm.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Half the planning team are off with stress, hence the delays.', 'confidential').length).toBeGreaterThan(0);
  });

  it('leaves credited shares, the council’s own offers, HR hearings and dismissed challenges alone', () => {
    expect(serious(check('Shared on behalf of the Environment Agency: the footbridge is closed because of high river levels.'))).toEqual([]);
    expect(serious(check('Early-bird tickets for the Anytown Show are 20% off with the code EARLY at anytown.gov.uk/show'))).toEqual([]);
    expect(serious(check('The High Court has dismissed the judicial review of the Station Road scheme.'))).toEqual([]);
    expect(serious(check('Someone is going door to door claiming to be from our housing team. Ask to see photo ID.'))).toEqual([]);
  });
});

describe('pack 1.8.0', () => {
  it('hears another organisation’s officer, a body “speaking”, a jokey “it’s the fire brigade” and a partner’s sign-off', () => {
    expect(flagged('I’m Helen Hart, Director at the UK Health Security Agency, and I support the vaccine drive.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Ant Valley Water speaking: sorry about the low pressure today.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Yo, it’s the fire brigade 🚒 stop leaving your chip pans on', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Lock your sheds over the holidays. Thanks, Anyshire Police Neighbourhood Team', 'impersonation').length).toBeGreaterThan(0);
    expect(serious(check('Cllr Jo Hart speaking at the climate summit this morning.'))).toEqual([]);
  });

  it('hears a referee offered, a covert watch, a raid planned and a named tenant’s possession hearing', () => {
    expect(flagged('Happy to act as a referee for anyone from our graduate scheme.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Counter-fraud update: we’re secretly watching a Blue Badge misuse ring at the car park.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Police and our licensing team are planning a raid on two bars this weekend.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('The possession hearing against our tenant Ashok Varma is set for 19 January.', 'legal-proceedings').length).toBeGreaterThan(0);
  });

  it('leaves a partner’s credited message and a learner’s quote alone', () => {
    expect(serious(check('From our partners in the NHS: flu jabs are free for over-65s. Book at www.nhs.uk/flu'))).toEqual([]);
    expect(serious(check('“I’d recommend the course to anyone,” says Jordan, who finished our free IT course.'))).toEqual([]);
  });
});

describe('pack 1.9.0', () => {
  it('hears another body’s voice in “as the”, “we at” and a named doctor “writing here”', () => {
    expect(flagged('As the Department for Education, we are pleased to confirm the new school.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('We at Ambry Water apologise for the burst main on Station Road.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Dr Sam Okoro, GP at Hawthorn Surgery, writing here: book your child’s MMR jabs.', 'impersonation').length).toBeGreaterThan(0);
  });

  it('hears “everyone knows what he did” about a named defendant', () => {
    const found = serious(check('Everyone on the estate knows what Jason Pryce did. The jury will hear it all when his trial starts.')).map((f) => f.category);
    expect(found).toContain('defamation');
    expect(found).toContain('legal-proceedings');
  });

  it('leaves a benefit backdated, a scam warning about “anyone claiming to be”, and an attributed quote alone', () => {
    expect(flagged('The backdated payment goes out on Friday.', 'defamation')).toEqual([]);
    expect(flagged('Anyone claiming to be from the “Anytown Water Board” is a fraudster: there is no such thing.', 'defamation')).toEqual([]);
    expect(serious(check('‘The new library is brilliant, my kids love it,’ says Fernhill mum Sophie.'))).toEqual([]);
  });
});

describe('pack 2.0.0', () => {
  it('hears another body’s voice in “speaking for”, “as your MP, I”, “I’m … your MP” and a utility introducing itself', () => {
    expect(flagged('Speaking for Westmoor District Council too: both our pools close over Easter.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('As your local MP, I have written to the rail operator about the cancelled trains.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Hi all, I’m Helen Ward, your MP, and the new crossing on Hill Road has my full support.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('This is Octopus Energy. Our engineers will be on Elm Road today to read meters.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Environment Agency flood team: we are closing the riverside path this afternoon.', 'impersonation').length).toBeGreaterThan(0);
  });

  it('does not hear it in our own staff introducing themselves or in a quoted MP', () => {
    expect(flagged('Hi, it’s Leanne from our Housing Options team: drop-in sessions restart on Monday.', 'impersonation')).toEqual([]);
    expect(flagged('“As your MP, I welcome the new crossing,” said Dev Malik.', 'impersonation').length).toBeGreaterThan(0);
  });

  it('hears a reference in “an asset to any team” and “our best planner”, but not in “our best result”', () => {
    expect(flagged('Nadia Rees leaves us on Friday. She would be an asset to any team lucky enough to get her.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Connor Blake was our best planning officer in a decade, and whoever hires him is lucky.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Recycling rates hit 52 % this year, which is our best result yet.', 'endorsement')).toEqual([]);
  });

  it('hears insinuation about a named firm: “can’t prove it”, “keeps winning the contract”, “on the take”', () => {
    expect(flagged('Hedgeline Grounds Ltd are the ones dumping cuttings by the river. We just can’t prove it yet.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Odd how Castell Paving keeps winning the resurfacing work, year after year 🤔', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Everyone at the depot says Gary Lund is on the take.', 'defamation').length).toBeGreaterThan(0);
  });

  it('reads a party winning seats as party politics, but not a party word in a street name', () => {
    expect(flagged('Conservatives sweep the county on a huge night for the party!', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Labour gains in three wards overnight 🌹', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Tory Lane and Reform Street are closed for gas works until Friday.', 'party-political')).toEqual([]);
  });

  it('hears a hushed-up announcement and a covert watch on named kinds of suspect, but not a deterrent', () => {
    expect(flagged('Big reorganisation news coming on Thursday… shh 🤫', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Our enforcement team are watching two suspected unlicensed taxi drivers at the station this week.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Fly-tippers: we are watching. Our CCTV cameras cover every hotspot.', 'confidential')).toEqual([]);
  });

  it('treats a service mailbox on our domain as a role mailbox and a concluded trial as concluded', () => {
    expect(serious(check('Questions about the report? Write to equality@anytown.gov.uk.'))).toEqual([]);
    expect(flagged('The trial over the bus station damage ended yesterday with a not guilty verdict.', 'legal-proceedings')).toEqual([]);
  });
});

describe('pack 2.1.0', () => {
  it('hears a body’s bulletin in its own first person, a police sign-off and a charity’s signature, but not a shared warning', () => {
    expect(flagged('Met Office amber alert: we are expecting gusts of 70 mph on the coast tonight.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Bridge Street is closed after the collision. Witnesses, please call 101. – Supt. Ravi Shah, Westmoor Police', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Thank you for the scarves and hats! Signed, the Trustees of Westmoor Night Shelter', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('The Met Office has a yellow warning for ice tonight: they advise leaving extra time.', 'impersonation')).toEqual([]);
  });

  it('hears “eat elsewhere”, “known to us for” and a hand in the till about a named place or person', () => {
    expect(flagged('Lucky Dragon on Mill Road is being looked at by our inspectors. Eat elsewhere for now!', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Harbour View Care is well known to us for missed medication.', 'defamation').length).toBeGreaterThan(0);
  });

  it('hears an operation timed ahead, roles at risk before staff are told, privileged advice and a named shortlist', () => {
    expect(flagged('Test purchases at the Quay Street off-licences on Saturday night 😉', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Twenty roles in Libraries are at risk; the wider workforce finds out on Friday.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Our legally privileged advice on the depot sale is that we would lose.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('The shortlist for Head of Finance is down to two: Alex Moore and Priti Rao.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Our Parks team is shortlisted for a Green Flag award, with Alex Moore leading the bid!', 'confidential')).toEqual([]);
  });

  it('hears confidence about a live case or inquest, and a case name with a hearing, but not a concluded inquest or a football fixture', () => {
    expect(flagged('Our case against Fastway Skips is listed for trial in May and we’re confident of the outcome.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('The inquest into the fire at Kiln Yard opens on Monday.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('Big week: Harlow Homes v Westmoor Council goes to the tribunal on Wednesday.', 'legal-proceedings')).toContain('v');
    expect(flagged('The inquest into the death at Kiln Yard ended with a narrative conclusion.', 'legal-proceedings')).toEqual([]);
    expect(flagged('Westmoor v Harlow in the cup final on Saturday, kick-off 3pm at the Rec.', 'legal-proceedings')).toEqual([]);
  });

  it('hears “you won’t regret it” and “look no further” about a named business', () => {
    expect(flagged('Congratulations to Olive & Vine on their five-star rating. Book a table, you won’t regret it!', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Need a roofer? Look no further than Peak Roofing Ltd.', 'endorsement').length).toBeGreaterThan(0);
  });
});

describe('pack 2.2.0', () => {
  it('leaves a lifted embargo alone but still hears one in force', () => {
    expect(flagged('Embargo lifted: our Ofsted rating is Good in every area!', 'confidential')).toEqual([]);
    expect(flagged('Embargoed until 00:01 Thursday: the new library opening hours.', 'confidential').length).toBeGreaterThan(0);
  });

  it('hears guilt asserted about a named defendant as defamation, but not a guilty plea', () => {
    expect(flagged('Neil Carter denies the charge, but he is obviously guilty.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Neil Carter pleaded guilty and is obviously sorry for what he did.', 'defamation')).toEqual([]);
  });

  it('hears staff saying what they should not: unredacted papers, a secret project, an internal email', () => {
    expect(flagged('Whoops, the unredacted bid scores are up on the planning portal.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Can’t wait for the project we’re not allowed to talk about 🤐', 'confidential').length).toBeGreaterThan(0);
  });

  it('hears a live claim against us and a defendant on remand', () => {
    expect(flagged('Yes, we are being sued by the old catering firm, and their claim is without merit.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('He was charged yesterday and is on remand.', 'legal-proceedings').length).toBeGreaterThan(0);
  });

  it('hears the police or fire service reporting in our first person, but not our own crews', () => {
    expect(flagged('Our firefighters freed a swan tangled in fishing line at the lake this morning.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('We are appealing for witnesses to a collision on the ring road at 18:40 last night.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Our bin crews were called out early to clear fly-tipping on Ash Lane.', 'impersonation')).toEqual([]);
  });

  it('does not read a vote in a business award as an election campaign', () => {
    expect(serious(check('Vote for Harbour Bakery in the Best Local Café awards!')).filter((f) => f.category === 'party-political')).toEqual([]);
  });
});

describe('pack 2.3.0', () => {
  it('hears another body signing the post off, but not a credited share', () => {
    expect(flagged('Struggling after the floods? Ask us for more time to pay. – HMRC', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Shared with us by our partners: stay away from the river path tonight. – Environment Agency', 'impersonation')).toEqual([]);
  });

  it('hears “we’re <a company> and we’re sorry” and “this is your MP”, but not “we’re not the police”', () => {
    expect(flagged('We’re Eastvale Energy and we’re sorry about the outage. Our engineers are on it.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Good morning, this is your MP, and I am delighted by the new bus lane.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('We’re not the police 😅 For crime, call 101.', 'impersonation')).toEqual([]);
  });

  it('hears a named firm blamed or a defendant’s guilt insinuated, but not a concluded case', () => {
    expect(flagged('Thanks for the help after the fire. No thanks to Sparkwell Electrics, whose dodgy wiring started it.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Rogue landlord Owen Price was fined £20,000 today after our prosecution.', 'defamation')).toEqual([]);
  });

  it('hears a security gap, an armed operation timed ahead and plans staff may not share', () => {
    expect(flagged('The depot cameras are down until Monday, so keep an eye out.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Armed officers will move in at 6pm: stay indoors on Ash Road.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Reading the site plans we’re not allowed to share 🤐', 'confidential').length).toBeGreaterThan(0);
  });

  it('leaves a concluded trial, a planning hearing and part 2 of a consultation alone, and hears a forthcoming prosecution', () => {
    expect(flagged('Following the jury’s not guilty verdict in the warehouse fire trial, we will meet residents.', 'legal-proceedings')).toEqual([]);
    expect(flagged('The public hearing on the bypass planning application is on 4 March.', 'legal-proceedings')).toEqual([]);
    expect(flagged('Part 2 of our budget consultation is open now.', 'confidential')).toEqual([]);
    expect(flagged('Watch the Leader talk about the forthcoming prosecution of Redline Demolition Ltd.', 'legal-proceedings').length).toBeGreaterThan(0);
  });

  it('hears a product or supplier pushed to others', () => {
    expect(flagged('We love the WarmNest heated throw, in stock at Harbour Home Store now.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('I’d urge every council to put Clearflow Pumps Ltd on their framework.', 'endorsement').length).toBeGreaterThan(0);
  });

  it('reads “Reform are wrong” as the party', () => {
    expect(flagged('Reform are wrong about the hotel plans.', 'party-political').length).toBeGreaterThan(0);
  });
});

describe('pack 2.4.0', () => {
  it('hears enforcement announced ahead, but not a past operation or routine inspections', () => {
    expect(flagged('Our mystery shoppers will be testing vape shops near schools next week 👀', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Plain-clothes officers will patrol the Sunday market this weekend looking for fakes.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Last Saturday we carried out test purchases at 9 shops; 2 sold to under-18s.', 'confidential')).toEqual([]);
    expect(flagged('We carry out unannounced hygiene inspections all year round, so keep your records up to date.', 'confidential')).toEqual([]);
  });

  it('hears a closed session leaked, but not one announced on an agenda', () => {
    expect(flagged('Heads-up from the closed session: the leisure centre contract goes to Apex.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('The committee will meet in closed session to consider item 9; press and public are excluded.', 'confidential')).toEqual([]);
  });

  it('hears name-calling and insinuation about a named person', () => {
    expect(flagged('Beware Ricky Dunn, the so-called roofer. He’s a thief, plain and simple.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Reference for Owen Marsh? We’d think twice. Ask him about the missing stock.', 'defamation').length).toBeGreaterThan(0);
  });

  it('hears bail and confiscation proceedings, and a clearance level given as “cleared to Secret”', () => {
    expect(flagged('Salon owner Mia Long remains on police bail until June.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('Our contractor’s engineers are cleared to Secret.', 'security-clearance').length).toBeGreaterThan(0);
    expect(flagged('Our contractor’s engineers are cleared to Secret.', 'confidential')).toEqual([]);
  });

  it('hears “only buy from” and “stick to” a named shop, and a police team signing off', () => {
    expect(flagged('Only buy Christmas lights from BrightSpark Ltd: every set we tested was safe.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Lock your sheds tonight.\n\nSgt Amy Cole, Eastfield Neighbourhood Policing Team', 'impersonation').length).toBeGreaterThan(0);
  });

  it('reads a party abbreviation after a councillor’s name as the party, and thanks to the NHS as thanks', () => {
    expect(flagged('Cllr Dan Frost (Con) opened the new play park today.', 'party-political').length).toBeGreaterThan(0);
    expect(serious(check('Thank you, NHS ❤️'))).toEqual([]);
  });
});

describe('pack 2.5.0', () => {
  it('hears speaking on behalf of another body in the first person, but not a collection for it', () => {
    expect(flagged('On behalf of the Riverside Trust, we’re asking everyone to sign our petition.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Thank you for raising £400 on behalf of the Riverside Trust at the fun run!', 'impersonation')).toEqual([]);
  });

  it('hears “is the place” and “don’t bother with the other” about a named business', () => {
    expect(flagged('Visiting for the fair? The Swan Hotel is the place: great breakfasts.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Don’t bother with the other garages. Kwikfit Motors got all of our vans through.', 'endorsement').length).toBeGreaterThan(0);
  });

  it('hears a case detail about an identifiable tenant, but not advice on making a referral', () => {
    expect(flagged('The tenant at 4 Elm Court who complained has rent arrears, for what it’s worth.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Worried about a child? Find out how to make a safeguarding referral on our website.', 'confidential')).toEqual([]);
  });

  it('hears a firm facing prosecution, but not a warning that fly-tippers could', () => {
    expect(flagged('Bright Rides Ltd face prosecution over the funfair injuries.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('Fly-tippers could face prosecution and a fine of up to £50,000.', 'legal-proceedings')).toEqual([]);
  });

  it('leaves a mock trial and a sponsorship by our own fund alone', () => {
    expect(flagged('Mock trial workshop this half term: children can be the judge and the jury!', 'legal-proceedings')).toEqual([]);
    expect(flagged('Well done to Eastfield under-12s, sponsored by our community fund!', 'endorsement')).toEqual([]);
  });
});

describe('pack 2.6.0', () => {
  it('leaves hard look-alikes alone: remand fostering, a generic rogue-trader warning, a published report, an explained marking', () => {
    expect(flagged('Could you offer a remand foster placement? Young people remanded by the courts need a home too.', 'legal-proceedings')).toEqual([]);
    expect(flagged('Rogue traders often cold-call older residents. If in doubt, keep them out.', 'defamation')).toEqual([]);
    expect(flagged('The review, embargoed until 00:01 today, is now published in full.', 'confidential')).toEqual([]);
    expect(flagged('New staff e-learning: what the OFFICIAL-SENSITIVE marking means and when it applies.', 'confidential')).toEqual([]);
  });

  it('leaves the NHS recommending a vaccine, our own guide “highly recommended” and a dog breeders’ rule alone', () => {
    expect(flagged('The NHS recommends two doses of the MMR vaccine.', 'endorsement')).toEqual([]);
    expect(flagged('Highly recommended reading: our refreshed Local Offer guide, out today.', 'endorsement')).toEqual([]);
    expect(serious(check('Licensed breeders: no bitch may have more than six litters.'))).toEqual([]);
  });

  it('still hears a named defendant who was a foster carer, and a takeaway recommended by the council team', () => {
    expect(flagged('Former foster carer Dana Roe pleaded not guilty today; her trial is set for May.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('Recommended takeaway from the council team: Golden Dragon. Five stars from all of us!', 'endorsement').length).toBeGreaterThan(0);
  });
});

describe('pack 2.7.0', () => {
  it('hears a security detail given away: a keypad code, an unguarded night, an unlocked key cabinet, a camera that cannot see', () => {
    expect(flagged('Volunteers at the allotment store: the padlock code is 2580 from Monday.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Heads up, the caretaker at Northgate depot locks up at 7pm and there is nobody on site until 7am.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Fun one from the workshop: the spare keys for the gritters hang on a hook by the side door 😂', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Between us, the CCTV by the bus station only covers half the car park.', 'confidential').length).toBeGreaterThan(0);
  });

  it('leaves crime-prevention advice, a promo code and a lorry driver’s blind spot alone', () => {
    expect(flagged('Thieves target sheds left unlocked overnight. Lock your shed and mark your tools.', 'confidential')).toEqual([]);
    expect(flagged('Use the code SWIM10 at the leisure centre for 10% off.', 'confidential')).toEqual([]);
    expect(flagged('Cycling past a bin lorry? Stay out of the driver’s blind spot: if you can’t see their mirrors, they can’t see you.', 'confidential')).toEqual([]);
  });

  it('hears enforcement about to look at an identifiable house, but not a reply passing a report on', () => {
    expect(flagged('Trading standards are keeping an eye on the shop opposite the station on Mill Road. Action soon.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Thanks for reporting the van on Mill Road; we have passed it to our enforcement officers.', 'confidential')).toEqual([]);
  });

  it('hears guilt asserted about a named defendant as an unproven allegation too, but not a case that has ended', () => {
    const text = 'Dean Hollis denies dumping the asbestos, but the photos speak for themselves. His trial is in March.';
    expect(flagged(text, 'defamation').length).toBeGreaterThan(0);
    expect(flagged(text, 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('Dean Hollis was convicted of dumping asbestos; the photos speak for themselves.', 'defamation')).toEqual([]);
  });

  it('hears more names for wrongdoers after a named person: tax dodger, slum landlord, loan shark', () => {
    expect(flagged('Everyone on Hill Street knows Vince Carter is a slum landlord.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Sandra Pike? Total tax dodger, ask anyone at the market.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Borrowing at Christmas? Avoid loan sharks: talk to the credit union first.', 'defamation')).toEqual([]);
  });

  it('hears blame pinned on a named firm, but not an inquiry that is still finding the cause', () => {
    expect(flagged('Westfield Roofing caused the fire at the school, plain and simple.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('The cause of the fire at Westfield School is still under investigation.', 'defamation')).toEqual([]);
  });

  it('hears the council speaking as the police who made arrests, but not a joint operation with them', () => {
    expect(flagged('We have arrested two men for the thefts from the allotments. Enquiries continue.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Anytown Police have arrested two men after a joint operation with our licensing team.', 'impersonation')).toEqual([]);
  });

  it('hears steering people to one firm, but not a firm congratulated on an award', () => {
    expect(flagged('Need a cab after the panto? Go with Castle Cabs, friendliest drivers around, you won’t regret it.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Congratulations to Castle Cabs, rated the best taxi firm in the county at this year’s awards!', 'endorsement')).toEqual([]);
  });

  it('hears a party given credit for running the council', () => {
    expect(flagged('Libraries stay open because a Labour council chose to fund them.', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Thank you to everyone in the labour ward at Anytown General for their care.', 'party-political')).toEqual([]);
  });

  it('hears the council speaking as more national bodies, but not their advice credited to them', () => {
    expect(flagged('This is the Health and Safety Executive. We will be inspecting scaffolding in the town centre.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Citizens Advice here! We have drop-in sessions at the library every Tuesday.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Cold weather guidance from the UK Health Security Agency: heat your home to at least 18C.', 'impersonation')).toEqual([]);
  });

  it('hears the corporate account posing as a resident or an ordinary member of staff', () => {
    expect(flagged('I run a local business on Market Street and honestly, the new parking scheme is brilliant.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Meet Asha, who runs a café on Market Street: “I run a small business and the grant kept us open,” she said.', 'impersonation')).toEqual([]);
  });

  it('hears a firm or product vouched for from experience, and a colleague’s side business to book', () => {
    expect(flagged('Looking for accounts software? We switched to LedgerLite in spring and have never looked back.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Our payroll lead Tom Reyes now runs a gardening business at weekends. Top-notch work, book him!', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Need advice on debt? Ring Citizens Advice: they really know their stuff.', 'endorsement')).toEqual([]);
  });

  it('hears a party’s prospects in power and a party leader’s “lot”', () => {
    expect(flagged('Libraries would be first to go if the Greens got in, trust us. Well, if they get in.', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Whatever you think of Starmer’s lot, the bypass is finally funded.', 'party-political').length).toBeGreaterThan(0);
  });

  it('hears a pay decision trailed before committee and a “don’t forward” note', () => {
    expect(flagged('The new Chief Executive will be on £190k. That’ll raise a few eyebrows when it goes to committee.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Please don’t forward: the shortlisting scores for Friday are in the attached sheet.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Senior pay goes to committee on 4 March: the agenda and papers are published on our website.', 'confidential')).toEqual([]);
  });

  it('hears a tribunal claim heading for a hearing, but not a licensing sub-committee hearing', () => {
    expect(flagged('Our equal pay litigation goes to a full hearing in June, and we expect to win.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('Licensing sub-committee hearing on Monday at 2pm in Committee Room 1: new premises licence for The Ship.', 'legal-proceedings')).toEqual([]);
  });

  it('hears a verdict foretold, evidence canvassed before a trial and a claim the council will defend', () => {
    expect(flagged('Not much we can say while it is at court, but we know how this ends: he will be found guilty.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('Did you see the fight outside the Globe? Tell us what you saw before the trial on Monday.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('The council will defend the claim brought against it by Hillside Homes.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('The claim brought against us by Hillside Homes was withdrawn last week.', 'legal-proceedings')).toEqual([]);
  });

  it('leaves a concluded High Court case and a licensing sub-committee notice alone', () => {
    expect(flagged('The High Court upheld our decision on the Orchard Street scheme in May. We accept the ruling.', 'legal-proceedings')).toEqual([]);
    expect(flagged('Licensing sub-committee: the review of the Plough’s licence will be heard in public on 2 June.', 'legal-proceedings')).toEqual([]);
  });

  it('hears insinuation by “coincidence?” about a named person, but leaves a party’s vote to the party rule', () => {
    expect(flagged('Mark Tolland’s brother-in-law won the resurfacing contract. Coincidence?', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('The Green group voted against the bus lane. Make of that what you will.', 'defamation')).toEqual([]);
  });

  it('hears a named firm caught lying or trading with no licence', () => {
    expect(flagged('Fairdeal Motors were caught lying to our inspectors about the mileage.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Moonlight Bar is selling drink with no licence whatsoever.', 'defamation').length).toBeGreaterThan(0);
  });

  it('hears five stars or “number one provider” for a named business, but not a hygiene rating', () => {
    expect(flagged('Kirk’s Opticians: five stars from everyone in the parking team!', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Proud to work with Greenleaf Care, Anytown’s number one home care provider.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Well done to Kirk’s Café on five stars from our food hygiene inspectors!', 'endorsement')).toEqual([]);
  });

  it('says a directory is not an endorsement without the classifier crying wolf', () => {
    expect(flagged('Our approved traders list is not an endorsement: we don’t recommend any one business.', 'endorsement')).toEqual([]);
  });

  it('hears a party’s plan named, and a party’s account thanked by its handle', () => {
    expect(flagged('Reform’s plan for the high street is just what traders need.', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Thanks @NorthfieldLibDems for sharing our flu clinic dates!', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Thanks @NorthfieldLibrary for sharing our flu clinic dates!', 'party-political')).toEqual([]);
  });

  it('hears Security Check named as a condition of a post, and SC held by staff', () => {
    expect(flagged('Applicants must have lived in the UK for five years to meet Security Check requirements.', 'security-clearance').length).toBeGreaterThan(0);
    expect(flagged('Only colleagues with valid SC can attend the exercise.', 'security-clearance').length).toBeGreaterThan(0);
    expect(flagged('Anytown SC under-12s won the county swimming gala!', 'security-clearance')).toEqual([]);
  });

  it('hears the account handed to another body', () => {
    expect(flagged('This account is being run by the Environment Agency until Friday.', 'impersonation').length).toBeGreaterThan(0);
  });

  it('leaves the council’s own Director of Public Health introducing herself alone', () => {
    expect(flagged('I’m Dr Lena Moss, Director of Public Health. My annual report looks at loneliness.', 'impersonation')).toEqual([]);
  });
});

describe('pack 2.9.0', () => {
  it('hears a party label with the ward after a councillor’s name, and a vote steered by colour', () => {
    expect(flagged('Cllr Sam Boyd (Lab, Northgate) opens the new skate park on Saturday.', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Want your library kept? You know which box to tick on Thursday. Not the red one.', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Your polling card tells you where to vote on Thursday. Find out how to vote by post.', 'party-political')).toEqual([]);
  });

  it('hears the council speaking as someone at another body, or as “your MP”', () => {
    expect(flagged('I’m the discharge lead at Anytown General Hospital and we’re now sending patients home with a council care package.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Hello, I’m your MP, Tom Reddy. I’ve been pressing for the bypass.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('“I’m the discharge lead at Anytown General Hospital,” said Jo Kay, “and we work closely with the council.”', 'impersonation')).toEqual([]);
  });

  it('hears live litigation and clearance passed by a named colleague', () => {
    expect(flagged('We have been advised not to comment on the ongoing litigation with our former caterer.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('Well done Priya, who has just passed her SC vetting for the cyber team!', 'security-clearance').length).toBeGreaterThan(0);
    expect(flagged('Well done Priya, who has just passed her Security+ exam!', 'security-clearance')).toEqual([]);
  });

  it('leaves a guide to tribunals, a sports club’s SC, pocket parks and a stolen-bike reply alone', () => {
    expect(flagged('Think the decision is wrong? Our guide explains how to appeal to a tribunal and the time limits.', 'legal-proceedings')).toEqual([]);
    expect(flagged('Millbrook Swimming Club (Millbrook SC) holds trials on Sunday.', 'security-clearance')).toEqual([]);
    expect(flagged('Good news: Tom Hale of the parks team says the pocket parks fund opens next month.', 'defamation')).toEqual([]);
    expect(flagged('Sorry to hear that, Dave. Please report the stolen bike to the police on 101.', 'defamation')).toEqual([]);
  });

  it('hears a product called unbeatable or the one to buy', () => {
    expect(flagged('We tested six leaf blowers and the StormJet 40 is the one to buy.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('The Copper Kettle’s scones are unbeatable ☕', 'endorsement').length).toBeGreaterThan(0);
  });
});

describe('pack 2.10.0', () => {
  it('hears a train operator or a housing trust speaking through the council, and a board speaking as “we”', () => {
    expect(flagged('Hello from Great Western Railway! We will run extra trains for the Christmas market.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Anytown Housing Trust is recruiting repairs planners. Join our team and look after our tenants!', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('We, the directors of Quayside Holdings, welcome the council’s decision.', 'impersonation').length).toBeGreaterThan(0);
  });

  it('hears a sentence hoped for, a youth court case and proceedings issued', () => {
    expect(flagged('Sentencing for the Mill Lane fly-tipper is on Tuesday. Hope it’s a long one.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('Proceedings have been issued against the landlord of 4 Elm Row.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('We can’t comment while the case is before the courts. Thanks for understanding.', 'legal-proceedings')).toEqual([]);
  });

  it('leaves a summons explainer, a concluded sentence and a ground spruce-up alone', () => {
    expect(flagged('Got a summons? The hearing date is on the letter; call us first and we can usually agree a payment plan.', 'legal-proceedings')).toEqual([]);
    expect(flagged('Case closed: the fly-tipper was given 80 hours of unpaid work at Anytown Magistrates’ Court.', 'legal-proceedings')).toEqual([]);
    expect(flagged('Our crews will give the pavilion a spruce-up before the derby match.', 'legal-proceedings')).toEqual([]);
  });

  it('hears who-knows-whom insinuation about a contract, and a named trader accused of burgling', () => {
    expect(flagged('Funny how Dalton Paving won the contract, given their boss plays golf with the cabinet member.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Avoid Mick at Key Masters: he copies your key and burgles you later.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Anytown Police are appealing for information after a shed was set alight on Kiln Lane. Anyone with information should call 101.', 'defamation')).toEqual([]);
  });

  it('hears safeguarding figures and an NDA hinted at, but not a guide to MARAC', () => {
    expect(flagged('This week’s MARAC list had nine cases from Northgate alone. Grim.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Can’t say who yet because of the NDA, but a big retailer is looking at the old Debenhams.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('What is a MARAC? Our guide explains how the meetings keep victims safe.', 'confidential')).toEqual([]);
  });

  it('hears clearance renewals and counter-terrorist checks, and a product “nothing else comes close”', () => {
    expect(flagged('Reminder: SC renewals for the CCTV team are due by Friday.', 'security-clearance').length).toBeGreaterThan(0);
    expect(flagged('Both new porters passed their counter-terrorist checks this week.', 'security-clearance').length).toBeGreaterThan(0);
    expect(flagged('For gutters, FlowGuard mesh is brilliant. Nothing else comes close.', 'endorsement').length).toBeGreaterThan(0);
  });

  it('leaves the council recommending Direct Debit and bins to be used alone', () => {
    expect(flagged('We’d recommend paying by Direct Debit: it is the easiest way to never miss a payment.', 'endorsement')).toEqual([]);
    expect(flagged('New bins at the Riverside courts. Please use them!', 'endorsement')).toEqual([]);
  });
});

describe('pack 2.11.0', () => {
  it('hears more allegations about a named firm: theft by fees, rats, drivers without licences, illegal evictions', () => {
    expect(flagged('Castle Lettings’ “admin fees” are just theft with a logo on.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('The Golden Spoon on Mill Street has rats. Seen them myself.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Apex Minibuses keep sending drivers without licences.', 'defamation').length).toBeGreaterThan(0);
    expect(flagged('Northside Estates illegally evicted a pensioner last month.', 'defamation').length).toBeGreaterThan(0);
  });

  it('hears endorsement by “not sponsored”, “you’ll be looked after” and a leaver we would take back', () => {
    expect(flagged('Not sponsored, just impressed: DryWall Pro cured the damp in our depot office.', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Well done Brightside Lettings. Rent with them and you’ll be looked after!', 'endorsement').length).toBeGreaterThan(0);
    expect(flagged('Our old planning lead Dana Cole is job hunting. Knows the NPPF inside out; I’d take her back tomorrow.', 'endorsement').length).toBeGreaterThan(0);
  });

  it('leaves a licence we help people get, and party-free staff tickets, alone', () => {
    expect(flagged('Door supervisors wanted: you need an SIA licence, and we can help you get one.', 'endorsement')).toEqual([]);
    expect(flagged('Staff party tickets are £20. Get yours from the HR office.', 'endorsement')).toEqual([]);
  });

  it('hears a party named in a hashtag, Reform as a plural subject, and a vote steered to “the party that”', () => {
    expect(flagged('Proud of our town 🌹 #LabourForNorthgate', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Reform have got the recycling figures wrong. Here are the real ones.', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Register by Friday and back the party that backs your libraries.', 'party-political').length).toBeGreaterThan(0);
    expect(flagged('Reform of the bus network starts in May: see the new timetable.', 'party-political')).toEqual([]);
  });

  it('hears a councillor’s or MP’s office speaking, and a court notice in the council’s voice', () => {
    expect(flagged('Hi, this is Cllr Rana’s office: thanks for your email about the crossing.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('As your local councillor, I will make sure the streetlight is fixed.', 'impersonation').length).toBeGreaterThan(0);
    expect(flagged('Notice from Anytown County Court: hearings on Friday are moved to Monday.', 'impersonation').length).toBeGreaterThan(0);
  });

  it('hears families taken to court, care proceedings, an inquest prejudged and overwhelming evidence', () => {
    expect(flagged('We are taking four landlords to court this spring. Don’t be next.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('The inquest has not happened yet, but the bus firm clearly cut corners.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('No comment on the live case, except that the evidence is overwhelming.', 'legal-proceedings').length).toBeGreaterThan(0);
    expect(flagged('Fostering fact: care proceedings usually take about six months.', 'legal-proceedings')).toEqual([]);
  });

  it('hears “partners only, don’t repost”, an internal investigation started, and SC that lapsed', () => {
    expect(flagged('Partners only, please don’t repost: the bid was turned down.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Between us, we have launched an investigation into the late flood alert.', 'confidential').length).toBeGreaterThan(0);
    expect(flagged('Can’t join the op: my SC lapsed in May.', 'security-clearance').length).toBeGreaterThan(0);
  });

  it('treats “f-ing” as a disguised swear word', () => {
    expect(serious(check('Stop f-ing parking on the verge.')).map((f) => f.category)).toEqual(['profanity']);
  });
});

