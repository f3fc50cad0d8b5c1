/**
 * Test support: a small in-memory Mastodon server (one account, its statuses, media and notifications) served by the
 * spec-checked fake (testing/openapi-fake.ts), so every request the adapter makes and every reply this fake gives is
 * checked against Mastodon's OpenAPI document. Behaviour follows https://docs.joinmastodon.org/methods/ where the
 * adapter depends on it: Idempotency-Key replays, min_id/since_id paging, 202 while media is processing.
 */
import { SPECS, startOpenApiFake, type FakeReply, type OpenApiFake, type SpecPatch } from '../testing/openapi-fake';

/** Two mistakes in the published document, each corrected with the reason (see openapi-fake.ts). */
export const MASTODON_SPEC_PATCHES: SpecPatch[] = [
  {
    why: 'createStatus body: the document says oneOf text/media/poll, but `status` with `media_ids` matches two branches; Mastodon accepts both together (https://docs.joinmastodon.org/methods/statuses/#create), so anyOf',
    apply: (doc) => {
      const schema = doc.paths['/api/v1/statuses'].post.requestBody.content['application/json'].schema;
      schema.anyOf = schema.oneOf;
      delete schema.oneOf;
    },
  },
  {
    why: 'createStatus Idempotency-Key: the document types the header as an object; it is "any arbitrary string" (https://docs.joinmastodon.org/methods/statuses/#create)',
    apply: (doc) => {
      const p = doc.paths['/api/v1/statuses'].post.parameters.find((x: any) => x.name === 'Idempotency-Key');
      p.schema = { type: 'string' };
    },
  },
];

const T0 = Date.parse('2025-03-01T09:00:00.000Z');
const iso = (n: number) => new Date(T0 + n * 60_000).toISOString();

export function account(id: string, acct: string, name = acct) {
  const host = 'https://social.example';
  return {
    id, username: acct.split('@')[0]!, acct, display_name: name, locked: false, bot: false, group: false, indexable: true, note: '',
    created_at: iso(0), url: `${host}/@${acct}`, uri: `${host}/users/${acct}`, avatar: `${host}/a.png`, avatar_static: `${host}/a.png`,
    header: `${host}/h.png`, header_static: `${host}/h.png`, followers_count: 0, following_count: 0, statuses_count: 0, emojis: [], fields: [],
  };
}

export const OWN = account('1', 'council', 'Anytown Council');
export const credentialAccount = {
  ...OWN,
  role: { id: '-99', name: '', color: '', highlighted: false, permissions: '0' },
  source: { note: '', fields: [], privacy: 'public', sensitive: false, language: 'en', follow_requests_count: 0, indexable: true },
};

export function instance(maxCharacters: number) {
  return {
    domain: 'social.example', title: 'Social Example', version: '4.4.0', source_url: 'https://github.com/mastodon/mastodon', description: 'A test server',
    usage: { users: { active_month: 10 } }, thumbnail: { url: 'https://social.example/t.png' }, icon: [], languages: ['en'], rules: [],
    api_versions: { mastodon: 6 },
    registrations: { enabled: false, approval_required: false, message: null },
    contact: { email: 'admin@social.example', account: OWN },
    configuration: {
      urls: { streaming: 'wss://social.example' },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      statuses: { max_characters: maxCharacters, max_media_attachments: 4, characters_reserved_per_url: 23 },
      media_attachments: { supported_mime_types: ['image/png', 'image/jpeg', 'video/mp4'], image_size_limit: 16777216, image_matrix_limit: 33177600, video_size_limit: 103809024, video_frame_rate_limit: 120, video_matrix_limit: 8294400, description_limit: 1500 },
      polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
      translation: { enabled: false },
    },
  };
}

type Status = ReturnType<typeof statusFixture>;
export function statusFixture(id: string, by: ReturnType<typeof account>, text: string, extra: { inReplyTo?: string | null; visibility?: string; media?: Array<{ id: string; description: string | null }> } = {}) {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').split('\n').join('<br />');
  return {
    id, account: by, content: `<p>${escaped}</p>`, created_at: iso(Number(id) % 100_000), uri: `https://social.example/users/${by.acct}/statuses/${id}`,
    url: `https://social.example/@${by.acct}/${id}`, visibility: extra.visibility ?? 'public', in_reply_to_id: extra.inReplyTo ?? null,
    media_attachments: (extra.media ?? []).map((m) => ({ id: m.id, type: 'image', url: `https://social.example/m/${m.id}.png`, preview_url: null, description: m.description, blurhash: null })),
    emojis: [], mentions: [], tags: [], sensitive: false, spoiler_text: '', favourites_count: 0, reblogs_count: 0, replies_count: 0,
  };
}

export type FakeMastodon = OpenApiFake & {
  statuses: Status[];
  media: Map<string, { description: string | null; type: string; bytes: number; processing: number }>;
  blocked: string[];
  muted: string[];
  /** Someone else mentions (or replies to) the account: a status plus a notification, as the server would make. */
  mention(from: ReturnType<typeof account>, text: string, opts?: { inReplyTo?: string; visibility?: string }): Status;
  /** Publishes a status directly, as if posted earlier (for findPublished). */
  seed(text: string, opts?: { inReplyTo?: string }): Status;
  /** Makes the next uploads answer 202 and need this many polls before they are ready. */
  slowUploads(polls: number): void;
};

export async function startFakeMastodon(opts: { maxCharacters?: number } = {}): Promise<FakeMastodon> {
  let next = 100_000;
  const nextId = () => String(++next);
  const statuses: Status[] = [];
  const notifications: Array<{ id: string; type: string; group_key: string; created_at: string; account: ReturnType<typeof account>; status: Status }> = [];
  const media: FakeMastodon['media'] = new Map();
  const byKey = new Map<string, Status>();
  const blocked: string[] = [];
  const muted: string[] = [];
  const notFound: FakeReply = { status: 404, body: { error: 'Record not found' } };
  const relationship = (id: string) => ({
    id, blocking: blocked.includes(id), muting: muted.includes(id), muting_notifications: muted.includes(id), blocked_by: false, domain_blocking: false, endorsed: false,
    followed_by: false, following: false, note: '', notifying: false, requested: false, requested_by: false, showing_reblogs: false,
  });
  const state = { processingPolls: 0 };

  const fake = await startOpenApiFake({
    spec: SPECS.mastodon,
    patches: MASTODON_SPEC_PATCHES,
    handlers: {
      getInstanceV2: () => ({ status: 200, body: instance(opts.maxCharacters ?? 500) }),
      getAccountsVerifyCredentials: () => ({ status: 200, body: credentialAccount, headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': '2025-03-01T09:05:00.000Z' } }),
      createMediaV2: (r) => {
        const id = nextId();
        const file = r.files.file!;
        media.set(id, { description: r.body.description ?? null, type: file.type, bytes: file.bytes.length, processing: state.processingPolls });
        const body = { id, type: 'image', url: state.processingPolls ? null : `https://social.example/m/${id}.png`, preview_url: null, description: r.body.description ?? null, blurhash: null };
        return { status: state.processingPolls ? 202 : 200, body };
      },
      getMedia: (r) => {
        const m = media.get(r.params.id!);
        if (!m) return notFound;
        if (m.processing > 0) m.processing--;
        if (m.processing > 0) return { status: 206 };
        return { status: 200, body: { id: r.params.id, type: 'image', url: `https://social.example/m/${r.params.id}.png`, description: m.description } };
      },
      createStatus: (r) => {
        const key = r.headers['idempotency-key'] as string | undefined;
        const replay = key ? byKey.get(key) : undefined;
        if (replay) return { status: 200, body: replay };
        const ids: string[] = r.body.media_ids ?? [];
        if (ids.some((id) => !media.has(id) || media.get(id)!.processing > 0)) return { status: 422, body: { error: 'Cannot attach files that have not finished processing. Try again in a moment!' } };
        const s = statusFixture(nextId(), OWN, r.body.status ?? '', { inReplyTo: r.body.in_reply_to_id, visibility: r.body.visibility, media: ids.map((id) => ({ id, description: media.get(id)!.description })) });
        statuses.push(s);
        if (key) byKey.set(key, s);
        return { status: 200, body: s };
      },
      getStatus: (r) => {
        const s = statuses.find((x) => x.id === r.params.id);
        return s ? { status: 200, body: s } : notFound;
      },
      deleteStatus: (r) => {
        const i = statuses.findIndex((x) => x.id === r.params.id && x.account.id === OWN.id);
        if (i < 0) return notFound;
        const [s] = statuses.splice(i, 1);
        return { status: 200, body: s };
      },
      getAccountStatuses: (r) => {
        const limit = Number(r.query.limit ?? 20);
        const mine = statuses.filter((s) => s.account.id === r.params.id).reverse();
        return { status: 200, body: mine.slice(0, limit) };
      },
      getNotifications: (r) => {
        const types = r.query.types as string[] | undefined;
        const limit = Number(r.query.limit ?? 40);
        const newer = (id: string, than: unknown) => typeof than !== 'string' || BigInt(id) > BigInt(than);
        let list = notifications.filter((n) => (!types || types.includes(n.type)) && newer(n.id, r.query.since_id) && newer(n.id, r.query.min_id));
        // min_id: the page immediately after the cursor; otherwise the newest page. Newest first either way.
        list = r.query.min_id ? list.slice(0, limit) : list.slice(-limit);
        return { status: 200, body: list.reverse() };
      },
      postAccountBlock: (r) => (blocked.push(r.params.id!), { status: 200, body: relationship(r.params.id!) }),
      postAccountMute: (r) => (muted.push(r.params.id!), { status: 200, body: relationship(r.params.id!) }),
    },
  });

  return Object.assign(fake, {
    statuses,
    media,
    blocked,
    muted,
    slowUploads(polls: number) {
      state.processingPolls = polls;
    },
    mention(from: ReturnType<typeof account>, text: string, o: { inReplyTo?: string; visibility?: string } = {}) {
      const s = statusFixture(nextId(), from, text, { inReplyTo: o.inReplyTo ?? null, visibility: o.visibility ?? 'public' });
      statuses.push(s);
      notifications.push({ id: nextId(), type: 'mention', group_key: `ungrouped-${next}`, created_at: s.created_at, account: from, status: s });
      return s;
    },
    seed(text: string, o: { inReplyTo?: string } = {}) {
      const s = statusFixture(nextId(), OWN, text, { inReplyTo: o.inReplyTo ?? null });
      statuses.push(s);
      return s;
    },
  });
}
