/**
 * TikTok through the Content Posting API, Direct Post (credentials.serviceUrl e.g. https://open.tiktokapis.com).
 * Publishing ("Direct Post", "Photo Post", "Media Transfer Guide", "Get Post Status"):
 *  1. POST /v2/post/publish/creator_info/query/ — the audiences this account may post to, and its comment, duet and
 *     stitch settings, which a post must respect;
 *  2. POST /v2/post/publish/video/init/ (PULL_FROM_URL from a verified domain, or FILE_UPLOAD then PUT the bytes in
 *     chunks with Content-Range) or /v2/post/publish/content/init/ for photos (PULL_FROM_URL only);
 *  3. POST /v2/post/publish/status/fetch/ until PUBLISH_COMPLETE or FAILED.
 * Step 2 is the point of no return: after it, a lost answer is an unknown outcome, and TikTok offers no way to look a
 * post up (idempotency 'none'), so a person checks the TikTok app. Comments, deletion and blocking have no endpoints.
 */
import { z } from 'zod';
import { PlatformError, notSupported, type CallContext, type PlatformAdapter, type PublishRequest } from '../adapter';
import { resolveOptions, sleep, type AdapterOptions } from '../adapter-options';
import { TIKTOK_CAPABILITIES } from './capabilities';
import { createTikTokApi, envelope } from './open-api';

const Creator = z.object({ creator_username: z.string(), privacy_level_options: z.array(z.string()), comment_disabled: z.boolean().default(false), duet_disabled: z.boolean().default(false), stitch_disabled: z.boolean().default(false) });
const Status = z.object({ status: z.string(), fail_reason: z.string().optional(), publicaly_available_post_id: z.array(z.string()).optional() });
const CHUNK = 10 * 1024 * 1024;
const SINGLE_CHUNK_MAX = 64 * 1024 * 1024;

/** Media Transfer Guide: one chunk up to 64 MB; otherwise 10 MB chunks, the last taking the remainder. */
function chunks(size: number): Array<[number, number]> {
  if (size <= SINGLE_CHUNK_MAX) return [[0, size]];
  const count = Math.floor(size / CHUNK);
  return Array.from({ length: count }, (_, i) => [i * CHUNK, i === count - 1 ? size : (i + 1) * CHUNK] as [number, number]);
}

export function createTikTokAdapter(opts?: AdapterOptions): PlatformAdapter {
  const o = resolveOptions(opts);
  const tt = createTikTokApi(o);
  const none = (what: string, instead: string) => async () => {
    throw notSupported('tiktok', what, instead);
  };

  async function init(ctx: CallContext, post: PublishRequest, creator: z.infer<typeof Creator>, privacy: string): Promise<string> {
    const settings = { privacy_level: privacy, disable_comment: creator.comment_disabled, brand_content_toggle: false, brand_organic_toggle: false };
    const video = post.media[0]!;
    if (video.kind === 'video') {
      if ([...post.text].length > 2200) throw new PlatformError('invalid-content', 'tiktok', 'A TikTok caption can be at most 2,200 characters.');
      const source = video.publicUrl
        ? { source: 'PULL_FROM_URL', video_url: video.publicUrl }
        : { source: 'FILE_UPLOAD', video_size: video.bytes.byteLength, chunk_size: chunks(video.bytes.byteLength)[0]![1], total_chunk_count: chunks(video.bytes.byteLength).length };
      const { body } = await tt(ctx, 'POST', '/v2/post/publish/video/init/', {
        body: { post_info: { title: post.text, ...settings, disable_duet: creator.duet_disabled, disable_stitch: creator.stitch_disabled }, source_info: source },
        schema: envelope(z.object({ publish_id: z.string(), upload_url: z.string().optional() })),
        doing: 'starting the TikTok post',
      });
      if (!video.publicUrl) {
        if (!body.data.upload_url) throw new PlatformError('unknown-outcome', 'tiktok', 'TikTok started the post but gave no upload address. Check the TikTok app before trying again.');
        for (const [start, end] of chunks(video.bytes.byteLength)) {
          await tt(ctx, 'PUT', body.data.upload_url, { auth: false, body: video.bytes.subarray(start, end), headers: { 'content-type': video.mimeType, 'content-range': `bytes ${start}-${end - 1}/${video.bytes.byteLength}` }, doing: 'uploading the video' });
        }
      }
      return body.data.publish_id;
    }
    // Photo posts: PULL_FROM_URL only, JPEG or WebP only; the first line is the title (90), the text the description.
    if (post.media.some((m) => m.kind !== 'image' || !/^image\/(jpeg|webp)$/.test(m.mimeType))) throw new PlatformError('invalid-content', 'tiktok', 'TikTok photo posts take JPEG or WebP images only (no PNG), and cannot mix photos with a video.');
    if (post.media.some((m) => !m.publicUrl)) throw new PlatformError('invalid-content', 'tiktok', 'TikTok fetches photos from a public web address on a verified domain, and this photo has none.');
    if ([...post.text].length > 4000) throw new PlatformError('invalid-content', 'tiktok', 'A TikTok photo description can be at most 4,000 characters.');
    const title = [...(post.text.split('\n')[0] ?? '')].slice(0, 90).join('');
    const { body } = await tt(ctx, 'POST', '/v2/post/publish/content/init/', {
      body: { post_info: { title, description: post.text, ...settings }, source_info: { source: 'PULL_FROM_URL', photo_cover_index: 0, photo_images: post.media.map((m) => m.publicUrl) }, post_mode: 'DIRECT_POST', media_type: 'PHOTO' },
      schema: envelope(z.object({ publish_id: z.string() })),
      doing: 'starting the TikTok post',
    });
    return body.data.publish_id;
  }

  return {
    platform: 'tiktok',
    capabilities: TIKTOK_CAPABILITIES,

    async checkHealth(ctx) {
      const { body } = await tt(ctx, 'GET', '/v2/user/info/?fields=open_id,display_name', { schema: envelope(z.object({ user: z.object({ open_id: z.string(), display_name: z.string() }) })), doing: 'checking the account' });
      return { ok: true, accountName: body.data.user.display_name, accountId: body.data.user.open_id, tokenExpiresAt: ctx.credentials.expiresAt ?? null, rateLimit: null };
    },

    async publish(ctx, post) {
      if (post.inReplyTo) throw notSupported('tiktok', 'Replying through TikTok’s API', 'reply in the TikTok app');
      if (post.thread?.length) throw notSupported('tiktok', 'Posting a thread', 'publish separate posts');
      // invalid-content, not not-supported: the account can post, but this post must change (add a video or photos).
      if (post.media.length === 0) throw new PlatformError('invalid-content', 'tiktok', 'TikTok has no text-only posts: add a video or photos.');
      if (post.media[0]!.kind === 'video' && post.media.length > 1) throw new PlatformError('invalid-content', 'tiktok', 'A TikTok post is one video, or photos on their own.');

      const { body: info } = await tt(ctx, 'POST', '/v2/post/publish/creator_info/query/', { schema: envelope(Creator), doing: 'reading the account’s posting settings', mutating: false });
      const creator = info.data;
      const privacy = ctx.credentials.extra?.privacyLevel ?? 'PUBLIC_TO_EVERYONE';
      if (!creator.privacy_level_options.includes(privacy)) {
        throw new PlatformError('invalid-content', 'tiktok', `This TikTok account cannot post to ${privacy}; it allows ${creator.privacy_level_options.join(', ') || 'no audience'}. Until TikTok audits Herald’s app, only private posts are possible.`);
      }
      const publishId = await init(ctx, post, creator, privacy);

      // From here the post exists at TikTok. Failing to read its status must not look like "it never happened".
      const pending = { platformPostId: publishId, url: null, publishedAt: o.now() };
      for (let i = 0; i < o.maxPolls; i++) {
        let status: z.infer<typeof Status>;
        try {
          status = (await tt(ctx, 'POST', '/v2/post/publish/status/fetch/', { body: { publish_id: publishId }, schema: envelope(Status), doing: 'checking the TikTok post', mutating: false })).body.data;
        } catch (e) {
          const why = e instanceof PlatformError ? ` ${e.message}` : '';
          throw new PlatformError('unknown-outcome', 'tiktok', `TikTok accepted the post (publish id ${publishId}) but Herald could not confirm it. Check the TikTok app before trying again.${why}`);
        }
        if (status.status === 'FAILED') throw new PlatformError('invalid-content', 'tiktok', `TikTok could not publish this (${status.fail_reason ?? 'no reason given'}). Check the video’s format, length and size.`);
        if (status.status === 'PUBLISH_COMPLETE') {
          const id = status.publicaly_available_post_id?.[0];
          // Private (SELF_ONLY) posts never get a public id: keep TikTok's publish id.
          if (!id) return pending;
          const kind = post.media[0]!.kind === 'video' ? 'video' : 'photo';
          return { platformPostId: id, url: `https://www.tiktok.com/@${creator.creator_username}/${kind}/${id}`, publishedAt: o.now() };
        }
        if (i < o.maxPolls - 1) await sleep(o.pollIntervalMs, ctx.signal);
      }
      return pending; // still in TikTok's processing or moderation: it will appear later
    },

    async findPublished() {
      throw new PlatformError('not-supported', 'tiktok', 'TikTok offers no way to look a post up after an interrupted publish. Check the TikTok app: if the post is there, mark it published; if not, try again.');
    },

    deletePost: none('Deleting a post through TikTok’s API', 'delete it in the TikTok app'),
    fetchComments: none('Reading comments through TikTok’s API', 'read and moderate comments in the TikTok app'),
    reply: none('Replying to comments through TikTok’s API', 'reply in the TikTok app'),
    hideComment: none('Hiding comments through TikTok’s API', 'hide them in the TikTok app'),
    deleteComment: none('Deleting comments through TikTok’s API', 'delete them in the TikTok app'),
    blockUser: none('Blocking accounts through TikTok’s API', 'block them in the TikTok app'),
  };
}
