/**
 * Facebook Pages through the Graph API (base URL in credentials.serviceUrl, e.g. https://graph.facebook.com/v21.0;
 * the Page id in credentials.extra.pageId; a Page access token). Doc pages: "Page Feed" (POST /{page-id}/feed),
 * "Page Photos" (POST /{page-id}/photos, multipart `source`, `published=false` for multi-photo posts), "Page Videos"
 * and "Uploading Videos with the Graph API" (POST /{page-id}/videos on graph-video.facebook.com: videos.ts),
 * "Comment" (POST /{comment-id} is_hidden, DELETE), "Object Comments" (GET /{object-id}/comments, filter=stream),
 * "Users or Pages Blocked from a Page" (POST /{page-id}/blocked), "Page Published Posts".
 * Facebook has no idempotency key, so an unknown outcome is reconciled by finding the text among recent posts.
 * After sign-in, `listTargets` offers the Pages the person can post to, each with its Page token (pages.ts).
 */
import { z } from 'zod';
import { notSupported, type CallContext, type Comment, type PlatformAdapter, type PublishRequest, type PublishedPost } from '../adapter';
import { resolveOptions, type AdapterOptions } from '../adapter-options';
import { newerThan, sinceSeconds } from '../comment-cursor';
import { createGraph, graphUsage, requireExtra } from '../meta/graph';
import { refuseMediaForOneVideoPost } from '../one-video-post';
import { recentEnough, sameText } from '../text-match';
import { FACEBOOK_CAPABILITIES } from './capabilities';
import { listFacebookPages } from './pages';
import { FACEBOOK_VIDEO_RULES, publishFacebookVideo } from './videos';

const Id = z.object({ id: z.string() });
const Success = z.object({ success: z.boolean() });
const PostList = z.object({ data: z.array(z.object({ id: z.string(), message: z.string().optional(), created_time: z.string(), permalink_url: z.string().optional() })) });
const FbComment = z.object({
  id: z.string(),
  message: z.string().default(''),
  created_time: z.string(),
  from: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  parent: z.object({ id: z.string() }).optional(),
  is_hidden: z.boolean().optional(),
  permalink_url: z.string().optional(),
});
const IdList = z.object({ data: z.array(Id) });
const RECENT_POSTS = 25;

const postUrl = (id: string) => `https://www.facebook.com/${id}`;

export function createFacebookAdapter(opts?: AdapterOptions): PlatformAdapter {
  const o = resolveOptions(opts);
  const graph = createGraph('facebook', o);
  const page = (ctx: CallContext) => requireExtra('facebook', ctx, 'pageId', 'Facebook Page');

  async function publishPhotos(ctx: CallContext, post: PublishRequest): Promise<string> {
    const pageId = page(ctx);
    const form = (m: PublishRequest['media'][number], published: boolean) => {
      const f = new FormData();
      f.set('source', new Blob([m.bytes as BlobPart], { type: m.mimeType }), 'upload');
      if (m.alt) f.set('alt_text_custom', m.alt);
      f.set('published', String(published));
      if (published) f.set('caption', post.text);
      return f;
    };
    if (post.media.length === 1) {
      const { body } = await graph.post(ctx, `${pageId}/photos`, { body: form(post.media[0]!, true), schema: z.object({ id: z.string(), post_id: z.string() }), doing: 'publishing the photo post' });
      return body.post_id;
    }
    // Multi-photo posts: unpublished photos (invisible, so safe to repeat) and then one feed post that attaches them.
    const ids: string[] = [];
    for (const m of post.media) {
      const { body } = await graph.post(ctx, `${pageId}/photos`, { body: form(m, false), schema: Id, doing: 'uploading a photo', mutating: false });
      ids.push(body.id);
    }
    const feed = new URLSearchParams({ message: post.text });
    ids.forEach((id, i) => feed.set(`attached_media[${i}]`, JSON.stringify({ media_fbid: id })));
    const { body } = await graph.post(ctx, `${pageId}/feed`, { body: feed, schema: Id, doing: 'publishing the photo post' });
    return body.id;
  }

  const adapter: PlatformAdapter = {
    platform: 'facebook',
    capabilities: FACEBOOK_CAPABILITIES,
    targetLabel: 'Facebook Page',

    listTargets: (ctx) => listFacebookPages(graph, ctx),

    async checkHealth(ctx) {
      const { body, headers } = await graph.get(ctx, page(ctx), { params: { fields: 'id,name' }, schema: z.object({ id: z.string(), name: z.string() }), doing: 'checking the Page' });
      return { ok: true, accountName: body.name, accountId: body.id, tokenExpiresAt: ctx.credentials.expiresAt ?? null, rateLimit: graphUsage(headers, o.now()) };
    },

    async publish(ctx, post) {
      if (post.thread?.length) throw notSupported('facebook', 'Posting a thread', 'publish the updates as separate posts');
      refuseMediaForOneVideoPost(post.media, { platform: 'facebook', name: 'Facebook', stills: 'photos', maxVideoBytes: FACEBOOK_CAPABILITIES.media.maxVideoBytes, limits: FACEBOOK_VIDEO_RULES });
      if (post.inReplyTo) {
        const { body } = await graph.post(ctx, `${post.inReplyTo}/comments`, { body: new URLSearchParams({ message: post.text }), schema: Id, doing: 'posting the reply' });
        return { platformPostId: body.id, url: null, publishedAt: o.now() };
      }
      let id: string;
      const video = post.media.find((m) => m.kind === 'video');
      if (video) id = await publishFacebookVideo(o, ctx, page(ctx), post.text, video);
      else if (post.media.length > 0) id = await publishPhotos(ctx, post);
      else id = (await graph.post(ctx, `${page(ctx)}/feed`, { body: new URLSearchParams({ message: post.text }), schema: Id, doing: 'publishing the post' })).body.id;
      return { platformPostId: id, url: postUrl(id), publishedAt: o.now() };
    },

    async findPublished(ctx, post) {
      const { body } = await graph.get(ctx, `${page(ctx)}/published_posts`, { params: { fields: 'id,message,created_time,permalink_url', limit: RECENT_POSTS }, schema: PostList, doing: 'looking for the post' });
      const hit = body.data.find((p) => sameText(p.message, post.text) && recentEnough(Date.parse(p.created_time), o.now()));
      return hit ? { platformPostId: hit.id, url: hit.permalink_url ?? postUrl(hit.id), publishedAt: Date.parse(hit.created_time) } : null;
    },

    async deletePost(ctx, id) {
      await graph.del(ctx, id, { schema: Success, doing: 'deleting the post' });
    },

    async fetchComments(ctx, cursor) {
      const posts = await graph.get(ctx, `${page(ctx)}/published_posts`, { params: { fields: 'id', limit: RECENT_POSTS }, schema: IdList, doing: 'listing recent posts' });
      const since = sinceSeconds(cursor);
      const all: Comment[] = [];
      for (const p of posts.body.data) {
        const { body } = await graph.get(ctx, `${p.id}/comments`, {
          params: { filter: 'stream', order: 'reverse_chronological', limit: 100, fields: 'id,message,created_time,from{id,name},parent{id},is_hidden,permalink_url', since: since ?? undefined },
          schema: z.object({ data: z.array(FbComment) }),
          doing: 'fetching comments',
        });
        for (const c of body.data) {
          if (c.from?.id === page(ctx)) continue; // the Page's own replies are not inbox items
          all.push({
            platformCommentId: c.id,
            platformPostId: p.id,
            kind: c.parent ? 'reply' : 'comment',
            authorId: c.from?.id ?? 'unknown',
            authorHandle: c.from?.name ?? 'Facebook user',
            authorName: c.from?.name ?? null,
            text: c.message,
            createdAt: Date.parse(c.created_time),
            url: c.permalink_url ?? null,
            hidden: c.is_hidden ?? false,
          });
        }
      }
      const { fresh, cursor: next } = newerThan(all, cursor);
      return { comments: fresh, cursor: next };
    },

    async reply(ctx, comment, text): Promise<PublishedPost> {
      const { body } = await graph.post(ctx, `${comment.platformCommentId}/comments`, { body: new URLSearchParams({ message: text }), schema: Id, doing: 'posting the reply' });
      return { platformPostId: body.id, url: null, publishedAt: o.now() };
    },

    async hideComment(ctx, comment) {
      await graph.post(ctx, comment.platformCommentId, { body: new URLSearchParams({ is_hidden: 'true' }), schema: Success, doing: 'hiding the comment' });
    },

    async deleteComment(ctx, comment) {
      await graph.del(ctx, comment.platformCommentId, { schema: Success, doing: 'deleting the comment' });
    },

    async blockUser(ctx, authorId) {
      await graph.post(ctx, `${page(ctx)}/blocked`, { body: new URLSearchParams({ user: authorId }), doing: 'banning the person from the Page' });
    },
  };
  return adapter;
}
