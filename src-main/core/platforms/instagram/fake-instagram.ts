/**
 * A loopback Instagram Graph API for one professional account, written from "Content Publishing", "IG User Media",
 * "IG User Media Publish", "IG Container", "IG User Content Publishing Limit" and "Comment Moderation". It enforces
 * the quirks Herald must respect: a container needs an image_url or video_url (no text-only posts), media must be at a
 * public address (loopback and private addresses are refused as unfetchable), alt_text only on images, a video
 * container is IN_PROGRESS before FINISHED and cannot be published until then, a container publishes once, carousels
 * hold 2-10 carousel items, and an account publishes at most 50 posts in 24 hours (code 9, subcode 2207042).
 */
import type { Route } from '../testing/fault-server';
import { startFaultServer, type FaultServer } from '../testing/fault-server';
import { checkToken, graphError, iso, json, nextId, readParams, segments } from '../meta/fake-graph';

type Container = { id: string; kind: 'IMAGE' | 'REELS' | 'VIDEO' | 'CAROUSEL'; url: string | null; caption: string; alt: string | null; carouselItem: boolean; children: string[]; polls: number; status: 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' };
type Media = { id: string; caption: string; created: number; containerId: string };
type IgComment = { id: string; mediaId: string; text: string; username: string; fromId: string; created: number; parent?: string; hidden: boolean };

export type FakeInstagram = {
  igUserId: string;
  containers: Map<string, Container>;
  media: Map<string, Media>;
  comments: Map<string, IgComment>;
  handle: Route;
  addComment(mediaId: string, c: { text: string; username: string; fromId: string; parent?: string }): IgComment;
};

const PRIVATE = /^(localhost|127\.|10\.|192\.168\.|\[?::1\]?)/;

export function createFakeInstagram(igUserId = '17841400000000001', username = 'heraldcouncil'): FakeInstagram {
  const containers = new Map<string, Container>();
  const media = new Map<string, Media>();
  const comments = new Map<string, IgComment>();
  const bad = (message: string, subcode?: number) => graphError(400, 100, message, { ...(subcode ? { error_subcode: subcode } : {}) });

  function fetchable(raw: string | null): boolean {
    try {
      const u = new URL(raw ?? '');
      return (u.protocol === 'https:' || u.protocol === 'http:') && !PRIVATE.test(u.hostname);
    } catch {
      return false;
    }
  }

  function createContainer(p: URLSearchParams) {
    const type = p.get('media_type') ?? 'IMAGE';
    const carouselItem = p.get('is_carousel_item') === 'true';
    const caption = p.get('caption') ?? '';
    if (caption.length > 2200) return bad('The caption is longer than 2,200 characters.', 2207010);
    if (type === 'CAROUSEL') {
      const children = (p.get('children') ?? '').split(',').filter(Boolean);
      if (children.length < 2 || children.length > 10) return bad('A carousel needs between 2 and 10 children.', 2207038);
      if (children.some((c) => !containers.get(c)?.carouselItem)) return bad('Carousel children must be carousel item containers.', 2207039);
      const c: Container = { id: nextId(), kind: 'CAROUSEL', url: null, caption, alt: null, carouselItem: false, children, polls: 0, status: 'FINISHED' };
      containers.set(c.id, c);
      return json({ id: c.id });
    }
    const url = type === 'IMAGE' ? p.get('image_url') : p.get('video_url');
    if (!url) return bad(type === 'IMAGE' ? 'The parameter image_url is required.' : 'The parameter video_url is required.');
    if (type === 'VIDEO' && !carouselItem) return bad('media_type VIDEO is for carousel items; use REELS.', 2207067);
    if (type !== 'IMAGE' && p.get('alt_text')) return bad('alt_text is supported for image posts only.');
    if (!fetchable(url)) return bad('The media could not be fetched from this URI. Make sure it is publicly reachable.', 2207052);
    const c: Container = { id: nextId(), kind: type as Container['kind'], url, caption, alt: p.get('alt_text'), carouselItem, children: [], polls: 0, status: type === 'IMAGE' ? 'FINISHED' : 'IN_PROGRESS' };
    containers.set(c.id, c);
    return json({ id: c.id });
  }

  function publish(creationId: string | null) {
    const c = containers.get(creationId ?? '');
    if (!c || c.carouselItem) return bad('The creation_id is not a publishable container.', 2207006);
    if (c.status === 'PUBLISHED') return bad('This container has already been published.', 2207001);
    if (c.status !== 'FINISHED') return graphError(400, 9007, 'Media ID is not available: the media is not ready for publishing, please wait for a moment', { error_subcode: 2207027 });
    const dayAgo = Date.now() - 86_400_000;
    if ([...media.values()].filter((m) => m.created > dayAgo).length >= 50) return graphError(400, 9, 'Application request limit reached', { error_subcode: 2207042 });
    c.status = 'PUBLISHED';
    const m: Media = { id: nextId(), caption: c.caption, created: Date.now(), containerId: c.id };
    media.set(m.id, m);
    return json({ id: m.id });
  }

  const permalink = (id: string) => `https://www.instagram.com/p/${Buffer.from(id).toString('base64url').slice(0, 11)}/`;
  const commentJson = (c: IgComment) => ({ id: c.id, text: c.text, timestamp: iso(c.created), username: c.username, from: { id: c.fromId, username: c.username }, hidden: c.hidden });

  const handle: Route = (req, url) => {
    const { params } = readParams(req, url);
    const denied = checkToken(req, params);
    if (denied) return denied;
    const [raw = '', edge] = segments(url);
    const node = raw === 'me' ? igUserId : raw; // Instagram Login: `me` is the professional account
    const method = req.method ?? 'GET';
    if (node === igUserId && !edge && method === 'GET') return json({ id: igUserId, username });
    if (node === igUserId && edge === 'content_publishing_limit') {
      const used = [...media.values()].filter((m) => m.created > Date.now() - 86_400_000).length;
      return json({ data: [{ quota_usage: used, config: { quota_total: 50, quota_duration: 86400 } }] });
    }
    if (node === igUserId && edge === 'media' && method === 'POST') return createContainer(params);
    if (node === igUserId && edge === 'media_publish' && method === 'POST') return publish(params.get('creation_id'));
    if (node === igUserId && edge === 'media' && method === 'GET') {
      const data = [...media.values()].reverse().slice(0, Number(params.get('limit') ?? 25)).map((m) => ({ id: m.id, caption: m.caption, timestamp: iso(m.created), permalink: permalink(m.id) }));
      return json({ data, paging: {} });
    }
    const container = containers.get(node);
    if (container && !edge && method === 'GET') {
      if (container.status === 'IN_PROGRESS' && ++container.polls >= 2) container.status = 'FINISHED';
      return json({ id: node, status_code: container.status });
    }
    if (media.has(node) && !edge && method === 'GET') return json({ id: node, permalink: permalink(node) });
    if (media.has(node) && edge === 'comments' && method === 'GET') {
      const top = [...comments.values()].filter((c) => c.mediaId === node && !c.parent);
      const data = top.map((c) => ({ ...commentJson(c), replies: { data: [...comments.values()].filter((r) => r.parent === c.id).map(commentJson) } }));
      return json({ data });
    }
    const comment = comments.get(node);
    if (comment && edge === 'replies' && method === 'POST') {
      if (!params.get('message')) return bad('The parameter message is required.');
      return json({ id: addComment(comment.mediaId, { text: params.get('message')!, username, fromId: igUserId, parent: comment.parent ?? comment.id }).id });
    }
    if (comment && !edge && method === 'POST') {
      const hide = params.get('hide');
      if (hide !== 'true' && hide !== 'false') return bad('The parameter hide must be true or false.');
      comment.hidden = hide === 'true';
      return json({ success: true });
    }
    if (!edge && method === 'DELETE' && (comments.delete(node) || media.delete(node))) return json({ success: true });
    return bad(`Unsupported ${method} request. Object with ID '${node}' does not exist or does not support this operation.`, 33);
  };

  function addComment(mediaId: string, c: { text: string; username: string; fromId: string; parent?: string }): IgComment {
    const comment: IgComment = { id: nextId(), mediaId, text: c.text, username: c.username, fromId: c.fromId, created: Date.now(), hidden: false, ...(c.parent ? { parent: c.parent } : {}) };
    comments.set(comment.id, comment);
    return comment;
  }

  return { igUserId, containers, media, comments, handle, addComment };
}

export async function startFakeInstagram(): Promise<FakeInstagram & { server: FaultServer; serviceUrl: string }> {
  const fake = createFakeInstagram();
  const server = await startFaultServer(fake.handle);
  return { ...fake, server, serviceUrl: `${server.url}/v21.0` };
}
