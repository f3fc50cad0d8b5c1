/**
 * The Bluesky adapter against a real PDS on loopback (@atproto/dev-env, no AppView): what a comms officer would see
 * happen on Bluesky when Herald publishes, hides, blocks and deletes, checked in the records Bluesky actually stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestNetworkNoAppView } from '@atproto/dev-env';
import { PlatformError, type Comment, type PublishRequest } from '../adapter';
import { createBlueskyAdapter } from './index';
import { isValidTid } from './record-keys';
import { listRecords, makePng, readRecord, residentReplies, startPdsPeers, type Peers } from './testing/peers';

let peers: Peers<TestNetworkNoAppView>;
const adapter = createBlueskyAdapter({ timeoutMs: 10_000 });
let n = 0;
const post = (text: string, extra: Partial<PublishRequest> = {}): PublishRequest => ({ idempotencyKey: `test-${++n}-${Date.now()}`, text, media: [], ...extra });
const commentFor = (uri: string, authorId: string): Comment => ({
  platformCommentId: uri, platformPostId: null, kind: 'comment', authorId, authorHandle: 'resident.test', authorName: null, text: '', createdAt: Date.now(), url: null,
});
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a PlatformError'); }, (e: unknown) => e as PlatformError);

beforeAll(async () => {
  peers = await startPdsPeers();
});
afterAll(async () => {
  await peers?.network.close();
});

describe('connecting', () => {
  it('connects with a handle and an app password and names the account', async () => {
    const health = await adapter.checkHealth(peers.council.ctx);
    expect(health).toMatchObject({ ok: true, accountName: 'council.test', accountId: peers.council.did, tokenExpiresAt: null });
  });

  it('a wrong app password is reported as a sign-in problem that says what to do', async () => {
    const ctx = { credentials: { ...peers.council.ctx.credentials, appPassword: 'aaaa-bbbb-cccc-dddd' } };
    const e = await failure(adapter.checkHealth(ctx));
    expect(e).toBeInstanceOf(PlatformError);
    expect(e.kind).toBe('auth-expired');
    expect(e.message).toMatch(/council\.test.*app password/);
    // The right password still works afterwards: the bad attempt did not poison the account's session.
    await expect(adapter.checkHealth(peers.council.ctx)).resolves.toMatchObject({ ok: true });
  });

  it('reuses one sign-in across calls, and signs in again when Bluesky stops accepting the session', async () => {
    const seen: string[] = [];
    let spoil = 0;
    const fetchSpy: typeof fetch = (input, init) => {
      const req = new Request(input, init);
      seen.push(new URL(req.url).pathname);
      if (spoil > 0 && req.headers.has('authorization') && !req.url.includes('createSession')) {
        spoil--;
        req.headers.set('authorization', 'Bearer not-a-valid-token');
      }
      return fetch(req);
    };
    const own = createBlueskyAdapter({ fetch: fetchSpy });
    await own.checkHealth(peers.council.ctx);
    await own.checkHealth(peers.council.ctx);
    expect(seen.filter((p) => p.endsWith('createSession'))).toHaveLength(1);
    spoil = 1;
    await expect(own.checkHealth(peers.council.ctx)).resolves.toMatchObject({ accountName: 'council.test' });
    expect(seen.filter((p) => p.endsWith('createSession'))).toHaveLength(2);
  });
});

describe('publishing', () => {
  it('publishes a post with an image and its alt text, as Bluesky stores it', async () => {
    const png = makePng();
    const published = await adapter.publish(peers.council.ctx, post('Road closure on the High Street this weekend', { media: [{ kind: 'image', mimeType: 'image/png', bytes: png, alt: 'Map of the High Street with the closed section in red' }] }));
    expect(published.url).toMatch(new RegExp(`^https://bsky.app/profile/${peers.council.did}/post/`));
    const rec = await readRecord(peers.council, published.platformPostId);
    expect(rec?.text).toBe('Road closure on the High Street this weekend');
    expect(rec?.embed.$type).toBe('app.bsky.embed.images');
    expect(rec?.embed.images[0].alt).toBe('Map of the High Street with the closed section in red');
    expect(rec?.embed.images[0].image).toMatchObject({ mimeType: 'image/png', size: png.byteLength });
    expect(isValidTid(published.platformPostId.split('/').pop()!)).toBe(true);
  });

  it('publishes a video with its alt text', async () => {
    // Just an MP4 "ftyp" box: enough for the PDS to recognise the file type, which is all a PDS checks.
    const mp4 = new Uint8Array(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(4), Buffer.from('mp42isom')]));
    const published = await adapter.publish(peers.council.ctx, post('Watch: how to use the new recycling centre', { media: [{ kind: 'video', mimeType: 'video/mp4', bytes: mp4, alt: 'A walk through the recycling centre' }] }));
    const rec = await readRecord(peers.council, published.platformPostId);
    expect(rec?.embed).toMatchObject({ $type: 'app.bsky.embed.video', alt: 'A walk through the recycling centre', video: { mimeType: 'video/mp4' } });
  });

  it('Bluesky’s own refusal comes back as invalid content with its reason', async () => {
    const e = await failure(adapter.publish(peers.council.ctx, post('Not really a video', { media: [{ kind: 'video', mimeType: 'video/mp4', bytes: makePng(), alt: 'x' }] })));
    expect(e.kind).toBe('invalid-content');
    expect(e.message).toMatch(/Bluesky said: .*video\/mp4/);
  });

  it('publishes a thread of three as a reply chain under the first post', async () => {
    const published = await adapter.publish(peers.council.ctx, post('Budget consultation 1/3', { thread: [{ text: 'Budget consultation 2/3', media: [] }, { text: 'Budget consultation 3/3', media: [] }] }));
    expect(published.threadIds).toHaveLength(2);
    const [second, third] = await Promise.all(published.threadIds!.map((uri) => readRecord(peers.council, uri)));
    expect(second?.reply.root.uri).toBe(published.platformPostId);
    expect(second?.reply.parent.uri).toBe(published.platformPostId);
    expect(third?.reply.root.uri).toBe(published.platformPostId);
    expect(third?.reply.parent.uri).toBe(published.threadIds![0]);
  });

  it('turns links and known handles into links, and leaves an unknown handle as plain text', async () => {
    const text = 'Thanks @resident.test and @nobody.test, see https://www.example.gov.uk/bins #bins';
    const published = await adapter.publish(peers.council.ctx, post(text));
    const rec = await readRecord(peers.council, published.platformPostId);
    const features = rec?.facets.flatMap((f: { features: unknown[] }) => f.features);
    expect(features).toContainEqual(expect.objectContaining({ $type: 'app.bsky.richtext.facet#mention', did: peers.resident.did }));
    expect(features).toContainEqual(expect.objectContaining({ $type: 'app.bsky.richtext.facet#link', uri: 'https://www.example.gov.uk/bins' }));
    expect(features).toContainEqual(expect.objectContaining({ $type: 'app.bsky.richtext.facet#tag', tag: 'bins' }));
    expect(features).toHaveLength(3);
  });

  it('publishing again with the same idempotency key returns the first post instead of posting twice', async () => {
    const request = post('Library opening hours change from Monday');
    const before = (await listRecords(peers.council, 'app.bsky.feed.post')).length;
    const first = await adapter.publish(peers.council.ctx, request);
    const again = await adapter.publish(peers.council.ctx, request);
    expect(again.platformPostId).toBe(first.platformPostId);
    expect((await listRecords(peers.council, 'app.bsky.feed.post')).length).toBe(before + 1);
  });

  it('a thread cut off after its first post is finished, not restarted, by publishing again', async () => {
    const request = post('Flood warning 1/2', { thread: [{ text: 'Flood warning 2/2', media: [] }] });
    const firstOnly = await adapter.publish(peers.council.ctx, { ...request, thread: [] });
    const whole = await adapter.publish(peers.council.ctx, request);
    expect(whole.platformPostId).toBe(firstOnly.platformPostId);
    expect((await readRecord(peers.council, whole.threadIds![0]!))?.reply.parent.uri).toBe(firstOnly.platformPostId);
  });

  it('findPublished finds a published post by its idempotency key, and returns null for one never published', async () => {
    const request = post('Council tax bills are on their way');
    const published = await adapter.publish(peers.council.ctx, request);
    await expect(adapter.findPublished(peers.council.ctx, request)).resolves.toMatchObject({ platformPostId: published.platformPostId, url: published.url });
    await expect(adapter.findPublished(peers.council.ctx, post('Council tax bills are on their way'))).resolves.toBeNull();
  });

  it('300 characters as people see them are accepted, even when each is several code points', async () => {
    const flags = '🇬🇧'.repeat(300); // 300 graphemes, 600 UTF-16 units, 2,400 bytes
    await expect(adapter.publish(peers.council.ctx, post(flags))).resolves.toMatchObject({ platformPostId: expect.any(String) });
  });

  it('text over 300 characters is refused before anything is posted, even in the last post of a thread', async () => {
    const before = (await listRecords(peers.council, 'app.bsky.feed.post')).length;
    const single = await failure(adapter.publish(peers.council.ctx, post('a'.repeat(301))));
    expect(single.kind).toBe('invalid-content');
    expect(single.message).toMatch(/301 characters.*300/);
    const thread = await failure(adapter.publish(peers.council.ctx, post('Fine', { thread: [{ text: 'Fine too', media: [] }, { text: 'é'.repeat(301), media: [] }] })));
    expect(thread.kind).toBe('invalid-content');
    expect(thread.message).toMatch(/post 3 of the thread/);
    expect((await listRecords(peers.council, 'app.bsky.feed.post')).length).toBe(before);
  });

  it('too many images, or an image over 1 MB, are refused with the limit named', async () => {
    const image = { kind: 'image' as const, mimeType: 'image/png', bytes: makePng(), alt: 'x' };
    expect((await failure(adapter.publish(peers.council.ctx, post('Five', { media: Array(5).fill(image) })))).message).toMatch(/4 images/);
    expect((await failure(adapter.publish(peers.council.ctx, post('Big', { media: [{ ...image, bytes: new Uint8Array(1_000_001) }] })))).message).toMatch(/1 MB/);
  });
});

describe('moderating', () => {
  it('hides a resident’s reply: the thread’s threadgate lists it, and anyone may still reply', async () => {
    const ours = await adapter.publish(peers.council.ctx, post('Have your say on the new cycle lane'));
    const replyUri = await residentReplies(peers.resident, ours.platformPostId, 'This is a waste of money');
    await adapter.hideComment(peers.council.ctx, commentFor(replyUri, peers.resident.did));
    await adapter.hideComment(peers.council.ctx, commentFor(replyUri, peers.resident.did)); // twice: still listed once
    const gate = await readRecord(peers.council, ours.platformPostId.replace('app.bsky.feed.post', 'app.bsky.feed.threadgate'));
    expect(gate).toMatchObject({ post: ours.platformPostId, hiddenReplies: [replyUri] });
    expect(gate).not.toHaveProperty('allow');
  });

  it('a reply further down the thread is hidden in the same threadgate', async () => {
    const ours = await adapter.publish(peers.council.ctx, post('Consultation on parking'));
    const first = await residentReplies(peers.resident, ours.platformPostId, 'First');
    const deeper = await residentReplies(peers.resident, first, 'Deeper');
    await adapter.hideComment(peers.council.ctx, commentFor(first, peers.resident.did));
    await adapter.hideComment(peers.council.ctx, commentFor(deeper, peers.resident.did));
    const gate = await readRecord(peers.council, ours.platformPostId.replace('app.bsky.feed.post', 'app.bsky.feed.threadgate'));
    expect(gate?.hiddenReplies).toEqual([first, deeper]);
  });

  it('cannot hide a reply in a thread someone else started, and says so', async () => {
    const theirs = await peers.resident.agent.post({ text: 'My own thread' });
    const replyUri = await residentReplies(peers.resident, theirs.uri, 'Replying to myself');
    const e = await failure(adapter.hideComment(peers.council.ctx, commentFor(replyUri, peers.resident.did)));
    expect(e.kind).toBe('not-supported');
    expect(e.message).toMatch(/Block its author/);
  });

  it('replies to a resident in the right thread', async () => {
    const ours = await adapter.publish(peers.council.ctx, post('Green bin collections resume'));
    const replyUri = await residentReplies(peers.resident, ours.platformPostId, 'When exactly?');
    const answer = await adapter.reply(peers.council.ctx, commentFor(replyUri, peers.resident.did), 'From Monday 2 March.');
    const rec = await readRecord(peers.council, answer.platformPostId);
    expect(rec?.reply).toMatchObject({ root: { uri: ours.platformPostId }, parent: { uri: replyUri } });
  });

  it('blocks the resident with one block record, however often it is asked', async () => {
    await adapter.blockUser(peers.council.ctx, peers.resident.did);
    await adapter.blockUser(peers.council.ctx, peers.resident.did);
    const blocks = await listRecords(peers.council, 'app.bsky.graph.block');
    expect(blocks.map((b) => b.value.subject)).toEqual([peers.resident.did]);
  });

  it('deletes our own post', async () => {
    const ours = await adapter.publish(peers.council.ctx, post('Posted by mistake'));
    await adapter.deletePost(peers.council.ctx, ours.platformPostId);
    expect(await readRecord(peers.council, ours.platformPostId)).toBeNull();
    await expect(adapter.deletePost(peers.council.ctx, ours.platformPostId)).resolves.toBeUndefined(); // already gone: fine
  });

  it('cannot delete a resident’s reply, and suggests hiding it instead', async () => {
    const theirs = await peers.resident.agent.post({ text: 'Resident post' });
    const asPost = await failure(adapter.deletePost(peers.council.ctx, theirs.uri));
    expect(asPost.kind).toBe('not-supported');
    const asComment = await failure(adapter.deleteComment(peers.council.ctx, commentFor(theirs.uri, peers.resident.did)));
    expect(asComment.kind).toBe('not-supported');
    expect(asComment.message).toMatch(/Hide the reply instead/);
    expect(await readRecord(peers.resident, theirs.uri)).not.toBeNull();
  });
});
