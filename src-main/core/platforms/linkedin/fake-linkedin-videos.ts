/**
 * The Videos API half of the LinkedIn fake (fake-linkedin.ts), written from Microsoft Learn, LinkedIn Marketing,
 * "Videos API". initializeUpload checks `initializeUploadRequest` (owner and fileSizeBytes required; uploadCaptions and
 * uploadThumbnail booleans; unknown fields → 422; another owner → 403) and splits the file into parts of `partBytes`
 * (4 MB, as LinkedIn does), each with its own upload address and inclusive byte range. Each part's PUT must be
 * application/octet-stream and exactly that part's length; it answers with the part's ETag. finalizeUpload must bring
 * back the video, its uploadToken and every part's ETag in part order, and only after every part arrived. The video
 * then processes: PROCESSING for `processingPolls` status reads, then AVAILABLE (or PROCESSING_FAILED); a post may name
 * it only once it is AVAILABLE.
 */
import type { Reply } from '../testing/fault-server';

export type FakeVideoPart = { firstByte: number; lastByte: number; etag: string; received: string | null };
export type FakeVideo = {
  owner: string;
  fileSizeBytes: number;
  uploadToken: string;
  parts: FakeVideoPart[];
  status: 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';
  /** Status reads left that still answer PROCESSING. */
  pollsLeft: number;
};
/** How the fake treats the next videos; change it in place to shape a test. */
export type FakeVideoSettings = { partBytes: number; processingPolls: number; processingFails: boolean };

const VIDEO_INIT_FIELDS = new Set(['owner', 'fileSizeBytes', 'uploadCaptions', 'uploadThumbnail']);
const VIDEO_FINALIZE_FIELDS = new Set(['video', 'uploadToken', 'uploadedPartIds']);
/** The Videos API's part size: 4 MB. */
export const VIDEO_PART_BYTES = 4 * 1024 * 1024;
const MAX_VIDEO_BYTES = 5 * 1024 ** 3;

const json = (body: unknown, status = 200): Reply => ({ status, body: JSON.stringify(body) });
const err = (status: number, message: string, code?: string): Reply => json({ status, ...(code ? { code } : {}), message }, status);
const FORBIDDEN = 'Accessing this video resource is forbidden. Please check your permissions for this resource';

export type FakeVideos = ReturnType<typeof createFakeVideos>;

/** The videos `orgUrn` owns; `nextId` gives each a fresh number. */
export function createFakeVideos(orgUrn: string, nextId: () => string, initial: Partial<FakeVideoSettings> = {}) {
  const videos = new Map<string, FakeVideo>();
  const settings: FakeVideoSettings = { partBytes: VIDEO_PART_BYTES, processingPolls: 0, processingFails: false, ...initial };

  /** Videos API initializeUpload: check the request's shape, then hand out one upload address per part. */
  function initialize(body: Record<string, unknown>, host: string): Reply {
    const r = body.initializeUploadRequest as Record<string, unknown> | undefined;
    if (!r || typeof r !== 'object') return err(422, 'ERROR :: /initializeUploadRequest :: field is required but not found and has no default value');
    const errors = [
      ...Object.keys(body).filter((k) => k !== 'initializeUploadRequest').map((k) => `ERROR :: /${k} :: unrecognized field found but not allowed`),
      ...Object.keys(r).filter((k) => !VIDEO_INIT_FIELDS.has(k)).map((k) => `ERROR :: /initializeUploadRequest/${k} :: unrecognized field found but not allowed`),
      ...['owner', 'fileSizeBytes'].filter((k) => r[k] === undefined).map((k) => `ERROR :: /initializeUploadRequest/${k} :: field is required but not found and has no default value`),
      ...(r.fileSizeBytes !== undefined && !(Number.isSafeInteger(r.fileSizeBytes) && Number(r.fileSizeBytes) > 0) ? ['ERROR :: /initializeUploadRequest/fileSizeBytes :: must be a positive long'] : []),
      ...['uploadCaptions', 'uploadThumbnail'].filter((k) => r[k] !== undefined && typeof r[k] !== 'boolean').map((k) => `ERROR :: /initializeUploadRequest/${k} :: must be a boolean`),
    ];
    if (errors.length) return err(422, errors.join('\n'));
    if (r.owner !== orgUrn) return err(403, FORBIDDEN);
    const size = Number(r.fileSizeBytes);
    if (size > MAX_VIDEO_BYTES) return err(400, 'Maximum allowed Videos size is 5GB', 'INVALID_ARGUMENT');
    const n = nextId();
    const video = `urn:li:video:C5F10AQ${n}`;
    const parts: FakeVideoPart[] = [];
    for (let first = 0; first < size; first += settings.partBytes) parts.push({ firstByte: first, lastByte: Math.min(first + settings.partBytes, size) - 1, etag: `/ambry-video/signedId/${n}-${parts.length + 1}`, received: null });
    const uploadToken = parts.length > 1 ? `upload-token-${n}` : '';
    videos.set(video, { owner: orgUrn, fileSizeBytes: size, uploadToken, parts, status: 'WAITING_UPLOAD', pollsLeft: 0 });
    const uploadInstructions = parts.map((p, i) => ({ uploadUrl: `http://${host}/video-upload/${encodeURIComponent(video)}/${i}`, firstByte: p.firstByte, lastByte: p.lastByte }));
    return json({ value: { uploadUrlsExpireAt: Date.now() + 86_400_000, video, uploadInstructions, uploadToken } });
  }

  /** One part's PUT: the right type, exactly the part's bytes; the answer's ETag names the part. */
  function uploadPart(url: URL, h: Record<string, string | string[] | undefined>, bodyText: string): Reply {
    const [, , encoded, index] = url.pathname.split('/');
    const video = videos.get(decodeURIComponent(encoded ?? ''));
    const part = video?.parts[Number(index)];
    if (!video || !part) return err(404, 'Upload URL not found');
    if (video.status !== 'WAITING_UPLOAD') return err(400, `Video is ${video.status}, not waiting for an upload`);
    if (h['content-type'] !== 'application/octet-stream') return err(400, `Video parts must be sent as application/octet-stream, not ${String(h['content-type'])}`);
    const expected = part.lastByte - part.firstByte + 1;
    if (Number(h['content-length']) !== expected) return err(400, `This part is bytes ${part.firstByte}-${part.lastByte} (${expected} bytes), but ${String(h['content-length'] ?? 'an unknown number of')} bytes arrived`);
    part.received = bodyText;
    return { status: 200, headers: { etag: part.etag }, body: '' };
  }

  /** finalizeUpload: the right token, every part uploaded, and the ETags in the parts' order. */
  function finalize(body: Record<string, unknown>): Reply {
    const r = body.finalizeUploadRequest as Record<string, unknown> | undefined;
    if (!r || typeof r !== 'object') return err(422, 'ERROR :: /finalizeUploadRequest :: field is required but not found and has no default value');
    const errors = [
      ...Object.keys(body).filter((k) => k !== 'finalizeUploadRequest').map((k) => `ERROR :: /${k} :: unrecognized field found but not allowed`),
      ...Object.keys(r).filter((k) => !VIDEO_FINALIZE_FIELDS.has(k)).map((k) => `ERROR :: /finalizeUploadRequest/${k} :: unrecognized field found but not allowed`),
      ...[...VIDEO_FINALIZE_FIELDS].filter((k) => r[k] === undefined).map((k) => `ERROR :: /finalizeUploadRequest/${k} :: field is required but not found and has no default value`),
    ];
    if (errors.length) return err(422, errors.join('\n'));
    const video = videos.get(String(r.video));
    if (!video) return err(404, `Video ${String(r.video)} not found`, 'NOT_FOUND');
    if (video.owner !== orgUrn) return err(403, FORBIDDEN);
    if (video.status !== 'WAITING_UPLOAD') return err(400, `Video is ${video.status}, not waiting for an upload`);
    if (r.uploadToken !== video.uploadToken) return err(400, 'The uploadToken does not match this upload', 'INVALID_ARGUMENT');
    const missing = video.parts.findIndex((p) => p.received === null);
    if (missing >= 0) return err(400, `Part ${missing + 1} of ${video.parts.length} was never uploaded`, 'INVALID_ARGUMENT');
    const ids = r.uploadedPartIds;
    if (!Array.isArray(ids) || ids.length !== video.parts.length || ids.some((id, i) => id !== video.parts[i]!.etag)) {
      return err(400, 'uploadedPartIds must list the ETag of every part, in the order of the parts', 'INVALID_ARGUMENT');
    }
    video.pollsLeft = settings.processingPolls;
    video.status = video.pollsLeft > 0 ? 'PROCESSING' : settings.processingFails ? 'PROCESSING_FAILED' : 'AVAILABLE';
    return { status: 200, body: '' };
  }

  /** GET /rest/videos/{urn}: each read while PROCESSING brings processing one step nearer its end. */
  function read(urn: string): Reply {
    const video = videos.get(urn);
    if (!video || video.owner !== orgUrn) return err(404, `Video ${urn} not found`, 'NOT_FOUND');
    if (video.status === 'PROCESSING') {
      if (video.pollsLeft > 0) video.pollsLeft--;
      else video.status = settings.processingFails ? 'PROCESSING_FAILED' : 'AVAILABLE';
    }
    return json({ id: urn, owner: video.owner, status: video.status, duration: 12_000, aspectRatioWidth: 16, aspectRatioHeight: 9 });
  }

  /** Why a post may not name this video yet, or null when it may. */
  function notUsable(urn: string): string | null {
    const video = videos.get(urn);
    return video?.status === 'AVAILABLE' && video.owner === orgUrn ? null : `Video ${urn} is not available for this author (status ${video?.status ?? 'NOT_FOUND'})`;
  }

  return { videos, settings, initialize, uploadPart, finalize, read, notUsable };
}
