/** Words and tags for a post's state and details, as the Compose screen shows them. */
import type { PostStateName, PostView } from '../../../src-main/ipc/contract';
import { assertNever } from '../../app/app-state';
import { londonWords } from './london-time';

/** GOV.UK tag colours: waiting is blue, needs the officer is orange, done is green, stopped is grey or red. */
export function stateTagClass(state: PostStateName): string {
  switch (state) {
    case 'draft':
      return 'govuk-tag govuk-tag--grey';
    case 'submitted':
      return 'govuk-tag govuk-tag--blue';
    case 'changes-requested':
      return 'govuk-tag govuk-tag--orange';
    case 'approved':
      return 'govuk-tag govuk-tag--turquoise';
    case 'scheduled':
    case 'published':
      return 'govuk-tag govuk-tag--green';
    case 'publishing':
      return 'govuk-tag govuk-tag--purple';
    case 'failed':
      return 'govuk-tag govuk-tag--red';
    case 'cancelled':
      return 'govuk-tag govuk-tag--grey';
    default:
      return assertNever(state);
  }
}

/** The officer may change a post in these states without first taking it back from someone. */
export const EDITABLE: ReadonlySet<PostStateName> = new Set(['draft', 'changes-requested']);

/** A name for the post in lists: its title, else the start of its text. */
export function postName(p: Pick<PostView, 'content'>): string {
  const t = p.content.title.trim();
  if (t) return t;
  const text = (p.content.baseText || p.content.variants[0]?.text || '').replace(/\s+/g, ' ').trim();
  if (!text) return 'Untitled post';
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

export function whenWords(scheduledAt: number | null): string {
  return scheduledAt === null ? 'As soon as it is approved' : londonWords(scheduledAt);
}
