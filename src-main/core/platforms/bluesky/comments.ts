/**
 * Replies and mentions for the inbox, from Bluesky's notifications (app.bsky.notification.listNotifications).
 *
 * Why notifications: a PDS only holds the account's own records; other people's replies are found by the AppView,
 * which the PDS reaches on our behalf. A lone PDS (as in the PDS-only tests) has no notifications to give.
 *
 * Why the cursor is kept by indexedAt: Bluesky's own cursor pages backwards into older notifications, but the inbox asks
 * "what is new since last time", so Herald uses the shared time-and-ids cursor (../comment-cursor.ts) on the time
 * Bluesky indexed each post. The post's createdAt is set by the author's app and can be backdated, which would hide
 * a new reply behind the cursor. A fetch reads newest-first until it passes the cursor. Herald does not mark
 * notifications as seen, so the council's own Bluesky app keeps its unread badges.
 */
import type { Comment, CommentPage } from '../adapter';
import { newerThan, sinceSeconds } from '../comment-cursor';
import { postUrl } from './record-keys';
import type { Signed } from './session';

const REASONS = ['reply', 'mention'] as const;
const PAGE_SIZE = 100;
/** A first fetch (or one after a long gap) reads at most this many pages: 2,000 replies and mentions. */
const MAX_PAGES = 20;

type Notification = {
  uri: string;
  reason: string;
  indexedAt: string;
  author: { did: string; handle: string; displayName?: string };
  record: Record<string, unknown>;
};

export async function fetchComments(s: Signed, cursor: string | null): Promise<CommentPage> {
  const since = sinceSeconds(cursor);
  const seen: Array<{ platformCommentId: string; createdAt: number; n: Notification }> = [];
  let page: string | undefined;
  for (let p = 0; p < MAX_PAGES; p++) {
    const res = await s.agent.app.bsky.notification.listNotifications({ limit: PAGE_SIZE, reasons: [...REASONS], ...(page ? { cursor: page } : {}) }, { signal: s.signal });
    const items = res.data.notifications as unknown as Notification[];
    for (const n of items) {
      const at = Date.parse(n.indexedAt);
      if ((REASONS as readonly string[]).includes(n.reason) && !Number.isNaN(at)) seen.push({ platformCommentId: n.uri, createdAt: at, n });
    }
    page = res.data.cursor;
    const oldest = Math.min(...items.map((n) => Date.parse(n.indexedAt)));
    if (!page || items.length === 0 || (since !== null && oldest < since * 1000)) break;
  }
  const { fresh, cursor: next } = newerThan(seen, cursor);
  return { comments: fresh.map(({ n }) => toComment(n, s.did)), cursor: next };
}

function toComment(n: Notification, ourDid: string): Comment {
  const reply = n.record.reply as { root?: { uri?: string }; parent?: { uri?: string } } | undefined;
  const rootUri = reply?.root?.uri ?? null;
  const parentUri = reply?.parent?.uri ?? null;
  const created = Date.parse(String(n.record.createdAt ?? ''));
  // "comment": a direct reply to a post of ours; "reply": deeper in a thread; "mention": a post that names us.
  const kind: Comment['kind'] = n.reason === 'reply' ? (parentUri === rootUri ? 'comment' : 'reply') : 'mention';
  const ours = rootUri?.startsWith(`at://${ourDid}/`) ?? false;
  return {
    platformCommentId: n.uri,
    platformPostId: kind !== 'mention' || ours ? rootUri : null,
    kind,
    authorId: n.author.did,
    authorHandle: n.author.handle,
    authorName: n.author.displayName?.trim() || null,
    text: typeof n.record.text === 'string' ? n.record.text : '',
    // createdAt is set by the author's app and can be anything; indexedAt is when Bluesky saw it.
    createdAt: Number.isNaN(created) ? Date.parse(n.indexedAt) : created,
    url: postUrl(n.uri),
  };
}
