/**
 * Mastodon behind Herald's adapter interface, speaking the REST API (https://docs.joinmastodon.org/methods/) to the
 * account's own server (credentials.serviceUrl) with its OAuth access token.
 *
 * Plain fetch through http.ts rather than masto: masto 8 has no per-request Idempotency-Key (the one thing that makes a
 * Mastodon publish safe to retry, R16), it throws its own error classes that would need a second mapping to
 * PlatformError, and it does not check response shapes, so a missing field would surface as an undefined later on.
 * http.ts already gives typed errors, timeouts and the network/unknown-outcome split; zod schemas check the shapes.
 *
 * Mastodon has no hide and nobody can delete another person's post: those calls throw not-supported with what to do
 * instead (block, mute, report), matching capabilities.ts.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { notSupported, PlatformError, type CallContext, type Comment, type Health, type MediaItem, type PlatformAdapter, type PublishedPost, type PublishRequest } from '../adapter';
import { resolveOptions, sleep, type AdapterOptions } from '../adapter-options';
import { requestJson, type HttpRequest, type HttpResponse } from '../http';
import { recentEnough, sameText } from '../text-match';
import { MASTODON_CAPABILITIES } from './capabilities';
import { AccountSchema, InstanceSchema, MediaAttachmentSchema, NotificationSchema, RelationshipSchema, statusText, StatusSchema, type Status } from './schemas';

export type MastodonAdapter = PlatformAdapter & { muteUser(ctx: CallContext, authorId: string): Promise<void> };

/** Mastodon's page size ceiling for notifications (limit: max 80); 40 is its default. */
const PAGE = 40;
/** At most this many pages per fetch, so one call cannot run for ever on a flooded account. */
const MAX_PAGES = 10;

export function createMastodonAdapter(options: AdapterOptions = {}): MastodonAdapter {
  const opts = resolveOptions(options);
  const now = opts.now;

  function call<T>(ctx: CallContext, path: string, req: Omit<HttpRequest<T>, 'url'>): Promise<HttpResponse<T>> {
    const token = ctx.credentials.accessToken;
    if (!token) throw new PlatformError('auth-expired', 'mastodon', 'This Mastodon account has no sign-in stored. Reconnect the account.');
    return requestJson<T>(
      'mastodon',
      { ...req, url: new URL(path, ctx.credentials.serviceUrl).toString(), headers: { authorization: `Bearer ${token}`, ...req.headers }, timeoutMs: opts.timeoutMs, signal: ctx.signal, ...(opts.fetch ? { fetch: opts.fetch } : {}) },
      now,
    );
  }

  const me = async (ctx: CallContext) => (await call(ctx, '/api/v1/accounts/verify_credentials', { schema: AccountSchema, doing: 'checking the account' })).body;
  const myId = async (ctx: CallContext) => ctx.credentials.extra?.accountId ?? (await me(ctx)).id;

  /** Uploads one file with its alt text as `description` (https://docs.joinmastodon.org/methods/media/#v2). */
  async function upload(ctx: CallContext, item: MediaItem): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([item.bytes as Uint8Array<ArrayBuffer>], { type: item.mimeType }), `${item.kind}.${item.mimeType.split('/')[1] ?? 'bin'}`);
    if (item.alt) form.append('description', item.alt);
    // Not `mutating`: an upload that may or may not have landed leaves at most an unattached file, which Mastodon
    // deletes by itself; nothing is published yet, so a plain retry is safe.
    const res = await call(ctx, '/api/v2/media', { method: 'POST', body: form, schema: MediaAttachmentSchema, mutating: false, doing: `uploading ${item.kind === 'video' ? 'a video' : 'an image'}` });
    // 202: the file is still being processed, and a status cannot use it until GET /api/v1/media/:id says 200
    // (206 meanwhile, documented without a body, so only the status is read).
    for (let attempt = 0; res.status === 202 && attempt < opts.maxPolls; attempt++) {
      await sleep(opts.pollIntervalMs, ctx.signal);
      const poll = await call(ctx, `/api/v1/media/${encodeURIComponent(res.body.id)}`, { doing: 'waiting for the server to process media' });
      if (poll.status === 200) return res.body.id;
    }
    if (res.status === 202) throw new PlatformError('network', 'mastodon', 'The Mastodon server is still processing the media. Nothing was posted; Herald will try again later.');
    return res.body.id;
  }

  async function postStatus(ctx: CallContext, body: Record<string, unknown>, idempotencyKey: string, doing: string): Promise<Status> {
    const res = await call(ctx, '/api/v1/statuses', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey }, schema: StatusSchema, doing });
    return res.body;
  }

  const published = (s: Status, threadIds?: string[]): PublishedPost => ({ platformPostId: s.id, url: s.url ?? s.uri, publishedAt: Date.parse(s.created_at), ...(threadIds ? { threadIds } : {}) });

  /** Does a recent status on the server carry what Herald sent? Text, alt texts where there was media, reply target. */
  const matches = (s: Status, item: { text: string; media: MediaItem[] }, inReplyTo: string | undefined) =>
    recentEnough(Date.parse(s.created_at), now()) &&
    sameText(statusText(s.content), item.text) &&
    (inReplyTo === undefined || s.in_reply_to_id === inReplyTo) &&
    s.media_attachments.length === item.media.length &&
    item.media.every((m, i) => sameText(s.media_attachments[i]?.description ?? '', m.alt));

  const toComment = (s: Status): Comment => ({
    platformCommentId: s.id,
    platformPostId: s.in_reply_to_id ?? null,
    kind: s.in_reply_to_id ? 'reply' : 'mention',
    authorId: s.account.id,
    authorHandle: s.account.acct,
    authorName: s.account.display_name || null,
    text: statusText(s.content),
    createdAt: Date.parse(s.created_at),
    url: s.url ?? s.uri,
  });

  return {
    platform: 'mastodon',
    capabilities: MASTODON_CAPABILITIES,

    async checkHealth(ctx): Promise<Health> {
      const [account, instance] = await Promise.all([
        call(ctx, '/api/v1/accounts/verify_credentials', { schema: AccountSchema, doing: 'checking the account' }),
        call(ctx, '/api/v2/instance', { schema: InstanceSchema, doing: 'reading the server’s limits' }),
      ]);
      const { statuses, media_attachments: media } = instance.body.configuration;
      const host = new URL(ctx.credentials.serviceUrl).host;
      return {
        ok: true,
        accountName: account.body.acct.includes('@') ? `@${account.body.acct}` : `@${account.body.acct}@${host}`,
        accountId: account.body.id,
        tokenExpiresAt: ctx.credentials.expiresAt ?? null,
        rateLimit: rateLimitFrom(account.headers),
        limits: {
          maxLength: statuses.max_characters,
          perInstanceLimit: true,
          media: {
            maxImages: statuses.max_media_attachments,
            maxImageBytes: media.image_size_limit,
            maxVideoBytes: media.video_size_limit,
            altText: { supported: true, maxLength: media.description_limit ?? MASTODON_CAPABILITIES.media.altText.maxLength },
          },
        },
      };
    },

    /**
     * A thread is posted as a chain of replies to the account's own posts. Each part has its own idempotency key
     * (Herald's key, then key/1, key/2 ...), so retrying a thread that broke half-way within Mastodon's hour of
     * idempotency returns the parts that landed instead of posting them twice.
     */
    async publish(ctx, post: PublishRequest): Promise<PublishedPost> {
      const parts = [{ text: post.text, media: post.media }, ...(post.thread ?? [])];
      const statuses: Status[] = [];
      let parent = post.inReplyTo;
      for (const [i, part] of parts.entries()) {
        const mediaIds: string[] = [];
        for (const item of part.media) mediaIds.push(await upload(ctx, item));
        const body = { ...(part.text ? { status: part.text } : {}), ...(mediaIds.length ? { media_ids: mediaIds } : {}), ...(parent ? { in_reply_to_id: parent } : {}) };
        const status = await postStatus(ctx, body, i === 0 ? post.idempotencyKey : `${post.idempotencyKey}/${i}`, parts.length > 1 ? `publishing part ${i + 1} of a thread` : 'publishing');
        statuses.push(status);
        parent = status.id;
      }
      return published(statuses[0]!, parts.length > 1 ? statuses.map((s) => s.id) : undefined);
    },

    /**
     * The account's recent posts (GET /api/v1/accounts/:id/statuses) from the last two days (text-match.ts), matched
     * on text, alt text and reply target. Within Mastodon's idempotency hour a plain retry is also safe.
     */
    async findPublished(ctx, post) {
      const id = await myId(ctx);
      const res = await call(ctx, `/api/v1/accounts/${encodeURIComponent(id)}/statuses?limit=40&exclude_reblogs=true`, { schema: z.array(StatusSchema), doing: 'checking whether a post was published' });
      const root = res.body.find((s) => matches(s, post, post.inReplyTo));
      if (!root) return null;
      if (!post.thread?.length) return published(root);
      // threadIds lists the parts found, root first; fewer than the thread has means it was cut short.
      const ids = [root.id];
      for (const part of post.thread) {
        const next = res.body.find((s) => matches(s, part, ids[ids.length - 1]));
        if (!next) break;
        ids.push(next.id);
      }
      return published(root, ids);
    },

    async deletePost(ctx, platformPostId) {
      try {
        await call(ctx, `/api/v1/statuses/${encodeURIComponent(platformPostId)}`, { method: 'DELETE', doing: 'deleting a post' });
      } catch (e) {
        // Already gone is what was asked for.
        if (!(e instanceof PlatformError && e.details.status === 404)) throw e;
      }
    },

    /**
     * Mentions and replies are notifications of type "mention". Pages walk forward from the cursor with min_id
     * (https://docs.joinmastodon.org/api/guidelines/#pagination): since_id would return only the newest page and
     * silently skip anything older when more than a page arrived between fetches. The first fetch takes one page.
     */
    async fetchComments(ctx, cursor) {
      const seen: z.infer<typeof NotificationSchema>[] = [];
      let minId = cursor;
      for (let page = 0; page < MAX_PAGES; page++) {
        const q = new URLSearchParams({ limit: String(PAGE) });
        q.append('types[]', 'mention');
        if (minId) q.set('min_id', minId);
        const res = await call(ctx, `/api/v1/notifications?${q}`, { schema: z.array(NotificationSchema), doing: 'fetching mentions and replies' });
        seen.push(...res.body);
        if (!minId || res.body.length < PAGE) break;
        minId = newestId(res.body.map((n) => n.id))!;
      }
      const comments = seen.flatMap((n) => (n.type === 'mention' && n.status ? [toComment(n.status)] : []));
      comments.sort((a, b) => a.createdAt - b.createdAt);
      return { comments, cursor: newestId(seen.map((n) => n.id)) ?? cursor };
    },

    /**
     * Replies copy the visibility of the post they answer, as Mastodon's own apps do, so a reply to a private mention
     * stays private; and they start with the author's @handle, without which a direct reply reaches nobody and a
     * public one does not notify its author (https://docs.joinmastodon.org/user/posting/#mentions).
     */
    async reply(ctx, comment, text) {
      const parent = (await call(ctx, `/api/v1/statuses/${encodeURIComponent(comment.platformCommentId)}`, { schema: StatusSchema, doing: 'reading the post being answered' })).body;
      const mention = `@${comment.authorHandle}`;
      const status = text.includes(mention) ? text : `${mention} ${text}`;
      // The same reply to the same post gets the same key, so a retried reply is not posted twice.
      const key = createHash('sha256').update(`${comment.platformCommentId}\n${text}`).digest('hex');
      return published(await postStatus(ctx, { status, in_reply_to_id: parent.id, visibility: parent.visibility }, `reply-${key}`, 'replying'));
    },

    async hideComment() {
      throw notSupported('mastodon', 'Hiding a reply', 'Mastodon has no hide, and only the author or their server’s moderators can delete it. Block or mute the account, or report the post to its server’s moderators');
    },

    async deleteComment() {
      throw notSupported('mastodon', 'Deleting someone else’s post', 'only its author or their server’s moderators can. Block or mute the account, or report the post to its server’s moderators');
    },

    async blockUser(ctx, authorId) {
      await call(ctx, `/api/v1/accounts/${encodeURIComponent(authorId)}/block`, { method: 'POST', schema: RelationshipSchema, doing: 'blocking an account' });
    },

    async muteUser(ctx, authorId) {
      await call(ctx, `/api/v1/accounts/${encodeURIComponent(authorId)}/mute`, { method: 'POST', schema: RelationshipSchema, doing: 'muting an account' });
    },
  };
}

/** Mastodon ids are numeric strings of growing length: compare by length, then text. */
function newestId(ids: string[]): string | null {
  return ids.reduce<string | null>((best, id) => (best === null || id.length > best.length || (id.length === best.length && id > best) ? id : best), null);
}

/** X-RateLimit-Remaining and X-RateLimit-Reset (an ISO time): https://docs.joinmastodon.org/api/rate-limits/ */
function rateLimitFrom(headers: Headers): Health['rateLimit'] {
  const remaining = headers.get('x-ratelimit-remaining');
  const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '');
  if (remaining === null && Number.isNaN(reset)) return null;
  return { remaining: remaining !== null && /^\d+$/.test(remaining) ? Number(remaining) : null, resetAt: Number.isNaN(reset) ? null : reset };
}
