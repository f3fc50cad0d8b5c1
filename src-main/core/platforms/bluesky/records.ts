/**
 * Reading records from a Bluesky repository, shared by publishing and moderation.
 *
 * com.atproto.repo.getRecord is asked of our own PDS even for other people's posts: a PDS answers for the
 * repositories it hosts and passes the rest to the AppView, so this works on a lone PDS in tests and on bsky.social.
 */
import { PlatformError } from '../adapter';
import { isAuthFailure, isNotFound, toPlatformError, type Doing } from './errors';
import { parseAtUri, POST_COLLECTION } from './record-keys';
import type { Signed } from './session';

export type StrongRef = { uri: string; cid: string };
export type FoundRecord = { uri: string; cid: string; value: Record<string, unknown> };

/**
 * Runs one step of a larger operation under its own error meaning (an image upload inside a publish is not itself a
 * change anyone can see). Auth failures pass through untouched so the session layer can sign in again and retry.
 */
export async function step<T>(op: Doing, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isAuthFailure(e)) throw e;
    throw toPlatformError(e, op);
  }
}

/** The record at an address, or null if there is none. */
export async function getRecordOrNull(s: Signed, did: string, collection: string, rkey: string, doing: string): Promise<FoundRecord | null> {
  try {
    const res = await s.agent.com.atproto.repo.getRecord({ repo: did, collection, rkey }, { signal: s.signal });
    const { uri, cid, value } = res.data;
    if (!cid) throw new PlatformError('network', 'bluesky', `Bluesky answered without a record version while ${doing}. Herald will try again later.`);
    return { uri, cid, value: value as Record<string, unknown> };
  } catch (e) {
    if (isNotFound(e)) return null;
    if (isAuthFailure(e)) throw e;
    throw toPlatformError(e, { doing, mutating: false });
  }
}

/** A post by its at:// address; not-supported if the id is not a Bluesky post, invalid-content if it is gone. */
export async function getPost(s: Signed, uri: string, doing: string): Promise<FoundRecord> {
  const a = parseAtUri(uri);
  if (!a || a.collection !== POST_COLLECTION) {
    throw new PlatformError('invalid-content', 'bluesky', `“${uri.slice(0, 120)}” is not the address of a Bluesky post.`);
  }
  const found = await getRecordOrNull(s, a.did, a.collection, a.rkey, doing);
  if (!found) throw new PlatformError('invalid-content', 'bluesky', `The Bluesky post Herald needed while ${doing} has been deleted.`);
  return found;
}

/** The root and parent references for a reply to `parent` (its thread's root, or itself if it starts one). */
export function replyRefs(parent: FoundRecord): { root: StrongRef; parent: StrongRef } {
  const reply = parent.value.reply as { root?: StrongRef } | undefined;
  const self = { uri: parent.uri, cid: parent.cid };
  return { root: reply?.root?.uri && reply.root.cid ? { uri: reply.root.uri, cid: reply.root.cid } : self, parent: self };
}
