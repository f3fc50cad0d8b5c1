/**
 * TikTok API v2 conventions in one place ("Error Handling", Content Posting API reference pages):
 *  - every answer is an envelope `{data, error:{code,message,log_id}}`; success is error.code "ok", and a failure's
 *    code is a readable string whose HTTP status can mislead (a posting cap is a 403, not a permission problem);
 *  - post ids (`publicaly_available_post_id`, TikTok's spelling) are 64-bit integers that JavaScript's JSON parser
 *    would round, so Herald quotes them before parsing;
 *  - TikTok's log_id goes into messages, because TikTok support asks for it.
 */
import { z } from 'zod';
import { PlatformError, type CallContext } from '../adapter';
import { requestJson, retryAtFrom } from '../http';
import type { ResolvedOptions } from '../adapter-options';

export const envelope = <T extends z.ZodType>(data: T) => z.object({ data, error: z.object({ code: z.string(), message: z.string().default(''), log_id: z.string().default('') }) });

const AUTH = new Set(['access_token_invalid', 'scope_not_authorized', 'scope_permission_missed']);
const DAILY_CAPS = new Set(['spam_risk_too_many_posts', 'spam_risk_too_many_pending_share', 'reached_active_user_cap']);
const ADVICE: Record<string, string> = {
  url_ownership_unverified: 'The media’s web address is on a domain not verified with TikTok: verify the domain in the TikTok developer portal, or let Herald upload the video instead.',
  privacy_level_option_mismatch: 'This account does not allow that audience for its posts.',
  unaudited_client_can_only_post_to_private_accounts: 'Until TikTok audits Herald’s app, it can post only to private accounts.',
  spam_risk_user_banned_from_posting: 'TikTok has stopped this account posting: check the account in the TikTok app.',
  spam_risk_text: 'TikTok judged the caption to be spam: reword it.',
};

export function tiktokError(code: string, message: string, logId: string, status: number, headers: Headers, now: number, mutating: boolean): PlatformError | null {
  const said = `${message ? ` TikTok said: ${message.slice(0, 200)}` : ''}${logId ? ` (TikTok log id ${logId})` : ''}`;
  if (code === 'ok') return null;
  if (AUTH.has(code)) return new PlatformError('auth-expired', 'tiktok', `TikTok no longer accepts this account’s sign-in, or lacks a permission Herald needs. Reconnect the account.${said}`, { status });
  if (code === 'rate_limit_exceeded' || DAILY_CAPS.has(code)) {
    const retryAt = retryAtFrom(headers, now) ?? now + (DAILY_CAPS.has(code) ? 86_400_000 : 60_000);
    const what = DAILY_CAPS.has(code) ? 'TikTok’s daily posting limit for this account has been reached.' : 'TikTok is limiting how often Herald can make requests.';
    return new PlatformError('rate-limited', 'tiktok', `${what} Herald will try again after ${new Date(retryAt).toISOString()}.${said}`, { status, retryAt });
  }
  if (code === 'internal_error' || status >= 500) {
    if (status >= 500) return null; // http.ts decides between network and unknown-outcome
    return mutating
      ? new PlatformError('unknown-outcome', 'tiktok', `TikTok had a fault; the post may or may not have gone through. Check the TikTok app before trying again.${said}`, { status })
      : new PlatformError('network', 'tiktok', `TikTok had a fault. Herald will try again later.${said}`, { status });
  }
  return new PlatformError('invalid-content', 'tiktok', `TikTok refused this (${code}). ${ADVICE[code] ?? ''}${said}`.replace(/\s+/g, ' ').trim(), { status });
}

function errorOf(text: string | null): { code: string; message: string; log_id: string } | null {
  try {
    const e = (JSON.parse(text ?? '') as { error?: { code?: unknown; message?: unknown; log_id?: unknown } }).error;
    return e && typeof e === 'object' && typeof e.code === 'string' ? { code: e.code, message: String(e.message ?? ''), log_id: String(e.log_id ?? '') } : null;
  } catch {
    return null;
  }
}

/** Quotes the 64-bit post ids before JSON.parse can round them. */
function withQuotedPostIds(f: typeof fetch): typeof fetch {
  return async (input, init) => {
    const res = await f(input, init);
    if (!/json/i.test(res.headers.get('content-type') ?? '') || res.status === 204) return res;
    const text = await res.text();
    const quoted = text.replace(/("publicaly_available_post_id"\s*:\s*\[)([^\]]*)\]/g, (_m, head: string, list: string) => `${head}${list.replace(/-?\d{10,}/g, '"$&"')}]`);
    return new Response(quoted, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

type Call<T> = { body?: unknown; schema?: z.ZodType<T>; doing: string; mutating?: boolean; headers?: Record<string, string>; auth?: boolean };

export function createTikTokApi(o: ResolvedOptions) {
  const f = withQuotedPostIds(o.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a)));
  return async function call<T>(ctx: CallContext, method: 'GET' | 'POST' | 'PUT', pathOrUrl: string, c: Call<T>) {
    const token = ctx.credentials.accessToken;
    if (!token) throw new PlatformError('auth-expired', 'tiktok', 'This TikTok account has no sign-in stored. Reconnect it.');
    const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${ctx.credentials.serviceUrl.replace(/\/+$/, '')}${pathOrUrl}`;
    const mutating = c.mutating ?? method !== 'GET';
    const res = await requestJson<T>(
      'tiktok',
      {
        url,
        method,
        // The upload URL is pre-signed: TikTok's token goes only to the API itself.
        headers: { ...(c.auth === false ? {} : { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8' }), ...c.headers },
        ...(c.body !== undefined ? { body: c.body } : {}),
        ...(c.schema ? { schema: c.schema } : {}),
        mutating,
        timeoutMs: o.timeoutMs,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        doing: c.doing,
        fetch: f,
        classifyError: ({ status, headers, text }) => {
          const e = errorOf(text);
          return e ? tiktokError(e.code, e.message, e.log_id, status, headers, o.now(), mutating) : null;
        },
      },
      o.now,
    );
    // A 200 can still carry an error envelope.
    const e = (res.body as { error?: { code: string; message: string; log_id: string } } | undefined)?.error;
    const failed = e ? tiktokError(e.code, e.message, e.log_id, res.status, res.headers, o.now(), mutating) : null;
    if (failed) throw failed;
    return res;
  };
}
