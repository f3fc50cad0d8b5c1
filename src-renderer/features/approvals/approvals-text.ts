/** Words for the Approvals screen, in one place (British English). */
import type { PostStateName } from '../../../src-main/ipc/contract';
import { londonWords } from '../../ui/format';

export const SEVERITY_HEADINGS = {
  block: 'Must be fixed before this can be scheduled',
  'sign-off': 'Needs your written sign-off',
  advice: 'Advice',
} as const;

export const STATE_TAG: Record<PostStateName, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  'changes-requested': 'govuk-tag--orange',
  approved: 'govuk-tag--yellow',
  scheduled: 'govuk-tag--green',
  publishing: 'govuk-tag--purple',
  published: 'govuk-tag--turquoise',
  failed: 'govuk-tag--red',
  cancelled: 'govuk-tag--grey',
};

/** e.g. "Saturday 5 December 2026 at 23:00 (UK time)", or "As soon as it is approved". */
export function describeWhen(epochMs: number | null): string {
  return epochMs === null ? 'As soon as it is approved' : londonWords(epochMs);
}

export const MEDIA_FIELD_NAMES: Record<string, string> = {
  alt: 'alt text',
  source: 'source',
  licence: 'licence',
  peopleShown: 'people shown',
  under16: 'under-16s shown',
  consentRecorded: 'consent recorded',
  consentReference: 'consent reference',
};
