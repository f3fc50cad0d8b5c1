/**
 * A loopback LinkedIn REST API for one organization Page, written from Microsoft Learn's LinkedIn Marketing pages
 * ("Posts API", "Images API", "Comments API", "Organization Lookup API", "Versioning", "Little Text Format"). It
 * enforces: the LinkedIn-Version header (missing → 400 VERSION_MISSING, retired → 426 NONEXISTENT_VERSION) and
 * X-Restli-Protocol-Version 2.0.0; URL-encoded URNs in paths; the Posts schema (required fields → 422, unknown
 * fields → 422); images that were uploaded by their owner before use; 201 with x-restli-id and no body on create;
 * DELETE of a comment needs ?actor=.
 *
 * Video follows the "Videos API" (fake-linkedin-videos.ts): multi-part uploads with byte ranges, each part's ETag
 * brought back in order at finalizeUpload, and processing to wait for before a post may name the video.
 *
 * The signed-in member's roles come from the "Organization Access Control by Role" finder (Community Management):
 * GET /rest/organizationAcls?q=roleAssignee, optionally filtered by `role` and `state`, paged by `start` and `count`,
 * each element naming `organization` as a URN. The fake honours both filters, so a member who is only an ANALYST of
 * an organisation does not come back when the query asks for ADMINISTRATOR. Each listed organisation answers the
 * Organization Lookup API (GET /rest/organizations/{id} → `localizedName`).
 */
import type { Reply, Route } from '../testing/fault-server';
import { startFaultServer, type FaultServer } from '../testing/fault-server';
import { createFakeVideos, type FakeVideo, type FakeVideoSettings } from './fake-linkedin-videos';

type Post = { id: string; author: string; commentary: string; created: number; content: unknown };
type LiComment = { id: string; commentUrn: string; postUrn: string; actor: string; text: string; created: number; parentComment?: string };

/** An organisation the signed-in member has a role on, as organizationAcls reports it. */
export type MemberOrg = { id: string; name: string; role: string; state?: string };
export type FakeLinkedInOptions = { memberOrgs?: MemberOrg[]; aclPageSize?: number; video?: Partial<FakeVideoSettings> };

export type FakeLinkedIn = {
  orgId: string;
  /** What organizationAcls knows of; change it in place (push, splice) to reshape a test's member. */
  memberOrgs: MemberOrg[];
  posts: Map<string, Post>;
  images: Map<string, { owner: string; uploaded: boolean; contentType: string }>;
  videos: Map<string, FakeVideo>;
  videoSettings: FakeVideoSettings;
  comments: Map<string, LiComment>;
  handle: Route;
  addComment(postUrn: string, c: { actor: string; text: string; parentComment?: string }): LiComment;
  /** What a reader sees: LinkedIn cuts the post at the first unescaped reserved character. */
  visibleText(urn: string): string;
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({ status, headers, body: JSON.stringify(body) });
const err = (status: number, message: string, code?: string): Reply => json({ status, ...(code ? { code } : {}), message }, status);
const POST_FIELDS = new Set(['author', 'commentary', 'visibility', 'distribution', 'content', 'lifecycleState', 'isReshareDisabledByAuthor']);
let seq = 7_300_000_000_000_000_000n;

export const MEMBER_URN = 'urn:li:person:hErAlD01';

export function createFakeLinkedIn(orgId = '2414183', name = 'Herald Test Council', opts: FakeLinkedInOptions = {}): FakeLinkedIn {
  const orgUrn = `urn:li:organization:${orgId}`;
  const memberOrgs: MemberOrg[] = opts.memberOrgs ?? [{ id: orgId, name, role: 'ADMINISTRATOR', state: 'APPROVED' }];
  const posts = new Map<string, Post>();
  const images = new Map<string, { owner: string; uploaded: boolean; contentType: string }>();
  const comments = new Map<string, LiComment>();
  const video = createFakeVideos(orgUrn, () => String(++seq), opts.video);

  /** Rest.li 2.0: URNs in a path segment must arrive URL-encoded. */
  const urnSegment = (raw: string | undefined): string | null => (raw && /^urn%3Ali%3A/i.test(raw) ? decodeURIComponent(raw) : null);

  function createPost(body: Record<string, unknown>): Reply {
    const errors = [...Object.keys(body).filter((k) => !POST_FIELDS.has(k)).map((k) => `ERROR :: /${k} :: unrecognized field found but not allowed`),
      ...['author', 'commentary', 'visibility', 'distribution', 'lifecycleState'].filter((k) => body[k] === undefined).map((k) => `ERROR :: /${k} :: field is required but not found and has no default value`)];
    if (errors.length) return err(422, errors.join('\n'));
    if (body.author !== orgUrn) return err(403, `Not enough permissions to post as ${String(body.author)}`, 'ACCESS_DENIED');
    if (String(body.commentary).length > 3000) return err(422, 'ERROR :: /commentary :: length exceeds 3000');
    const c = body.content as { media?: { id: string }; multiImage?: { images: Array<{ id: string }> } } | undefined;
    if (c?.multiImage?.images.some((i) => i.id.startsWith('urn:li:video:'))) return err(422, 'ERROR :: /content/multiImage/images :: only images are allowed');
    const unusable = c?.media?.id.startsWith('urn:li:video:') ? video.notUsable(c.media.id) : null;
    if (unusable) return err(400, unusable, 'INVALID_CONTENT');
    for (const img of [...(c?.media && !c.media.id.startsWith('urn:li:video:') ? [c.media] : []), ...(c?.multiImage?.images ?? [])]) {
      const known = images.get(img.id);
      if (!known?.uploaded || known.owner !== orgUrn) return err(400, `Image ${img.id} is not available for this author (status ${known ? 'WAITING_UPLOAD' : 'NOT_FOUND'})`, 'INVALID_CONTENT');
    }
    const id = `urn:li:share:${++seq}`;
    posts.set(id, { id, author: orgUrn, commentary: String(body.commentary), created: Date.now(), content: body.content });
    return { status: 201, headers: { 'x-restli-id': id }, body: '' };
  }

  const handle: Route = (req, url) => {
    const h = req.headers;
    if (!/^Bearer good$/.test(h.authorization ?? '')) return err(401, 'Invalid access token', 'EXPIRED_ACCESS_TOKEN');
    const version = h['linkedin-version'];
    if (!version) return err(400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', 'VERSION_MISSING');
    if (!/^\d{6}$/.test(String(version)) || String(version) < '202505') return err(426, `Requested version ${String(version)} is not active`, 'NONEXISTENT_VERSION');
    if (h['x-restli-protocol-version'] !== '2.0.0') return err(400, 'This API requires X-Restli-Protocol-Version: 2.0.0', 'ILLEGAL_ARGUMENT');
    const [, , resource, key, sub, subKey] = url.pathname.split('/'); // '', 'rest', resource, ...
    const method = req.method ?? 'GET';
    const body = req.bodyText && /json/.test(h['content-type'] ?? '') ? (JSON.parse(req.bodyText) as Record<string, unknown>) : {};

    if (url.pathname.startsWith('/video-upload/') && method === 'PUT') return video.uploadPart(url, h, req.bodyText);
    if (url.pathname.startsWith('/upload/') && method === 'PUT') {
      const image = images.get(decodeURIComponent(url.pathname.slice('/upload/'.length)));
      if (!image) return err(404, 'Upload URL not found');
      Object.assign(image, { uploaded: true, contentType: h['content-type'] ?? '' });
      return { status: 201, body: '' };
    }
    if (resource === 'organizations' && key === orgId && method === 'GET') return json({ id: Number(orgId), localizedName: name, vanityName: 'herald-test-council' });
    if (resource === 'organizations' && key && !sub && method === 'GET') {
      const known = memberOrgs.find((o) => o.id === key);
      return known ? json({ id: Number(known.id), localizedName: known.name, vanityName: known.name.toLowerCase().replace(/\W+/g, '-') }) : err(404, `Organization ${key} not found`, 'NOT_FOUND');
    }
    if (resource === 'organizationAcls' && !key && method === 'GET') return organizationAcls(url.searchParams);
    if (resource === 'images' && url.searchParams.get('action') === 'initializeUpload' && method === 'POST') {
      const owner = (body.initializeUploadRequest as { owner?: string } | undefined)?.owner;
      if (owner !== orgUrn) return err(403, `Not enough permissions to upload for ${String(owner)}`, 'ACCESS_DENIED');
      const image = `urn:li:image:D4E10AQ${++seq}`;
      images.set(image, { owner, uploaded: false, contentType: '' });
      return json({ value: { uploadUrlExpiresAt: Date.now() + 3_600_000, uploadUrl: `http://${h.host}/upload/${encodeURIComponent(image)}`, image } });
    }
    if (resource === 'videos' && !key && method === 'POST') {
      const action = url.searchParams.get('action');
      if (action === 'initializeUpload') return video.initialize(body, String(h.host));
      if (action === 'finalizeUpload') return video.finalize(body);
      return err(400, `Unknown action ${String(action)}`, 'ILLEGAL_ARGUMENT');
    }
    if (resource === 'videos' && key && !sub && method === 'GET') {
      const urn = urnSegment(key);
      if (!urn) return err(400, 'The video URN in the path must be URL-encoded', 'ILLEGAL_ARGUMENT');
      return video.read(urn);
    }
    if (resource === 'posts' && !key && method === 'POST') return createPost(body);
    if (resource === 'posts' && !key && method === 'GET') {
      if (url.searchParams.get('q') !== 'author' || h['x-restli-method'] !== 'FINDER') return err(400, 'Use the author finder: q=author with X-RestLi-Method: FINDER', 'ILLEGAL_ARGUMENT');
      const author = url.searchParams.get('author');
      const count = Number(url.searchParams.get('count') ?? 10);
      const elements = [...posts.values()].filter((p) => p.author === author).reverse().slice(0, count).map((p) => ({ id: p.id, author: p.author, commentary: p.commentary, createdAt: p.created, publishedAt: p.created, lifecycleState: 'PUBLISHED', visibility: 'PUBLIC' }));
      return json({ elements, paging: { start: 0, count, links: [] } });
    }
    if (resource === 'posts' && key && method === 'DELETE') {
      const urn = urnSegment(key);
      if (!urn) return err(400, 'The post URN in the path must be URL-encoded', 'ILLEGAL_ARGUMENT');
      return posts.delete(urn) ? { status: 204, body: '' } : err(404, `Post ${urn} not found`, 'NOT_FOUND');
    }
    if (resource === 'socialActions' && sub === 'comments') {
      const target = urnSegment(key);
      if (!target) return err(400, 'The URN in the path must be URL-encoded', 'ILLEGAL_ARGUMENT');
      if (method === 'GET') {
        const elements = [...comments.values()].filter((c) => c.postUrn === target).map((c) => ({ id: c.id, commentUrn: c.commentUrn, actor: c.actor, object: c.postUrn, message: { text: c.text, attributes: [] }, created: { time: c.created, actor: c.actor }, ...(c.parentComment ? { parentComment: c.parentComment } : {}) }));
        return json({ elements, paging: { start: 0, count: elements.length } });
      }
      if (method === 'POST') {
        const object = String(body.object ?? '');
        if (body.actor !== orgUrn || !posts.has(object) || !(body.message as { text?: string } | undefined)?.text) return err(422, 'ERROR :: actor, object and message.text are required, and object must be a post');
        const c = addComment(object, { actor: orgUrn, text: (body.message as { text: string }).text, ...(body.parentComment ? { parentComment: String(body.parentComment) } : {}) });
        return json({ id: c.id, commentUrn: c.commentUrn, actor: c.actor, object, message: { text: c.text } }, 201, { 'x-restli-id': c.id });
      }
      if (method === 'DELETE' && subKey) {
        if (url.searchParams.get('actor') !== orgUrn) return err(400, 'The actor query parameter is required', 'ILLEGAL_ARGUMENT');
        const c = [...comments.values()].find((x) => x.postUrn === target && x.id === decodeURIComponent(subKey));
        if (!c || posts.get(target)?.author !== orgUrn) return err(403, 'Not enough permissions to delete this comment', 'ACCESS_DENIED');
        comments.delete(c.commentUrn);
        return { status: 204, body: '' };
      }
    }
    return err(404, `No resource at ${method} ${url.pathname}`, 'NOT_FOUND');
  };

  /** The roleAssignee finder: this member's roles, filtered by `role` and `state` where given, paged by start/count. */
  function organizationAcls(q: URLSearchParams): Reply {
    if (q.get('q') !== 'roleAssignee') return err(400, 'Use a finder: q=roleAssignee or q=organization', 'ILLEGAL_ARGUMENT');
    const role = q.get('role');
    const state = q.get('state');
    const matching = memberOrgs.filter((o) => (!role || o.role === role) && (!state || (o.state ?? 'APPROVED') === state));
    const start = Number(q.get('start') ?? 0);
    const count = Math.min(Number(q.get('count') ?? 10), opts.aclPageSize ?? 100);
    const elements = matching.slice(start, start + count).map((o) => ({
      roleAssignee: MEMBER_URN,
      state: o.state ?? 'APPROVED',
      role: o.role,
      organization: `urn:li:organization:${o.id}`,
      created: { actor: MEMBER_URN, time: 1_700_000_000_000 },
      lastModified: { actor: MEMBER_URN, time: 1_700_000_000_000 },
    }));
    return json({ elements, paging: { start, count, total: matching.length, links: [] } });
  }

  function addComment(postUrn: string, c: { actor: string; text: string; parentComment?: string }): LiComment {
    const id = String(++seq);
    const comment: LiComment = { id, commentUrn: `urn:li:comment:(${postUrn},${id})`, postUrn, actor: c.actor, text: c.text, created: Date.now(), ...(c.parentComment ? { parentComment: c.parentComment } : {}) };
    comments.set(comment.commentUrn, comment);
    return comment;
  }

  function visibleText(urn: string): string {
    const little = posts.get(urn)?.commentary ?? '';
    const cut = /(?<!\\)[|{}@[\]()<>*_~]/.exec(little);
    return (cut ? little.slice(0, cut.index) : little).replace(/\\(.)/g, '$1');
  }

  return { orgId, memberOrgs, posts, images, videos: video.videos, videoSettings: video.settings, comments, handle, addComment, visibleText };
}

export async function startFakeLinkedIn(opts: FakeLinkedInOptions = {}): Promise<FakeLinkedIn & { server: FaultServer; serviceUrl: string }> {
  const fake = createFakeLinkedIn(undefined, undefined, opts);
  const server = await startFaultServer(fake.handle);
  return { ...fake, server, serviceUrl: server.url };
}
