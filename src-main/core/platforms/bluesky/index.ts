/**
 * The Bluesky adapter (R1, R6, R7, R20): publishing, the inbox and moderation over AT Protocol with @atproto/api,
 * signed in with a handle and an app password against the account's PDS (`credentials.serviceUrl`, usually
 * https://bsky.social).
 *
 * This file only wires operations to the session pool with what each one means for error handling: whether it
 * changes something on Bluesky (so a lost answer is `unknown-outcome`, never `network`) and what to call it in
 * messages. The work lives in publish.ts, comments.ts and moderation.ts; capabilities in capabilities.ts.
 */
import type { CallContext, Comment, Health, PlatformAdapter, PublishRequest } from '../adapter';
import { BLUESKY_CAPABILITIES } from './capabilities';
import { fetchComments } from './comments';
import { blueskyRetryAt } from './errors';
import { blockUser, deleteComment, hideComment, reply } from './moderation';
import { deletePost, findPublished, publish } from './publish';
import { SessionPool } from './session';

export { BLUESKY_CAPABILITIES } from './capabilities';

export type BlueskyAdapterOptions = {
  /** UTC epoch ms; tests pass a fixed clock. */
  now?: () => number;
  /** Per-request time limit; a server that never answers becomes a typed error after this. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

const DEFAULT_TIMEOUT_MS = 30_000;

export function createBlueskyAdapter(opts: BlueskyAdapterOptions = {}): PlatformAdapter {
  const now = opts.now ?? Date.now;
  const pool = new SessionPool({ now, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, fetch: opts.fetch ?? globalThis.fetch.bind(globalThis) });
  const read = (doing: string) => ({ doing, mutating: false });
  const change = (doing: string) => ({ doing, mutating: true });

  return {
    platform: 'bluesky',
    capabilities: BLUESKY_CAPABILITIES,

    checkHealth: (ctx: CallContext): Promise<Health> =>
      pool.withAgent(ctx, read('checking the account'), async (s) => {
        const res = await s.agent.com.atproto.server.getSession(undefined, { signal: s.signal });
        const remaining = Number(res.headers['ratelimit-remaining']);
        const resetAt = blueskyRetryAt(res.headers, now());
        return {
          ok: res.data.active !== false,
          accountName: res.data.handle,
          accountId: res.data.did,
          // App passwords do not expire; Herald renews the session tokens by itself.
          tokenExpiresAt: null,
          rateLimit: Number.isFinite(remaining) || resetAt ? { remaining: Number.isFinite(remaining) ? remaining : null, resetAt } : null,
        };
      }),

    publish: (ctx: CallContext, post: PublishRequest) => pool.withAgent(ctx, change('publishing'), (s) => publish(s, post, now)),

    findPublished: (ctx: CallContext, post: PublishRequest) => pool.withAgent(ctx, read('checking whether the post was published'), (s) => findPublished(s, post)),

    deletePost: (ctx: CallContext, platformPostId: string) => pool.withAgent(ctx, change('deleting the post'), (s) => deletePost(s, platformPostId)),

    fetchComments: (ctx: CallContext, cursor: string | null) => pool.withAgent(ctx, read('fetching replies and mentions'), (s) => fetchComments(s, cursor)),

    reply: (ctx: CallContext, comment: Comment, text: string) => pool.withAgent(ctx, change('replying'), (s) => reply(s, comment, text, now)),

    hideComment: (ctx: CallContext, comment: Comment) => pool.withAgent(ctx, change('hiding the reply'), (s) => hideComment(s, comment, now)),

    deleteComment: async () => deleteComment(),

    blockUser: (ctx: CallContext, authorId: string) => pool.withAgent(ctx, change('blocking the account'), (s) => blockUser(s, authorId, now)),
  };
}
