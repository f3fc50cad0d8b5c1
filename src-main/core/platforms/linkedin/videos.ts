/**
 * Video for a LinkedIn organization Page, through the Videos API (Microsoft Learn, LinkedIn Marketing, Community
 * Management, "Videos API", which replaces the Assets API for video):
 *  1. POST /rest/videos?action=initializeUpload with `initializeUploadRequest {owner, fileSizeBytes, uploadCaptions,
 *     uploadThumbnail}` answers `value {video, uploadToken, uploadUrlsExpireAt, uploadInstructions}`. Each upload
 *     instruction is one part: `uploadUrl` and the inclusive byte range `firstByte`..`lastByte`. A video over 4 MB comes
 *     back as several 4 MB parts (the last one shorter), each with its own address.
 *  2. PUT each part's bytes as application/octet-stream to its address; each answer carries an `ETag` header, which is
 *     the part's id.
 *  3. POST /rest/videos?action=finalizeUpload with `finalizeUploadRequest {video, uploadToken, uploadedPartIds}`: the
 *     ETags, in the order of the parts.
 *  4. LinkedIn then processes the video: GET /rest/videos/{urn} reports `status` PROCESSING, then AVAILABLE (or
 *     PROCESSING_FAILED). Herald waits for AVAILABLE before the post names the video, so nobody sees a broken post.
 * The post itself carries the video as "Posts API" `content.media {id: <video URN>}` (`title` is optional; Herald has
 * no title for a video, so it sends none). None of the steps here shows anything to anyone, so each failure is a plain
 * `network` or `invalid-content`, never `unknown-outcome`: the scheduler may simply start again with a fresh upload.
 */
import { z } from 'zod';
import { PlatformError, type CallContext, type MediaItem } from '../adapter';
import { sleep, type ResolvedOptions } from '../adapter-options';
import { encodeUrn, trustedUploadUrl, type createLinkedIn } from './rest';

type LinkedIn = ReturnType<typeof createLinkedIn>;
type Part = { uploadUrl: string; firstByte: number; lastByte: number };

const InitializedUpload = z.object({
  value: z.object({
    video: z.string().regex(/^urn:li:video:/),
    // Empty for a single-part upload, but finalizeUpload still wants it back.
    uploadToken: z.string().default(''),
    uploadInstructions: z.array(z.object({ uploadUrl: z.string(), firstByte: z.number().int().nonnegative(), lastByte: z.number().int().nonnegative() })).min(1),
  }),
});
const VideoStatus = z.object({ status: z.string() });

/** What LinkedIn accepts for video (Videos API, "Video File Size Specifications"), for messages. */
export const LINKEDIN_VIDEO_RULES = 'LinkedIn takes MP4 video from 3 seconds to 30 minutes long and from 75 KB to 500 MB';

const nothingPosted = (why: string) => new PlatformError('network', 'linkedin', `${why} Nothing was posted; Herald will try again later.`);

/** Uploads one video owned by `owner` and waits until LinkedIn can show it; returns its URN for content.media. */
export async function uploadLinkedInVideo(li: LinkedIn, ctx: CallContext, owner: string, video: MediaItem, o: ResolvedOptions): Promise<string> {
  const upload = await initializeVideoUpload(li, ctx, owner, video.bytes.length);
  const parts = checkedParts(upload.uploadInstructions, video.bytes.length, ctx.credentials.serviceUrl);
  const uploadedPartIds: string[] = [];
  for (const [i, part] of parts.entries()) uploadedPartIds.push(await uploadPart(li, ctx, part, video.bytes, parts.length > 1 ? ` (part ${i + 1} of ${parts.length})` : ''));
  await finalizeVideoUpload(li, ctx, { video: upload.video, uploadToken: upload.uploadToken, uploadedPartIds });
  await waitUntilAvailable(li, ctx, upload.video, o);
  return upload.video;
}

async function initializeVideoUpload(li: LinkedIn, ctx: CallContext, owner: string, fileSizeBytes: number) {
  const { body } = await li(ctx, 'POST', '/rest/videos', {
    query: { action: 'initializeUpload' },
    // Herald has no captions file or thumbnail to send; LinkedIn picks a thumbnail itself.
    body: { initializeUploadRequest: { owner, fileSizeBytes, uploadCaptions: false, uploadThumbnail: false } },
    schema: InitializedUpload,
    doing: 'preparing the video upload',
    mutating: false,
  });
  return body.value;
}

/**
 * The parts in byte order, checked before a byte is sent: together they must cover the whole file exactly once, and
 * every address must be one the token may go to.
 */
function checkedParts(instructions: Part[], size: number, serviceUrl: string): Part[] {
  const parts = [...instructions].sort((a, b) => a.firstByte - b.firstByte);
  let next = 0;
  for (const p of parts) {
    if (p.firstByte !== next || p.lastByte < p.firstByte) break;
    next = p.lastByte + 1;
  }
  if (next !== size) throw nothingPosted('LinkedIn’s upload instructions did not cover the whole video.');
  if (!parts.every((p) => trustedUploadUrl(p.uploadUrl, serviceUrl))) throw nothingPosted('LinkedIn offered an upload address Herald does not trust.');
  return parts;
}

/** PUTs one part and returns its ETag, which finalizeUpload needs: without it the upload cannot be finished. */
async function uploadPart(li: LinkedIn, ctx: CallContext, part: Part, bytes: Uint8Array, which: string): Promise<string> {
  const res = await li(ctx, 'PUT', part.uploadUrl, {
    body: bytes.subarray(part.firstByte, part.lastByte + 1),
    headers: { 'content-type': 'application/octet-stream' },
    doing: `uploading the video${which}`,
    mutating: false,
  });
  const etag = res.headers.get('etag');
  if (!etag) throw nothingPosted(`LinkedIn did not confirm the video upload${which}: its answer had no ETag.`);
  return etag;
}

async function finalizeVideoUpload(li: LinkedIn, ctx: CallContext, finalizeUploadRequest: { video: string; uploadToken: string; uploadedPartIds: string[] }) {
  await li(ctx, 'POST', '/rest/videos', { query: { action: 'finalizeUpload' }, body: { finalizeUploadRequest }, doing: 'finishing the video upload', mutating: false });
}

async function waitUntilAvailable(li: LinkedIn, ctx: CallContext, urn: string, o: ResolvedOptions): Promise<void> {
  for (let i = 0; i < o.maxPolls; i++) {
    const { body } = await li(ctx, 'GET', `/rest/videos/${encodeUrn(urn)}`, { schema: VideoStatus, doing: 'waiting for LinkedIn to process the video' });
    if (body.status === 'AVAILABLE') return;
    if (body.status === 'PROCESSING_FAILED') throw new PlatformError('invalid-content', 'linkedin', `LinkedIn could not process this video, so nothing was posted. ${LINKEDIN_VIDEO_RULES}.`);
    if (i < o.maxPolls - 1) await sleep(o.pollIntervalMs, ctx.signal);
  }
  throw nothingPosted('LinkedIn is still processing the video.');
}
