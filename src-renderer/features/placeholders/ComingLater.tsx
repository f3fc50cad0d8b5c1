/**
 * Honest empty states for areas that have not been built yet: what the screen will do, and that it is not here yet.
 * Nothing on these screens pretends to work.
 */
import { PageHeading } from '../../ui/PageHeading';

export type ComingLaterKey = 'compose' | 'calendar' | 'approvals' | 'inbox' | 'accounts' | 'reports';

const copy: Record<ComingLaterKey, { title: string; text: string }> = {
  compose: {
    title: 'Compose',
    text: 'Here you will write a post once and adapt it for each account, with checks against your social media policy before it goes for approval.',
  },
  calendar: {
    title: 'Calendar',
    text: 'Here you will see scheduled posts by day, week and month, with bank holidays and pre-election periods marked.',
  },
  approvals: {
    title: 'Approvals',
    text: 'Here approvers will see posts waiting for them, and approve them or send them back with a reason.',
  },
  inbox: {
    title: 'Inbox',
    text: 'Here moderators will see comments and replies from every account in one place, and hide, answer or escalate them.',
  },
  accounts: {
    title: 'Accounts',
    text: 'Here you will connect your organisation’s social media accounts and see whether each connection is healthy.',
  },
  reports: {
    title: 'Reports',
    text: 'Here you will see figures on posting, approvals and moderation, each chart with its data as a table.',
  },
};

export function ComingLater({ area }: { area: ComingLaterKey }) {
  const { title, text } = copy[area];
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="govuk-body">{text}</p>
      <div className="govuk-inset-text">This part of Herald arrives in a later release. Nothing here works yet.</div>
    </>
  );
}
