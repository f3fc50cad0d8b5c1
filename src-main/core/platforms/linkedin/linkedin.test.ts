/**
 * The LinkedIn adapter against a loopback LinkedIn REST fake (fake-linkedin.ts) and the shared bad-response cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, PublishRequest } from '../adapter';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createLinkedInAdapter } from './index';
import { createFakeLinkedIn, startFakeLinkedIn } from './fake-linkedin';
import { fromLittleText, toLittleText } from './rest';

const png = new TextEncoder().encode('PNGDATA');
const post = (text: string, extra: Partial<PublishRequest> = {}): PublishRequest => ({ idempotencyKey: 'k', text, media: [], ...extra });

describe('LinkedIn adapter', () => {
  let fake: Awaited<ReturnType<typeof startFakeLinkedIn>>;
  let ctx: CallContext;
  const li = createLinkedInAdapter({ timeoutMs: 2_000 });
  beforeAll(async () => {
    fake = await startFakeLinkedIn();
    ctx = { credentials: { serviceUrl: fake.serviceUrl, accessToken: 'good', extra: { organizationId: fake.orgId } } };
  });
  afterAll(() => fake.server.close());

  it('checks health with the LinkedIn-Version and Rest.li 2.0 headers', async () => {
    expect(await li.checkHealth(ctx)).toMatchObject({ ok: true, accountName: 'Herald Test Council', accountId: '2414183' });
    // ...which the fake, like LinkedIn, insists on.
    const bare = await fetch(`${fake.serviceUrl}/rest/organizations/${fake.orgId}`, { headers: { authorization: 'Bearer good', 'x-restli-protocol-version': '2.0.0' } });
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ code: 'VERSION_MISSING' });
  });

  it('publishes a text post as the organization and reads its URN from x-restli-id', async () => {
    const r = await li.publish(ctx, post('Budget consultation (2026/27) is open: have your say #budget'));
    expect(r.platformPostId).toMatch(/^urn:li:share:\d+$/);
    expect(r.url).toBe(`https://www.linkedin.com/feed/update/${r.platformPostId}/`);
    // Escaped, so LinkedIn shows it whole instead of cutting it at "(".
    expect(fake.visibleText(r.platformPostId)).toBe('Budget consultation (2026/27) is open: have your say #budget');
    expect(fake.posts.get(r.platformPostId)?.commentary).toContain('\\(2026/27\\)');
  });

  it('escapes reserved characters but keeps hashtags, and reads them back', () => {
    const text = 'Email [us] at info@example.gov.uk — 50% off_peak ~ #roads #1';
    expect(toLittleText(text)).toBe('Email \\[us\\] at info\\@example.gov.uk — 50% off\\_peak \\~ #roads #1');
    expect(fromLittleText(toLittleText(text))).toBe(text);
  });

  it('publishes an image with alt text: initializeUpload, PUT the bytes, then content.media', async () => {
    const r = await li.publish(ctx, post('The new bridge', { media: [{ kind: 'image', mimeType: 'image/png', bytes: png, alt: 'A footbridge over the river' }] }));
    const content = fake.posts.get(r.platformPostId)?.content as { media: { id: string; altText: string } };
    expect(content.media.altText).toBe('A footbridge over the river');
    expect(fake.images.get(content.media.id)).toMatchObject({ uploaded: true, contentType: 'image/png' });
  });

  it('never sends the token to an upload address outside LinkedIn: a network error, nothing posted', async () => {
    const before = fake.posts.size;
    fake.server.setRoute((req, url) => (url.pathname === '/rest/images' ? { status: 200, body: JSON.stringify({ value: { uploadUrl: 'https://uploads.evil.example/x', image: 'urn:li:image:X' } }) } : fake.handle(req, url)));
    try {
      await expect(li.publish(ctx, post('x', { media: [{ kind: 'image', mimeType: 'image/png', bytes: png, alt: '' }] }))).rejects.toMatchObject({ kind: 'network' });
      expect(fake.posts.size).toBe(before);
    } finally {
      fake.server.setRoute(fake.handle);
    }
  });

  it('publishes several images as multiImage', async () => {
    const media = ['One', 'Two'].map((alt) => ({ kind: 'image' as const, mimeType: 'image/jpeg', bytes: png, alt }));
    const r = await li.publish(ctx, post('Two photos', { media }));
    const content = fake.posts.get(r.platformPostId)?.content as { multiImage: { images: Array<{ altText: string }> } };
    expect(content.multiImage.images.map((i) => i.altText)).toEqual(['One', 'Two']);
  });

  it('fetches comments since a cursor, replies to one, and deletes one on its own post', async () => {
    const { platformPostId } = await li.publish(ctx, post('Roadworks update'));
    const c1 = fake.addComment(platformPostId, { actor: 'urn:li:person:abc', text: 'How long for?' });
    const page1 = await li.fetchComments(ctx, null);
    const comment = page1.comments.find((c) => c.platformCommentId === c1.commentUrn)!;
    expect(comment).toMatchObject({ kind: 'comment', authorId: 'urn:li:person:abc', platformPostId });
    const reply = await li.reply(ctx, comment, 'Two weeks.');
    expect(fake.comments.get(reply.platformPostId)?.parentComment).toBe(c1.commentUrn);
    const c2 = fake.addComment(platformPostId, { actor: 'urn:li:person:def', text: 'Thanks' });
    expect((await li.fetchComments(ctx, page1.cursor)).comments.map((c) => c.platformCommentId)).toEqual([c2.commentUrn]);
    await li.deleteComment(ctx, comment);
    expect(fake.comments.has(c1.commentUrn)).toBe(false);
  });

  it('says hide and block are not supported, with what to do instead', async () => {
    const c = { platformCommentId: 'urn:li:comment:(urn:li:share:1,2)', platformPostId: 'urn:li:share:1', kind: 'comment' as const, authorId: 'a', authorHandle: 'a', authorName: null, text: 't', createdAt: 0, url: null };
    await expect(li.hideComment(ctx, c)).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/delete the comment, or leave it/) });
    await expect(li.blockUser(ctx, 'urn:li:person:x')).rejects.toMatchObject({ kind: 'not-supported' });
  });

  it('reconciles a lost answer: the publish is unknown-outcome, then findPublished finds it (null if it never landed)', async () => {
    const quick = createLinkedInAdapter({ timeoutMs: 300 });
    // The platform makes the post, but its answer never arrives.
    fake.server.setRoute(async (req, url) => {
      const reply = await fake.handle(req, url);
      return req.method === 'POST' && url.pathname === '/rest/posts' ? 'hang' : reply;
    });
    try {
      await expect(quick.publish(ctx, post('Polls open 7am (till 10pm)'))).rejects.toMatchObject({ kind: 'unknown-outcome' });
    } finally {
      fake.server.setRoute(fake.handle);
    }
    expect(await li.findPublished(ctx, post('Polls open 7am (till 10pm)'))).toMatchObject({ platformPostId: expect.any(String) });
    expect(await li.findPublished(ctx, post('Never sent'))).toBeNull();
  });

  it('deletes its own post through an encoded URN', async () => {
    const r = await li.publish(ctx, post('Oops'));
    await li.deletePost(ctx, r.platformPostId);
    expect(fake.posts.has(r.platformPostId)).toBe(false);
  });

  it('turns an expired token (401) into auth-expired', async () => {
    await expect(li.checkHealth({ credentials: { ...ctx.credentials, accessToken: 'old' } })).rejects.toMatchObject({ kind: 'auth-expired', message: expect.stringMatching(/Reconnect/) });
  });

  it('says plainly when LinkedIn has retired the pinned API version (426)', async () => {
    const old = { credentials: { ...ctx.credentials, extra: { ...ctx.credentials.extra, linkedinVersion: '202301' } } };
    await expect(li.publish(old, post('x'))).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/retired API version 202301/) });
  });

  it('sets retryAt to the next midnight UTC when a 429 gives no Retry-After', async () => {
    const now = Date.UTC(2026, 2, 3, 15, 30);
    const limited = createLinkedInAdapter({ timeoutMs: 2_000, now: () => now });
    fake.server.setRoute(() => ({ status: 429, body: '{"status":429,"message":"Resource level throttle limit for calls to this resource is reached."}' }));
    try {
      await expect(limited.checkHealth(ctx)).rejects.toMatchObject({ kind: 'rate-limited', details: { retryAt: Date.UTC(2026, 2, 4) } });
    } finally {
      fake.server.setRoute(fake.handle);
    }
  });
});

describe('LinkedIn adapter, bad responses', () => {
  const fake = createFakeLinkedIn();
  const li = createLinkedInAdapter({ timeoutMs: 500 });
  const ctxFor = (url: string): CallContext => ({ credentials: { serviceUrl: url, accessToken: 'good', extra: { organizationId: fake.orgId } } });
  describe('checkHealth', () => {
    itSurvivesBadResponses({
      operation: 'checkHealth',
      mutating: false,
      valid: { id: 2414183, localizedName: 'Herald Test Council' },
      dropField: (v) => ({ id: v.id }),
      isTarget: (_req, url) => url.pathname === '/rest/organizations/2414183',
      fallback: fake.handle,
      call: (url) => li.checkHealth(ctxFor(url)),
    });
  });
  describe('publish', () => {
    // LinkedIn names the new post in the x-restli-id header, not the body: the "missing field" case drops that header.
    itSurvivesBadResponses({
      operation: 'publish',
      mutating: true,
      valid: { id: 'urn:li:share:7300000000000000001' },
      dropField: () => ({}),
      isTarget: (req, url) => req.method === 'POST' && url.pathname === '/rest/posts',
      fallback: fake.handle,
      adjust: (reply, name) => (reply === 'hang' || name === 'a missing required field' ? reply : { ...reply, headers: { ...reply.headers, 'x-restli-id': 'urn:li:share:7300000000000000001' } }),
      call: (url) => li.publish(ctxFor(url), post('Bad-response case')),
    });
  });
});
