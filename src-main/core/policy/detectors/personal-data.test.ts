/**
 * UK personal data (BAR 5a, 9b; SYP Annex One; R8), and the organisation's own contact details that are not.
 */
import { describe, expect, it } from 'vitest';
import { check, engineWith, rules, spans } from '../testing/check-helpers';

const pd = (text: string, engine?: ReturnType<typeof engineWith>) => spans(text, check(text, {}, engine).filter((f) => f.category === 'personal-data'));

describe('personal data', () => {
  it("treats the council's 0300 number, 101, 999 and freephone numbers as not personal data", () => {
    expect(pd('Call us on 0300 123 4567, or 0800 123 4567 free. Non-emergency: 101. Emergency: 999. Floodline 0345 988 1188.')).toEqual([]);
  });

  it('flags a mobile number, including the Ofcom drama range that looks real to a reader', () => {
    expect(pd('Ring Dave on 07911 123456 or Sue on 07700 900123')).toEqual(['personal-data.mobile: 07911 123456', 'personal-data.mobile: 07700 900123']);
  });

  it('flags a landline unless it is introduced as ours or configured as ours', () => {
    expect(pd('The library can also be reached on 0114 496 0123')).toEqual(['personal-data.landline: 0114 496 0123']);
    expect(pd('Call our contact centre on 0114 496 0123')).toEqual([]);
    expect(pd('Reach Mrs Patel on 0114 496 0123', engineWith({ organisationPhoneNumbers: ['+44 114 496 0123'] }))).toEqual([]);
  });

  it('flags an NHS number only with NHS context', () => {
    expect(pd('Tender reference 943 476 5919 closes Friday')).toEqual([]);
    expect(pd('Patient NHS number 943 476 5919')).toEqual(['personal-data.nhs-number: 943 476 5919']);
    expect(pd('NHS number 943 476 5918')).toEqual([]); // fails the check digit
  });

  it('blocks National Insurance, card and bank details', () => {
    const text = 'NI AB 12 34 56 C, card 4111 1111 1111 1111, sort code 12-34-56 account 12345678';
    const found = check(text).filter((f) => f.category === 'personal-data');
    expect(found.map((f) => [text.slice(f.start, f.end), f.severity])).toEqual([
      ['AB 12 34 56 C', 'block'],
      ['4111 1111 1111 1111', 'block'],
      ['12-34-56 account 12345678', 'block'],
    ]);
    expect(pd('Card 4111 1111 1111 1112 (fails Luhn)')).toEqual([]);
  });

  it("accepts the council's role mailboxes but not a person's address", () => {
    expect(pd('Email enquiries@anytown.gov.uk or recycling@anytown.gov.uk')).toEqual([]);
    expect(pd('Email jane.smith@anytown.gov.uk')).toEqual(['personal-data.email: jane.smith@anytown.gov.uk']);
    expect(pd('Email bins@anytown.gov.uk', engineWith({ roleMailboxes: ['bins@anytown.gov.uk'] }))).toEqual([]);
  });

  it('reads a shared mailbox made of service words, run together or joined, but not a surname', () => {
    expect(pd('Email lostproperty@anytown.gov.uk, council.tax@anytown.gov.uk or bulky-waste2@anytown.gov.uk')).toEqual([]);
    expect(pd('Email jbloggs@anytown.gov.uk')).toEqual(['personal-data.email: jbloggs@anytown.gov.uk']);
  });

  it('treats a house number with a postcode as a home address, but not the town hall', () => {
    expect(pd('Fire at 23 Acacia Avenue, Sheffield S1 2HH last night')).toEqual(['personal-data.postcode-with-house-number: 23 Acacia Avenue, Sheffield S1 2HH']);
    expect(pd('Visit us at the Town Hall, 1 Pinstone Street, Sheffield S1 2HH')).toEqual([]);
  });

  it('needs context for dates of birth and vehicle registrations', () => {
    expect(pd('The consultation closes on 14/03/2026')).toEqual([]);
    expect(pd('Date of birth: 14/03/1985')).toEqual(['personal-data.date-of-birth: 14/03/1985']);
    expect(pd('Born on 3 March 1842, the engineer...')).toEqual([]); // long dead: history, not personal data
    expect(pd('Product code AB12 CDE is discontinued')).toEqual([]);
    expect(pd('A silver car, registration AB12 CDE, drove off')).toEqual(['personal-data.vehicle-registration: AB12 CDE']);
  });

  it('flags case references by the pack’s RE2 patterns', () => {
    expect(pd('Your complaint reference CAS-123456 has been updated')).toEqual(['personal-data.case-reference: complaint reference CAS-123456']);
    expect(pd('In case 1000 people turn up, we have extra staff')).toEqual([]);
  });

  it('flags a named private individual next to their age or contact details', () => {
    expect(pd('John Smith, 34, of Hillsborough, won the award')).toEqual(['personal-data.named-individual: John Smith']);
    expect(rules(check('Contact Jane Doe at jane.doe@example.com'))).toEqual(['personal-data.named-individual', 'personal-data.email']);
    expect(pd('Our new Head of Waste, Sarah Jones, starts on Monday')).toEqual([]);
  });

  it('flags a post that asks people for personal details in public', () => {
    expect(pd('Reply with your date of birth and address so we can check')).toEqual(['personal-data.request: Reply with your']);
  });

  it('reads digits disguised as fullwidth characters', () => {
    expect(pd('Call ０７７００ ９００１２３')).toEqual(['personal-data.mobile: ０７７００ ９００１２３']);
  });
});

describe('mailboxes on our own domains', () => {
  const ours = engineWith({ organisationDomains: ['westmoor.gov.uk'] });
  const emails = (text: string) => check(text, {}, ours).filter((f) => f.ruleId === 'personal-data.email').map((f) => text.slice(f.start, f.end));
  it('treats a service mailbox on our domain as a role mailbox, and a person’s as personal data', () => {
    expect(emails('Book at boxoffice@westmoor.gov.uk or tenancyreferences@westmoor.gov.uk')).toEqual([]);
    expect(emails('Ask jo.hart@westmoor.gov.uk or p.okafor@westmoor.gov.uk')).toEqual(['jo.hart@westmoor.gov.uk', 'p.okafor@westmoor.gov.uk']);
    expect(emails('Or write to boxoffice@example.com')).toEqual(['boxoffice@example.com']);
  });
});

describe('dates of birth', () => {
  it('reads a cohort’s range (“born between … and …”) as nobody’s date of birth, but still hears one person’s', () => {
    const dobs = (text: string) => check(text).filter((f) => f.ruleId === 'personal-data.date-of-birth');
    expect(dobs('Reception places for children born between 01/09/2022 and 31/08/2023 open on Monday.')).toEqual([]);
    expect(dobs('Happy birthday to Kim Ellis, born on 14/02/2001!').length).toBeGreaterThan(0);
  });
});
