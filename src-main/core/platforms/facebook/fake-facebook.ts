/**
 * A loopback Facebook Graph API for one Page, written from the Graph API reference (Page Feed, Page Photos, Photo,
 * Object Comments, Comment, Page Blocked, Page Published Posts). It enforces what the real one does and a careless
 * client gets wrong: a Page token in the Authorization header (expired → 400 code 190), a post needs a message or
 * attached media, attached media must be the Page's own unpublished photos, a photo needs a `source` file or `url`,
 * `is_hidden` must be a boolean, an identical post straight after another is refused (code 506), and usage headers
 * (X-Business-Use-Case-Usage) come back on every answer.
 */
import type { Reply, Route } from '../testing/fault-server';
import { startFaultServer, type FaultServer } from '../testing/fault-server';
import { checkToken, graphError, iso, json, nextId, readParams, segments } from '../meta/fake-graph';

type Post = { id: string; message: string; created: number; photoIds: string[] };
type Photo = { id: string; alt: string | null; published: boolean; contentType: string };
type FbComment = { id: string; postId: string; message: string; fromId: string; fromName: string; created: number; parent?: string; hidden: boolean };

export type FakeFacebook = {
  pageId: string;
  posts: Map<string, Post>;
  photos: Map<string, Photo>;
  comments: Map<string, FbComment>;
  blocked: Set<string>;
  handle: Route;
  /** A visitor's comment (or reply, with `parent`) arriving now, or at `created`. */
  addComment(postId: string, c: { message: string; fromId: string; fromName: string; parent?: string; created?: number }): FbComment;
};

export function createFakeFacebook(pageId = '1001', pageName = 'Herald Test Council'): FakeFacebook {
  const posts = new Map<string, Post>();
  const photos = new Map<string, Photo>();
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
    const denied = checkToken(req, params);
    if (denied) return denied;
    const [node, edge, ...rest] = segments(url);
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
      if (posts.delete(node) || comments.delete(node)) return ok({ success: true });
      return noObject(node);
    }
    return graphError(400, 100, `(#100) Unsupported ${method} request to /${segments(url).join('/')}`);
  };

  function addComment(postId: string, c: { message: string; fromId: string; fromName: string; parent?: string; created?: number }): FbComment {
    const comment: FbComment = { id: `${postId.split('_')[1] ?? postId}_${nextId()}`, postId, message: c.message, fromId: c.fromId, fromName: c.fromName, created: c.created ?? Date.now(), hidden: false, ...(c.parent ? { parent: c.parent } : {}) };
    comments.set(comment.id, comment);
    return comment;
  }

  return { pageId, posts, photos, comments, blocked, handle, addComment };
}

export async function startFakeFacebook(): Promise<FakeFacebook & { server: FaultServer; serviceUrl: string }> {
  const fake = createFakeFacebook();
  const server = await startFaultServer(fake.handle);
  return { ...fake, server, serviceUrl: `${server.url}/v21.0` };
}
