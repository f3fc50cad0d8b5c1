/**
 * Threads through the Threads API (credentials.serviceUrl e.g. https://graph.threads.net/v1.0; the user id in
 * credentials.extra.threadsUserId, or `me`). Every post, text included, is two steps ("Posts"): POST
 * /{user}/threads makes a container (media_type TEXT, IMAGE, VIDEO or CAROUSEL; reply_to_id for a reply), then POST
 * /{user}/threads_publish with creation_id makes it visible. A container is invisible, so creating one is retried
 * freely; only threads_publish can leave an unknown outcome. A thread (R17) is a chain of replies to our own posts.
 */
import { z } from 'zod';
import { PlatformError, notSupported, type CallContext, type Comment, type PlatformAdapter } from '../adapter';
import { resolveOptions, type AdapterOptions } from '../adapter-options';
import { newerThan } from '../comment-cursor';
import { createGraph, waitForContainer } from '../meta/graph';
import { recentEnough, sameText } from '../text-match';
import { THREADS_CAPABILITIES } from './capabilities';

const Id = z.object({ id: z.string() });
const Success = z.object({ success: z.boolean() });
const PostList = z.object({ data: z.array(z.object({ id: z.string(), text: z.string().optional(), timestamp: z.string(), permalink: z.string().optional() })) });
const Reply = z.object({
  id: z.string(),
  text: z.string().default(''),
  username: z.string().default('threads user'),
  timestamp: z.string(),
  permalink: z.string().optional(),
  hide_status: z.string().optional(),
  replied_to: z.object({ id: z.string() }).optional(),
  root_post: z.object({ id: z.string() }).optional(),
  is_reply_owned_by_me: z.boolean().optional(),
});
const RECENT_POSTS = 25;
type Part = { text: string; media: Array<{ kind: 'image' | 'video'; alt: string; publicUrl?: string }> };

export function createThreadsAdapter(opts?: AdapterOptions): PlatformAdapter {
  const o = resolveOptions(opts);
  const graph = createGraph('threads', o);
  const user = (ctx: CallContext) => ctx.credentials.extra?.threadsUserId ?? 'me';

  async function container(ctx: CallContext, part: Part, replyTo?: string): Promise<{ id: string; hasMedia: boolean }> {
    const create = async (fields: Record<string, string>) =>
      (await graph.post(ctx, `${user(ctx)}/threads`, { body: new URLSearchParams({ ...fields, ...(replyTo ? { reply_to_id: replyTo } : {}) }), schema: Id, doing: 'preparing the post', mutating: false })).body.id;
    const item = (m: Part['media'][number]): Record<string, string> => {
      if (!m.publicUrl) throw new PlatformError('invalid-content', 'threads', 'Threads fetches media from a public web address, and this item has none. Herald must publish the media to its media host first.');
      return m.kind === 'video' ? { media_type: 'VIDEO', video_url: m.publicUrl, ...(m.alt ? { alt_text: m.alt } : {}) } : { media_type: 'IMAGE', image_url: m.publicUrl, ...(m.alt ? { alt_text: m.alt } : {}) };
    };
    if (part.media.length === 0) return { id: await create({ media_type: 'TEXT', text: part.text }), hasMedia: false };
    if (part.media.length === 1) return { id: await create({ ...item(part.media[0]!), text: part.text }), hasMedia: true };
    const children: string[] = [];
    for (const m of part.media) children.push(await create({ ...item(m), is_carousel_item: 'true' }));
    return { id: await create({ media_type: 'CAROUSEL', children: children.join(','), text: part.text }), hasMedia: true };
  }

  /** Container, wait for media processing (Threads recommends waiting before publishing media), then publish. */
  async function publishPart(ctx: CallContext, part: Part, replyTo?: string): Promise<string> {
    const c = await container(ctx, part, replyTo);
    if (c.hasMedia) await waitForContainer(graph, 'threads', ctx, c.id, 'status', o);
    const { body } = await graph.post(ctx, `${user(ctx)}/threads_publish`, { body: new URLSearchParams({ creation_id: c.id }), schema: Id, doing: 'publishing the post' });
    return body.id;
  }

  const permalink = (ctx: CallContext, id: string) =>
    graph.get(ctx, id, { params: { fields: 'permalink' }, schema: z.object({ permalink: z.string() }), doing: 'reading the post link' }).then(
      (r) => r.body.permalink,
      () => null, // the post is live; a missing link must not turn a success into a failure
    );

  return {
    platform: 'threads',
    capabilities: THREADS_CAPABILITIES,

    async checkHealth(ctx) {
      const { body } = await graph.get(ctx, user(ctx), { params: { fields: 'id,username' }, schema: z.object({ id: z.string(), username: z.string() }), doing: 'checking the account' });
      const limit = await graph.get(ctx, `${user(ctx)}/threads_publishing_limit`, {
        params: { fields: 'quota_usage,config' },
        schema: z.object({ data: z.array(z.object({ quota_usage: z.number(), config: z.object({ quota_total: z.number() }).optional() })) }),
        doing: 'reading the publishing limit',
      });
      const l = limit.body.data[0];
      const rateLimit = l ? { remaining: Math.max(0, (l.config?.quota_total ?? 250) - l.quota_usage), resetAt: null } : null;
      return { ok: true, accountName: body.username, accountId: body.id, tokenExpiresAt: ctx.credentials.expiresAt ?? null, rateLimit };
    },

    async publish(ctx, post) {
      const rootId = await publishPart(ctx, post, post.inReplyTo);
      const threadIds = [rootId];
      for (const [i, part] of (post.thread ?? []).entries()) {
        try {
          threadIds.push(await publishPart(ctx, part, threadIds[threadIds.length - 1]));
        } catch (e) {
          const why = e instanceof PlatformError ? ` ${e.message}` : '';
          throw new PlatformError('unknown-outcome', 'threads', `Threads published the first ${i + 1} of ${(post.thread?.length ?? 0) + 1} parts of this thread, then stopped.${why}`);
        }
      }
      return { platformPostId: rootId, url: await permalink(ctx, rootId), publishedAt: o.now(), ...(post.thread?.length ? { threadIds } : {}) };
    },

    async findPublished(ctx, post) {
      const { body } = await graph.get(ctx, `${user(ctx)}/threads`, { params: { fields: 'id,text,timestamp,permalink', limit: RECENT_POSTS }, schema: PostList, doing: 'looking for the post' });
      const hit = body.data.find((p) => sameText(p.text, post.text) && recentEnough(Date.parse(p.timestamp), o.now()));
      return hit ? { platformPostId: hit.id, url: hit.permalink ?? null, publishedAt: Date.parse(hit.timestamp) } : null;
    },

    async deletePost(ctx, id) {
      await graph.del(ctx, id, { schema: Success, doing: 'deleting the post' });
    },

    async fetchComments(ctx, cursor) {
      const posts = await graph.get(ctx, `${user(ctx)}/threads`, { params: { fields: 'id,timestamp', limit: RECENT_POSTS }, schema: PostList, doing: 'listing recent posts' });
      const all: Comment[] = [];
      for (const p of posts.body.data) {
        // /conversation returns every reply, nested ones included, flattened ("Reply Management").
        const { body } = await graph.get(ctx, `${p.id}/conversation`, {
          params: { fields: 'id,text,username,timestamp,permalink,hide_status,replied_to,root_post,is_reply_owned_by_me', reverse: 'false' },
          schema: z.object({ data: z.array(Reply) }),
          doing: 'fetching replies',
        });
        for (const r of body.data) {
          if (r.is_reply_owned_by_me) continue;
          all.push({
            platformCommentId: r.id,
            platformPostId: p.id,
            kind: !r.replied_to || r.replied_to.id === (r.root_post?.id ?? p.id) ? 'comment' : 'reply',
            authorId: r.username, // Threads names repliers only by username
            authorHandle: r.username,
            authorName: null,
            text: r.text,
            createdAt: Date.parse(r.timestamp),
            url: r.permalink ?? null,
            hidden: r.hide_status === 'HIDDEN',
          });
        }
      }
      const { fresh, cursor: next } = newerThan(all, cursor);
      return { comments: fresh, cursor: next };
    },

    async reply(ctx, comment, text) {
      const id = await publishPart(ctx, { text, media: [] }, comment.platformCommentId);
      return { platformPostId: id, url: await permalink(ctx, id), publishedAt: o.now() };
    },

    async hideComment(ctx, comment) {
      if (comment.kind === 'reply') throw notSupported('threads', 'Hiding a reply nested under another reply', 'hide the top-level reply above it, which hides this one too');
      await graph.post(ctx, `${comment.platformCommentId}/manage_reply`, { body: new URLSearchParams({ hide: 'true' }), schema: Success, doing: 'hiding the reply' });
    },

    async deleteComment() {
      throw notSupported('threads', 'Deleting someone else’s reply through Threads’ API', 'hide the reply instead');
    },

    async blockUser() {
      throw notSupported('threads', 'Blocking an account through Threads’ API', 'hide the reply here, then block the account in the Threads app');
    },
  };
}
