/**
 * A loopback TikTok API v2 for one creator, written from TikTok for Developers' "Content Posting API" pages (Query
 * Creator Info, Direct Post, Photo Post, Media Transfer Guide, Get Post Status), "Get User Info" and "Error Handling".
 * It answers in TikTok's envelope `{data, error:{code,message,log_id}}` and enforces: the audience must be one the
 * creator allows (unaudited apps: SELF_ONLY only), PULL_FROM_URL only from a verified domain (403
 * url_ownership_unverified), FILE_UPLOAD sizes that follow the chunk rules and bytes sent in order with
 * Content-Range, photo posts of 1-35 images with title ≤ 90 and description ≤ 4,000, a daily post cap (403
 * spam_risk_too_many_posts), and post ids sent as bare 64-bit integers under TikTok's own spelling
 * `publicaly_available_post_id`, exactly as JavaScript cannot parse them safely.
 */
import type { Reply, Route } from '../testing/fault-server';
import { startFaultServer, type FaultServer } from '../testing/fault-server';

type Publish = { id: string; kind: 'video' | 'photo'; title: string; privacy: string; source: string; size: number; received: number; status: string; polls: number; postId: string | null; fail?: string };

export type FakeTikTok = {
  publishes: Map<string, Publish>;
  privacyOptions: string[];
  verifiedDomains: Set<string>;
  dailyPostCap: { value: number };
  /** The next publish ends FAILED with this reason. */
  failNext: { reason: string | null };
  handle: Route;
};

let seq = 0;
const logId = () => `2026${String(++seq).padStart(10, '0')}`;
const ok = (data: unknown): Reply => ({ status: 200, body: JSON.stringify({ data, error: { code: 'ok', message: '', log_id: logId() } }) });
export const tiktokError = (status: number, code: string, message: string): Reply => ({ status, body: JSON.stringify({ data: {}, error: { code, message, log_id: logId() } }) });

export function createFakeTikTok(opts: { audited?: boolean } = {}): FakeTikTok {
  const publishes = new Map<string, Publish>();
  const privacyOptions = opts.audited === false ? ['SELF_ONLY'] : ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'];
  const verifiedDomains = new Set(['media.example.gov.uk']);
  const dailyPostCap = { value: 15 };
  const failNext = { reason: null as string | null };
  const invalid = (message: string) => tiktokError(400, 'invalid_params', message);
  const verified = (u: unknown) => {
    try {
      return verifiedDomains.has(new URL(String(u)).hostname);
    } catch {
      return false;
    }
  };

  function start(kind: Publish['kind'], title: string, privacy: string, source: string, size: number, host: string): Reply {
    if (!privacyOptions.includes(privacy)) return tiktokError(400, 'privacy_level_option_mismatch', `privacy_level ${privacy} is not one of this creator's options`);
    if ([...publishes.values()].filter((p) => p.status !== 'FAILED').length >= dailyPostCap.value) return tiktokError(403, 'spam_risk_too_many_posts', 'The daily post cap from the API is reached for the current user.');
    const id = `v_pub_${source === 'FILE_UPLOAD' ? 'file' : 'url'}~v2-1.${7_300_000_000_000_000_000n + BigInt(++seq)}`;
    const p: Publish = { id, kind, title, privacy, source, size, received: 0, status: source === 'FILE_UPLOAD' ? 'PROCESSING_UPLOAD' : 'PROCESSING_DOWNLOAD', polls: 0, postId: null, ...(failNext.reason ? { fail: failNext.reason } : {}) };
    failNext.reason = null;
    publishes.set(id, p);
    return ok({ publish_id: id, ...(source === 'FILE_UPLOAD' ? { upload_url: `http://${host}/upload/?upload_id=${encodeURIComponent(id)}` } : {}) });
  }

  const handle: Route = (req, url) => {
    const method = req.method ?? 'GET';
    if (url.pathname === '/upload/' && method === 'PUT') {
      const p = publishes.get(url.searchParams.get('upload_id') ?? '');
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''));
      if (!p || !range) return tiktokError(400, 'invalid_file_upload', 'Unknown upload, or Content-Range missing.');
      const [first, last, total] = range.slice(1).map(Number) as [number, number, number];
      if (first !== p.received || total !== p.size || last - first + 1 !== Buffer.byteLength(req.bodyText)) return tiktokError(400, 'invalid_file_upload', 'Chunks must arrive in order and match Content-Range.');
      p.received = last + 1;
      return { status: p.received === p.size ? 201 : 206, body: '' };
    }
    if (req.headers.authorization !== 'Bearer good') return tiktokError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    if (method === 'POST' && !/^application\/json/.test(req.headers['content-type'] ?? '')) return invalid('Content-Type must be application/json; charset=UTF-8');
    const body = (req.bodyText ? JSON.parse(req.bodyText) : {}) as Record<string, any>;

    switch (`${method} ${url.pathname}`) {
      case 'GET /v2/user/info/':
        if (!url.searchParams.get('fields')) return invalid('fields is required');
        return ok({ user: { open_id: '-000OPENID', display_name: 'Herald Test Council' } });
      case 'POST /v2/post/publish/creator_info/query/':
        return ok({ creator_avatar_url: 'https://p16.tiktokcdn.example/a.jpg', creator_username: 'heraldcouncil', creator_nickname: 'Herald Test Council', privacy_level_options: privacyOptions, comment_disabled: false, duet_disabled: true, stitch_disabled: false, max_video_post_duration_sec: 600 });
      case 'POST /v2/post/publish/video/init/': {
        const { post_info: info = {}, source_info: src = {} } = body;
        if ([...String(info.title ?? '')].length > 2200) return invalid('title is longer than 2200 characters');
        if (src.source === 'PULL_FROM_URL') return verified(src.video_url) ? start('video', info.title, info.privacy_level, 'PULL_FROM_URL', 0, '') : tiktokError(403, 'url_ownership_unverified', 'The domain of video_url is not verified for this app.');
        if (src.source !== 'FILE_UPLOAD') return invalid('source must be FILE_UPLOAD or PULL_FROM_URL');
        const [size, chunk, count] = [src.video_size, src.chunk_size, src.total_chunk_count].map(Number) as [number, number, number];
        const rulesOk = size > 0 && chunk > 0 && count === Math.max(1, Math.floor(size / chunk)) && (size >= 5 * 1024 * 1024 || chunk === size) && (size <= 64 * 1024 * 1024 || count > 1);
        return rulesOk ? start('video', info.title, info.privacy_level, 'FILE_UPLOAD', size, req.headers.host ?? '') : invalid('video_size, chunk_size and total_chunk_count do not follow the chunk rules');
      }
      case 'POST /v2/post/publish/content/init/': {
        const { post_info: info = {}, source_info: src = {} } = body;
        if (body.media_type !== 'PHOTO' || body.post_mode !== 'DIRECT_POST' || src.source !== 'PULL_FROM_URL') return invalid('Photo posts need media_type PHOTO, post_mode DIRECT_POST and source PULL_FROM_URL');
        const images: unknown[] = Array.isArray(src.photo_images) ? src.photo_images : [];
        if (images.length < 1 || images.length > 35) return invalid('photo_images must hold 1 to 35 URLs');
        if ([...String(info.title ?? '')].length > 90 || [...String(info.description ?? '')].length > 4000) return invalid('title is limited to 90 characters and description to 4000');
        if (!images.every(verified)) return tiktokError(403, 'url_ownership_unverified', 'The domain of a photo URL is not verified for this app.');
        return start('photo', info.title, info.privacy_level, 'PULL_FROM_URL', 0, '');
      }
      case 'POST /v2/post/publish/status/fetch/': {
        const p = publishes.get(String(body.publish_id ?? ''));
        if (!p) return invalid('publish_id not found');
        if (p.source === 'FILE_UPLOAD' && p.received < p.size) return ok({ status: 'PROCESSING_UPLOAD', uploaded_bytes: p.received });
        if (++p.polls >= 2 && p.status !== 'PUBLISH_COMPLETE' && p.status !== 'FAILED') {
          p.status = p.fail ? 'FAILED' : 'PUBLISH_COMPLETE';
          if (!p.fail && p.privacy !== 'SELF_ONLY') p.postId = String(7_400_000_000_000_000_000n + BigInt(++seq));
        }
        // Bare 64-bit integers, as TikTok sends them.
        const ids = p.postId ? `[${p.postId}]` : '[]';
        const fail = p.status === 'FAILED' ? `,"fail_reason":${JSON.stringify(p.fail)}` : '';
        return { status: 200, body: `{"data":{"status":"${p.status}","publicaly_available_post_id":${ids}${fail}},"error":{"code":"ok","message":"","log_id":"${logId()}"}}` };
      }
      default:
        return tiktokError(404, 'invalid_params', `No such endpoint: ${method} ${url.pathname}`);
    }
  };

  return { publishes, privacyOptions, verifiedDomains, dailyPostCap, failNext, handle };
}

export async function startFakeTikTok(opts?: { audited?: boolean }): Promise<FakeTikTok & { server: FaultServer; serviceUrl: string }> {
  const fake = createFakeTikTok(opts);
  const server = await startFaultServer(fake.handle);
  return { ...fake, server, serviceUrl: server.url };
}
