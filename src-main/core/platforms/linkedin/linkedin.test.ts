/**
 * The LinkedIn adapter against a loopback LinkedIn REST fake (fake-linkedin.ts) and the shared bad-response cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, PublishRequest } from '../adapter';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createLinkedInAdapter } from './index';
import { createFakeLinkedIn, startFakeLinkedIn } from './fake-linkedin';
import { VIDEO_PART_BYTES } from './fake-linkedin-videos';
import { fromLittleText, toLittleText } from './rest';

const png = new TextEncoder().encode('PNGDATA');
const mp4 = new TextEncoder().encode('ftypmp42-the-council-meeting-in-26');
const video = (bytes = mp4) => ({ kind: 'video' as const, mimeType: 'video/mp4', bytes, alt: '' });
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

  it('publishes a video post that names its uploaded video URN', async () => {
    const r = await li.publish(ctx, post('Watch the council meeting (highlights)', { media: [video()] }));
    const content = fake.posts.get(r.platformPostId)?.content as { media: { id: string } };
    expect(content.media.id).toMatch(/^urn:li:video:/);
    const uploaded = fake.videos.get(content.media.id)!;
    expect(uploaded).toMatchObject({ status: 'AVAILABLE', fileSizeBytes: mp4.length });
    expect(uploaded.parts.map((p) => p.received).join('')).toBe(new TextDecoder().decode(mp4));
  });

  describe('a video larger than one upload part', () => {
    const finalizeBodies = () => fake.server.requests.filter((q) => q.path === '/rest/videos?action=finalizeUpload').map((q) => JSON.parse(q.body) as { finalizeUploadRequest: { uploadToken: string; uploadedPartIds: string[] } });
    const partPuts = () => fake.server.requests.filter((q) => q.method === 'PUT' && q.path.startsWith('/video-upload/'));
    beforeAll(() => {
      fake.videoSettings.partBytes = 12; // 34 bytes: parts of 12, 12 and 10
    });
    afterAll(() => {
      fake.videoSettings.partBytes = VIDEO_PART_BYTES;
    });

    it('sends every part and finalises with their ETags in order', async () => {
      const r = await li.publish(ctx, post('The council meeting in full', { media: [video()] }));
      const { id } = (fake.posts.get(r.platformPostId)?.content as { media: { id: string } }).media;
      const { parts, uploadToken } = fake.videos.get(id)!;
      expect(parts.map((p) => [p.firstByte, p.lastByte])).toEqual([[0, 11], [12, 23], [24, 33]]);
      expect(parts.map((p) => p.received).join('')).toBe(new TextDecoder().decode(mp4));
      expect(finalizeBodies().at(-1)?.finalizeUploadRequest).toEqual({ video: id, uploadToken, uploadedPartIds: parts.map((p) => p.etag) });
      expect(new Set(parts.map((p) => p.etag)).size).toBe(3);
    });

    it('is checked by a fake that, like LinkedIn, refuses wrong shapes, wrong byte counts and ETags out of order', async () => {
      const headers = { authorization: 'Bearer good', 'linkedin-version': '202605', 'x-restli-protocol-version': '2.0.0', 'content-type': 'application/json' };
      const call = (path: string, body: unknown) => fetch(`${fake.serviceUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const owner = `urn:li:organization:${fake.orgId}`;
      expect((await call('/rest/videos?action=initializeUpload', { initializeUploadRequest: { owner, fileSizeBytes: 34, title: 'x' } })).status).toBe(422);
      expect((await call('/rest/videos?action=initializeUpload', { initializeUploadRequest: { owner } })).status).toBe(422);
      const init = (await (await call('/rest/videos?action=initializeUpload', { initializeUploadRequest: { owner, fileSizeBytes: 34, uploadCaptions: false, uploadThumbnail: false } })).json()) as {
        value: { video: string; uploadToken: string; uploadInstructions: Array<{ uploadUrl: string; firstByte: number; lastByte: number }> };
      };
      const put = (i: number, bytes: Uint8Array, type = 'application/octet-stream') => fetch(init.value.uploadInstructions[i]!.uploadUrl, { method: 'PUT', headers: { ...headers, 'content-type': type }, body: bytes as BodyInit });
      expect((await put(0, mp4.subarray(0, 11))).status).toBe(400); // one byte short of the part
      expect((await put(0, mp4.subarray(0, 12), 'video/mp4')).status).toBe(400);
      const etags: string[] = [];
      for (const [i, p] of init.value.uploadInstructions.entries()) etags.push((await put(i, mp4.subarray(p.firstByte, p.lastByte + 1))).headers.get('etag')!);
      const finalize = (uploadedPartIds: string[], uploadToken = init.value.uploadToken) => call('/rest/videos?action=finalizeUpload', { finalizeUploadRequest: { video: init.value.video, uploadToken, uploadedPartIds } });
      expect((await finalize([...etags].reverse())).status).toBe(400);
      expect((await finalize(etags.slice(0, 2))).status).toBe(400);
      expect((await finalize(etags, 'someone-else')).status).toBe(400);
      expect((await finalize(etags)).status).toBe(200);
    });

    it('stops at a part that fails to upload, says which, and posts nothing', async () => {
      const before = { posts: fake.posts.size, finalized: finalizeBodies().length, puts: partPuts().length };
      fake.server.setRoute((req, url) => (req.method === 'PUT' && url.pathname.endsWith('/1') ? { status: 500, body: '{"message":"Internal Server Error"}' } : fake.handle(req, url)));
      try {
        await expect(li.publish(ctx, post('Broken upload', { media: [video()] }))).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/uploading the video \(part 2 of 3\)/) });
      } finally {
        fake.server.setRoute(fake.handle);
      }
      expect(partPuts().length - before.puts).toBe(2); // part 3 is never tried
      expect(finalizeBodies().length).toBe(before.finalized);
      expect(fake.posts.size).toBe(before.posts);
    });

    it('stops when a part’s answer has no ETag, since the upload cannot be finished without it', async () => {
      const before = fake.posts.size;
      fake.server.setRoute(async (req, url) => {
        const reply = await fake.handle(req, url);
        return req.method === 'PUT' && url.pathname.endsWith('/0') && reply !== 'hang' ? { ...reply, headers: {} } : reply;
      });
      try {
        await expect(li.publish(ctx, post('No ETag', { media: [video()] }))).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/part 1 of 3.*no ETag.*Nothing was posted/) });
      } finally {
        fake.server.setRoute(fake.handle);
      }
      expect(fake.posts.size).toBe(before);
    });
  });

  it('refuses images with video, or two videos, before uploading anything', async () => {
    const before = fake.server.requests.length;
    const img = { kind: 'image' as const, mimeType: 'image/png', bytes: png, alt: 'A photo' };
    await expect(li.publish(ctx, post('Mixed', { media: [img, video()] }))).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/Mixing images and video.*separate posts/) });
    await expect(li.publish(ctx, post('Two videos', { media: [video(), video()] }))).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/more than one video/) });
    expect(fake.server.requests.length).toBe(before);
  });

  it('waits for LinkedIn to finish processing the video before posting it', async () => {
    const patient = createLinkedInAdapter({ timeoutMs: 2_000, pollIntervalMs: 5 });
    fake.videoSettings.processingPolls = 2;
    try {
      const r = await patient.publish(ctx, post('Processed first', { media: [video()] }));
      const { id } = (fake.posts.get(r.platformPostId)?.content as { media: { id: string } }).media;
      expect(fake.server.requests.filter((q) => q.method === 'GET' && q.path === `/rest/videos/${encodeURIComponent(id)}`)).toHaveLength(3);
    } finally {
      fake.videoSettings.processingPolls = 0;
    }
  });

  it('says LinkedIn could not process the video, with what LinkedIn takes, and posts nothing', async () => {
    const before = fake.posts.size;
    fake.videoSettings.processingFails = true;
    try {
      await expect(li.publish(ctx, post('Unplayable', { media: [video()] }))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/could not process this video.*MP4/) });
    } finally {
      fake.videoSettings.processingFails = false;
    }
    expect(fake.posts.size).toBe(before);
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
  describe('publish with a video: the processing check', () => {
    // Nothing is visible until the post is made, so a bad answer here is a plain retryable failure, never unknown-outcome.
    itSurvivesBadResponses({
      operation: 'publish with a video',
      mutating: false,
      valid: { id: 'urn:li:video:C5F10AQ1', status: 'AVAILABLE' },
      dropField: (v) => ({ id: v.id }),
      isTarget: (req, url) => req.method === 'GET' && url.pathname.startsWith('/rest/videos/'),
      fallback: fake.handle,
      call: (url) => li.publish(ctxFor(url), post(`Video bad-response case ${Math.random()}`, { media: [video()] })),
    });
  });
});
