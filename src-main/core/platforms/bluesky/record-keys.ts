/**
 * Record keys and addresses for Bluesky posts.
 *
 * Why deterministic keys: a publish whose outcome is unknown (R16) must never post twice. Bluesky lets the client
 * choose a record key (rkey), and a post's rkey must be a TID (13 characters, base32-sortable, top bit zero; see
 * https://atproto.com/specs/tid). Herald derives the TID from a hash of its idempotency key, so the retry of an
 * attempt looks at exactly one address: if a record is there, the first attempt landed.
 *
 * A TID's high bits are normally a timestamp. Nothing on Bluesky orders or displays posts by rkey (the AppView sorts by
 * createdAt and indexedAt), but tools do assume TIDs are not in the future, so the derived "timestamp" is kept inside
 * 1970-2005 (50 bits of microseconds) and 10 more hash bits fill the clock id: 60 bits of hash in all.
 */
import { createHash } from 'node:crypto';

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
const TID_RE = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

export const POST_COLLECTION = 'app.bsky.feed.post';
export const THREADGATE_COLLECTION = 'app.bsky.feed.threadgate';
export const BLOCK_COLLECTION = 'app.bsky.graph.block';

/** The TID for a seed string: the same seed always gives the same valid TID. */
export function tidFromSeed(seed: string): string {
  const h = createHash('sha256').update(seed, 'utf8').digest();
  const timestamp = h.readBigUInt64BE(0) & ((1n << 50n) - 1n);
  const clockId = BigInt(h.readUInt16BE(8) & 0x3ff);
  let n = (timestamp << 10n) | clockId;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

export const isValidTid = (s: string): boolean => TID_RE.test(s);

/** The rkey of post `index` of a publish (0 is the first post, 1.. the rest of its thread). */
export function postRkey(idempotencyKey: string, index: number): string {
  return tidFromSeed(index === 0 ? `herald-post:${idempotencyKey}` : `herald-post:${idempotencyKey}#${index}`);
}

/** One block record per blocked account, so blocking twice is a no-op rather than a second record. */
export const blockRkey = (subjectDid: string): string => tidFromSeed(`herald-block:${subjectDid}`);

export type AtAddress = { did: string; collection: string; rkey: string };

/** Parses at://did/collection/rkey; null for anything else. */
export function parseAtUri(uri: string): AtAddress | null {
  const m = /^at:\/\/(did:[a-z]+:[A-Za-z0-9._:%-]+)\/([a-zA-Z0-9.-]+)\/([A-Za-z0-9._~:-]{1,512})$/.exec(uri);
  return m ? { did: m[1]!, collection: m[2]!, rkey: m[3]! } : null;
}

export const atUri = (did: string, collection: string, rkey: string): string => `at://${did}/${collection}/${rkey}`;

/** The public web address of a post. bsky.app accepts DIDs, which survive handle changes. */
export function postUrl(uri: string): string | null {
  const a = parseAtUri(uri);
  return a && a.collection === POST_COLLECTION ? `https://bsky.app/profile/${a.did}/post/${a.rkey}` : null;
}
