/**
 * A loopback Facebook Graph API for one Page, written from the Graph API reference (Page Feed, Page Photos, Photo,
 * Object Comments, Comment, Page Blocked, Page Published Posts). It enforces what the real one does and a careless
 * client gets wrong: a Page token in the Authorization header (expired → 400 code 190), a post needs a message or
 * attached media, attached media must be the Page's own unpublished photos, a photo needs a `source` file or `url`,
 * `is_hidden` must be a boolean, an identical post straight after another is refused (code 506), and usage headers
 * (X-Business-Use-Case-Usage) come back on every answer.
 *
 * Video ("Page Videos"; "Uploading Videos with the Graph API"): POST /{page-id}/videos takes the file as a multipart
 * `source` of a video/* type, at most 1 GB in this non-resumable form; the post's text is `description` (a `message`
 * or `caption`, which this edge does not have, is refused rather than silently dropped, as is any other parameter the
 * edge does not take); the answer is the video's `id`, and the video's post then appears among the Page's published
 * posts with the description as its message. DELETE of the video id removes both.
 *
 * The signed-in person's Pages come from GET /me/accounts (Pages API "Manage a Page"; User "Accounts" edge): each
 * with its id, name, a Page access token and the person's `tasks` on it, cursor-paged (Graph API "Paginated Results":
 * `paging.cursors.after`, and `paging.next` only while more remain). Only the user token may ask (with a Page token,
 * /me is the Page, which has no `accounts` edge). The Page tokens handed out are accepted for Page calls alongside
 * the user token `good` (kept lenient for the older tests), and every request's token is recorded in `tokensUsed` so
 * a test can check which one a call carried.
 */
import type { Reply, Route } from '../testing/fault-server';
import { startFaultServer, type FaultServer } from '../testing/fault-server';
import { checkToken, graphError, iso, json, nextId, readParams, segments, tokenOf, type UploadedFile } from '../meta/fake-graph';

type Post = { id: string; message: string; created: number; photoIds: string[]; videoId?: string };
type Video = { id: string; postId: string; description: string; title: string | null; contentType: string; size: number };
type Photo = { id: string; alt: string | null; published: boolean; contentType: string };
type FbComment = { id: string; postId: string; message: string; fromId: string; fromName: string; created: number; parent?: string; hidden: boolean };

/** A Page the signed-in person has a role on, as /me/accounts lists it. */
export type ManagedPage = { id: string; name: string; tasks: string[]; accessToken: string };
export type FakeFacebookOptions = { managedPages?: ManagedPage[]; accountsPageSize?: number };

export type FakeFacebook = {
  pageId: string;
  /** What /me/accounts lists; change it in place (push, splice) to reshape a test's sign-in. */
  managedPages: ManagedPage[];
  /** Every request's method, path (no query) and token, in order. */
  tokensUsed: Array<{ method: string; path: string; token: string | null }>;
  posts: Map<string, Post>;
  photos: Map<string, Photo>;
  videos: Map<string, Video>;
  comments: Map<string, FbComment>;
  blocked: Set<string>;
  handle: Route;
  /** A visitor's comment (or reply, with `parent`) arriving now, or at `created`. */
  addComment(postId: string, c: { message: string; fromId: string; fromName: string; parent?: string; created?: number }): FbComment;
};

/** The parameters POST /{page-id}/videos takes in a non-resumable upload, as Herald might send them. */
const VIDEO_PARAMS = new Set(['source', 'file_url', 'description', 'title', 'published', 'access_token']);
const MAX_NON_RESUMABLE_BYTES = 1024 ** 3;

export const ALL_TASKS = ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'];

export function createFakeFacebook(pageId = '1001', pageName = 'Herald Test Council', opts: FakeFacebookOptions = {}): FakeFacebook {
  const managedPages: ManagedPage[] = opts.managedPages ?? [{ id: pageId, name: pageName, tasks: ALL_TASKS, accessToken: `page-token-${pageId}` }];
  const tokensUsed: FakeFacebook['tokensUsed'] = [];
  const posts = new Map<string, Post>();
  const photos = new Map<string, Photo>();
  const videos = new Map<string, Video>();
  const comments = new Map<string, FbComment>();
  const blocked = new Set<string>();
  const usage = { 'x-business-use-case-usage': JSON.stringify({ [pageId]: [{ type: 'pages', call_count: 12, total_cputime: 3, total_time: 4, estimated_time_to_regain_access: 0 }] }) };
  const ok = (body: unknown): Reply => json(body, 200, usage);
  const noObject = (id: string) => graphError(400, 100, `Unsupported request - Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { type: 'GraphMethodException', error_subcode: 33 });

  function createPost(message: string, photoIds: string[]): Reply {
    const last = [...posts.values()].at(-1);
    if (last && message && last.message === message && Date.now() - last.created < 60_000) return graphError(400, 506, 'Duplicate status message', { type: 'FacebookApiException' });
    const post: Post = { id: `${pageId}_${nextId()}`, message, created: Date.now(), photoIds };
    posts.set(post.id, post);
    return ok({ id: post.id });
  }

  const handle: Route = (req, url) => {
    const { params, files } = readParams(req, url);
    const token = tokenOf(req, params);
    tokensUsed.push({ method: req.method ?? 'GET', path: url.pathname, token });
    const pageToken = managedPages.some((p) => p.accessToken === token);
    const denied = checkToken(req, params, ['good', ...managedPages.map((p) => p.accessToken)]);
    if (denied) return denied;
    const [node, edge, ...rest] = segments(url);
    if (node === 'me' && edge === 'accounts' && !rest.length && req.method === 'GET') {
      if (pageToken) return graphError(400, 100, 'Tried accessing nonexisting field (accounts) on node type (Page)');
      return ok(accountsPage(params, new URL(url.pathname + url.search, `http://${req.headers.host ?? '127.0.0.1'}`)));
    }
    if (!node || rest.length) return graphError(400, 2500, 'Unknown path components', { type: 'OAuthException' });
    const method = req.method ?? 'GET';

    if (node === pageId && !edge && method === 'GET') return ok({ id: pageId, name: pageName });
    if (node === pageId && edge === 'feed' && method === 'POST') {
      const message = params.get('message') ?? '';
      const attached: string[] = [];
      for (const [k, v] of params) {
        if (!/^attached_media\[\d+\]$/.test(k)) continue;
        const fbid = (JSON.parse(v) as { media_fbid?: string }).media_fbid ?? '';
        const photo = photos.get(fbid);
        if (!photo || photo.published) return graphError(400, 100, `(#100) attached_media ${fbid} is not an unpublished photo of this Page`);
        attached.push(fbid);
      }
      if (!message && attached.length === 0) return graphError(400, 100, '(#100) Posts must contain at least one of message, link or attached_media');
      const reply = createPost(message, attached);
      for (const id of attached) photos.get(id)!.published = true;
      return reply;
    }
    if (node === pageId && edge === 'photos' && method === 'POST') {
      const source = files.get('source');
      if (!source && !params.get('url')) return graphError(400, 324, '(#324) Requires upload file', { type: 'OAuthException' });
      const published = params.get('published') !== 'false';
      const photo: Photo = { id: nextId(), alt: params.get('alt_text_custom'), published, contentType: source?.contentType ?? '' };
      photos.set(photo.id, photo);
      if (!published) return ok({ id: photo.id });
      const reply = createPost(params.get('caption') ?? params.get('message') ?? '', [photo.id]);
      if (reply !== 'hang' && reply.status !== 200) return reply;
      return ok({ id: photo.id, post_id: [...posts.keys()].at(-1) });
    }
    if (node === pageId && edge === 'videos' && method === 'POST') return createVideo(params, files);
    if (node === pageId && edge === 'published_posts' && method === 'GET') {
      const limit = Number(params.get('limit') ?? 25);
      const data = [...posts.values()].reverse().slice(0, limit).map((p) => ({ id: p.id, message: p.message, created_time: iso(p.created), permalink_url: `https://www.facebook.com/${p.id}` }));
      return ok({ data, paging: {} });
    }
    if (node === pageId && edge === 'blocked' && method === 'POST') {
      const user = params.get('user') ?? params.get('uid') ?? params.get('asid') ?? params.get('psid');
      if (!user) return graphError(400, 100, '(#100) One of the parameters user, uid, asid or psid is required');
      blocked.add(user);
      return ok({ [user]: true });
    }
    if (edge === 'comments' && method === 'GET') {
      if (!posts.has(node)) return noObject(node);
      const since = Number(params.get('since') ?? 0) * 1000;
      const stream = params.get('filter') === 'stream';
      const data = [...comments.values()]
        .filter((c) => c.postId === node && c.created >= since && (stream || !c.parent))
        .sort((a, b) => b.created - a.created)
        .map((c) => ({ id: c.id, message: c.message, created_time: iso(c.created), from: { id: c.fromId, name: c.fromName }, ...(c.parent ? { parent: { id: c.parent } } : {}), is_hidden: c.hidden, permalink_url: `https://www.facebook.com/${c.postId}?comment_id=${c.id}` }));
      return ok({ data, paging: {} });
    }
    if (edge === 'comments' && method === 'POST') {
      const parent = comments.get(node);
      if (!parent && !posts.has(node)) return noObject(node);
      if (!params.get('message')) return graphError(400, 100, '(#100) Missing message or attachment');
      const c = addComment(parent?.postId ?? node, { message: params.get('message')!, fromId: pageId, fromName: pageName, ...(parent ? { parent: parent.id } : {}) });
      return ok({ id: c.id });
    }
    if (!edge && method === 'POST' && comments.has(node)) {
      const v = params.get('is_hidden');
      if (v !== 'true' && v !== 'false') return graphError(400, 100, '(#100) Param is_hidden must be a boolean');
      comments.get(node)!.hidden = v === 'true';
      return ok({ success: true });
    }
    if (!edge && method === 'DELETE') {
      const video = videos.get(node);
      if (video && videos.delete(node) && posts.delete(video.postId)) return ok({ success: true });
      if (posts.delete(node) || comments.delete(node)) return ok({ success: true });
      return noObject(node);
    }
    return graphError(400, 100, `(#100) Unsupported ${method} request to /${segments(url).join('/')}`);
  };

  /** A non-resumable video upload: one video/* `source` file, its text in `description`, nothing the edge lacks. */
  function createVideo(params: URLSearchParams, files: Map<string, UploadedFile>): Reply {
    const unknown = [...params.keys(), ...files.keys()].filter((k) => !VIDEO_PARAMS.has(k));
    if (unknown.length) return graphError(400, 100, `(#100) Param ${unknown[0]} is not valid for the videos edge${unknown[0] === 'message' || unknown[0] === 'caption' ? '; a video post’s text is its description' : ''}`);
    const source = files.get('source');
    if (!source && !params.get('file_url')) return graphError(400, 100, '(#100) A video upload needs a source file or a file_url', { type: 'OAuthException' });
    if (source && !source.contentType.startsWith('video/')) return graphError(400, 352, `(#352) Sorry, the video file you selected is in a format that we don't support (${source.contentType || 'no type'})`);
    if (source && source.size > MAX_NON_RESUMABLE_BYTES) return graphError(400, 6000, '(#6000) There was a problem uploading your video file: non-resumable uploads are limited to 1 GB');
    const post: Post = { id: `${pageId}_${nextId()}`, message: params.get('description') ?? '', created: Date.now(), photoIds: [] };
    const video: Video = { id: nextId(), postId: post.id, description: post.message, title: params.get('title'), contentType: source?.contentType ?? '', size: source?.size ?? 0 };
    post.videoId = video.id;
    posts.set(post.id, post);
    videos.set(video.id, video);
    return ok({ id: video.id });
  }

  /** One page of /me/accounts (`url` as the client called it): `fields` honoured, at most `limit` Pages, cursor paging. */
  function accountsPage(params: URLSearchParams, url: URL): unknown {
    const fields = new Set((params.get('fields') ?? 'id,name').split(','));
    const size = Math.min(Number(params.get('limit') ?? 25), opts.accountsPageSize ?? 25);
    const start = params.get('after') ? Number(Buffer.from(params.get('after')!, 'base64url').toString()) : 0;
    const slice = managedPages.slice(start, start + size);
    const data = slice.map((p) => ({
      id: p.id,
      ...(fields.has('name') ? { name: p.name } : {}),
      ...(fields.has('access_token') ? { access_token: p.accessToken } : {}),
      ...(fields.has('tasks') ? { tasks: p.tasks } : {}),
      category: 'Government organisation',
    }));
    const cursor = (i: number) => Buffer.from(String(i)).toString('base64url');
    const next = new URL(url);
    next.searchParams.set('after', cursor(start + slice.length));
    const more = start + slice.length < managedPages.length;
    return { data, paging: { cursors: { before: cursor(start), after: cursor(start + slice.length) }, ...(more ? { next: next.toString() } : {}) } };
  }

  function addComment(postId: string, c: { message: string; fromId: string; fromName: string; parent?: string; created?: number }): FbComment {
    const comment: FbComment = { id: `${postId.split('_')[1] ?? postId}_${nextId()}`, postId, message: c.message, fromId: c.fromId, fromName: c.fromName, created: c.created ?? Date.now(), hidden: false, ...(c.parent ? { parent: c.parent } : {}) };
    comments.set(comment.id, comment);
    return comment;
  }

  return { pageId, managedPages, tokensUsed, posts, photos, videos, comments, blocked, handle, addComment };
}

export async function startFakeFacebook(opts: FakeFacebookOptions = {}): Promise<FakeFacebook & { server: FaultServer; serviceUrl: string }> {
  const fake = createFakeFacebook(undefined, undefined, opts);
  const server = await startFaultServer(fake.handle);
  return { ...fake, server, serviceUrl: `${server.url}/v21.0` };
}
