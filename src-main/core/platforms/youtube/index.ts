/**
 * YouTube channels through the YouTube Data API v3 (credentials.serviceUrl e.g. https://www.googleapis.com; the
 * channel id in credentials.extra.channelId, or looked up with channels.list mine=true). Publishing is a video upload
 * by the resumable protocol ("Resumable Uploads"): POST /upload/youtube/v3/videos?uploadType=resumable with the
 * metadata opens a session (invisible, safe to repeat), then PUT of the bytes to the session URL creates the video.
 * Moderation is by status ("Comments: setModerationStatus"): hide = heldForReview, delete = rejected, block =
 * rejected with banAuthor=true. An unknown outcome is reconciled by finding the description in the uploads playlist.
 */
import { z } from 'zod';
import { PlatformError, notSupported, type CallContext, type Comment, type PlatformAdapter, type PublishRequest } from '../adapter';
import { resolveOptions, type AdapterOptions } from '../adapter-options';
import { newerThan } from '../comment-cursor';
import { recentEnough, sameText } from '../text-match';
import { YOUTUBE_CAPABILITIES } from './capabilities';
import { createYouTubeApi } from './google-api';

const V3 = '/youtube/v3';
const Snippet = z.object({ authorDisplayName: z.string().default(''), authorChannelId: z.object({ value: z.string() }).optional(), textOriginal: z.string().default(''), publishedAt: z.string(), videoId: z.string().optional(), parentId: z.string().optional() });
const YtComment = z.object({ id: z.string(), snippet: Snippet });
const Threads = z.object({ items: z.array(z.object({ id: z.string(), snippet: z.object({ videoId: z.string().optional(), topLevelComment: YtComment }), replies: z.object({ comments: z.array(YtComment) }).optional() })) });
const watchUrl = (id: string) => `https://www.youtube.com/watch?v=${id}`;

/** The token goes with the bytes, so only to the API's own origin or Google's HTTPS upload hosts. */
function trustedUploadUrl(raw: string, serviceUrl: string): boolean {
  try {
    const u = new URL(raw);
    return u.origin === new URL(serviceUrl).origin || (u.protocol === 'https:' && /(^|\.)googleapis\.com$/.test(u.hostname));
  } catch {
    return false;
  }
}

/** Title = first line (YouTube: at most 100 characters); description = the whole text (at most 5,000 bytes). */
function metadata(post: PublishRequest): { title: string; description: string } {
  if (/[<>]/.test(post.text)) throw new PlatformError('invalid-content', 'youtube', 'YouTube does not allow < or > in a video’s title or description: remove them.');
  const first = post.text.split('\n')[0]!.trim();
  if (!first) throw new PlatformError('invalid-content', 'youtube', 'A YouTube video needs a title: Herald uses the first line of the text, and it is empty.');
  if (Buffer.byteLength(post.text, 'utf8') > 5_000) throw new PlatformError('invalid-content', 'youtube', 'The text is longer than YouTube’s 5,000-byte description limit: shorten it.');
  const chars = [...first];
  return { title: chars.length > 100 ? `${chars.slice(0, 99).join('')}…` : first, description: post.text };
}

export function createYouTubeAdapter(opts?: AdapterOptions): PlatformAdapter {
  const o = resolveOptions(opts);
  const yt = createYouTubeApi(o);

  async function channel(ctx: CallContext, part: 'snippet' | 'contentDetails' = 'snippet') {
    const { body } = await yt(ctx, 'GET', `${V3}/channels`, {
      query: { part, mine: 'true' },
      schema: z.object({ items: z.array(z.object({ id: z.string(), snippet: z.object({ title: z.string() }).optional(), contentDetails: z.object({ relatedPlaylists: z.object({ uploads: z.string() }) }).optional() })).default([]) }),
      doing: 'checking the channel',
    });
    const c = body.items[0];
    if (!c) throw new PlatformError('auth-expired', 'youtube', 'This Google account has no YouTube channel. Reconnect with the account that owns the channel.');
    return c;
  }
  const channelId = async (ctx: CallContext) => ctx.credentials.extra?.channelId ?? (await channel(ctx)).id;

  async function threads(ctx: CallContext, channel: string, moderationStatus: 'published' | 'heldForReview') {
    const { body } = await yt(ctx, 'GET', `${V3}/commentThreads`, {
      query: { part: 'snippet,replies', allThreadsRelatedToChannelId: channel, maxResults: '100', order: 'time', textFormat: 'plainText', moderationStatus },
      schema: Threads,
      doing: 'fetching comments',
    });
    return body.items;
  }

  const setStatus = (ctx: CallContext, id: string, moderationStatus: 'heldForReview' | 'rejected', banAuthor = false) =>
    yt(ctx, 'POST', `${V3}/comments/setModerationStatus`, { query: { id, moderationStatus, ...(banAuthor ? { banAuthor: 'true' } : {}) }, doing: banAuthor ? 'banning the author' : 'moderating the comment' });

  async function replyTo(ctx: CallContext, commentId: string, text: string) {
    // A reply's id is "<top-level id>.<reply id>"; YouTube threads only one level deep, so reply to the top level.
    const { body } = await yt(ctx, 'POST', `${V3}/comments`, { query: { part: 'snippet' }, body: { snippet: { parentId: commentId.split('.')[0], textOriginal: text } }, schema: z.object({ id: z.string() }), doing: 'posting the reply' });
    return { platformPostId: body.id, url: null, publishedAt: o.now() };
  }

  return {
    platform: 'youtube',
    capabilities: YOUTUBE_CAPABILITIES,

    async checkHealth(ctx) {
      const c = await channel(ctx);
      return { ok: true, accountName: c.snippet?.title ?? c.id, accountId: c.id, tokenExpiresAt: ctx.credentials.expiresAt ?? null, rateLimit: null };
    },

    async publish(ctx, post) {
      if (post.inReplyTo) return replyTo(ctx, post.inReplyTo, post.text);
      if (post.thread?.length) throw notSupported('youtube', 'Posting a thread', 'upload one video per post');
      const videos = post.media.filter((m) => m.kind === 'video');
      // invalid-content, not not-supported: the channel can post, but this post must change (it needs one video).
      if (videos.length !== 1 || post.media.length !== 1) throw new PlatformError('invalid-content', 'youtube', 'A YouTube post is one video: add a video, and remove any images.');
      const video = videos[0]!;
      const { title, description } = metadata(post);
      const privacyStatus = ctx.credentials.extra?.privacyStatus ?? 'public';
      const session = await yt(ctx, 'POST', '/upload/youtube/v3/videos', {
        query: { uploadType: 'resumable', part: 'snippet,status' },
        headers: { 'x-upload-content-length': String(video.bytes.byteLength), 'x-upload-content-type': video.mimeType },
        body: { snippet: { title, description, categoryId: ctx.credentials.extra?.categoryId ?? '25' }, status: { privacyStatus, selfDeclaredMadeForKids: false } },
        doing: 'starting the upload',
        mutating: false,
      });
      const location = session.headers.get('location');
      if (!location || !trustedUploadUrl(location, ctx.credentials.serviceUrl)) throw new PlatformError('network', 'youtube', 'YouTube did not open a usable upload session; nothing has been uploaded. Herald will try again later.');
      const { body } = await yt(ctx, 'PUT', location, { body: video.bytes, headers: { 'content-type': video.mimeType }, schema: z.object({ id: z.string() }), doing: 'uploading the video' });
      return { platformPostId: body.id, url: watchUrl(body.id), publishedAt: o.now() };
    },

    async findPublished(ctx, post) {
      const uploads = (await channel(ctx, 'contentDetails')).contentDetails?.relatedPlaylists.uploads;
      if (!uploads) return null;
      const { body } = await yt(ctx, 'GET', `${V3}/playlistItems`, {
        query: { part: 'snippet', playlistId: uploads, maxResults: '25' },
        schema: z.object({ items: z.array(z.object({ snippet: z.object({ description: z.string().default(''), publishedAt: z.string(), resourceId: z.object({ videoId: z.string() }) }) })) }),
        doing: 'looking for the video',
      });
      const hit = body.items.find((i) => sameText(i.snippet.description, post.text) && recentEnough(Date.parse(i.snippet.publishedAt), o.now()));
      return hit ? { platformPostId: hit.snippet.resourceId.videoId, url: watchUrl(hit.snippet.resourceId.videoId), publishedAt: Date.parse(hit.snippet.publishedAt) } : null;
    },

    async deletePost(ctx, id) {
      await yt(ctx, 'DELETE', `${V3}/videos`, { query: { id }, doing: 'deleting the video' });
    },

    async fetchComments(ctx, cursor) {
      const own = await channelId(ctx);
      const all: Comment[] = [];
      for (const status of ['published', 'heldForReview'] as const) {
        for (const t of await threads(ctx, own, status)) {
          const videoId = t.snippet.videoId ?? t.snippet.topLevelComment.snippet.videoId ?? null;
          for (const [c, kind] of [[t.snippet.topLevelComment, 'comment'], ...(t.replies?.comments ?? []).map((r) => [r, 'reply'])] as Array<[z.infer<typeof YtComment>, Comment['kind']]>) {
            if (c.snippet.authorChannelId?.value === own) continue; // the channel's own replies are not inbox items
            all.push({
              platformCommentId: c.id,
              platformPostId: videoId,
              kind,
              authorId: c.snippet.authorChannelId?.value ?? 'unknown',
              authorHandle: c.snippet.authorDisplayName,
              authorName: c.snippet.authorDisplayName || null,
              text: c.snippet.textOriginal,
              createdAt: Date.parse(c.snippet.publishedAt),
              url: videoId ? `${watchUrl(videoId)}&lc=${c.id}` : null,
              hidden: status === 'heldForReview',
            });
          }
        }
      }
      const { fresh, cursor: next } = newerThan(all, cursor);
      return { comments: fresh, cursor: next };
    },

    reply: (ctx, comment, text) => replyTo(ctx, comment.platformCommentId, text),

    async hideComment(ctx, comment) {
      await setStatus(ctx, comment.platformCommentId, 'heldForReview');
    },

    async deleteComment(ctx, comment) {
      // comments.delete works only for the comment's author; anyone else's comment is removed by rejecting it.
      if (comment.authorId === (await channelId(ctx))) await yt(ctx, 'DELETE', `${V3}/comments`, { query: { id: comment.platformCommentId }, doing: 'deleting the comment' });
      else await setStatus(ctx, comment.platformCommentId, 'rejected');
    },

    async blockUser(ctx, authorId) {
      // YouTube bans through a comment: reject the author's latest one with banAuthor=true.
      const latest = (await threads(ctx, await channelId(ctx), 'published'))
        .flatMap((t) => [t.snippet.topLevelComment, ...(t.replies?.comments ?? [])])
        .filter((c) => c.snippet.authorChannelId?.value === authorId)
        .sort((a, b) => Date.parse(b.snippet.publishedAt) - Date.parse(a.snippet.publishedAt))[0];
      if (!latest) throw notSupported('youtube', 'Banning someone with no recent comment on the channel', 'YouTube bans a person through one of their comments; ban them in YouTube Studio instead');
      await setStatus(ctx, latest.id, 'rejected', true);
    },
  };
}
