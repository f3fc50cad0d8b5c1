/**
 * The words the Accounts screen uses for an account's state: its health tag, its type and period, its rate limit.
 * Plain English, and honest about what is not known (an account never checked says so).
 */
import type { AccountView } from '../../../src-main/ipc/contract';
import { formatCalendarDate, formatDateTime } from '../../ui/format';

export type PlatformId = AccountView['platform'];
export type AccountKind = AccountView['kind'];

/** Every platform Herald knows of, for saying which ones it cannot connect yet. */
export const platformNames: Record<PlatformId, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  tiktok: 'TikTok',
};

export type HealthTag = { label: string; className: string };

/** Green "Working", amber "Problem", red "Needs reconnecting", grey "Disconnected"; blue until first checked. */
export function healthTag(a: Pick<AccountView, 'status' | 'healthOk'>): HealthTag {
  if (a.status === 'disconnected') return { label: 'Disconnected', className: 'govuk-tag govuk-tag--grey' };
  if (a.status === 'needs-reconnect') return { label: 'Needs reconnecting', className: 'govuk-tag govuk-tag--red' };
  if (a.healthOk === false) return { label: 'Problem', className: 'govuk-tag govuk-tag--orange' };
  if (a.healthOk === true) return { label: 'Working', className: 'govuk-tag govuk-tag--green' };
  return { label: 'Not checked yet', className: 'govuk-tag' };
}

/** e.g. "council.test on Bluesky" */
export function accountName(a: Pick<AccountView, 'handle' | 'capabilities'>): string {
  return `${a.handle} on ${a.capabilities.displayName}`;
}

/** e.g. "Corporate" or "Campaign, from 1 Jun 2026 to 30 Jun 2026" */
export function kindText(a: Pick<AccountView, 'kind' | 'campaignStartsOn' | 'campaignEndsOn'>): string {
  if (a.kind === 'corporate') return 'Corporate';
  return `Campaign, from ${formatCalendarDate(a.campaignStartsOn)} to ${formatCalendarDate(a.campaignEndsOn)}`;
}

/** e.g. "2,950 requests left, resets at 24 Nov 2026, 19:05:12" */
export function rateLimitText(r: NonNullable<AccountView['rateLimit']>): string {
  const left = r.remaining === null ? 'Requests left not reported' : `${r.remaining.toLocaleString('en-GB')} ${r.remaining === 1 ? 'request' : 'requests'} left`;
  return r.resetAt === null ? left : `${left}, resets at ${formatDateTime(r.resetAt)}`;
}

/** The sentence announced after a check, a connection or a change. */
export function healthSentence(a: AccountView): string {
  const tag = healthTag(a);
  const message = a.healthMessage && a.healthMessage !== tag.label ? ` ${a.healthMessage.replace(/\.?$/, '.')}` : '';
  return `Health: ${tag.label}.${message}`;
}
