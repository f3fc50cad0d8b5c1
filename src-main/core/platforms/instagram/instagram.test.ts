/**
 * The Instagram adapter against a loopback Instagram Graph API fake (fake-instagram.ts) and the shared bad-response
 * cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, MediaItem, PublishRequest } from '../adapter';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createInstagramAdapter } from './index';
import { createFakeInstagram, startFakeInstagram } from './fake-instagram';

const bytes = new TextEncoder().encode('JPEG');
const image = (alt: string, publicUrl = `https://media.example.gov.uk/${alt.replace(/\W/g, '')}.jpg`): MediaItem => ({ kind: 'image', mimeType: 'image/jpeg', bytes, alt, publicUrl });
const post = (text: string, media: MediaItem[] = [], extra: Partial<PublishRequest> = {}): PublishRequest => ({ idempotencyKey: 'k', text, media, ...extra });

describe('Instagram adapter', () => {
  let fake: Awaited<ReturnType<typeof startFakeInstagram>>;
  let ctx: CallContext;
  const ig = createInstagramAdapter({ timeoutMs: 2_000, pollIntervalMs: 5 });
  beforeAll(async () => {
    fake = await startFakeInstagram();
    ctx = { credentials: { serviceUrl: fake.serviceUrl, accessToken: 'good', extra: { igUserId: fake.igUserId } } };
  });
  afterAll(() => fake.server.close());

  it('checks health: names the account and counts the posts left in the 24-hour publishing limit', async () => {
    expect(await ig.checkHealth(ctx)).toMatchObject({ ok: true, accountName: 'heraldcouncil', rateLimit: { remaining: 50 } });
  });

  it('works with Instagram Login, where `me` is the account and no id is stored', async () => {
    const loginCtx = { credentials: { serviceUrl: fake.serviceUrl, accessToken: 'good' } };
    expect(await ig.checkHealth(loginCtx)).toMatchObject({ accountId: fake.igUserId });
    const r = await ig.publish(loginCtx, post('Via Instagram Login', [image('Town hall')]));
    expect(fake.media.has(r.platformPostId)).toBe(true);
  });

  it('refuses a text-only post with invalid-content before calling Instagram (no text posts exist)', async () => {
    const before = fake.containers.size;
    await expect(ig.publish(ctx, post('Just words'))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/add an image or a video/) });
    expect(fake.containers.size).toBe(before);
  });

  it('refuses media without a public address with invalid-content (Instagram fetches media by URL)', async () => {
    const noUrl: MediaItem = { kind: 'image', mimeType: 'image/jpeg', bytes, alt: 'x' };
    await expect(ig.publish(ctx, post('Hi', [noUrl]))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/public web address/) });
  });

  it('publishes an image with alt text in two steps: a container, then media_publish', async () => {
    const r = await ig.publish(ctx, post('Our new recycling centre is open.', [image('Recycling bins in a row')]));
    const m = fake.media.get(r.platformPostId)!;
    expect(fake.containers.get(m.containerId)).toMatchObject({ kind: 'IMAGE', alt: 'Recycling bins in a row', caption: 'Our new recycling centre is open.', status: 'PUBLISHED' });
    expect(r.url).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
  });

  it('publishes a Reel only after its container finishes processing, without alt text', async () => {
    const video: MediaItem = { kind: 'video', mimeType: 'video/mp4', bytes, alt: 'ignored for Reels', publicUrl: 'https://media.example.gov.uk/tour.mp4' };
    const r = await ig.publish(ctx, post('Take the tour.', [video]));
    const c = fake.containers.get(fake.media.get(r.platformPostId)!.containerId)!;
    expect(c).toMatchObject({ kind: 'REELS', alt: null, status: 'PUBLISHED' });
    expect(c.polls).toBeGreaterThanOrEqual(2);
  });

  it('publishes several images as a carousel of children, each with its alt text', async () => {
    const r = await ig.publish(ctx, post('Fair photos', [image('Stage'), image('Crowd')]));
    const parent = fake.containers.get(fake.media.get(r.platformPostId)!.containerId)!;
    expect(parent.kind).toBe('CAROUSEL');
    expect(parent.children.map((id) => fake.containers.get(id)?.alt)).toEqual(['Stage', 'Crowd']);
  });

  it('fetches comments and replies since a cursor, leaving out its own replies', async () => {
    const { platformPostId } = await ig.publish(ctx, post('Tell us what you think.', [image('Park')]));
    const c1 = fake.addComment(platformPostId, { text: 'Lovely', username: 'resident1', fromId: 'igsid1' });
    const page1 = await ig.fetchComments(ctx, null);
    expect(page1.comments.map((c) => c.platformCommentId)).toContain(c1.id);
    const comment = page1.comments.find((c) => c.platformCommentId === c1.id)!;
    await ig.reply(ctx, comment, 'Thank you!');
    const c2 = fake.addComment(platformPostId, { text: 'Me too', username: 'resident2', fromId: 'igsid2', parent: c1.id });
    const page2 = await ig.fetchComments(ctx, page1.cursor);
    expect(page2.comments).toEqual([expect.objectContaining({ platformCommentId: c2.id, kind: 'reply', authorHandle: 'resident2' })]);
  });

  it('hides and deletes comments; blocking is not-supported and says to use the Instagram app', async () => {
    const { platformPostId } = await ig.publish(ctx, post('Events this weekend', [image('Poster')]));
    const c = fake.addComment(platformPostId, { text: 'spam spam', username: 'spammer', fromId: 'igsid9' });
    const comment = (await ig.fetchComments(ctx, null)).comments.find((x) => x.platformCommentId === c.id)!;
    await ig.hideComment(ctx, comment);
    expect(fake.comments.get(c.id)?.hidden).toBe(true);
    await ig.deleteComment(ctx, comment);
    expect(fake.comments.has(c.id)).toBe(false);
    await expect(ig.blockUser(ctx, 'igsid9')).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/Instagram app/) });
  });

  it('reconciles a lost answer: the publish is unknown-outcome, then findPublished finds it (null if it never landed)', async () => {
    const quick = createInstagramAdapter({ timeoutMs: 300, pollIntervalMs: 5 });
    // The platform makes the post, but its answer never arrives.
    fake.server.setRoute(async (req, url) => {
      const reply = await fake.handle(req, url);
      return url.pathname.endsWith('/media_publish') ? 'hang' : reply;
    });
    try {
      await expect(quick.publish(ctx, post('Library hours change in May.', [image('Library')]))).rejects.toMatchObject({ kind: 'unknown-outcome' });
    } finally {
      fake.server.setRoute(fake.handle);
    }
    expect(await ig.findPublished(ctx, post('Library hours change in May.'))).toMatchObject({ platformPostId: expect.any(String) });
    expect(await ig.findPublished(ctx, post('Never published'))).toBeNull();
  });

  it('turns an expired token (400, code 190) into auth-expired', async () => {
    const expired = { credentials: { ...ctx.credentials, accessToken: 'expired' } };
    await expect(ig.checkHealth(expired)).rejects.toMatchObject({ kind: 'auth-expired', message: expect.stringMatching(/Reconnect/) });
  });

  it('turns the 24-hour publishing limit (code 9, subcode 2207042) into rate-limited', async () => {
    for (let i = 0; fake.media.size < 50; i++) fake.media.set(`filler${i}`, { id: `filler${i}`, caption: '', created: Date.now(), containerId: '' });
    await expect(ig.publish(ctx, post('One too many', [image('x')]))).rejects.toMatchObject({ kind: 'rate-limited' });
  });
});

describe('Instagram adapter, bad responses', () => {
  const fake = createFakeInstagram();
  const ig = createInstagramAdapter({ timeoutMs: 500, pollIntervalMs: 5 });
  const ctxFor = (url: string): CallContext => ({ credentials: { serviceUrl: `${url}/v21.0`, accessToken: 'good', extra: { igUserId: fake.igUserId } } });
  describe('checkHealth', () => {
    itSurvivesBadResponses({
      operation: 'checkHealth',
      mutating: false,
      valid: { id: fake.igUserId, username: 'heraldcouncil' },
      dropField: (v) => ({ id: v.id }),
      isTarget: (req, url) => req.method === 'GET' && url.pathname === `/v21.0/${fake.igUserId}`,
      fallback: fake.handle,
      call: (url) => ig.checkHealth(ctxFor(url)),
    });
  });
  describe('publish (the media_publish step)', () => {
    itSurvivesBadResponses({
      operation: 'publish',
      mutating: true,
      valid: { id: '17900000000000001' },
      dropField: () => ({}),
      isTarget: (req, url) => req.method === 'POST' && url.pathname.endsWith('/media_publish'),
      fallback: fake.handle,
      call: (url) => ig.publish(ctxFor(url), post('Bad-response case', [image('x')])),
    });
  });
});
