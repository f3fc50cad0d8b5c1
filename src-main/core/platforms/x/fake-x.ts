/**
 * Test support: a small in-memory X (one account, its posts, mentions from others, uploaded media) served by the
 * spec-checked fake (testing/openapi-fake.ts), so every request the adapter makes and every reply this fake gives is
 * checked against X's OpenAPI document. Behaviour follows docs.x.com where the adapter depends on it: fields appear
 * only when asked for, duplicate text is refused with 403, videos go pending → in_progress → succeeded, and
 * mentions page newest first with since_id and next_token.
 */
import { SPECS, startOpenApiFake, type FakeReply, type OpenApiFake } from '../testing/openapi-fake';

export const ME = { id: '2244994945', username: 'AnytownCouncil', name: 'Anytown Council' };
export const RESIDENT = { id: '1500000001', username: 'a_resident', name: 'A Resident' };

type Post = { id: string; sent: string; text: string; author_id: string; created_at: string; conversation_id: string; in_reply_to?: string; media_ids: string[] };
type Media = { category: string; type: string; bytes: number; chunks: number[]; alt: string | null; polls: number };

export type FakeX = OpenApiFake & {
  posts: Post[];
  media: Map<string, Media>;
  hidden: string[];
  muted: string[];
  /** Someone else posts a mention of the account, or a reply to one of its posts. */
  mention(from: typeof RESIDENT, text: string, inReplyTo?: string): Post;
};

const problem = (status: number, type: string, title: string, detail: string, extra: object = {}): FakeReply => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: { type: `https://api.x.com/2/problems/${type}`, title, detail, ...extra },
});

export async function startFakeX(opts: { now?: number } = {}): Promise<FakeX> {
  let next = 1_900_000_000_000_000_000n;
  const nextId = () => String(++next);
  let clock = opts.now ?? Date.parse('2025-03-01T09:00:00.000Z');
  const posts: Post[] = [];
  const media = new Map<string, Media>();
  const hidden: string[] = [];
  const muted: string[] = [];

  /** As X stores text: links become t.co, media adds a t.co link, &<> are escaped, a reply names who it answers. */
  function asX(text: string, parent: Post | undefined, author: typeof ME, withMedia: boolean): string {
    const replyTo = parent && parent.author_id !== author.id ? `@${[ME, RESIDENT].find((u) => u.id === parent.author_id)!.username} ` : '';
    const body = text.replace(/https?:\/\/\S+/g, () => `https://t.co/${nextId().slice(-10)}`).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `${replyTo}${body}${withMedia ? ` https://t.co/${nextId().slice(-10)}` : ''}`;
  }

  function add(author: typeof ME, sent: string, inReplyTo: string | undefined, mediaIds: string[] = []): Post {
    const parent = inReplyTo ? posts.find((p) => p.id === inReplyTo) : undefined;
    const text = asX(sent, parent, author, mediaIds.length > 0);
    const id = nextId();
    clock += 60_000;
    const post = { id, sent, text, author_id: author.id, created_at: new Date(clock).toISOString(), conversation_id: parent?.conversation_id ?? id, ...(inReplyTo ? { in_reply_to: inReplyTo } : {}), media_ids: mediaIds };
    posts.push(post);
    return post;
  }

  /** Only the fields X returns by default and the ones the request asked for (https://docs.x.com/x-api/fundamentals/fields). */
  function page(list: Post[], query: Record<string, unknown>) {
    const fields = (query['post.fields'] as string[] | undefined) ?? [];
    const expand = ((query.expansions as string[] | undefined) ?? []).includes('author_id');
    const max = Number(query.max_results ?? 10);
    const start = Number(query.pagination_token ?? 0);
    const slice = list.slice(start, start + max);
    const data = slice.map((p) => ({
      id: p.id, text: p.text, edit_history_post_ids: [p.id],
      ...(fields.includes('created_at') ? { created_at: p.created_at } : {}),
      ...(fields.includes('conversation_id') ? { conversation_id: p.conversation_id } : {}),
      ...(expand ? { author_id: p.author_id } : {}),
    }));
    const users = [...new Set(slice.map((p) => p.author_id))].map((id) => [ME, RESIDENT].find((u) => u.id === id)!);
    const more = start + max < list.length;
    return {
      ...(data.length ? { data } : {}),
      ...(expand && users.length ? { includes: { users } } : {}),
      meta: { result_count: data.length, ...(data.length ? { newest_id: data[0]!.id, oldest_id: data[data.length - 1]!.id } : {}), ...(more ? { next_token: String(start + max) } : {}) },
    };
  }

  const fake = await startOpenApiFake({
    spec: SPECS.x,
    handlers: {
      getUsersMe: () => ({ status: 200, body: { data: ME }, headers: { 'x-rate-limit-limit': '75', 'x-rate-limit-remaining': '74', 'x-rate-limit-reset': '1740820500' } }),
      mediaUpload: (r) => {
        const id = nextId();
        media.set(id, { category: r.body.media_category, type: r.files.media?.type ?? '', bytes: r.files.media?.bytes.length ?? 0, chunks: [], alt: null, polls: 0 });
        return { status: 200, body: { data: { id, media_key: `3_${id}`, size: media.get(id)!.bytes, expires_after_secs: 86_400, image: { image_type: 'image/png', w: 1, h: 1 } } } };
      },
      initializeMediaUpload: (r) => {
        const id = nextId();
        media.set(id, { category: r.body.media_category, type: r.body.media_type, bytes: 0, chunks: [], alt: null, polls: 2 });
        return { status: 200, body: { data: { id, media_key: `7_${id}`, expires_after_secs: 86_400 } } };
      },
      appendMediaUpload: (r) => {
        const m = media.get(r.params.id!);
        if (!m) return problem(400, 'invalid-request', 'Invalid Request', 'Unknown upload');
        m.chunks.push(r.body.segment_index);
        m.bytes += r.files.media?.bytes.length ?? 0;
        return { status: 200, body: { data: { expires_at: 1_740_900_000 } } };
      },
      finalizeMediaUpload: (r) => ({ status: 200, body: { data: { id: r.params.id, processing_info: { state: 'pending', check_after_secs: 0 } } } }),
      getMediaUploadStatus: (r) => {
        const m = media.get(r.query.media_id as string)!;
        m.polls = Math.max(0, m.polls - 1);
        return { status: 200, body: { data: { id: r.query.media_id, processing_info: m.polls ? { state: 'in_progress', check_after_secs: 0, progress_percent: 50 } : { state: 'succeeded', progress_percent: 100 } } } };
      },
      createMediaMetadata: (r) => {
        media.get(r.body.id)!.alt = r.body.metadata.alt_text.text;
        return { status: 200, body: { data: { id: r.body.id, associated_metadata: {} } } };
      },
      createPosts: (r) => {
        if (posts.some((p) => p.author_id === ME.id && p.sent === r.body.text && r.body.text !== '')) {
          return problem(403, 'disallowed-resource', 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
        }
        const ids: string[] = r.body.media?.media_ids ?? [];
        if (ids.some((id) => !media.has(id) || media.get(id)!.polls > 0)) return problem(400, 'invalid-request', 'Invalid Request', 'Your media IDs are invalid.');
        const p = add(ME, r.body.text, r.body.reply?.in_reply_to_tweet_id, ids);
        return { status: 201, body: { data: { id: p.id, text: p.text, edit_history_post_ids: [p.id] } } };
      },
      getUsersPosts: (r) => ({ status: 200, body: page(posts.filter((p) => p.author_id === r.params.id).reverse(), r.query) }),
      getUsersMentions: (r) => {
        const since = r.query.since_id ? BigInt(r.query.since_id as string) : 0n;
        const list = posts.filter((p) => p.author_id !== ME.id && p.text.includes(`@${ME.username}`) && BigInt(p.id) > since).reverse();
        return { status: 200, body: page(list, r.query) };
      },
      hidePostsReply: (r) => {
        const p = posts.find((x) => x.id === r.params.tweet_id);
        const root = p && posts.find((x) => x.id === p.conversation_id);
        if (!p || root?.author_id !== ME.id || p.id === root.id) return problem(403, 'not-authorized-for-resource', 'Forbidden', 'You can only hide replies to your own conversations.', { resource_type: 'tweet' });
        hidden.push(p.id);
        return { status: 200, body: { data: { hidden: r.body.hidden } } };
      },
      deletePosts: (r) => {
        const i = posts.findIndex((p) => p.id === r.params.id && p.author_id === ME.id);
        if (i < 0) return problem(404, 'resource-not-found', 'Not Found Error', 'Could not find post.', { resource_type: 'tweet' });
        posts.splice(i, 1);
        return { status: 200, body: { data: { deleted: true } } };
      },
      muteUser: (r) => (muted.push(r.body.target_user_id), { status: 200, body: { data: { muting: true } } }),
    },
  });

  return Object.assign(fake, { posts, media, hidden, muted, mention: (from: typeof RESIDENT, text: string, inReplyTo?: string) => add(from, text, inReplyTo) });
}
