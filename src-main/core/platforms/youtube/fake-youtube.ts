/**
 * A loopback YouTube Data API v3 for one channel, written from the reference pages "Videos: insert" and "Resumable
 * Uploads", "Channels: list", "PlaylistItems: list", "CommentThreads: list", "Comments: insert / delete /
 * setModerationStatus" and "Errors". It answers in Google's error envelope `{error:{code,message,errors:[{reason}]}}`
 * and enforces: a resumable session before bytes, the declared length, title ≤ 100 characters and description ≤ 5,000
 * bytes with no < or >, replies only to top-level comments, banAuthor only with rejected, comments.delete only by the
 * comment's author, and a daily quota (403 quotaExceeded when spent; costs as "Quota Calculator").
 */
import type { Reply, Route } from '../testing/fault-server';
import { startFaultServer, type FaultServer } from '../testing/fault-server';

type Video = { id: string; title: string; description: string; privacy: string; publishedAt: number; bytes: number; contentType: string };
type YtComment = { id: string; videoId: string; authorChannelId: string; author: string; text: string; publishedAt: number; parentId?: string; status: 'published' | 'heldForReview' | 'rejected' };
type Session = { metadata: { snippet?: { title?: string; description?: string }; status?: { privacyStatus?: string } }; length: number; contentType: string };

export type FakeYouTube = {
  channelId: string;
  videos: Map<string, Video>;
  comments: Map<string, YtComment>;
  banned: Set<string>;
  /** Quota units left today; every call spends some, as YouTube's quota calculator says. */
  quota: { left: number };
  handle: Route;
  addComment(videoId: string, c: { authorChannelId: string; author: string; text: string; parentId?: string }): YtComment;
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({ status, headers, body: JSON.stringify(body) });
export const googleError = (status: number, reason: string, message: string): Reply => json({ error: { code: status, message, errors: [{ message, domain: 'youtube.api', reason }] } }, status);
// Quota costs as YouTube's Quota Calculator lists them (videos.insert 1,600; writes 50; reads 1).
const COST: Record<string, number> = { upload: 1_600, moderate: 50, insert: 50, delete: 50 };
let seq = 0;
const newId = (n = 11) => `${Date.now().toString(36)}${(++seq).toString(36)}`.padStart(n, 'x').slice(-n);

export function createFakeYouTube(channelId = 'UCheraldtestcouncil00001', title = 'Herald Test Council'): FakeYouTube {
  const videos = new Map<string, Video>();
  const comments = new Map<string, YtComment>();
  const sessions = new Map<string, Session>();
  const banned = new Set<string>();
  const quota = { left: 10_000 };
  const uploads = `UU${channelId.slice(2)}`;
  const bad = (reason: string, message: string) => googleError(400, reason, message);

  function checkMetadata(m: Session['metadata']): Reply | null {
    const t = m.snippet?.title ?? '';
    const d = m.snippet?.description ?? '';
    if (!t) return bad('invalidTitle', 'The request metadata specifies an invalid or empty video title.');
    if ([...t].length > 100 || /[<>]/.test(t)) return bad('invalidTitle', 'The request metadata specifies an invalid video title.');
    if (Buffer.byteLength(d) > 5000 || /[<>]/.test(d)) return bad('invalidDescription', 'The request metadata specifies an invalid video description.');
    if (!['public', 'private', 'unlisted'].includes(m.status?.privacyStatus ?? 'public')) return bad('invalidVideoMetadata', 'The request metadata is invalid.');
    return null;
  }

  const commentJson = (c: YtComment) => ({ kind: 'youtube#comment', id: c.id, snippet: { authorDisplayName: c.author, authorChannelId: { value: c.authorChannelId }, textOriginal: c.text, textDisplay: c.text, publishedAt: new Date(c.publishedAt).toISOString(), videoId: c.videoId, ...(c.parentId ? { parentId: c.parentId } : {}) } });

  const handle: Route = (req, url) => {
    const auth = req.headers.authorization ?? '';
    if (auth !== 'Bearer good') return googleError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token.');
    const q = url.searchParams;
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const spend = (units: number): Reply | null => {
      if (quota.left < units) return googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your quota.');
      quota.left -= units;
      return null;
    };
    const spent = spend(path.startsWith('/upload/') ? (method === 'POST' ? COST.upload! : 0) : method === 'GET' ? 1 : path.endsWith('setModerationStatus') ? COST.moderate! : method === 'DELETE' ? COST.delete! : COST.insert!);
    if (spent) return spent;

    if (path === '/upload/youtube/v3/videos' && method === 'POST') {
      if (q.get('uploadType') !== 'resumable') return bad('invalidParameter', 'This fake speaks the resumable upload protocol only.');
      if (!(q.get('part') ?? '').split(',').includes('snippet')) return bad('invalidPart', 'The part parameter must include snippet.');
      const contentType = String(req.headers['x-upload-content-type'] ?? '');
      const length = Number(req.headers['x-upload-content-length']);
      if (!contentType.startsWith('video/') || !(length > 0)) return bad('invalidVideoMetadata', 'X-Upload-Content-Type must be a video type and X-Upload-Content-Length a size.');
      const metadata = JSON.parse(req.bodyText || '{}') as Session['metadata'];
      const refused = checkMetadata(metadata);
      if (refused) return refused;
      const uploadId = newId(20);
      sessions.set(uploadId, { metadata, length, contentType });
      return { status: 200, headers: { location: `http://${req.headers.host}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${uploadId}` }, body: '' };
    }
    if (path === '/upload/youtube/v3/videos' && method === 'PUT') {
      const s = sessions.get(q.get('upload_id') ?? '');
      if (!s) return googleError(404, 'notFound', 'The upload session does not exist or has expired.');
      if (Buffer.byteLength(req.bodyText) !== s.length) return bad('badContent', 'The uploaded length differs from X-Upload-Content-Length.');
      sessions.delete(q.get('upload_id')!);
      const v: Video = { id: newId(), title: s.metadata.snippet!.title!, description: s.metadata.snippet?.description ?? '', privacy: s.metadata.status?.privacyStatus ?? 'public', publishedAt: Date.now(), bytes: s.length, contentType: s.contentType };
      videos.set(v.id, v);
      return json({ kind: 'youtube#video', id: v.id, snippet: { title: v.title, description: v.description, channelId, publishedAt: new Date(v.publishedAt).toISOString() }, status: { uploadStatus: 'uploaded', privacyStatus: v.privacy } });
    }
    if (path === '/youtube/v3/channels' && method === 'GET') {
      if (q.get('mine') !== 'true') return bad('missingRequiredParameter', 'No filter selected. Expected one of: mine, id, forHandle.');
      return json({ kind: 'youtube#channelListResponse', items: [{ id: channelId, snippet: { title }, contentDetails: { relatedPlaylists: { uploads } } }] });
    }
    if (path === '/youtube/v3/playlistItems' && method === 'GET') {
      if (q.get('playlistId') !== uploads) return googleError(404, 'playlistNotFound', 'The playlist identified with the request playlistId parameter cannot be found.');
      const items = [...videos.values()].reverse().slice(0, Number(q.get('maxResults') ?? 5)).map((v) => ({ snippet: { title: v.title, description: v.description, publishedAt: new Date(v.publishedAt).toISOString(), resourceId: { kind: 'youtube#video', videoId: v.id } } }));
      return json({ items });
    }
    if (path === '/youtube/v3/videos' && method === 'DELETE') return videos.delete(q.get('id') ?? '') ? { status: 204, body: '' } : googleError(404, 'videoNotFound', 'The video that you are trying to delete cannot be found.');
    if (path === '/youtube/v3/commentThreads' && method === 'GET') {
      if (q.get('allThreadsRelatedToChannelId') !== channelId) return bad('missingRequiredParameter', 'No filter selected. Expected one of: allThreadsRelatedToChannelId, channelId, id, videoId.');
      const status = q.get('moderationStatus') ?? 'published';
      const top = [...comments.values()].filter((c) => !c.parentId && c.status === status).sort((a, b) => b.publishedAt - a.publishedAt);
      const items = top.map((c) => {
        const replies = [...comments.values()].filter((r) => r.parentId === c.id && r.status === 'published').map(commentJson);
        return { kind: 'youtube#commentThread', id: c.id, snippet: { channelId, videoId: c.videoId, topLevelComment: commentJson(c), totalReplyCount: replies.length }, ...(replies.length ? { replies: { comments: replies } } : {}) };
      });
      return json({ items });
    }
    if (path === '/youtube/v3/comments' && method === 'POST') {
      const { snippet } = JSON.parse(req.bodyText || '{}') as { snippet?: { parentId?: string; textOriginal?: string } };
      const parent = comments.get(snippet?.parentId ?? '');
      if (!parent || parent.parentId) return bad('invalidCommentMetadata', 'The parentId must identify a top-level comment.');
      if (!snippet?.textOriginal) return bad('commentTextRequired', 'The comment resource must contain a snippet.textOriginal.');
      return json(commentJson(addComment(parent.videoId, { authorChannelId: channelId, author: title, text: snippet.textOriginal, parentId: parent.id })));
    }
    if (path === '/youtube/v3/comments/setModerationStatus' && method === 'POST') {
      const status = q.get('moderationStatus');
      if (status !== 'heldForReview' && status !== 'published' && status !== 'rejected') return bad('invalidModerationStatus', 'Unknown moderation status.');
      if (q.get('banAuthor') === 'true' && status !== 'rejected') return bad('banWithoutReject', 'The banAuthor parameter can only be used if the moderationStatus parameter value is rejected.');
      const ids = (q.get('id') ?? '').split(',');
      if (ids.some((id) => !comments.has(id))) return googleError(404, 'commentNotFound', 'One or more comments could not be found.');
      for (const id of ids) {
        const c = comments.get(id)!;
        c.status = status;
        if (q.get('banAuthor') === 'true') banned.add(c.authorChannelId);
      }
      return { status: 204, body: '' };
    }
    if (path === '/youtube/v3/comments' && method === 'DELETE') {
      const c = comments.get(q.get('id') ?? '');
      if (!c) return googleError(404, 'commentNotFound', 'The comment could not be found.');
      if (c.authorChannelId !== channelId) return googleError(403, 'forbidden', 'The comment could not be deleted: only its author can delete it.');
      comments.delete(c.id);
      return { status: 204, body: '' };
    }
    return googleError(404, 'notFound', `No such method: ${method} ${path}`);
  };

  function addComment(videoId: string, c: { authorChannelId: string; author: string; text: string; parentId?: string }): YtComment {
    const id = c.parentId ? `${c.parentId}.${newId(22)}` : `Ugz${newId(20)}`;
    const comment: YtComment = { id, videoId, authorChannelId: c.authorChannelId, author: c.author, text: c.text, publishedAt: Date.now(), status: banned.has(c.authorChannelId) ? 'rejected' : 'published', ...(c.parentId ? { parentId: c.parentId } : {}) };
    comments.set(id, comment);
    return comment;
  }

  return { channelId, videos, comments, banned, quota, handle, addComment };
}

export async function startFakeYouTube(): Promise<FakeYouTube & { server: FaultServer; serviceUrl: string }> {
  const fake = createFakeYouTube();
  const server = await startFaultServer(fake.handle);
  return { ...fake, server, serviceUrl: server.url };
}
