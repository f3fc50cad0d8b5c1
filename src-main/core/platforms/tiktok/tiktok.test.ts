/**
 * The TikTok adapter against a loopback TikTok API fake (fake-tiktok.ts) and the shared bad-response cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, Comment, MediaItem, PublishRequest } from '../adapter';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createTikTokAdapter } from './index';
import { createFakeTikTok, startFakeTikTok } from './fake-tiktok';

const bytes = new TextEncoder().encode('MP4-BYTES-0123456789');
const video = (publicUrl?: string): MediaItem => ({ kind: 'video', mimeType: 'video/mp4', bytes, alt: '', ...(publicUrl ? { publicUrl } : {}) });
const photo = (name: string, mimeType = 'image/jpeg'): MediaItem => ({ kind: 'image', mimeType, bytes, alt: 'ignored', publicUrl: `https://media.example.gov.uk/${name}` });
const post = (text: string, media: MediaItem[]): PublishRequest => ({ idempotencyKey: 'k', text, media });

describe('TikTok adapter', () => {
  let fake: Awaited<ReturnType<typeof startFakeTikTok>>;
  let ctx: CallContext;
  const tt = createTikTokAdapter({ timeoutMs: 2_000, pollIntervalMs: 5 });
  beforeAll(async () => {
    fake = await startFakeTikTok();
    ctx = { credentials: { serviceUrl: fake.serviceUrl, accessToken: 'good' } };
  });
  afterAll(() => fake.server.close());

  it('checks health: names the account from user info', async () => {
    expect(await tt.checkHealth(ctx)).toMatchObject({ ok: true, accountName: 'Herald Test Council', accountId: '-000OPENID', rateLimit: null });
  });

  it('refuses a text-only post with invalid-content: TikTok has no text posts', async () => {
    await expect(tt.publish(ctx, post('Just words', []))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/add a video or photos/) });
    expect(fake.publishes.size).toBe(0);
  });

  it('uploads a video with FILE_UPLOAD, polls the status, and keeps the 64-bit post id exact', async () => {
    const r = await tt.publish(ctx, post('Recycling: what goes in which bin', [video()]));
    const p = [...fake.publishes.values()].at(-1)!;
    expect(p).toMatchObject({ source: 'FILE_UPLOAD', received: bytes.byteLength, status: 'PUBLISH_COMPLETE', privacy: 'PUBLIC_TO_EVERYONE' });
    expect(r.platformPostId).toBe(p.postId); // a string, digit for digit, not a rounded float
    expect(r.url).toBe(`https://www.tiktok.com/@heraldcouncil/video/${p.postId}`);
  });

  it('pulls a video from a verified domain, and explains an unverified one', async () => {
    await tt.publish(ctx, post('Pulled', [video('https://media.example.gov.uk/v.mp4')]));
    expect([...fake.publishes.values()].at(-1)?.source).toBe('PULL_FROM_URL');
    await expect(tt.publish(ctx, post('x', [video('https://elsewhere.example.com/v.mp4')]))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/not verified with TikTok.*log id/) });
  });

  it('publishes JPEG photos by URL, and refuses PNG before calling TikTok', async () => {
    const r = await tt.publish(ctx, post('Open day\nCome and see the new depot.', [photo('a.jpg'), photo('b.webp', 'image/webp')]));
    expect(r.url).toMatch(/\/photo\//);
    expect([...fake.publishes.values()].at(-1)).toMatchObject({ kind: 'photo', title: 'Open day' });
    await expect(tt.publish(ctx, post('png', [photo('c.png', 'image/png')]))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/no PNG/) });
  });

  it('turns a FAILED status into invalid-content with TikTok’s reason', async () => {
    fake.failNext.reason = 'file_format_check_failed';
    await expect(tt.publish(ctx, post('Broken file', [video()]))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/file_format_check_failed/) });
  });

  it('keeps the publish id when the post is still in moderation after the last check', async () => {
    const patient = createTikTokAdapter({ timeoutMs: 2_000, pollIntervalMs: 1, maxPolls: 1 });
    const r = await patient.publish(ctx, post('Slow one', [video('https://media.example.gov.uk/slow.mp4')]));
    expect(r).toMatchObject({ platformPostId: expect.stringMatching(/^v_pub_url~/), url: null });
  });

  it('refuses an audience the account does not allow, saying why (unaudited apps post privately)', async () => {
    const unaudited = await startFakeTikTok({ audited: false });
    try {
      const c = { credentials: { serviceUrl: unaudited.serviceUrl, accessToken: 'good' } };
      await expect(tt.publish(c, post('x', [video()]))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/SELF_ONLY.*audits/) });
      const r = await tt.publish({ credentials: { ...c.credentials, extra: { privacyLevel: 'SELF_ONLY' } } }, post('private', [video()]));
      expect(r).toMatchObject({ platformPostId: expect.stringMatching(/^v_pub_file~/), url: null }); // private posts get no public id
    } finally {
      await unaudited.server.close();
    }
  });

  it('says comments, moderation, deletion and blocking are not supported, pointing to the TikTok app', async () => {
    const c: Comment = { platformCommentId: '1', platformPostId: null, kind: 'comment', authorId: 'a', authorHandle: 'a', authorName: null, text: '', createdAt: 0, url: null };
    for (const call of [tt.fetchComments(ctx, null), tt.reply(ctx, c, 'x'), tt.hideComment(ctx, c), tt.deleteComment(ctx, c), tt.blockUser(ctx, 'a'), tt.deletePost(ctx, '1')]) {
      await expect(call).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/TikTok app/) });
    }
  });

  it('cannot reconcile by lookup: findPublished says to check the app rather than guessing "never landed"', async () => {
    await expect(tt.findPublished(ctx, post('x', [video()]))).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/Check the TikTok app/) });
  });

  it('turns the daily posting cap (403 spam_risk_too_many_posts) into rate-limited, not auth-expired', async () => {
    fake.dailyPostCap.value = 0;
    try {
      await expect(tt.publish(ctx, post('One too many', [video()]))).rejects.toMatchObject({ kind: 'rate-limited', details: { status: 403 } });
    } finally {
      fake.dailyPostCap.value = 15;
    }
  });

  it('turns an expired token (401 access_token_invalid) into auth-expired', async () => {
    await expect(tt.checkHealth({ credentials: { ...ctx.credentials, accessToken: 'expired' } })).rejects.toMatchObject({ kind: 'auth-expired', message: expect.stringMatching(/Reconnect/) });
  });
});

describe('TikTok adapter, bad responses', () => {
  const fake = createFakeTikTok();
  fake.dailyPostCap.value = Number.POSITIVE_INFINITY;
  // The init answer names a publish the fake already knows, so the cases that succeed can finish polling.
  const seeded = 'v_pub_url~v2-1.seeded';
  fake.publishes.set(seeded, { id: seeded, kind: 'video', title: '', privacy: 'PUBLIC_TO_EVERYONE', source: 'PULL_FROM_URL', size: 0, received: 0, status: 'PROCESSING_DOWNLOAD', polls: 0, postId: null });
  const tt = createTikTokAdapter({ timeoutMs: 500, pollIntervalMs: 1 });
  const ctxFor = (url: string): CallContext => ({ credentials: { serviceUrl: url, accessToken: 'good' } });
  describe('checkHealth', () => {
    itSurvivesBadResponses({
      operation: 'checkHealth',
      mutating: false,
      valid: { data: { user: { open_id: '-000OPENID', display_name: 'Herald Test Council' } }, error: { code: 'ok', message: '', log_id: '1' } },
      dropField: (v) => ({ ...v, data: { user: { display_name: v.data.user.display_name } } }),
      isTarget: (_req, url) => url.pathname === '/v2/user/info/',
      fallback: fake.handle,
      call: (url) => tt.checkHealth(ctxFor(url)),
    });
  });
  describe('publish (the init step, after which the post exists)', () => {
    itSurvivesBadResponses({
      operation: 'publish',
      mutating: true,
      valid: { data: { publish_id: seeded }, error: { code: 'ok', message: '', log_id: '1' } },
      dropField: (v) => ({ ...v, data: {} }),
      isTarget: (_req, url) => url.pathname === '/v2/post/publish/video/init/',
      fallback: fake.handle,
      call: (url) => tt.publish(ctxFor(url), post('Bad-response case', [video('https://media.example.gov.uk/v.mp4')])),
    });
  });
});
