/**
 * The Facebook Page adapter against a loopback Graph API fake (fake-facebook.ts) and the shared bad-response cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type CallContext, type PublishRequest } from '../adapter';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createFacebookAdapter } from './index';
import { createFakeFacebook, startFakeFacebook } from './fake-facebook';
import { uploadTimeoutMs, videoServiceUrl } from './videos';

const png = new TextEncoder().encode('PNGDATA');
const mp4 = new TextEncoder().encode('ftypmp42-the-new-leisure-centre');
const video = (bytes = mp4) => ({ kind: 'video' as const, mimeType: 'video/mp4', bytes, alt: '' });
const post = (text: string, extra: Partial<PublishRequest> = {}): PublishRequest => ({ idempotencyKey: 'k1', text, media: [], ...extra });

describe('Facebook Page adapter', () => {
  let fake: Awaited<ReturnType<typeof startFakeFacebook>>;
  let ctx: CallContext;
  const fb = createFacebookAdapter({ timeoutMs: 2_000 });
  beforeAll(async () => {
    fake = await startFakeFacebook();
    ctx = { credentials: { serviceUrl: fake.serviceUrl, accessToken: 'good', extra: { pageId: fake.pageId } } };
  });
  afterAll(() => fake.server.close());

  it('checks health: names the Page and reads the usage header', async () => {
    const h = await fb.checkHealth(ctx);
    expect(h).toMatchObject({ ok: true, accountName: 'Herald Test Council', accountId: '1001', rateLimit: { remaining: 88, resetAt: null } });
  });

  it('publishes a text post to the Page feed and links to it', async () => {
    const r = await fb.publish(ctx, post('Bin collections move to Tuesday this week.'));
    expect(r.platformPostId).toMatch(/^1001_/);
    expect(r.url).toBe(`https://www.facebook.com/${r.platformPostId}`);
    expect(fake.posts.get(r.platformPostId)?.message).toBe('Bin collections move to Tuesday this week.');
  });

  it('publishes a photo with alt text as a multipart upload to /photos', async () => {
    const r = await fb.publish(ctx, post('The new library opens today.', { media: [{ kind: 'image', mimeType: 'image/png', bytes: png, alt: 'The library entrance with a ribbon' }] }));
    const [photoId] = fake.posts.get(r.platformPostId)!.photoIds;
    expect(fake.photos.get(photoId!)).toMatchObject({ alt: 'The library entrance with a ribbon', published: true, contentType: 'image/png' });
  });

  it('publishes several photos as one post: unpublished uploads, then a feed post attaching them', async () => {
    const media = ['Stage', 'Crowd'].map((alt) => ({ kind: 'image' as const, mimeType: 'image/jpeg', bytes: png, alt }));
    const r = await fb.publish(ctx, post('Photos from the summer fair.', { media }));
    const ids = fake.posts.get(r.platformPostId)!.photoIds;
    expect(ids.map((id) => fake.photos.get(id)?.alt)).toEqual(['Stage', 'Crowd']);
  });

  it('publishes a video post: the file as multipart source, the text as its description', async () => {
    const r = await fb.publish(ctx, post('Tour the new leisure centre.', { media: [video()] }));
    expect(r.url).toBe(`https://www.facebook.com/${r.platformPostId}`);
    const uploaded = fake.videos.get(r.platformPostId)!;
    expect(uploaded).toMatchObject({ description: 'Tour the new leisure centre.', contentType: 'video/mp4', size: mp4.length });
    expect(fake.posts.get(uploaded.postId)?.message).toBe('Tour the new leisure centre.');
    // And it can be taken down again by the id publish returned.
    await fb.deletePost(ctx, r.platformPostId);
    expect(fake.posts.has(uploaded.postId)).toBe(false);
  });

  it('sends video to graph-video.facebook.com, as Graph asks, with a time limit that grows with the file', () => {
    expect(videoServiceUrl('https://graph.facebook.com/v21.0/')).toBe('https://graph-video.facebook.com/v21.0');
    expect(videoServiceUrl('http://127.0.0.1:4000/v21.0')).toBe('http://127.0.0.1:4000/v21.0');
    expect(uploadTimeoutMs(1_000_000_000, 30_000)).toBeGreaterThanOrEqual(60 * 60_000); // 1 GB at 2 Mbit/s
    expect(uploadTimeoutMs(10, 30_000)).toBeLessThan(31_000);
  });

  it('is checked by a fake that, like Graph, refuses a video post whose text is sent as message, or a non-video file', async () => {
    const send = (fields: Record<string, string>, type = 'video/mp4') => {
      const form = new FormData();
      form.set('source', new Blob([mp4 as BlobPart], { type }), 'video.mp4');
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return fetch(`${fake.serviceUrl}/${fake.pageId}/videos`, { method: 'POST', headers: { authorization: 'Bearer good' }, body: form });
    };
    expect(await (await send({ message: 'Lost text' })).json()).toMatchObject({ error: { code: 100, message: expect.stringMatching(/description/) } });
    expect((await send({ description: 'x' }, 'image/png')).status).toBe(400);
  });

  it('refuses photos with video, or two videos, before uploading anything', async () => {
    const before = fake.server.requests.length;
    const photo = { kind: 'image' as const, mimeType: 'image/png', bytes: png, alt: 'A photo' };
    await expect(fb.publish(ctx, post('Mixed', { media: [photo, video()] }))).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/Mixing photos and video.*separate posts/) });
    await expect(fb.publish(ctx, post('Two videos', { media: [video(), video()] }))).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/more than one video/) });
    expect(fake.server.requests.length).toBe(before);
  });

  it('reconciles a video post whose answer was lost, by its description', async () => {
    const quick = createFacebookAdapter({ timeoutMs: 300 });
    fake.server.setRoute(async (req, url) => {
      const reply = await fake.handle(req, url);
      return req.method === 'POST' && url.pathname.endsWith('/videos') ? 'hang' : reply;
    });
    try {
      await expect(quick.publish(ctx, post('Leisure centre video, lost answer.', { media: [video()] }))).rejects.toMatchObject({ kind: 'unknown-outcome' });
    } finally {
      fake.server.setRoute(fake.handle);
    }
    expect(await fb.findPublished(ctx, post('Leisure centre video, lost answer.', { media: [video()] }))).toMatchObject({ platformPostId: expect.any(String) });
  });

  it('refuses threads with not-supported, saying what to do instead', async () => {
    await expect(fb.publish(ctx, post('a', { thread: [{ text: 'b', media: [] }] }))).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/separate posts/) });
  });

  it('refuses an identical post straight after another with invalid-content (Graph code 506)', async () => {
    await fb.publish(ctx, post('Road closed on the High Street.'));
    await expect(fb.publish(ctx, post('Road closed on the High Street.'))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/Duplicate/) });
  });

  it('fetches comments and replies since a cursor, neither repeating nor losing any', async () => {
    const { platformPostId } = await fb.publish(ctx, post('Have your say on the budget.'));
    const first = fake.addComment(platformPostId, { message: 'Why so late?', fromId: 'u1', fromName: 'Sam Jones' });
    const page1 = await fb.fetchComments(ctx, null);
    expect(page1.comments.map((c) => c.text)).toContain('Why so late?');
    const reply = fake.addComment(platformPostId, { message: 'Agreed', fromId: 'u2', fromName: 'Ali Khan', parent: first.id });
    const page2 = await fb.fetchComments(ctx, page1.cursor);
    expect(page2.comments).toEqual([expect.objectContaining({ platformCommentId: reply.id, kind: 'reply', authorId: 'u2', authorName: 'Ali Khan', platformPostId })]);
    expect((await fb.fetchComments(ctx, page2.cursor)).comments).toEqual([]);
  });

  it('replies, hides, deletes and bans: is_hidden=true, DELETE, and the Page blocked list', async () => {
    const { platformPostId } = await fb.publish(ctx, post('Consultation closes Friday.'));
    const c = fake.addComment(platformPostId, { message: 'rude words', fromId: 'troll1', fromName: 'Troll' });
    const comment = (await fb.fetchComments(ctx, null)).comments.find((x) => x.platformCommentId === c.id)!;
    await fb.reply(ctx, comment, 'Please keep it civil.');
    await fb.hideComment(ctx, comment);
    expect(fake.comments.get(c.id)?.hidden).toBe(true);
    await fb.blockUser(ctx, comment.authorId);
    expect(fake.blocked.has('troll1')).toBe(true);
    await fb.deleteComment(ctx, comment);
    expect(fake.comments.has(c.id)).toBe(false);
  });

  it('reconciles a lost answer: the publish is unknown-outcome, then findPublished finds it (null if it never landed)', async () => {
    const quick = createFacebookAdapter({ timeoutMs: 300 });
    // The platform makes the post, but its answer never arrives.
    fake.server.setRoute(async (req, url) => {
      const reply = await fake.handle(req, url);
      return req.method === 'POST' && url.pathname.endsWith('/feed') ? 'hang' : reply;
    });
    try {
      await expect(quick.publish(ctx, post('Polling stations open at 7am.'))).rejects.toMatchObject({ kind: 'unknown-outcome' });
    } finally {
      fake.server.setRoute(fake.handle);
    }
    expect(await fb.findPublished(ctx, post('Polling  stations open at 7am. '))).toMatchObject({ platformPostId: expect.any(String) });
    expect(await fb.findPublished(ctx, post('Never sent'))).toBeNull();
  });

  it('deletes its own post', async () => {
    const { platformPostId } = await fb.publish(ctx, post('Posted in error.'));
    await fb.deletePost(ctx, platformPostId);
    expect(fake.posts.has(platformPostId)).toBe(false);
  });

  it('turns an expired token (a 400 with Graph code 190) into auth-expired', async () => {
    const expired = { credentials: { ...ctx.credentials, accessToken: 'expired' } };
    const err = await fb.publish(expired, post('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'auth-expired', message: expect.stringMatching(/Reconnect/) });
  });

  it('turns Graph throttling (code 32) into rate-limited with the time from the usage header', async () => {
    const now = Date.UTC(2026, 0, 5, 9);
    const throttled = createFacebookAdapter({ timeoutMs: 2_000, now: () => now });
    fake.server.setRoute(() => ({
      status: 403,
      headers: { 'x-business-use-case-usage': JSON.stringify({ '1001': [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 20, estimated_time_to_regain_access: 15 }] }) },
      body: JSON.stringify({ error: { message: 'Page request limit reached', type: 'OAuthException', code: 32 } }),
    }));
    try {
      await expect(throttled.checkHealth(ctx)).rejects.toMatchObject({ kind: 'rate-limited', details: { retryAt: now + 15 * 60_000 } });
    } finally {
      fake.server.setRoute(fake.handle);
    }
  });
});

describe('Facebook Page adapter, bad responses', () => {
  const fake = createFakeFacebook();
  const fb = createFacebookAdapter({ timeoutMs: 500 });
  const ctxFor = (url: string): CallContext => ({ credentials: { serviceUrl: `${url}/v21.0`, accessToken: 'good', extra: { pageId: fake.pageId } } });
  describe('checkHealth', () => {
    itSurvivesBadResponses({
      operation: 'checkHealth',
      mutating: false,
      valid: { id: '1001', name: 'Herald Test Council' },
      dropField: (v) => ({ ...v, name: undefined }),
      isTarget: (req, url) => req.method === 'GET' && url.pathname === '/v21.0/1001',
      fallback: fake.handle,
      call: (url) => fb.checkHealth(ctxFor(url)),
    });
  });
  describe('publish', () => {
    itSurvivesBadResponses({
      operation: 'publish',
      mutating: true,
      valid: { id: '1001_42' },
      dropField: () => ({}),
      isTarget: (req, url) => req.method === 'POST' && url.pathname === '/v21.0/1001/feed',
      fallback: fake.handle,
      call: (url) => fb.publish(ctxFor(url), post(`Bad-response case ${Math.random()}`)),
    });
  });
  describe('publish with a video', () => {
    itSurvivesBadResponses({
      operation: 'publish with a video',
      mutating: true,
      valid: { id: '17000000042' },
      dropField: () => ({}),
      isTarget: (req, url) => req.method === 'POST' && url.pathname === '/v21.0/1001/videos',
      fallback: fake.handle,
      call: (url) => fb.publish(ctxFor(url), post(`Video bad-response case ${Math.random()}`, { media: [video()] })),
    });
  });
});
