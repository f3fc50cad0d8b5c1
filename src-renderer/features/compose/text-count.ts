/**
 * Counting a post's text as each platform counts it (R7), so the counter an officer sees matches what the platform
 * will accept: X's weighted length from twitter-text (links 23, emoji 2), Bluesky graphemes, Mastodon characters
 * with links as 23 and "@user@domain" as "@user" (docs.joinmastodon.org/user/posting/#text), plain characters
 * elsewhere. The limit comes from the account's declared capabilities (the Mastodon one from its own instance).
 * The policy engine counts again in core and raises the finding that blocks; this is the live view of the same rule.
 */
import twitter from 'twitter-text';
import type { AccountView } from '../../../src-main/ipc/contract';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function countGraphemes(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

export function countMastodon(text: string): number {
  let extra = 0;
  const t = text.replace(/https?:\/\/[^\s<>"]+/g, () => ((extra += 23), '')).replace(/(^|[^\w/])@(\w+)@[\w.-]+\w/g, '$1@$2');
  return [...t].length + extra;
}

export type TextCount = { count: number; limit: number; over: number; rule: string };

/** The count for one account, with the words that say how its platform counts ("X counts links as 23"). */
export function countFor(account: Pick<AccountView, 'platform' | 'capabilities'>, text: string): TextCount {
  const limit = account.capabilities.textLimit;
  const name = account.capabilities.displayName;
  let count: number;
  let rule: string;
  switch (account.platform) {
    case 'x':
      count = text ? twitter.parseTweet(text).weightedLength : 0;
      rule = 'X counts links as 23 and emoji as 2';
      break;
    case 'bluesky':
      count = countGraphemes(text);
      rule = 'Bluesky counts characters as people see them';
      break;
    case 'mastodon':
      count = countMastodon(text);
      rule = 'Mastodon counts links as 23';
      break;
    default:
      count = text.length;
      rule = `${name} counts characters`;
  }
  return { count, limit, over: Math.max(0, count - limit), rule };
}

/** e.g. "243 of 280" */
export function countWords(c: TextCount): string {
  return `${c.count.toLocaleString('en-GB')} of ${c.limit.toLocaleString('en-GB')}`;
}
