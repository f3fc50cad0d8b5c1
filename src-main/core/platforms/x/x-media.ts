/**
 * Media for X posts through the v2 media endpoints in the OpenAPI document (the v1.1 upload.twitter.com endpoint is
 * not in it and is being retired): https://docs.x.com/x-api/media/introduction
 *  - a still image: one request, POST /2/media/upload (multipart: media, media_category=tweet_image);
 *  - a video or GIF: the chunked flow, which the simple upload does not accept: POST /2/media/upload/initialize,
 *    POST /2/media/upload/:id/append per chunk, POST /2/media/upload/:id/finalize, then
 *    GET /2/media/upload?command=STATUS until processing has succeeded;
 *  - alt text: POST /2/media/metadata with metadata.alt_text.text.
 * None of these is `mutating` for http.ts: until the post is created nothing is published, and an unused upload
 * expires by itself (expires_after_secs), so any failure here is safe to retry as it is.
 */
import { PlatformError, type CallContext, type MediaItem } from '../adapter';
import { sleep, type ResolvedOptions } from '../adapter-options';
import type { HttpRequest, HttpResponse } from '../http';
import { MediaSchema, UploadSessionSchema } from './schemas';

export type XCall = <T>(ctx: CallContext, path: string, req: Omit<HttpRequest<T>, 'url'>) => Promise<HttpResponse<T>>;

/** Under X's per-append limit (https://docs.x.com/x-api/media/quickstart/media-upload-chunked). */
const CHUNK_BYTES = 4 * 1024 * 1024;

export async function uploadMedia(call: XCall, ctx: CallContext, item: MediaItem, opts: ResolvedOptions): Promise<string> {
  const chunked = item.kind === 'video' || item.mimeType === 'image/gif';
  const id = chunked ? await uploadChunked(call, ctx, item, opts) : await uploadImage(call, ctx, item);
  if (item.alt) {
    await call(ctx, '/2/media/metadata', {
      method: 'POST',
      body: { id, metadata: { alt_text: { text: item.alt } } },
      mutating: false,
      doing: 'adding alt text',
    });
  }
  return id;
}

const blob = (bytes: Uint8Array, type: string) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });

async function uploadImage(call: XCall, ctx: CallContext, item: MediaItem): Promise<string> {
  const form = new FormData();
  form.append('media', blob(item.bytes, item.mimeType), 'image');
  form.append('media_category', 'tweet_image');
  const res = await call(ctx, '/2/media/upload', { method: 'POST', body: form, schema: MediaSchema, mutating: false, doing: 'uploading an image' });
  return res.body.data.id;
}

async function uploadChunked(call: XCall, ctx: CallContext, item: MediaItem, opts: ResolvedOptions): Promise<string> {
  const category = item.kind === 'video' ? 'tweet_video' : 'tweet_gif';
  const doing = item.kind === 'video' ? 'uploading a video' : 'uploading a GIF';
  const init = await call(ctx, '/2/media/upload/initialize', {
    method: 'POST',
    body: { media_type: item.mimeType, media_category: category, total_bytes: item.bytes.length },
    schema: UploadSessionSchema,
    mutating: false,
    doing,
  });
  const id = init.body.data.id;
  const path = `/2/media/upload/${encodeURIComponent(id)}`;
  for (let offset = 0, index = 0; offset < item.bytes.length; offset += CHUNK_BYTES, index++) {
    const form = new FormData();
    form.append('media', blob(item.bytes.subarray(offset, offset + CHUNK_BYTES), 'application/octet-stream'), 'chunk');
    form.append('segment_index', String(index));
    await call(ctx, `${path}/append`, { method: 'POST', body: form, mutating: false, doing });
  }
  let info = (await call(ctx, `${path}/finalize`, { method: 'POST', schema: MediaSchema, mutating: false, doing })).body.data.processing_info;
  for (let polls = 0; info && (info.state === 'pending' || info.state === 'in_progress'); polls++) {
    if (polls >= opts.maxPolls) throw new PlatformError('network', 'x', 'X is still processing the video. Nothing was posted; Herald will try again later.');
    await sleep(info.check_after_secs ? info.check_after_secs * 1000 : opts.pollIntervalMs, ctx.signal);
    const q = new URLSearchParams({ command: 'STATUS', media_id: id });
    info = (await call(ctx, `/2/media/upload?${q}`, { schema: MediaSchema, doing: 'waiting for X to process the video' })).body.data.processing_info;
  }
  if (info?.state === 'failed') {
    throw new PlatformError('invalid-content', 'x', 'X could not process this video: it may be too long (140 seconds for most accounts) or in a format X does not take. Nothing was posted.');
  }
  return id;
}
