/**
 * Every rule the detectors can raise, and its category. Detectors are code; what each rule says (severity, the
 * policy clause it cites, message and suggested fix) is data in the rule pack (DESIGN.md rule 8). A pack must give
 * all of them, so an edited pack can never silently switch a check off (issue 5, "Bad input").
 */
import type { Category } from './types';

export const DETECTOR_RULES = {
  'profanity.slur': 'profanity',
  'profanity.strong': 'profanity',
  'profanity.moderate': 'profanity',
  'profanity.mild': 'profanity',
  'profanity.sensitive-word': 'profanity',

  'personal-data.email': 'personal-data',
  'personal-data.mobile': 'personal-data',
  'personal-data.landline': 'personal-data',
  'personal-data.ni-number': 'personal-data',
  'personal-data.nhs-number': 'personal-data',
  'personal-data.postcode-with-house-number': 'personal-data',
  'personal-data.house-address': 'personal-data',
  'personal-data.date-of-birth': 'personal-data',
  'personal-data.card-number': 'personal-data',
  'personal-data.bank-account': 'personal-data',
  'personal-data.vehicle-registration': 'personal-data',
  'personal-data.case-reference': 'personal-data',
  'personal-data.named-individual': 'personal-data',

  'party-political.party-named': 'party-political',
  'party-political.campaigning': 'party-political',
  'party-political.candidate-named': 'party-political',
  'party-political.candidate-in-political-context': 'party-political',

  'external-link.outside-allow-list': 'external-link',
  'external-link.shortener': 'external-link',
  'external-link.insecure': 'external-link',

  'copyright.media-source-missing': 'copyright',
  'image-consent.no-consent': 'image-consent',
  'image-consent.under-16-no-consent': 'image-consent',
  'image-consent.under-16': 'image-consent',

  'accessibility.missing-alt-text': 'accessibility',
  'accessibility.unhelpful-alt-text': 'accessibility',
  'accessibility.all-caps': 'accessibility',
  'accessibility.hashtag-case': 'accessibility',
  'accessibility.hard-to-read': 'accessibility',

  'length.text-too-long': 'length',
  'length.too-many-images': 'length',
  'length.too-many-videos': 'length',
  'length.media-kind-unsupported': 'length',
  'length.media-required': 'length',
  'length.alt-text-too-long': 'length',
  'length.alt-text-unsupported': 'length',
  'length.unknown-platform': 'length',

  'branding.own-name-misspelt': 'branding',

  'hidden-text.bidi-control': 'hidden-text',
  'hidden-text.zero-width': 'hidden-text',
  'hidden-text.tag-characters': 'hidden-text',
  'hidden-text.lone-surrogate': 'hidden-text',
  'hidden-text.invisible-filler': 'hidden-text',

  'out-of-hours.replies-invited': 'out-of-hours',

  'pre-election.manager-sign-off': 'pre-election',
  'pre-election.councillor-named': 'pre-election',
} as const satisfies Record<string, Category>;

export type DetectorRuleId = keyof typeof DETECTOR_RULES;
