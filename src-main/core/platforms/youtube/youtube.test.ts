/**
 * The YouTube adapter against a loopback YouTube Data API fake (fake-youtube.ts) and the shared bad-response cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, MediaItem, PublishRequest } from '../adapter';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createYouTubeAdapter } from './index';
import { nextPacificMidnight } from './google-api';
import { createFakeYouTube, startFakeYouTube } from './fake-youtube';

const video: MediaItem = { kind: 'video', mimeType: 'video/mp4', bytes: new TextEncoder().encode('MP4-BYTES'), alt: '' };
const post = (text: string, media: MediaItem[] = [video]): PublishRequest => ({ idempotencyKey: 'k', text, media });

describe('YouTube adapter', () => {
  let fake: Awaited<ReturnType<typeof startFakeYouTube>>;
  let ctx: CallContext;
  const yt = createYouTubeAdapter({ timeoutMs: 2_000 });
  beforeAll(async () => {
    fake = await startFakeYouTube();
    fake.quota.left = 1_000_000; // room for every upload here; the quota test spends it on purpose
    ctx = { credentials: { serviceUrl: fake.serviceUrl, accessToken: 'good' } };
  });
  afterAll(() => fake.server.close());

  it('checks health: names the channel', async () => {
    expect(await yt.checkHealth(ctx)).toMatchObject({ ok: true, accountName: 'Herald Test Council', accountId: fake.channelId });
  });

  it('refuses a text-only post, or an image, with invalid-content: a YouTube post is a video', async () => {
    await expect(yt.publish(ctx, post('Just words', []))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/add a video/) });
    const image: MediaItem = { kind: 'image', mimeType: 'image/png', bytes: new Uint8Array([1]), alt: 'x' };
    await expect(yt.publish(ctx, post('A picture', [image]))).rejects.toMatchObject({ kind: 'invalid-content' });
  });

  it('uploads a video by the resumable protocol: first line as title, whole text as description', async () => {
    const r = await yt.publish(ctx, post('Full council meeting, 4 March\nWatch the whole meeting and find the papers online.'));
    expect(r.url).toBe(`https://www.youtube.com/watch?v=${r.platformPostId}`);
    expect(fake.videos.get(r.platformPostId)).toMatchObject({ title: 'Full council meeting, 4 March', description: expect.stringContaining('find the papers'), bytes: 9, contentType: 'video/mp4', privacy: 'public' });
  });

  it('shortens a long first line to a 100-character title and refuses < or > before uploading', async () => {
    const r = await yt.publish(ctx, post('x'.repeat(150)));
    expect([...fake.videos.get(r.platformPostId)!.title]).toHaveLength(100);
    await expect(yt.publish(ctx, post('Budget <draft>'))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/< or >/) });
  });

  it('never sends the token to an upload address outside Google: a network error, nothing uploaded', async () => {
    fake.server.setRoute((req, url) => (req.method === 'POST' && url.pathname.startsWith('/upload/') ? { status: 200, headers: { location: 'https://uploads.evil.example/x' }, body: '' } : fake.handle(req, url)));
    try {
      await expect(yt.publish(ctx, post('Hijack attempt'))).rejects.toMatchObject({ kind: 'network' });
    } finally {
      fake.server.setRoute(fake.handle);
    }
  });

  it('fetches comments, replies and held-for-review comments since a cursor', async () => {
    const { platformPostId } = await yt.publish(ctx, post('Planning committee'));
    const c1 = fake.addComment(platformPostId, { authorChannelId: 'UCviewer1', author: 'Viewer One', text: 'When is the vote?' });
    const page1 = await yt.fetchComments(ctx, null);
    const comment = page1.comments.find((c) => c.platformCommentId === c1.id)!;
    expect(comment).toMatchObject({ kind: 'comment', authorId: 'UCviewer1', authorHandle: 'Viewer One', platformPostId, hidden: false });
    await yt.reply(ctx, comment, 'Next Tuesday.');
    const c2 = fake.addComment(platformPostId, { authorChannelId: 'UCviewer2', author: 'Viewer Two', text: 'thanks', parentId: c1.id });
    const held = fake.addComment(platformPostId, { authorChannelId: 'UCspam', author: 'Spam', text: 'buy now' });
    held.status = 'heldForReview';
    const page2 = await yt.fetchComments(ctx, page1.cursor);
    expect(page2.comments.map((c) => [c.platformCommentId, c.kind, c.hidden])).toEqual([[c2.id, 'reply', false], [held.id, 'comment', true]]);
  });

  it('moderates by status: hide = heldForReview, delete = rejected, block = rejected with banAuthor', async () => {
    const { platformPostId } = await yt.publish(ctx, post('Consultation'));
    const a = fake.addComment(platformPostId, { authorChannelId: 'UCtroll', author: 'Troll', text: 'first' });
    const b = fake.addComment(platformPostId, { authorChannelId: 'UCtroll', author: 'Troll', text: 'second' });
    const comments = (await yt.fetchComments(ctx, null)).comments;
    const [ca, cb] = [a, b].map((x) => comments.find((c) => c.platformCommentId === x.id)!);
    await yt.hideComment(ctx, ca!);
    expect(fake.comments.get(a.id)?.status).toBe('heldForReview');
    await yt.deleteComment(ctx, cb!);
    expect(fake.comments.get(b.id)?.status).toBe('rejected');
    const c = fake.addComment(platformPostId, { authorChannelId: 'UCtroll', author: 'Troll', text: 'third' });
    await yt.blockUser(ctx, 'UCtroll');
    expect(fake.comments.get(c.id)?.status).toBe('rejected');
    expect(fake.banned.has('UCtroll')).toBe(true);
    expect(fake.addComment(platformPostId, { authorChannelId: 'UCtroll', author: 'Troll', text: 'fourth' }).status).toBe('rejected');
  });

  it('says not-supported when blocking someone with no comment to ban them through', async () => {
    await expect(yt.blockUser(ctx, 'UCnobody')).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/YouTube Studio/) });
  });

  it('reconciles a lost answer: the publish is unknown-outcome, then findPublished finds it (null if it never landed)', async () => {
    const quick = createYouTubeAdapter({ timeoutMs: 300 });
    // The platform makes the post, but its answer never arrives.
    fake.server.setRoute(async (req, url) => {
      const reply = await fake.handle(req, url);
      return req.method === 'PUT' ? 'hang' : reply;
    });
    try {
      await expect(quick.publish(ctx, post('Mayor’s update\nThis week in the borough.'))).rejects.toMatchObject({ kind: 'unknown-outcome' });
    } finally {
      fake.server.setRoute(fake.handle);
    }
    expect(await yt.findPublished(ctx, post('Mayor’s update\nThis week in the borough.'))).toMatchObject({ platformPostId: expect.any(String) });
    expect(await yt.findPublished(ctx, post('Never uploaded'))).toBeNull();
  });

  it('deletes its own video', async () => {
    const r = await yt.publish(ctx, post('Wrong file'));
    await yt.deletePost(ctx, r.platformPostId);
    expect(fake.videos.has(r.platformPostId)).toBe(false);
  });

  it('turns an expired token (401) into auth-expired', async () => {
    await expect(yt.checkHealth({ credentials: { ...ctx.credentials, accessToken: 'expired' } })).rejects.toMatchObject({ kind: 'auth-expired' });
  });

  it('turns a spent quota (403 quotaExceeded) into rate-limited until midnight Pacific, not auth-expired', async () => {
    const now = Date.UTC(2026, 0, 15, 12, 0); // 04:00 in Los Angeles
    const left = fake.quota.left;
    fake.quota.left = 0;
    try {
      const err = await createYouTubeAdapter({ timeoutMs: 2_000, now: () => now }).checkHealth(ctx).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'rate-limited', details: { status: 403, retryAt: Date.UTC(2026, 0, 16, 8, 0) }, message: expect.stringMatching(/midnight Pacific/) });
    } finally {
      fake.quota.left = left;
    }
  });

  it('computes midnight Pacific across the clock changes', () => {
    expect(nextPacificMidnight(Date.UTC(2026, 2, 8, 5))).toBe(Date.UTC(2026, 2, 8, 8)); // spring forward that night: still PST
    expect(nextPacificMidnight(Date.UTC(2026, 2, 8, 12))).toBe(Date.UTC(2026, 2, 9, 7)); // now PDT
    expect(nextPacificMidnight(Date.UTC(2026, 10, 1, 12))).toBe(Date.UTC(2026, 10, 2, 8)); // fall back: PST again
  });
});

describe('YouTube adapter, bad responses', () => {
  const fake = createFakeYouTube();
  fake.quota.left = Number.POSITIVE_INFINITY;
  const yt = createYouTubeAdapter({ timeoutMs: 500 });
  const ctxFor = (url: string): CallContext => ({ credentials: { serviceUrl: url, accessToken: 'good' } });
  describe('checkHealth', () => {
    itSurvivesBadResponses({
      operation: 'checkHealth',
      mutating: false,
      valid: { items: [{ id: fake.channelId, snippet: { title: 'Herald Test Council' } }] },
      dropField: (v) => ({ items: [{ snippet: v.items[0].snippet }] }),
      isTarget: (_req, url) => url.pathname === '/youtube/v3/channels',
      fallback: fake.handle,
      call: (url) => yt.checkHealth(ctxFor(url)),
    });
  });
  describe('publish (the PUT of the video bytes)', () => {
    itSurvivesBadResponses({
      operation: 'publish',
      mutating: true,
      valid: { kind: 'youtube#video', id: 'dQw4w9WgXcQ', status: { uploadStatus: 'uploaded' } },
      dropField: (v) => ({ ...v, id: undefined }),
      isTarget: (req) => req.method === 'PUT',
      fallback: fake.handle,
      call: (url) => yt.publish(ctxFor(url), post('Bad-response case')),
    });
  });
});
