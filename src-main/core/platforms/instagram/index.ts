/**
 * Instagram professional accounts through the Instagram Graph API (credentials.serviceUrl e.g.
 * https://graph.instagram.com/v23.0 with Instagram Login, where `me` is the account, or https://graph.facebook.com/v23.0
 * with Facebook Login and the account id in credentials.extra.igUserId). Publishing is two steps
 * ("Content Publishing"): POST /{ig-user-id}/media makes a container from a public image_url or video_url (with caption
 * and alt_text), then POST /{ig-user-id}/media_publish with creation_id makes it visible. A container is invisible, so
 * its creation is not treated as a change: a lost answer there is safe to retry; only media_publish can leave an
 * unknown outcome, which is reconciled by finding the caption among recent media.
 */
import { z } from 'zod';
import { PlatformError, notSupported, type CallContext, type Comment, type PlatformAdapter, type PublishRequest } from '../adapter';
import { resolveOptions, type AdapterOptions } from '../adapter-options';
import { newerThan } from '../comment-cursor';
import { createGraph, waitForContainer } from '../meta/graph';
import { recentEnough, sameText } from '../text-match';
import { INSTAGRAM_CAPABILITIES } from './capabilities';

const Id = z.object({ id: z.string() });
const Success = z.object({ success: z.boolean() });
const IgComment = z.object({ id: z.string(), text: z.string().default(''), timestamp: z.string(), username: z.string().optional(), from: z.object({ id: z.string(), username: z.string().optional() }).optional(), hidden: z.boolean().optional() });
const Comments = z.object({ data: z.array(IgComment.extend({ replies: z.object({ data: z.array(IgComment) }).optional() })) });
const MediaList = z.object({ data: z.array(z.object({ id: z.string(), caption: z.string().optional(), timestamp: z.string(), permalink: z.string().optional() })) });
const RECENT_MEDIA = 25;

export function createInstagramAdapter(opts?: AdapterOptions): PlatformAdapter {
  const o = resolveOptions(opts);
  const graph = createGraph('instagram', o);
  // With Instagram Login (graph.instagram.com) `me` is the account; with Facebook Login the id must be stored.
  const user = (ctx: CallContext) => ctx.credentials.extra?.igUserId ?? 'me';
  const account = async (ctx: CallContext) => {
    const { body } = await graph.get(ctx, user(ctx), { params: { fields: 'id,username' }, schema: z.object({ id: z.string(), username: z.string() }), doing: 'checking the account' });
    return body;
  };

  /** Builds the container for the post's media: one image, one Reel, or a carousel of children. */
  async function container(ctx: CallContext, post: PublishRequest): Promise<string> {
    const create = async (fields: Record<string, string>) =>
      (await graph.post(ctx, `${user(ctx)}/media`, { body: new URLSearchParams(fields), schema: Id, doing: 'preparing the media', mutating: false })).body.id;
    const item = (m: PublishRequest['media'][number], carousel: boolean): Record<string, string> => {
      if (!m.publicUrl) throw new PlatformError('invalid-content', 'instagram', 'Instagram fetches media from a public web address, and this item has none. Herald must publish the media to its media host first.');
      if (m.kind === 'video') return { media_type: carousel ? 'VIDEO' : 'REELS', video_url: m.publicUrl };
      return { image_url: m.publicUrl, ...(m.alt ? { alt_text: m.alt } : {}) };
    };
    if (post.media.length === 1) return create({ ...item(post.media[0]!, false), caption: post.text });
    const children: string[] = [];
    for (const m of post.media) children.push(await create({ ...item(m, true), is_carousel_item: 'true' }));
    return create({ media_type: 'CAROUSEL', children: children.join(','), caption: post.text });
  }

  const permalink = async (ctx: CallContext, id: string): Promise<string | null> =>
    graph.get(ctx, id, { params: { fields: 'permalink' }, schema: z.object({ permalink: z.string() }), doing: 'reading the post link' }).then(
      (r) => r.body.permalink,
      () => null, // the post is live; a missing link must not turn a success into a failure
    );

  return {
    platform: 'instagram',
    capabilities: INSTAGRAM_CAPABILITIES,

    async checkHealth(ctx) {
      const body = await account(ctx);
      // "IG User Content Publishing Limit": posts used in the moving 24-hour window, out of quota_total.
      const limit = await graph.get(ctx, `${user(ctx)}/content_publishing_limit`, {
        params: { fields: 'quota_usage,config' },
        schema: z.object({ data: z.array(z.object({ quota_usage: z.number(), config: z.object({ quota_total: z.number() }).optional() })) }),
        doing: 'reading the publishing limit',
      });
      const l = limit.body.data[0];
      const rateLimit = l ? { remaining: Math.max(0, (l.config?.quota_total ?? 50) - l.quota_usage), resetAt: null } : null;
      return { ok: true, accountName: body.username, accountId: body.id, tokenExpiresAt: ctx.credentials.expiresAt ?? null, rateLimit };
    },

    async publish(ctx, post) {
      if (post.thread?.length) throw notSupported('instagram', 'Posting a thread', 'publish a carousel, or separate posts');
      if (post.inReplyTo) {
        const { body } = await graph.post(ctx, `${post.inReplyTo}/replies`, { body: new URLSearchParams({ message: post.text }), schema: Id, doing: 'posting the reply' });
        return { platformPostId: body.id, url: null, publishedAt: o.now() };
      }
      // invalid-content, not not-supported: the account can post, but this post must change (add an image or video).
      if (post.media.length === 0) throw new PlatformError('invalid-content', 'instagram', 'Instagram has no text-only posts: add an image or a video.');
      const creationId = await container(ctx, post);
      await waitForContainer(graph, 'instagram', ctx, creationId, 'status_code', o);
      const { body } = await graph.post(ctx, `${user(ctx)}/media_publish`, { body: new URLSearchParams({ creation_id: creationId }), schema: Id, doing: 'publishing the post' });
      return { platformPostId: body.id, url: await permalink(ctx, body.id), publishedAt: o.now() };
    },

    async findPublished(ctx, post) {
      const { body } = await graph.get(ctx, `${user(ctx)}/media`, { params: { fields: 'id,caption,timestamp,permalink', limit: RECENT_MEDIA }, schema: MediaList, doing: 'looking for the post' });
      const hit = body.data.find((m) => sameText(m.caption, post.text) && recentEnough(Date.parse(m.timestamp), o.now()));
      return hit ? { platformPostId: hit.id, url: hit.permalink ?? null, publishedAt: Date.parse(hit.timestamp) } : null;
    },

    async deletePost(ctx, id) {
      await graph.del(ctx, id, { schema: Success, doing: 'deleting the post' });
    },

    async fetchComments(ctx, cursor) {
      const media = await graph.get(ctx, `${user(ctx)}/media`, { params: { fields: 'id,timestamp,permalink', limit: RECENT_MEDIA }, schema: MediaList, doing: 'listing recent posts' });
      const all: Comment[] = [];
      const fields = 'id,text,timestamp,username,from,hidden';
      for (const m of media.body.data) {
        const { body } = await graph.get(ctx, `${m.id}/comments`, { params: { fields: `${fields},replies{${fields}}`, limit: 50 }, schema: Comments, doing: 'fetching comments' });
        const map = (c: z.infer<typeof IgComment>, kind: Comment['kind']): Comment => ({
          platformCommentId: c.id,
          platformPostId: m.id,
          kind,
          authorId: c.from?.id ?? c.username ?? 'unknown',
          authorHandle: c.username ?? c.from?.username ?? 'instagram user',
          authorName: null,
          text: c.text,
          createdAt: Date.parse(c.timestamp),
          url: m.permalink ?? null,
          hidden: c.hidden ?? false,
        });
        for (const c of body.data) all.push(map(c, 'comment'), ...(c.replies?.data ?? []).map((r) => map(r, 'reply')));
      }
      // The account's own replies are not inbox items.
      const me = all.length ? await account(ctx) : null;
      const { fresh, cursor: next } = newerThan(all.filter((c) => c.authorId !== me?.id && c.authorHandle !== me?.username), cursor);
      return { comments: fresh, cursor: next };
    },

    async reply(ctx, comment, text) {
      const { body } = await graph.post(ctx, `${comment.platformCommentId}/replies`, { body: new URLSearchParams({ message: text }), schema: Id, doing: 'posting the reply' });
      return { platformPostId: body.id, url: null, publishedAt: o.now() };
    },

    async hideComment(ctx, comment) {
      await graph.post(ctx, comment.platformCommentId, { body: new URLSearchParams({ hide: 'true' }), schema: Success, doing: 'hiding the comment' });
    },

    async deleteComment(ctx, comment) {
      await graph.del(ctx, comment.platformCommentId, { schema: Success, doing: 'deleting the comment' });
    },

    async blockUser() {
      throw notSupported('instagram', 'Blocking an account through Instagram’s API', 'hide or delete the comment here, then block the account in the Instagram app');
    },
  };
}
