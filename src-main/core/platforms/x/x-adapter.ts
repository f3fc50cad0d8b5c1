/**
 * X behind Herald's adapter interface, through X API v2 (https://docs.x.com/x-api) with the account's OAuth 2 user
 * token. Paths, parameters and bodies follow the OpenAPI document the tests check against
 * (resources/platform-specs/x-openapi.json); where it differs from docs.x.com (it names the post fields parameter
 * `post.fields`, the docs `tweet.fields`), the document and X's own SDK (@xdevplatform/xdk, which sends `post.fields`)
 * are followed.
 *
 * Plain fetch through http.ts rather than xdk: xdk retries failed requests by itself, which for a publish is exactly
 * the blind retry R16 forbids; it reports every failure as one ApiError that would need remapping; and it does not
 * check response shapes. http.ts gives typed errors and the network/unknown-outcome split; zod checks the shapes.
 *
 * X has no idempotency key, so an interrupted publish is reconciled by looking at the account's recent posts.
 */
import { notSupported, PlatformError, type CallContext, type Comment, type Health, type PlatformAdapter, type PublishedPost } from '../adapter';
import { resolveOptions, type AdapterOptions } from '../adapter-options';
import { requestJson, type HttpRequest, type HttpResponse } from '../http';
import { recentEnough } from '../text-match';
import { X_CAPABILITIES } from './capabilities';
import { CreatedPostSchema, decodeXText, DeletedSchema, HiddenSchema, MutingSchema, PostPageSchema, sameXText, UsersMeSchema } from './schemas';
import { uploadMedia } from './x-media';

export type XAdapter = PlatformAdapter & { muteUser(ctx: CallContext, authorId: string): Promise<void> };

/** Mentions per page (max_results 5-100), and pages per fetch, so one call cannot run for ever. */
const PAGE = 100;
const MAX_PAGES = 8;
/** The fields Herald reads on a mention, and the author expansion that brings the author's handle and name. */
const MENTION_QUERY = { 'post.fields': 'created_at,conversation_id', expansions: 'author_id', 'user.fields': 'name,username' };

/** X refuses a post identical to a recent one with 403; that is not a lost permission, and after a lost answer it is news. */
function duplicateIsContent(res: { status: number; text: string | null }): PlatformError | null {
  if (res.status !== 403 || !/duplicate content/i.test(res.text ?? '')) return null;
  return new PlatformError('invalid-content', 'x', 'X refused this post as a duplicate of one this account posted recently. If an earlier attempt was this post, it is already published.', { status: 403 });
}

export function createXAdapter(options: AdapterOptions = {}): XAdapter {
  const opts = resolveOptions(options);

  function call<T>(ctx: CallContext, path: string, req: Omit<HttpRequest<T>, 'url'>): Promise<HttpResponse<T>> {
    const token = ctx.credentials.accessToken;
    if (!token) throw new PlatformError('auth-expired', 'x', 'This X account has no sign-in stored. Reconnect the account.');
    const url = new URL(path, ctx.credentials.serviceUrl || 'https://api.x.com').toString();
    return requestJson<T>('x', { ...req, url, headers: { authorization: `Bearer ${token}`, ...req.headers }, timeoutMs: opts.timeoutMs, signal: ctx.signal, ...(opts.fetch ? { fetch: opts.fetch } : {}) }, opts.now);
  }

  const me = async (ctx: CallContext) => (await call(ctx, '/2/users/me', { schema: UsersMeSchema, doing: 'checking the account' }));
  const myId = async (ctx: CallContext) => ctx.credentials.extra?.userId ?? (await me(ctx)).body.data.id;
  const postUrl = (id: string, username?: string) => `https://x.com/${username ?? 'i/web'}/status/${id}`;

  async function createPost(ctx: CallContext, body: Record<string, unknown>, doing: string): Promise<PublishedPost> {
    const res = await call(ctx, '/2/tweets', { method: 'POST', body, schema: CreatedPostSchema, classifyError: duplicateIsContent, doing });
    return { platformPostId: res.body.data.id, url: postUrl(res.body.data.id), publishedAt: opts.now() };
  }

  return {
    platform: 'x',
    capabilities: X_CAPABILITIES,

    /** GET /2/users/me; the rate-limit headers (x-rate-limit-remaining, x-rate-limit-reset in epoch seconds) with it. */
    async checkHealth(ctx): Promise<Health> {
      const res = await me(ctx);
      const remaining = res.headers.get('x-rate-limit-remaining');
      const reset = res.headers.get('x-rate-limit-reset');
      return {
        ok: true,
        accountName: `@${res.body.data.username}`,
        accountId: res.body.data.id,
        tokenExpiresAt: ctx.credentials.expiresAt ?? null,
        rateLimit:
          remaining === null && reset === null
            ? null
            : { remaining: remaining && /^\d+$/.test(remaining) ? Number(remaining) : null, resetAt: reset && /^\d+$/.test(reset) ? Number(reset) * 1000 : null },
      };
    },

    /** POST /2/tweets per part; each later part replies to the one before (reply.in_reply_to_tweet_id). */
    async publish(ctx, post) {
      const parts = [{ text: post.text, media: post.media }, ...(post.thread ?? [])];
      const posted: PublishedPost[] = [];
      let parent = post.inReplyTo;
      for (const [i, part] of parts.entries()) {
        const mediaIds: string[] = [];
        for (const item of part.media) mediaIds.push(await uploadMedia(call, ctx, item, opts));
        const body = { text: part.text, ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}), ...(parent ? { reply: { in_reply_to_tweet_id: parent } } : {}) };
        const p = await createPost(ctx, body, parts.length > 1 ? `publishing part ${i + 1} of a thread` : 'publishing');
        posted.push(p);
        parent = p.platformPostId;
      }
      return { ...posted[0]!, ...(parts.length > 1 ? { threadIds: posted.map((p) => p.platformPostId) } : {}) };
    },

    /**
     * GET /2/users/:id/tweets: the account's recent posts from the last two days (text-match.ts), matched on text
     * with links ignored (X rewrites them to t.co). threadIds lists the parts found, root first.
     */
    async findPublished(ctx, post) {
      const id = await myId(ctx);
      const q = new URLSearchParams({ max_results: '100', exclude: 'retweets', 'post.fields': 'created_at,conversation_id' });
      const res = await call(ctx, `/2/users/${encodeURIComponent(id)}/tweets?${q}`, { schema: PostPageSchema, doing: 'checking whether a post was published' });
      // Newest first, as X lists them: if the same text went out twice in the window, the latest is this attempt.
      const recent = (res.body.data ?? []).filter((p) => recentEnough(Date.parse(p.created_at ?? ''), opts.now()));
      const root = recent.find((p) => sameXText(post.text, p.text));
      if (!root) return null;
      const found: PublishedPost = { platformPostId: root.id, url: postUrl(root.id), publishedAt: Date.parse(root.created_at!) };
      if (!post.thread?.length) return found;
      const ids = [root.id];
      for (const part of post.thread) {
        const next = recent.find((p) => p.conversation_id === root.id && !ids.includes(p.id) && sameXText(part.text, p.text));
        if (!next) break;
        ids.push(next.id);
      }
      return { ...found, threadIds: ids };
    },

    async deletePost(ctx, platformPostId) {
      try {
        await call(ctx, `/2/tweets/${encodeURIComponent(platformPostId)}`, { method: 'DELETE', schema: DeletedSchema, doing: 'deleting a post' });
      } catch (e) {
        // Already gone is what was asked for.
        if (!(e instanceof PlatformError && e.details.status === 404)) throw e;
      }
    },

    /**
     * GET /2/users/:id/mentions with since_id = the newest mention seen, following next_token to the end, so a burst
     * bigger than one page is not cut short. The first fetch (no cursor) takes one page.
     */
    async fetchComments(ctx, cursor) {
      const id = await myId(ctx);
      const comments: Comment[] = [];
      let newest: string | undefined;
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const q = new URLSearchParams({ max_results: String(PAGE), ...MENTION_QUERY, ...(cursor ? { since_id: cursor } : {}), ...(token ? { pagination_token: token } : {}) });
        const res = await call(ctx, `/2/users/${encodeURIComponent(id)}/mentions?${q}`, { schema: PostPageSchema, doing: 'fetching mentions' });
        const users = new Map((res.body.includes?.users ?? []).map((u) => [u.id, u]));
        newest ??= res.body.meta?.newest_id ?? res.body.data?.[0]?.id;
        for (const p of res.body.data ?? []) {
          const author = users.get(p.author_id ?? '');
          const inConversation = p.conversation_id !== undefined && p.conversation_id !== p.id;
          comments.push({
            platformCommentId: p.id,
            platformPostId: inConversation ? p.conversation_id! : null,
            kind: inConversation ? 'reply' : 'mention',
            authorId: p.author_id ?? '',
            authorHandle: author?.username ?? '',
            authorName: author?.name ?? null,
            text: decodeXText(p.text),
            createdAt: Date.parse(p.created_at ?? '') || opts.now(),
            url: postUrl(p.id, author?.username),
          });
        }
        token = res.body.meta?.next_token;
        if (!cursor || !token) break;
      }
      comments.sort((a, b) => a.createdAt - b.createdAt);
      return { comments, cursor: newest ?? cursor };
    },

    async reply(ctx, comment, text) {
      return createPost(ctx, { text, reply: { in_reply_to_tweet_id: comment.platformCommentId } }, 'replying');
    },

    /** PUT /2/tweets/:tweet_id/hidden (https://docs.x.com/x-api/posts/hide-replies). */
    async hideComment(ctx, comment) {
      const res = await call(ctx, `/2/tweets/${encodeURIComponent(comment.platformCommentId)}/hidden`, { method: 'PUT', body: { hidden: true }, schema: HiddenSchema, doing: 'hiding a reply' });
      if (res.body.data.hidden !== true) {
        throw new PlatformError('invalid-content', 'x', 'X did not hide the reply. Only replies in conversations this account started can be hidden.');
      }
    },

    async deleteComment() {
      throw notSupported('x', 'Deleting someone else’s post', 'hide the reply instead (only in conversations this account started), mute the account, or report the post in the X app');
    },

    async blockUser() {
      throw notSupported('x', 'Blocking an account through X’s API', 'X lets apps list blocked accounts but not block them. Mute the account here, or block it in the X app');
    },

    /** POST /2/users/:id/muting with the account to mute. */
    async muteUser(ctx, authorId) {
      const id = await myId(ctx);
      await call(ctx, `/2/users/${encodeURIComponent(id)}/muting`, { method: 'POST', body: { target_user_id: authorId }, schema: MutingSchema, doing: 'muting an account' });
    },
  };
}
