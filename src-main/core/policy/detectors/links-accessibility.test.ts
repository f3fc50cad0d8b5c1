/**
 * Links outside the allow-list and shorteners (BAR 9f, SYP Annex One, SYP 5), and clear, accessible text (ICO13 2.1,
 * 2.6; R9).
 */
import { describe, expect, it } from 'vitest';
import { check, engineWith, spans } from '../testing/check-helpers';

const of = (text: string, category: string, engine?: ReturnType<typeof engineWith>) => spans(text, check(text, {}, engine).filter((f) => f.category === category));

describe('links', () => {
  it('lets links to gov.uk, nhs.uk and our own domain through', () => {
    const engine = engineWith({ organisationDomains: ['anytown.gov.uk'], allowedLinkDomains: ['visitanytown.co.uk'] });
    const text = 'See https://www.gov.uk/apply-blue-badge, www.nhs.uk/conditions and https://www.anytown.gov.uk/bins or visitanytown.co.uk/events.';
    expect(of(text, 'external-link', engine)).toEqual([]);
  });

  it('asks for sign-off on other sites and shorteners', () => {
    const text = 'Read https://www.dailymail.co.uk/news/article-1 and https://bit.ly/3xYz';
    expect(of(text, 'external-link')).toEqual(['external-link.outside-allow-list: https://www.dailymail.co.uk/news/article-1', 'external-link.shortener: https://bit.ly/3xYz']);
  });

  it('is not fooled by a user name that looks like our domain', () => {
    const text = 'Verify at https://anytown.gov.uk@login-check.example.net/verify';
    const engine = engineWith({ organisationDomains: ['anytown.gov.uk'] });
    expect(of(text, 'external-link', engine)).toEqual(['external-link.outside-allow-list: https://anytown.gov.uk@login-check.example.net/verify']);
    expect(of(text, 'personal-data', engine)).toEqual([]);
  });
});

describe('accessibility', () => {
  it('blocks an image without alt text, or with a camera file name for alt text', () => {
    const found = check('Winter gritting routes', {
      media: [
        { kind: 'image', source: 'Comms team', licence: 'Council-owned' },
        { kind: 'image', alt: 'IMG_2041.JPG', source: 'Comms team', licence: 'Council-owned' },
        { kind: 'image', alt: 'Map of the gritting routes across the borough', source: 'Comms team', licence: 'Council-owned' },
        { kind: 'image', alt: 'DSC_0117', source: 'Comms team', licence: 'Council-owned' },
        { kind: 'image', alt: 'PXL_20261104_093012', source: 'Comms team', licence: 'Council-owned' },
        { kind: 'image', alt: 'Gritter number 3 leaving the depot', source: 'Comms team', licence: 'Council-owned' },
      ],
    });
    expect(found.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['accessibility.missing-alt-text', 'block', 'Image 1 has no alt text.'],
      ['accessibility.missing-alt-text', 'block', 'Image 2 has no alt text.'],
      ['accessibility.missing-alt-text', 'block', 'Image 4 has no alt text.'],
      ['accessibility.missing-alt-text', 'block', 'Image 5 has no alt text.'],
    ]);
  });

  it('advises on ALL CAPS and multi-word hashtags not in CamelCase, and holds "click here" for a sign-off', () => {
    const text = 'ROAD CLOSED UNTIL FRIDAY. Click here for diversions. #roadsafetyweek #RoadSafetyWeek #NHS #recycling';
    expect(of(text, 'accessibility')).toEqual([
      'accessibility.all-caps: ROAD CLOSED UNTIL FRIDAY',
      'accessibility.click-here: Click here',
      'accessibility.hashtag-case: #roadsafetyweek',
    ]);
    // Link text that says nothing of where it goes fails WCAG 2.2 2.4.4 (link purpose): an approver must see it.
    expect(check(text).map((f) => [f.ruleId, f.severity])).toEqual([
      ['accessibility.all-caps', 'advice'],
      ['accessibility.click-here', 'sign-off'],
      ['accessibility.hashtag-case', 'advice'],
    ]);
  });

  it('leaves acronyms such as NHS, COVID-19 and SEND alone', () => {
    expect(of('NHS and SEND services during COVID-19', 'accessibility')).toEqual([]);
  });

  it('advises when text is hard to read, by its Flesch reading-ease score', () => {
    const hard =
      'Notwithstanding the aforementioned considerations, the implementation of comprehensive infrastructural modifications necessitates multidisciplinary collaboration, environmental assessment, and intergovernmental authorisation, consequently prolonging deliberations regarding prioritisation. Representatives anticipate considerable administrative complications.';
    const easy = 'Your bins will be emptied on Tuesday this week, not Monday. Put them out by 7am. Thank you for your help. We are sorry for any trouble this causes.';
    const found = check(hard).filter((f) => f.ruleId === 'accessibility.hard-to-read');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/reading-ease score of -?\d+/);
    expect(check(easy).filter((f) => f.ruleId === 'accessibility.hard-to-read')).toEqual([]);
  });
});
