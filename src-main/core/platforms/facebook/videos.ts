/**
 * Video on a Facebook Page through the Graph API. Doc pages (developers.facebook.com):
 *  - "Uploading Videos with the Graph API" (/docs/graph-api/video-uploads): videos are published to
 *    graph-video.facebook.com, not graph.facebook.com; the non-resumable upload sends the whole file as the multipart
 *    `source` of one request and takes videos up to 1 GB and 20 minutes long. (The resumable start/transfer/finish
 *    phases reach further; Herald does not need them while its limit is the non-resumable one.)
 *  - "Page Videos" (/docs/graph-api/reference/page/videos, POST /{page-id}/videos): `description` is the text of the
 *    post (there is no `message` on this edge), `title` is optional, and the answer is the new video's `id`.
 * The one request both uploads and publishes, so it is the publish itself: a lost answer is unknown-outcome and is
 * reconciled like any post, by finding its text (the description) among the Page's recent posts.
 */
import { z } from 'zod';
import type { CallContext, MediaItem } from '../adapter';
import type { ResolvedOptions } from '../adapter-options';
import { createGraph } from '../meta/graph';

/** What Facebook takes through Herald, for messages and notes. */
export const FACEBOOK_VIDEO_RULES = 'Herald sends a Facebook video in one upload, which Facebook limits to 1 GB and 20 minutes';

/**
 * The slowest upload Herald plans for: 250 KB/s, a 2 Mbit/s office uplink. The request's time limit grows with the
 * file at this rate, so a large video is not cut off (and left unknown) by the limit meant for small JSON calls.
 */
const UPLOAD_BYTES_PER_SECOND = 250_000;

const FILE_NAMES: Record<string, string> = { 'video/mp4': 'video.mp4', 'video/quicktime': 'video.mov' };

/** graph.facebook.com/vXX.X becomes graph-video.facebook.com/vXX.X; any other address (a test fake) is kept. */
export function videoServiceUrl(serviceUrl: string): string {
  const u = new URL(serviceUrl);
  if (u.hostname === 'graph.facebook.com') u.hostname = 'graph-video.facebook.com';
  return u.toString().replace(/\/+$/, '');
}

export function uploadTimeoutMs(bytes: number, baseMs: number): number {
  return baseMs + Math.ceil((bytes / UPLOAD_BYTES_PER_SECOND) * 1000);
}

/** Uploads and publishes one video post on the Page; returns the new video's id. */
export async function publishFacebookVideo(o: ResolvedOptions, ctx: CallContext, pageId: string, text: string, video: MediaItem): Promise<string> {
  const graph = createGraph('facebook', { ...o, timeoutMs: uploadTimeoutMs(video.bytes.length, o.timeoutMs) });
  const form = new FormData();
  form.set('source', new Blob([video.bytes as BlobPart], { type: video.mimeType }), FILE_NAMES[video.mimeType] ?? 'video');
  form.set('description', text);
  const { body } = await graph.post(ctx, `${videoServiceUrl(ctx.credentials.serviceUrl)}/${pageId}/videos`, { body: form, schema: z.object({ id: z.string() }), doing: 'publishing the video post' });
  return body.id;
}
