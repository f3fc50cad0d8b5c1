/**
 * The Mastodon adapter's behaviour against a spec-checked fake server (fake-mastodon.ts): every request and reply in
 * these tests is validated against Mastodon's OpenAPI document, and each test ends by asserting there was no drift.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type CallContext, type MediaItem } from '../adapter';
import { createMastodonAdapter } from './mastodon-adapter';
import { account, startFakeMastodon, type FakeMastodon } from './fake-mastodon';

const adapter = createMastodonAdapter({ timeoutMs: 5_000, pollIntervalMs: 1, now: () => Date.parse('2025-03-01T12:00:00.000Z') });
let server: FakeMastodon;
let ctx: CallContext;
const png = (alt: string): MediaItem => ({ kind: 'image', mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]), alt });
const resident = account('501', 'resident@elsewhere.example', 'A Resident');

beforeEach(async () => {
  server = await startFakeMastodon({ maxCharacters: 5_000 });
  ctx = { credentials: { serviceUrl: server.url, accessToken: 'token-1' } };
});
afterEach(async () => {
  await server.close();
});

describe('Mastodon adapter', () => {
  it('reads the instance’s own character and media limits on checkHealth', async () => {
    const health = await adapter.checkHealth(ctx);
    expect(health).toMatchObject({ ok: true, accountId: '1', accountName: `@council@${new URL(server.url).host}`, tokenExpiresAt: null });
    expect(health.limits).toEqual({
      maxLength: 5_000,
      perInstanceLimit: true,
      media: { maxImages: 4, maxImageBytes: 16_777_216, maxVideoBytes: 103_809_024, altText: { supported: true, maxLength: 1_500 } },
    });
    expect(health.rateLimit).toEqual({ remaining: 299, resetAt: Date.parse('2025-03-01T09:05:00.000Z') });
    expect(adapter.capabilities.text).toMatchObject({ maxLength: 500, perInstanceLimit: true, counting: 'mastodon' });
    expect(server.violations).toEqual([]);
  });

  it('publishes text with Herald’s idempotency key, so a retry returns the same post', async () => {
    const post = { idempotencyKey: 'attempt-1', text: 'Bins will be collected on Tuesday this week.', media: [] };
    const first = await adapter.publish(ctx, post);
    const retry = await adapter.publish(ctx, post);
    expect(retry.platformPostId).toBe(first.platformPostId);
    expect(server.statuses).toHaveLength(1);
    expect(server.callsTo('createStatus')[0]).toMatchObject({ headers: { 'idempotency-key': 'attempt-1' }, body: { status: post.text } });
    expect(first.url).toMatch(/^https:\/\/social\.example\/@council\//);
    expect(server.violations).toEqual([]);
  });

  it('publishes an image with its alt text as the media description', async () => {
    const out = await adapter.publish(ctx, { idempotencyKey: 'k-img', text: 'The new library opens today.', media: [png('The library’s glass front at dusk')] });
    const upload = server.callsTo('createMediaV2')[0]!;
    expect(upload.body.description).toBe('The library’s glass front at dusk');
    expect(upload.files.file).toMatchObject({ type: 'image/png' });
    expect(upload.files.file!.bytes).toEqual(new Uint8Array([137, 80, 78, 71, 1, 2, 3]));
    const status = server.statuses.find((s) => s.id === out.platformPostId)!;
    expect(status.media_attachments.map((m) => m.description)).toEqual(['The library’s glass front at dusk']);
    expect(server.violations).toEqual([]);
  });

  it('waits for media the server is still processing before posting it', async () => {
    server.slowUploads(2);
    await adapter.publish(ctx, { idempotencyKey: 'k-slow', text: 'Video of the opening', media: [png('Ribbon cutting')] });
    expect(server.callsTo('getMedia')).toHaveLength(2);
    expect(server.statuses).toHaveLength(1);
    expect(server.violations).toEqual([]);
  });

  it('publishes a thread as a chain of replies, each with its own idempotency key', async () => {
    const out = await adapter.publish(ctx, { idempotencyKey: 'k-thread', text: 'Road closures this weekend (1/3)', media: [], thread: [{ text: 'High Street: Saturday (2/3)', media: [] }, { text: 'Mill Lane: Sunday (3/3)', media: [png('Map of Mill Lane')] }] });
    expect(out.threadIds).toHaveLength(3);
    const [a, b, c] = out.threadIds!.map((id) => server.statuses.find((s) => s.id === id)!);
    expect([a!.in_reply_to_id, b!.in_reply_to_id, c!.in_reply_to_id]).toEqual([null, a!.id, b!.id]);
    expect(server.callsTo('createStatus').map((r) => r.headers['idempotency-key'])).toEqual(['k-thread', 'k-thread/1', 'k-thread/2']);
    expect(server.violations).toEqual([]);
  });

  it('fetches mentions since a cursor; the next fetch returns nothing new', async () => {
    const post = await adapter.publish(ctx, { idempotencyKey: 'k-p', text: 'Consultation open', media: [] });
    server.mention(resident, '@council when does it close?', { inReplyTo: post.platformPostId });
    const first = await adapter.fetchComments(ctx, null);
    expect(first.comments).toEqual([
      expect.objectContaining({ kind: 'reply', platformPostId: post.platformPostId, authorId: '501', authorHandle: 'resident@elsewhere.example', authorName: 'A Resident', text: '@council when does it close?' }),
    ]);
    expect(first.cursor).not.toBeNull();
    const second = await adapter.fetchComments(ctx, first.cursor);
    expect(second).toEqual({ comments: [], cursor: first.cursor });
    server.mention(resident, '@council thanks & <b>goodbye</b>');
    const third = await adapter.fetchComments(ctx, second.cursor);
    expect(third.comments.map((c) => [c.kind, c.text])).toEqual([['mention', '@council thanks & <b>goodbye</b>']]);
    expect(server.callsTo('getNotifications').map((r) => r.query)).toEqual([
      { limit: '40', types: ['mention'] },
      { limit: '40', types: ['mention'], min_id: first.cursor },
      { limit: '40', types: ['mention'], min_id: first.cursor },
    ]);
    expect(server.violations).toEqual([]);
  });

  it('pages forward without gaps when more than a page of mentions arrived', async () => {
    const { cursor } = await adapter.fetchComments(ctx, null);
    for (let i = 0; i < 45; i++) server.mention(resident, `@council message ${i}`);
    const page = await adapter.fetchComments(ctx, cursor ?? '1');
    expect(page.comments.map((c) => c.text)).toEqual(Array.from({ length: 45 }, (_, i) => `@council message ${i}`));
    expect(server.violations).toEqual([]);
  });

  it('replies with the author mentioned, keeping a private mention private', async () => {
    const dm = server.mention(resident, '@council my bin was missed', { visibility: 'direct' });
    const { comments } = await adapter.fetchComments(ctx, null);
    const sent = await adapter.reply(ctx, comments[0]!, 'Sorry, we will collect it tomorrow.');
    const reply = server.statuses.find((s) => s.id === sent.platformPostId)!;
    expect(reply).toMatchObject({ in_reply_to_id: dm.id, visibility: 'direct' });
    expect(server.callsTo('createStatus')[0]!.body.status).toBe('@resident@elsewhere.example Sorry, we will collect it tomorrow.');
    expect(server.violations).toEqual([]);
  });

  it('says plainly that hiding or deleting someone else’s reply is not possible, and what to do instead', async () => {
    server.mention(resident, '@council rude words');
    const { comments } = await adapter.fetchComments(ctx, null);
    expect(adapter.capabilities.comments).toMatchObject({ hide: false, delete: false });
    const hide = await adapter.hideComment(ctx, comments[0]!).catch((e) => e);
    expect(hide).toBeInstanceOf(PlatformError);
    expect(hide).toMatchObject({ kind: 'not-supported', platform: 'mastodon' });
    expect(hide.message).toMatch(/Hiding a reply is not possible on this platform: .*Block or mute the account, or report the post/);
    await expect(adapter.deleteComment(ctx, comments[0]!)).rejects.toMatchObject({ kind: 'not-supported', message: expect.stringMatching(/only its author/) });
    expect(server.violations).toEqual([]);
  });

  it('blocks and mutes an account', async () => {
    await adapter.blockUser(ctx, '501');
    await adapter.muteUser(ctx, '502');
    expect(server.blocked).toEqual(['501']);
    expect(server.muted).toEqual(['502']);
    expect(server.violations).toEqual([]);
  });

  it('deletes its own post, and deleting it again is not an error', async () => {
    const out = await adapter.publish(ctx, { idempotencyKey: 'k-del', text: 'Posted in error', media: [] });
    await adapter.deletePost(ctx, out.platformPostId);
    expect(server.statuses).toEqual([]);
    await adapter.deletePost(ctx, out.platformPostId);
    expect(server.violations).toEqual([]);
  });

  it('finds a post after an unknown outcome by text and alt text, and returns null for one that never landed', async () => {
    server.seed('Something else');
    const landed = await adapter.publish(ctx, { idempotencyKey: 'k-a', text: 'Council tax bills\nare on their way & due in April', media: [png('A bill')] });
    const found = await adapter.findPublished(ctx, { idempotencyKey: 'k-a', text: 'Council tax bills\nare on their way & due in April', media: [png('A bill')] });
    expect(found).toEqual(landed);
    expect(await adapter.findPublished(ctx, { idempotencyKey: 'k-b', text: 'Council tax bills are on their way & due in April', media: [png('Another picture')] })).toBeNull();
    expect(await adapter.findPublished(ctx, { idempotencyKey: 'k-c', text: 'Never sent', media: [] })).toBeNull();
    expect(server.violations).toEqual([]);
  });
});
