/**
 * What Facebook Pages, Instagram and Threads share: Meta's Graph API. One client, one reading of Graph's error body
 * `{error:{message,type,code,error_subcode,is_transient}}`, one reading of its usage headers, one wait for media
 * containers. Graph's status codes mislead (an expired token is a 400), so the error *code* decides the kind:
 *  - 190 (and 102): the token expired or was revoked → auth-expired (Graph API "Handling Errors").
 *  - 10 and 200-299: a permission is missing → auth-expired, with "reconnect granting it".
 *  - 4, 17, 32, 613 and the Business Use Case codes 80001-80014: throttled → rate-limited, retry time from
 *    X-Business-Use-Case-Usage `estimated_time_to_regain_access` (Graph API "Rate Limits").
 *  - Instagram's 9 / 2207042: the 24-hour publishing limit → rate-limited (Content Publishing).
 *  - is_transient, or codes 1 and 2: a temporary fault → network, or unknown-outcome for a change.
 * Tokens travel in the Authorization header, never in a URL, so they cannot leak into logs.
 */
import type { z } from 'zod';
import { PlatformError, type CallContext, type PlatformId } from '../adapter';
import type { HttpRequest } from '../http';
import { bearerRequest, type BearerApi } from '../bearer-request';
import { sleep, type ResolvedOptions } from '../adapter-options';

export type MetaPlatform = Extract<PlatformId, 'facebook' | 'instagram' | 'threads'>;
const NAMES: Record<MetaPlatform, string> = { facebook: 'Facebook', instagram: 'Instagram', threads: 'Threads' };

type GraphError = { message?: string; error_user_msg?: string; type?: string; code: number; error_subcode?: number; is_transient?: boolean };

function graphErrorOf(text: string | null): GraphError | null {
  try {
    const e = (JSON.parse(text ?? '') as { error?: unknown }).error as GraphError | undefined;
    return e && typeof e === 'object' && typeof e.code === 'number' ? e : null;
  } catch {
    return null;
  }
}

/** Usage as a percentage of the allowance left, from X-Business-Use-Case-Usage, X-Page-Usage or X-App-Usage. */
export function graphUsage(headers: Headers, now: number): { remaining: number | null; resetAt: number | null } | null {
  type Usage = { call_count?: number; total_cputime?: number; total_time?: number; estimated_time_to_regain_access?: number };
  const entries: Usage[] = [];
  for (const name of ['x-business-use-case-usage', 'x-page-usage', 'x-app-usage']) {
    try {
      const v = JSON.parse(headers.get(name) ?? 'null') as unknown;
      if (!v || typeof v !== 'object') continue;
      if (name === 'x-business-use-case-usage') for (const list of Object.values(v)) entries.push(...(list as Usage[]));
      else entries.push(v as Usage);
    } catch {
      // an unreadable usage header tells us nothing; carry on without it
    }
  }
  if (entries.length === 0) return null;
  const used = Math.max(...entries.map((u) => Math.max(u.call_count ?? 0, u.total_cputime ?? 0, u.total_time ?? 0)));
  const regainMin = Math.max(...entries.map((u) => u.estimated_time_to_regain_access ?? 0));
  return { remaining: Math.max(0, 100 - used), resetAt: regainMin > 0 ? now + regainMin * 60_000 : null };
}

export function classifyGraphError(platform: MetaPlatform, now: () => number): NonNullable<HttpRequest<unknown>['classifyError']> {
  const name = NAMES[platform];
  return ({ status, headers, text, mutating }) => {
    const e = graphErrorOf(text);
    if (!e) return null;
    const said = (e.error_user_msg ?? e.message ?? '').slice(0, 300);
    if (e.code === 190 || e.code === 102) {
      return new PlatformError('auth-expired', platform, `${name} no longer accepts this account’s sign-in (the token expired or was revoked). Reconnect the account.`, { status });
    }
    if (e.code === 10 || (e.code >= 200 && e.code <= 299)) {
      return new PlatformError('auth-expired', platform, `${name} refused: the account lacks a permission Herald needs. Reconnect it and grant every permission asked for. ${name} said: ${said}`, { status });
    }
    if ([4, 17, 32, 613].includes(e.code) || (e.code >= 80001 && e.code <= 80014) || e.error_subcode === 2207042) {
      const resetAt = graphUsage(headers, now())?.resetAt ?? null;
      const when = resetAt ? ` Herald will try again after ${new Date(resetAt).toISOString()}.` : ' Herald will try again later.';
      return new PlatformError('rate-limited', platform, `${name} is limiting how often Herald can post or read.${when}`, { status, ...(resetAt ? { retryAt: resetAt } : {}) });
    }
    if (e.is_transient || e.code === 1 || e.code === 2) {
      return mutating
        ? new PlatformError('unknown-outcome', platform, `${name} had a temporary fault; the change may or may not have happened. Herald will check before trying again.`, { status })
        : new PlatformError('network', platform, `${name} had a temporary fault. Herald will try again later.`, { status });
    }
    if (status >= 500) return null;
    return new PlatformError('invalid-content', platform, `${name} refused this (code ${e.code}). ${name} said: ${said}`.trim(), { status });
  };
}

type Params = Record<string, string | number | boolean | undefined>;
type CallOpts<T> = { params?: Params; body?: URLSearchParams | FormData; schema?: z.ZodType<T>; doing: string; mutating?: boolean };

export type Graph = ReturnType<typeof createGraph>;

export function createGraph(platform: MetaPlatform, o: ResolvedOptions) {
  const api: BearerApi = { platform, name: NAMES[platform], options: o, classifyError: classifyGraphError(platform, o.now) };
  const call = <T>(ctx: CallContext, method: 'GET' | 'POST' | 'DELETE', path: string, c: CallOpts<T>) =>
    bearerRequest<T>(api, ctx, method, path, { query: c.params, ...(c.body ? { body: c.body } : {}), ...(c.schema ? { schema: c.schema } : {}), doing: c.doing, ...(c.mutating !== undefined ? { mutating: c.mutating } : {}) });
  return {
    get: <T>(ctx: CallContext, path: string, c: Omit<CallOpts<T>, 'body'>) => call(ctx, 'GET', path, c),
    post: <T>(ctx: CallContext, path: string, c: CallOpts<T>) => call(ctx, 'POST', path, c),
    del: <T>(ctx: CallContext, path: string, c: Omit<CallOpts<T>, 'body'>) => call(ctx, 'DELETE', path, c),
  };
}

/** A platform-specific id the account service stored at connect time (Page id, Instagram user id). */
export function requireExtra(platform: MetaPlatform, ctx: CallContext, key: string, what: string): string {
  const v = ctx.credentials.extra?.[key];
  if (!v) throw new PlatformError('auth-expired', platform, `This ${NAMES[platform]} account has no ${what} stored. Reconnect it and choose the ${what}.`);
  return v;
}

/**
 * Instagram and Threads fetch media from its URL into a container before it can be published (Content Publishing;
 * Threads "Posts"). Wait until the container is FINISHED; an ERROR or EXPIRED container means the media was refused.
 * Giving up is a `network` error: nothing has been published yet, so trying again later is safe.
 */
export async function waitForContainer(graph: Graph, platform: MetaPlatform, ctx: CallContext, id: string, field: 'status_code' | 'status', o: ResolvedOptions): Promise<void> {
  for (let i = 0; i < o.maxPolls; i++) {
    const { body } = await graph.get<Record<string, unknown>>(ctx, id, { params: { fields: field === 'status' ? 'status,error_message' : 'status_code' }, doing: 'waiting for the media to be processed' });
    const status = String(body?.[field] ?? '');
    if (status === 'FINISHED') return;
    if (status === 'ERROR' || status === 'EXPIRED') {
      const why = typeof body?.error_message === 'string' ? ` ${NAMES[platform]} said: ${body.error_message.slice(0, 200)}` : '';
      throw new PlatformError('invalid-content', platform, `${NAMES[platform]} could not use this media (${status.toLowerCase()}): check its format and size, and that its web address is public.${why}`);
    }
    if (i < o.maxPolls - 1) await sleep(o.pollIntervalMs, ctx.signal);
  }
  throw new PlatformError('network', platform, `${NAMES[platform]} is still processing the media; nothing has been published yet. Herald will try again later.`);
}
