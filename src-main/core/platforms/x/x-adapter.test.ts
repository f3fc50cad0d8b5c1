/**
 * The X adapter's behaviour against a spec-checked fake (fake-x.ts): every request and reply in these tests is
 * validated against X's OpenAPI document, and each test ends by asserting there was no drift.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type CallContext, type MediaItem } from '../adapter';
import { createXAdapter } from './x-adapter';
import { ME, RESIDENT, startFakeX, type FakeX } from './fake-x';

const adapter = createXAdapter({ timeoutMs: 5_000, pollIntervalMs: 1, now: () => Date.parse('2025-03-01T12:00:00.000Z') });
let x: FakeX;
let ctx: CallContext;
const png = (alt: string): MediaItem => ({ kind: 'image', mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]), alt });

beforeEach(async () => {
  x = await startFakeX();
  ctx = { credentials: { serviceUrl: x.url, accessToken: 'token-1' } };
});
afterEach(async () => {
  await x.close();
});

describe('X adapter', () => {
  it('checks the account and reads X’s rate-limit headers', async () => {
    const health = await adapter.checkHealth(ctx);
    expect(health).toEqual({ ok: true, accountName: '@AnytownCouncil', accountId: ME.id, tokenExpiresAt: null, rateLimit: { remaining: 74, resetAt: 1_740_820_500_000 } });
    expect(x.violations).toEqual([]);
  });

  it('publishes text', async () => {
    const out = await adapter.publish(ctx, { idempotencyKey: 'k1', text: 'Bins will be collected on Tuesday this week.', media: [] });
    expect(out).toEqual({ platformPostId: x.posts[0]!.id, url: `https://x.com/i/web/status/${x.posts[0]!.id}`, publishedAt: Date.parse('2025-03-01T12:00:00.000Z') });
    expect(x.callsTo('createPosts')[0]!.body).toEqual({ text: 'Bins will be collected on Tuesday this week.' });
    expect(x.violations).toEqual([]);
  });

  it('publishes an image with its alt text set through the media metadata endpoint', async () => {
    await adapter.publish(ctx, { idempotencyKey: 'k2', text: 'The new library opens today.', media: [png('The library’s glass front at dusk')] });
    const [upload] = x.callsTo('mediaUpload');
    expect(upload!.body.media_category).toBe('tweet_image');
    expect(upload!.files.media!.bytes).toEqual(new Uint8Array([137, 80, 78, 71]));
    const mediaId = x.posts[0]!.media_ids[0]!;
    expect(x.media.get(mediaId)!.alt).toBe('The library’s glass front at dusk');
    expect(x.callsTo('createPosts')[0]!.body.media).toEqual({ media_ids: [mediaId] });
    expect(x.violations).toEqual([]);
  });

  it('uploads a video in chunks and waits until X has processed it', async () => {
    const bytes = new Uint8Array(4 * 1024 * 1024 + 10);
    await adapter.publish(ctx, { idempotencyKey: 'k3', text: 'Watch the opening', media: [{ kind: 'video', mimeType: 'video/mp4', bytes, alt: 'Ribbon cutting' }] });
    const id = x.posts[0]!.media_ids[0]!;
    expect(x.media.get(id)).toMatchObject({ category: 'tweet_video', type: 'video/mp4', bytes: bytes.length, chunks: [0, 1], alt: 'Ribbon cutting', polls: 0 });
    expect(x.callsTo('getMediaUploadStatus')).toHaveLength(2);
    expect(x.violations).toEqual([]);
  });

  it('publishes a thread as a chain of replies', async () => {
    const out = await adapter.publish(ctx, { idempotencyKey: 'k4', text: 'Road closures this weekend (1/3)', media: [], thread: [{ text: 'High Street: Saturday (2/3)', media: [] }, { text: 'Mill Lane: Sunday (3/3)', media: [] }] });
    expect(out.threadIds).toEqual(x.posts.map((p) => p.id));
    expect(x.callsTo('createPosts').map((r) => r.body.reply?.in_reply_to_tweet_id)).toEqual([undefined, x.posts[0]!.id, x.posts[1]!.id]);
    expect(x.violations).toEqual([]);
  });

  it('fetches mentions since a cursor; the next fetch returns nothing new', async () => {
    const post = await adapter.publish(ctx, { idempotencyKey: 'k5', text: 'Consultation open until Friday', media: [] });
    x.mention(RESIDENT, 'When does it close? & where?', post.platformPostId);
    const first = await adapter.fetchComments(ctx, null);
    expect(first.comments).toEqual([
      expect.objectContaining({ kind: 'reply', platformPostId: post.platformPostId, authorId: RESIDENT.id, authorHandle: 'a_resident', authorName: 'A Resident', text: '@AnytownCouncil When does it close? & where?' }),
    ]);
    const second = await adapter.fetchComments(ctx, first.cursor);
    expect(second).toEqual({ comments: [], cursor: first.cursor });
    x.mention(RESIDENT, '@AnytownCouncil thank you');
    const third = await adapter.fetchComments(ctx, second.cursor);
    expect(third.comments.map((c) => [c.kind, c.text, c.platformPostId])).toEqual([['mention', '@AnytownCouncil thank you', null]]);
    expect(x.callsTo('getUsersMentions')[1]!.query).toMatchObject({ since_id: first.cursor, 'post.fields': ['created_at', 'conversation_id'], expansions: ['author_id'] });
    expect(x.violations).toEqual([]);
  });

  it('follows next_token so a burst of mentions since the cursor is not cut short', async () => {
    x.mention(RESIDENT, '@AnytownCouncil first');
    const { cursor } = await adapter.fetchComments(ctx, null);
    for (let i = 0; i < 150; i++) x.mention(RESIDENT, `@AnytownCouncil message ${i}`);
    const page = await adapter.fetchComments(ctx, cursor);
    expect(page.comments.map((c) => c.text)).toEqual(Array.from({ length: 150 }, (_, i) => `@AnytownCouncil message ${i}`));
    expect(x.violations).toEqual([]);
  });

  it('hides a reply in the account’s own conversation', async () => {
    const post = await adapter.publish(ctx, { idempotencyKey: 'k6', text: 'Parking changes', media: [] });
    const reply = x.mention(RESIDENT, 'rude words', post.platformPostId);
    const { comments } = await adapter.fetchComments(ctx, null);
    await adapter.hideComment(ctx, comments[0]!);
    expect(x.hidden).toEqual([reply.id]);
    expect(x.callsTo('hidePostsReply')[0]!.body).toEqual({ hidden: true });
    expect(x.violations).toEqual([]);
  });

  it('says plainly that blocking is not possible through X’s API, and mutes instead', async () => {
    expect(adapter.capabilities).toMatchObject({ block: false, mute: true });
    const err = await adapter.blockUser(ctx, RESIDENT.id).catch((e) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'not-supported', platform: 'x' });
    expect(err.message).toMatch(/Blocking an account through X’s API is not possible on this platform: .*Mute the account here, or block it in the X app/);
    await adapter.muteUser(ctx, RESIDENT.id);
    expect(x.muted).toEqual([RESIDENT.id]);
    expect(x.callsTo('muteUser')[0]!.path).toBe(`/2/users/${ME.id}/muting`);
    expect(x.violations).toEqual([]);
  });

  it('deletes its own post', async () => {
    const out = await adapter.publish(ctx, { idempotencyKey: 'k7', text: 'Posted in error', media: [] });
    await adapter.deletePost(ctx, out.platformPostId);
    expect(x.posts).toEqual([]);
    await adapter.deletePost(ctx, out.platformPostId);
    expect(x.violations).toEqual([]);
  });

  it('finds a post after an unknown outcome despite X rewriting its links, and returns null for one that never landed', async () => {
    const text = 'Council tax bills are on their way: see https://www.anytown.gov.uk/tax & pay by April';
    const landed = await adapter.publish(ctx, { idempotencyKey: 'k8', text, media: [png('A bill')], thread: [{ text: 'Help with paying: 0300 123 4567', media: [] }] });
    expect(x.posts[0]!.text).toMatch(/^Council tax bills are on their way: see https:\/\/t\.co\/\w+ &amp; pay by April https:\/\/t\.co\/\w+$/);
    const found = await adapter.findPublished(ctx, { idempotencyKey: 'k8', text, media: [png('A bill')], thread: [{ text: 'Help with paying: 0300 123 4567', media: [] }] });
    expect(found).toEqual({ ...landed, publishedAt: Date.parse(x.posts[0]!.created_at) });
    expect(await adapter.findPublished(ctx, { idempotencyKey: 'k9', text: 'Never sent', media: [] })).toBeNull();
    expect(x.violations).toEqual([]);
  });

  it('reports X’s refusal of a duplicate as invalid content, not as an expired sign-in', async () => {
    await adapter.publish(ctx, { idempotencyKey: 'k10', text: 'Same words', media: [] });
    const err = await adapter.publish(ctx, { idempotencyKey: 'k11', text: 'Same words', media: [] }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'invalid-content', platform: 'x', details: { status: 403 } });
    expect(err.message).toMatch(/duplicate of one this account posted recently/);
    expect(x.violations).toEqual([]);
  });
});
