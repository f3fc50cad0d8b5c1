/**
 * LinkedIn organization Pages through the versioned REST API (credentials.serviceUrl e.g. https://api.linkedin.com;
 * the organization id in credentials.extra.organizationId). Doc pages (Microsoft Learn, LinkedIn Marketing,
 * Community Management): "Posts API" (POST /rest/posts answers 201 with the new post's URN in the x-restli-id header
 * and no body; the author finder GET /rest/posts?q=author), "Images API" (POST /rest/images?action=initializeUpload,
 * then PUT the bytes), "Videos API" (initializeUpload, PUT each part, finalizeUpload: videos.ts), "Comments API"
 * (/rest/socialActions/{urn}/comments; DELETE needs ?actor=). LinkedIn has no idempotency key: an unknown outcome is
 * reconciled by finding the text among the Page's recent posts.
 * After sign-in, `listTargets` offers the organisations the member administers (organizations.ts).
 */
import { z } from 'zod';
import { PlatformError, notSupported, type CallContext, type Comment, type PlatformAdapter, type PublishRequest } from '../adapter';
import { resolveOptions, type AdapterOptions } from '../adapter-options';
import { newerThan } from '../comment-cursor';
import { refuseMediaForOneVideoPost } from '../one-video-post';
import { recentEnough, sameText } from '../text-match';
import { LINKEDIN_CAPABILITIES } from './capabilities';
import { listLinkedInOrganizations } from './organizations';
import { createLinkedIn, encodeUrn, fromLittleText, toLittleText, trustedUploadUrl } from './rest';
import { LINKEDIN_VIDEO_RULES, uploadLinkedInVideo } from './videos';

const PostList = z.object({ elements: z.array(z.object({ id: z.string(), commentary: z.string().default(''), publishedAt: z.number().optional(), createdAt: z.number().optional() })) });
const LiComment = z.object({ id: z.string(), commentUrn: z.string(), actor: z.string(), message: z.object({ text: z.string() }), created: z.object({ time: z.number() }), parentComment: z.string().optional() });
const postUrl = (urn: string) => `https://www.linkedin.com/feed/update/${urn}/`;
const RECENT_POSTS = 10;

export function createLinkedInAdapter(opts?: AdapterOptions): PlatformAdapter {
  const o = resolveOptions(opts);
  const li = createLinkedIn(o);
  const org = (ctx: CallContext) => {
    const id = ctx.credentials.extra?.organizationId;
    if (!id) throw new PlatformError('auth-expired', 'linkedin', 'This LinkedIn account has no organization Page stored. Reconnect it and choose the Page.');
    return `urn:li:organization:${id}`;
  };

  /** Images API: reserve an image owned by the Page, then PUT its bytes. Neither step shows anything to anyone. */
  async function uploadImage(ctx: CallContext, m: PublishRequest['media'][number]): Promise<string> {
    const init = await li(ctx, 'POST', '/rest/images', {
      query: { action: 'initializeUpload' },
      body: { initializeUploadRequest: { owner: org(ctx) } },
      schema: z.object({ value: z.object({ uploadUrl: z.string(), image: z.string() }) }),
      doing: 'preparing the image upload',
      mutating: false,
    });
    if (!trustedUploadUrl(init.body.value.uploadUrl, ctx.credentials.serviceUrl)) throw new PlatformError('network', 'linkedin', 'LinkedIn offered an upload address Herald does not trust; nothing was posted. Herald will try again later.');
    await li(ctx, 'PUT', init.body.value.uploadUrl, { body: m.bytes, headers: { 'content-type': m.mimeType }, doing: 'uploading the image', mutating: false });
    return init.body.value.image;
  }

  /** The post's `content`: one video as media, one image as media, several as multiImage; none for text alone. */
  async function uploadContent(ctx: CallContext, media: PublishRequest['media']) {
    const video = media.find((m) => m.kind === 'video');
    if (video) return { media: { id: await uploadLinkedInVideo(li, ctx, org(ctx), video, o) } };
    const images: Array<{ id: string; altText?: string }> = [];
    for (const m of media) images.push({ id: await uploadImage(ctx, m), ...(m.alt ? { altText: m.alt } : {}) });
    return images.length === 1 ? { media: images[0] } : images.length > 1 ? { multiImage: { images } } : undefined;
  }

  async function recentPosts(ctx: CallContext, doing: string) {
    const { body } = await li(ctx, 'GET', '/rest/posts', {
      query: { author: org(ctx), q: 'author', count: String(RECENT_POSTS), sortBy: 'LAST_MODIFIED' },
      headers: { 'x-restli-method': 'FINDER' },
      schema: PostList,
      doing,
    });
    return body.elements;
  }

  async function comment(ctx: CallContext, target: string, object: string, text: string, parent?: string) {
    const res = await li(ctx, 'POST', `/rest/socialActions/${encodeUrn(target)}/comments`, {
      body: { actor: org(ctx), object, message: { text }, ...(parent ? { parentComment: parent } : {}) },
      schema: z.object({ commentUrn: z.string() }).optional(),
      doing: 'posting the comment',
    });
    const urn = res.body?.commentUrn ?? res.headers.get('x-restli-id');
    if (!urn) throw new PlatformError('unknown-outcome', 'linkedin', 'LinkedIn accepted the comment but did not say which comment it made. Herald will check before trying again.');
    return { platformPostId: urn, url: null, publishedAt: o.now() };
  }

  return {
    platform: 'linkedin',
    capabilities: LINKEDIN_CAPABILITIES,
    targetLabel: 'LinkedIn organisation',

    listTargets: (ctx) => listLinkedInOrganizations(li, ctx),

    async checkHealth(ctx) {
      const id = org(ctx).split(':').pop()!;
      const { body } = await li(ctx, 'GET', `/rest/organizations/${id}`, { schema: z.object({ id: z.number().or(z.string()), localizedName: z.string() }), doing: 'checking the Page' });
      return { ok: true, accountName: body.localizedName, accountId: String(body.id), tokenExpiresAt: ctx.credentials.expiresAt ?? null, rateLimit: null };
    },

    async publish(ctx, post) {
      if (post.thread?.length) throw notSupported('linkedin', 'Posting a thread', 'publish the updates as separate posts');
      refuseMediaForOneVideoPost(post.media, { platform: 'linkedin', name: 'LinkedIn', stills: 'images', maxVideoBytes: LINKEDIN_CAPABILITIES.media.maxVideoBytes, limits: LINKEDIN_VIDEO_RULES, tooLargeFor: ' for LinkedIn' });
      if (post.inReplyTo) return comment(ctx, post.inReplyTo, post.inReplyTo, post.text);
      const content = await uploadContent(ctx, post.media);
      const res = await li(ctx, 'POST', '/rest/posts', {
        body: {
          author: org(ctx),
          commentary: toLittleText(post.text),
          visibility: 'PUBLIC',
          distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
          ...(content ? { content } : {}),
          lifecycleState: 'PUBLISHED',
          isReshareDisabledByAuthor: false,
        },
        doing: 'publishing the post',
      });
      const urn = res.headers.get('x-restli-id');
      if (!urn) throw new PlatformError('unknown-outcome', 'linkedin', 'LinkedIn accepted the post but did not say which post it made. Herald will check whether it is there before trying again.', { status: res.status });
      return { platformPostId: urn, url: postUrl(urn), publishedAt: o.now() };
    },

    async findPublished(ctx, post) {
      const hit = (await recentPosts(ctx, 'looking for the post')).find((p) => sameText(fromLittleText(p.commentary), post.text) && recentEnough(p.publishedAt ?? p.createdAt ?? 0, o.now()));
      return hit ? { platformPostId: hit.id, url: postUrl(hit.id), publishedAt: hit.publishedAt ?? hit.createdAt ?? o.now() } : null;
    },

    async deletePost(ctx, urn) {
      await li(ctx, 'DELETE', `/rest/posts/${encodeUrn(urn)}`, { headers: { 'x-restli-method': 'DELETE' }, doing: 'deleting the post' });
    },

    async fetchComments(ctx, cursor) {
      const all: Comment[] = [];
      for (const p of await recentPosts(ctx, 'listing recent posts')) {
        const { body } = await li(ctx, 'GET', `/rest/socialActions/${encodeUrn(p.id)}/comments`, { query: { count: '100' }, schema: z.object({ elements: z.array(LiComment) }), doing: 'fetching comments' });
        for (const c of body.elements) {
          if (c.actor === org(ctx)) continue; // the Page's own replies are not inbox items
          all.push({
            platformCommentId: c.commentUrn,
            platformPostId: p.id,
            kind: c.parentComment ? 'reply' : 'comment',
            authorId: c.actor,
            authorHandle: c.actor, // names need a separate People lookup that organization tokens cannot make
            authorName: null,
            text: c.message.text,
            createdAt: c.created.time,
            url: postUrl(p.id),
          });
        }
      }
      const { fresh, cursor: next } = newerThan(all, cursor);
      return { comments: fresh, cursor: next };
    },

    async reply(ctx, c, text) {
      if (!c.platformPostId) throw new PlatformError('invalid-content', 'linkedin', 'Herald does not know which post this comment belongs to, so it cannot reply on LinkedIn.');
      return comment(ctx, c.platformCommentId, c.platformPostId, text, c.platformCommentId);
    },

    async hideComment() {
      throw notSupported('linkedin', 'Hiding a comment', 'delete the comment, or leave it');
    },

    async deleteComment(ctx, c) {
      const id = /,([^,()]+)\)$/.exec(c.platformCommentId)?.[1];
      if (!c.platformPostId || !id) throw new PlatformError('invalid-content', 'linkedin', 'Herald cannot tell which LinkedIn post this comment is on, so it cannot delete it.');
      await li(ctx, 'DELETE', `/rest/socialActions/${encodeUrn(c.platformPostId)}/comments/${encodeURIComponent(id)}`, { query: { actor: org(ctx) }, doing: 'deleting the comment' });
    },

    async blockUser() {
      throw notSupported('linkedin', 'Blocking a member through LinkedIn’s API', 'delete their comments, and report the member on LinkedIn');
    },
  };
}
