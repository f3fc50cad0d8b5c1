/**
 * Moderation on Bluesky: hiding replies, blocking accounts, replying, and saying plainly what cannot be done (R20).
 *
 * - Hide: Bluesky has no per-reply "hidden" flag. The author of a thread lists hidden replies in the thread's
 *   threadgate record (app.bsky.feed.threadgate#hiddenReplies, at most 300), whose record key must equal the root
 *   post's. So only replies in threads this account started can be hidden, and the threadgate is created or updated
 *   (never replacing its reply rules: no `allow` field means anyone may still reply).
 * - Delete: a reply lives in its author's repository; nobody else can delete it. Hide or block instead.
 * - Block: an app.bsky.graph.block record in our repository, public by design on Bluesky. Its record key is derived
 *   from the blocked account, so blocking twice does not make two records.
 */
import { XRPCError } from '@atproto/api';
import { notSupported, PlatformError, type Comment, type PublishedPost } from '../adapter';
import { BLOCK_COLLECTION, blockRkey, parseAtUri, THREADGATE_COLLECTION } from './record-keys';
import { getPost, getRecordOrNull, replyRefs, step } from './records';
import { publish } from './publish';
import type { Signed } from './session';

const MAX_HIDDEN = 300; // app.bsky.feed.threadgate#hiddenReplies maxLength

export async function hideComment(s: Signed, comment: Comment, now: () => number): Promise<void> {
  const reply = await getPost(s, comment.platformCommentId, 'finding the reply to hide');
  if (!reply.value.reply) throw notSupported('bluesky', 'Hiding a post that is not a reply', 'block or mute its author instead');
  const root = parseAtUri(replyRefs(reply).root.uri);
  if (!root || root.did !== s.did) {
    throw notSupported('bluesky', 'Hiding a reply in a thread another account started', 'only the account that started a thread can hide replies in it. Block its author instead');
  }
  // Compare-and-swap on the threadgate, so a change made meanwhile in the Bluesky app is not overwritten; one retry.
  for (let attempt = 0; ; attempt++) {
    const gate = await getRecordOrNull(s, s.did, THREADGATE_COLLECTION, root.rkey, 'reading the thread’s reply settings');
    const hidden = Array.isArray(gate?.value.hiddenReplies) ? (gate.value.hiddenReplies as string[]) : [];
    if (hidden.includes(reply.uri)) return;
    if (hidden.length >= MAX_HIDDEN) {
      throw new PlatformError('invalid-content', 'bluesky', `Bluesky allows ${MAX_HIDDEN} hidden replies per thread and this thread has reached it. Block the author instead.`);
    }
    const base = gate?.value ?? { $type: THREADGATE_COLLECTION, post: `at://${s.did}/app.bsky.feed.post/${root.rkey}`, createdAt: new Date(now()).toISOString() };
    try {
      await s.agent.com.atproto.repo.putRecord(
        { repo: s.did, collection: THREADGATE_COLLECTION, rkey: root.rkey, record: { ...base, hiddenReplies: [...hidden, reply.uri] }, swapRecord: gate?.cid ?? null, validate: true },
        { signal: s.signal },
      );
      return;
    } catch (e) {
      if (attempt === 0 && e instanceof XRPCError && e.error === 'InvalidSwap') continue;
      throw e;
    }
  }
}

export async function blockUser(s: Signed, authorId: string, now: () => number): Promise<void> {
  const did = authorId.startsWith('did:') ? authorId : await resolveHandle(s, authorId);
  if (did === s.did) throw new PlatformError('invalid-content', 'bluesky', 'An account cannot block itself.');
  const rkey = blockRkey(did);
  if (await getRecordOrNull(s, s.did, BLOCK_COLLECTION, rkey, 'checking for an earlier block')) return;
  await s.agent.com.atproto.repo.createRecord(
    { repo: s.did, collection: BLOCK_COLLECTION, rkey, record: { $type: BLOCK_COLLECTION, subject: did, createdAt: new Date(now()).toISOString() }, validate: true },
    { signal: s.signal },
  );
}

/**
 * A reply from the account. Its idempotency key comes from the comment and the text, so a retried reply (or a
 * double-click) finds the first one instead of answering twice.
 */
export function reply(s: Signed, comment: Comment, text: string, now: () => number): Promise<PublishedPost> {
  return publish(s, { idempotencyKey: `reply:${comment.platformCommentId}:${text}`, text, media: [], inReplyTo: comment.platformCommentId }, now);
}

export function deleteComment(): never {
  throw notSupported(
    'bluesky',
    'Deleting someone else’s reply',
    'each Bluesky post lives in its author’s account. Hide the reply instead (it moves behind “Hidden replies” for everyone), or block its author',
  );
}

async function resolveHandle(s: Signed, handle: string): Promise<string> {
  const res = await step({ doing: 'finding the account to block', mutating: false }, s.agent.com.atproto.identity.resolveHandle({ handle: handle.replace(/^@/, '') }, { signal: s.signal }));
  return res.data.did;
}
