/**
 * A loopback Threads API for one account, written from the Threads API pages "Posts", "Accessibility", "Reply
 * Management", "Delete Posts" and "Publishing Limits". It enforces: a TEXT container needs text, an IMAGE needs a
 * public image_url and a VIDEO a video_url, alt_text is refused on text posts, text over 500 characters is refused
 * (emoji counted as UTF-8 bytes, as Threads documents), media containers are IN_PROGRESS before FINISHED and cannot be
 * published until then, a container publishes once, reply_to_id must name an existing post, only top-level replies
 * can be hidden, and only the account's own posts can be deleted. `me` resolves to the account.
 */
import type { Route } from '../testing/fault-server';
import { startFaultServer, type FaultServer } from '../testing/fault-server';
import { checkToken, graphError, iso, json, nextId, readParams, segments } from '../meta/fake-graph';

type Container = { id: string; type: string; text: string; url: string | null; alt: string | null; replyTo: string | null; carouselItem: boolean; children: string[]; polls: number; status: 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' };
export type ThreadsPost = { id: string; text: string; username: string; created: number; replyTo: string | null; root: string; mine: boolean; hidden: boolean; containerId: string | null };

export type FakeThreads = {
  userId: string;
  containers: Map<string, Container>;
  posts: Map<string, ThreadsPost>;
  handle: Route;
  /** Someone else's reply to `replyTo` (a post or another reply). */
  addReply(replyTo: string, c: { text: string; username: string }): ThreadsPost;
};

/** Threads' documented counting: emoji (anything outside the Basic Multilingual Plane here) count as UTF-8 bytes. */
const threadsLength = (s: string) => [...s].reduce((n, ch) => n + (ch.codePointAt(0)! > 0xffff ? Buffer.byteLength(ch) : 1), 0);

export function createFakeThreads(userId = '25000000000000001', username = 'heraldcouncil'): FakeThreads {
  const containers = new Map<string, Container>();
  const posts = new Map<string, ThreadsPost>();
  const bad = (message: string) => graphError(400, 100, message, { type: 'THApiException' });

  function createContainer(p: URLSearchParams) {
    const type = p.get('media_type') ?? '';
    const text = p.get('text') ?? '';
    const carouselItem = p.get('is_carousel_item') === 'true';
    if (!['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'].includes(type)) return bad('The parameter media_type is required: TEXT, IMAGE, VIDEO or CAROUSEL.');
    if (type === 'TEXT' && !text) return bad('The parameter text is required for media_type TEXT.');
    if (type === 'TEXT' && p.get('alt_text')) return bad('alt_text is not available for text-only posts.');
    if (threadsLength(text) > 500) return bad('The text is longer than 500 characters.');
    const url = type === 'IMAGE' ? p.get('image_url') : type === 'VIDEO' ? p.get('video_url') : null;
    if ((type === 'IMAGE' || type === 'VIDEO') && !/^https?:\/\/(?!localhost|127\.)/.test(url ?? '')) return bad(`The parameter ${type === 'IMAGE' ? 'image_url' : 'video_url'} must be a public URL.`);
    const replyTo = p.get('reply_to_id');
    if (replyTo && !posts.has(replyTo)) return bad(`reply_to_id ${replyTo} does not exist.`);
    const children = (p.get('children') ?? '').split(',').filter(Boolean);
    if (type === 'CAROUSEL' && (children.length < 2 || children.length > 20 || children.some((c) => !containers.get(c)?.carouselItem))) return bad('A carousel needs 2 to 20 carousel item containers.');
    const c: Container = { id: nextId(), type, text, url, alt: p.get('alt_text'), replyTo, carouselItem, children, polls: 0, status: type === 'TEXT' || type === 'CAROUSEL' ? 'FINISHED' : 'IN_PROGRESS' };
    containers.set(c.id, c);
    return json({ id: c.id });
  }

  function publish(creationId: string | null) {
    const c = containers.get(creationId ?? '');
    if (!c || c.carouselItem) return bad('The creation_id is not a publishable container.');
    if (c.status === 'PUBLISHED') return bad('This container has already been published.');
    if (c.status !== 'FINISHED') return graphError(400, 24, 'The media is not ready to be published. Please wait a moment.', { type: 'THApiException', error_subcode: 4279009 });
    c.status = 'PUBLISHED';
    const parent = c.replyTo ? posts.get(c.replyTo) : undefined;
    const post: ThreadsPost = { id: nextId(), text: c.text, username, created: Date.now(), replyTo: c.replyTo, root: parent?.root ?? '', mine: true, hidden: false, containerId: c.id };
    post.root ||= post.id;
    posts.set(post.id, post);
    return json({ id: post.id });
  }

  const postJson = (p: ThreadsPost) => ({
    id: p.id, text: p.text, username: p.username, timestamp: iso(p.created), permalink: `https://www.threads.net/@${p.username}/post/${p.id}`,
    hide_status: p.hidden ? 'HIDDEN' : 'NOT_HUSHED', is_reply_owned_by_me: p.mine && !!p.replyTo,
    ...(p.replyTo ? { replied_to: { id: p.replyTo }, root_post: { id: p.root } } : {}),
  });

  const handle: Route = (req, url) => {
    const { params } = readParams(req, url);
    const denied = checkToken(req, params);
    if (denied) return denied;
    const [raw = '', edge] = segments(url);
    const node = raw === 'me' ? userId : raw;
    const method = req.method ?? 'GET';
    if (node === userId && !edge && method === 'GET') return json({ id: userId, username });
    if (node === userId && edge === 'threads_publishing_limit') {
      const used = [...posts.values()].filter((p) => p.mine && !p.replyTo && p.created > Date.now() - 86_400_000).length;
      return json({ data: [{ quota_usage: used, config: { quota_total: 250, quota_duration: 86400 } }] });
    }
    if (node === userId && edge === 'threads' && method === 'POST') return createContainer(params);
    if (node === userId && edge === 'threads_publish' && method === 'POST') return publish(params.get('creation_id'));
    if (node === userId && edge === 'threads' && method === 'GET') {
      const own = [...posts.values()].filter((p) => p.mine && !p.replyTo).reverse().slice(0, Number(params.get('limit') ?? 25));
      return json({ data: own.map(postJson), paging: {} });
    }
    const container = containers.get(node);
    if (container && !edge && method === 'GET') {
      if (container.status === 'IN_PROGRESS' && ++container.polls >= 2) container.status = 'FINISHED';
      return json({ id: node, status: container.status });
    }
    const post = posts.get(node);
    if (post && !edge && method === 'GET') return json(postJson(post));
    if (post && edge === 'conversation' && method === 'GET') return json({ data: [...posts.values()].filter((p) => p.root === post.id && p.id !== post.id).map(postJson), paging: {} });
    if (post && edge === 'manage_reply' && method === 'POST') {
      const hide = params.get('hide');
      if (hide !== 'true' && hide !== 'false') return bad('The parameter hide must be true or false.');
      if (!post.replyTo || post.replyTo !== post.root) return bad('Only top-level replies can be hidden or unhidden.');
      post.hidden = hide === 'true';
      return json({ success: true });
    }
    if (post && !edge && method === 'DELETE') {
      if (!post.mine) return graphError(403, 200, 'You can only delete your own posts.', { type: 'THApiException' });
      posts.delete(node);
      return json({ success: true, deleted_id: node });
    }
    return bad(`Unsupported ${method} request. Object with ID '${raw}' does not exist or does not support this operation.`);
  };

  function addReply(replyTo: string, c: { text: string; username: string }): ThreadsPost {
    const parent = posts.get(replyTo)!;
    const reply: ThreadsPost = { id: nextId(), text: c.text, username: c.username, created: Date.now(), replyTo, root: parent.root, mine: false, hidden: false, containerId: null };
    posts.set(reply.id, reply);
    return reply;
  }

  return { userId, containers, posts, handle, addReply };
}

export async function startFakeThreads(): Promise<FakeThreads & { server: FaultServer; serviceUrl: string }> {
  const fake = createFakeThreads();
  const server = await startFaultServer(fake.handle);
  return { ...fake, server, serviceUrl: `${server.url}/v1.0` };
}
