/**
 * Record keys derived from idempotency keys: the property that makes a retried publish safe is that the same key
 * always gives the same valid TID, and different posts never share one.
 */
import { describe, expect, it } from 'vitest';
import { blockRkey, isValidTid, parseAtUri, postRkey, postUrl, tidFromSeed } from './record-keys';

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
const micros = (tid: string) => [...tid].reduce((n, ch) => n * 32n + BigInt(S32.indexOf(ch)), 0n) >> 10n;

describe('record keys', () => {
  it('the same idempotency key always gives the same valid TID, and every post of a thread its own', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `post-${i}`);
    const tids = keys.flatMap((k) => [postRkey(k, 0), postRkey(k, 1), postRkey(k, 2)]);
    expect(tids.every(isValidTid)).toBe(true);
    expect(new Set(tids).size).toBe(tids.length);
    expect(postRkey('post-7', 1)).toBe(postRkey('post-7', 1));
    expect(blockRkey('did:plc:abc')).not.toBe(postRkey('did:plc:abc', 0));
  });

  it('derived TIDs never claim a time in the future (their timestamp stays before 2006)', () => {
    for (let i = 0; i < 500; i++) expect(Number(micros(tidFromSeed(`seed-${i}`)) / 1000n)).toBeLessThan(Date.UTC(2006, 0, 1));
  });

  it('reads at:// addresses and builds bsky.app links from the DID', () => {
    expect(parseAtUri('at://did:plc:abc123/app.bsky.feed.post/3kabc')).toEqual({ did: 'did:plc:abc123', collection: 'app.bsky.feed.post', rkey: '3kabc' });
    expect(parseAtUri('https://bsky.app/profile/x')).toBeNull();
    expect(postUrl('at://did:plc:abc123/app.bsky.feed.post/3kabc')).toBe('https://bsky.app/profile/did:plc:abc123/post/3kabc');
    expect(postUrl('at://did:plc:abc123/app.bsky.graph.block/3kabc')).toBeNull();
  });
});
