/**
 * The Threads adapter against a loopback Threads API fake (fake-threads.ts) and the shared bad-response cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, MediaItem, PublishRequest } from '../adapter';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createThreadsAdapter } from './index';
import { createFakeThreads, startFakeThreads } from './fake-threads';

const bytes = new TextEncoder().encode('JPEG');
const image = (alt: string): MediaItem => ({ kind: 'image', mimeType: 'image/jpeg', bytes, alt, publicUrl: `https://media.example.gov.uk/${encodeURIComponent(alt)}.jpg` });
const post = (text: string, extra: Partial<PublishRequest> = {}): PublishRequest => ({ idempotencyKey: 'k', text, media: [], ...extra });

describe('Threads adapter', () => {
  let fake: Awaited<ReturnType<typeof startFakeThreads>>;
  let ctx: CallContext;
  const th = createThreadsAdapter({ timeoutMs: 2_000, pollIntervalMs: 5 });
  beforeAll(async () => {
    fake = await startFakeThreads();
    ctx = { credentials: { serviceUrl: fake.serviceUrl, accessToken: 'good' } };
  });
  afterAll(() => fake.server.close());

  it('checks health through `me` and counts the posts left in the 24-hour limit', async () => {
    expect(await th.checkHealth(ctx)).toMatchObject({ ok: true, accountName: 'heraldcouncil', accountId: fake.userId, rateLimit: { remaining: 250 } });
  });

  it('publishes a text post in two steps: a TEXT container, then threads_publish', async () => {
    const r = await th.publish(ctx, post('Council meeting live from 7pm.'));
    const p = fake.posts.get(r.platformPostId)!;
    expect(fake.containers.get(p.containerId!)).toMatchObject({ type: 'TEXT', text: 'Council meeting live from 7pm.', status: 'PUBLISHED' });
    expect(r.url).toMatch(/threads\.net/);
  });

  it('publishes an image with alt text once its container has finished processing', async () => {
    const r = await th.publish(ctx, post('New cycle lanes.', { media: [image('Cycle lane with bollards')] }));
    const c = fake.containers.get(fake.posts.get(r.platformPostId)!.containerId!)!;
    expect(c).toMatchObject({ type: 'IMAGE', alt: 'Cycle lane with bollards', status: 'PUBLISHED' });
    expect(c.polls).toBeGreaterThanOrEqual(2);
  });

  it('publishes a thread as a chain of replies to its own posts (R17)', async () => {
    const r = await th.publish(ctx, post('Live: results night 1/3', { thread: [{ text: '2/3', media: [] }, { text: '3/3', media: [] }] }));
    expect(r.threadIds).toHaveLength(3);
    const [a, b, c] = r.threadIds!.map((id) => fake.posts.get(id)!);
    expect([b!.replyTo, c!.replyTo]).toEqual([a!.id, b!.id]);
  });

  it('refuses text over 500 characters as Threads counts them (emoji as UTF-8 bytes) with invalid-content', async () => {
    await expect(th.publish(ctx, post('🎉'.repeat(130)))).rejects.toMatchObject({ kind: 'invalid-content', message: expect.stringMatching(/500/) });
  });

  it('fetches replies since a cursor, skipping its own, and hides a top-level reply', async () => {
    const { platformPostId } = await th.publish(ctx, post('Questions for the leader?'));
    const q = fake.addReply(platformPostId, { text: 'When is bin day?', username: 'resident1' });
    const page1 = await th.fetchComments(ctx, null);
    const comment = page1.comments.find((c) => c.platformCommentId === q.id)!;
    expect(comment).toMatchObject({ kind: 'comment', authorHandle: 'resident1', platformPostId });
    await th.reply(ctx, comment, 'Tuesdays.');
    const nested = fake.addReply(q.id, { text: 'Thanks', username: 'resident2' });
    const page2 = await th.fetchComments(ctx, page1.cursor);
    expect(page2.comments).toEqual([expect.objectContaining({ platformCommentId: nested.id, kind: 'reply' })]);
    await th.hideComment(ctx, comment);
    expect(fake.posts.get(q.id)?.hidden).toBe(true);
    await expect(th.hideComment(ctx, page2.comments[0]!)).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/top-level reply/) });
  });

  it('says not-supported for deleting others’ replies and blocking, and deletes its own post', async () => {
    const { platformPostId } = await th.publish(ctx, post('Posted in error'));
    const r = fake.addReply(platformPostId, { text: 'hmm', username: 'x' });
    const comment = (await th.fetchComments(ctx, null)).comments.find((c) => c.platformCommentId === r.id)!;
    await expect(th.deleteComment(ctx, comment)).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/hide the reply/) });
    await expect(th.blockUser(ctx, 'x')).rejects.toMatchObject({ kind: 'not-supported' });
    await th.deletePost(ctx, platformPostId);
    expect(fake.posts.has(platformPostId)).toBe(false);
  });

  it('reconciles a lost answer: the publish is unknown-outcome, then findPublished finds it (null if it never landed)', async () => {
    const quick = createThreadsAdapter({ timeoutMs: 300 });
    // The platform makes the post, but its answer never arrives.
    fake.server.setRoute(async (req, url) => {
      const reply = await fake.handle(req, url);
      return url.pathname.endsWith('/threads_publish') ? 'hang' : reply;
    });
    try {
      await expect(quick.publish(ctx, post('Voting closes at 10pm.'))).rejects.toMatchObject({ kind: 'unknown-outcome' });
    } finally {
      fake.server.setRoute(fake.handle);
    }
    expect(await th.findPublished(ctx, post('Voting closes at 10pm.'))).toMatchObject({ platformPostId: expect.any(String) });
    expect(await th.findPublished(ctx, post('Never sent'))).toBeNull();
  });

  it('turns an expired token (400, code 190) into auth-expired', async () => {
    await expect(th.publish({ credentials: { ...ctx.credentials, accessToken: 'expired' } }, post('x'))).rejects.toMatchObject({ kind: 'auth-expired' });
  });
});

describe('Threads adapter, bad responses', () => {
  const fake = createFakeThreads();
  const th = createThreadsAdapter({ timeoutMs: 500, pollIntervalMs: 5 });
  const ctxFor = (url: string): CallContext => ({ credentials: { serviceUrl: `${url}/v1.0`, accessToken: 'good' } });
  describe('checkHealth', () => {
    itSurvivesBadResponses({
      operation: 'checkHealth',
      mutating: false,
      valid: { id: fake.userId, username: 'heraldcouncil' },
      dropField: (v) => ({ id: v.id }),
      isTarget: (req, url) => req.method === 'GET' && url.pathname === '/v1.0/me',
      fallback: fake.handle,
      call: (url) => th.checkHealth(ctxFor(url)),
    });
  });
  describe('publish (the threads_publish step)', () => {
    itSurvivesBadResponses({
      operation: 'publish',
      mutating: true,
      valid: { id: '18000000000000001' },
      dropField: () => ({}),
      isTarget: (req, url) => req.method === 'POST' && url.pathname.endsWith('/threads_publish'),
      fallback: fake.handle,
      call: (url) => th.publish(ctxFor(url), post('Bad-response case')),
    });
  });
});
