/**
 * One HTTP path for the adapters that speak plain JSON over fetch, so every platform's failures become the same
 * typed PlatformErrors (R16: rate limits and expired tokens are handled and explained; a publish whose outcome is
 * unknown is reconciled, never blindly retried).
 *
 * The rule that matters most: when a request that changes something (a publish, a delete) might have reached the
 * platform and we cannot tell whether it took effect (a timeout, a dropped connection, a 5xx, an unreadable success
 * body), the error is `unknown-outcome`, never `network`, so the scheduler looks before it retries.
 */
import type { z } from 'zod';
import { PlatformError, type PlatformId } from './adapter';

export type HttpRequest<T> = {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** An object is sent as JSON; URLSearchParams as a form; FormData as multipart; bytes as they are. */
  body?: unknown;
  /** The response body's shape. Unknown fields are ignored; missing or mistyped ones are a malformed response. */
  schema?: z.ZodType<T>;
  /** True for anything that changes state on the platform. Decides between `network` and `unknown-outcome`. */
  mutating?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** What the caller is doing, for messages: "publishing", "fetching comments". */
  doing: string;
  /** The fetch to use (tests, proxies); the global fetch by default. */
  fetch?: typeof fetch;
  /**
   * Reads a platform's own error body before the status-code defaults below, for platforms whose status codes
   * mislead: Graph sends an expired token as 400 code 190, YouTube a spent quota as 403 quotaExceeded, TikTok a
   * posting cap as 403 spam_risk_too_many_posts. Return null to fall through to the defaults.
   */
  classifyError?: (res: { status: number; headers: Headers; text: string | null; mutating: boolean }) => PlatformError | null;
};

export type HttpResponse<T> = { status: number; headers: Headers; body: T };

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_ERROR_TEXT = 300;

export async function requestJson<T = unknown>(platform: PlatformId, req: HttpRequest<T>, now: () => number = Date.now): Promise<HttpResponse<T>> {
  const mutating = req.mutating ?? (req.method !== undefined && req.method !== 'GET');
  const timeout = AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  let body: BodyInit | undefined;
  if (req.body instanceof URLSearchParams || req.body instanceof FormData || req.body instanceof Uint8Array) {
    body = req.body as BodyInit;
  } else if (req.body !== undefined) {
    body = JSON.stringify(req.body);
    headers['content-type'] ??= 'application/json';
  }

  let res: Response;
  try {
    res = await (req.fetch ?? fetch)(req.url, { method: req.method ?? 'GET', headers, body, signal, redirect: 'error' });
  } catch (e) {
    const refused = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/.test(causeOf(e));
    if (mutating && !refused) {
      throw new PlatformError('unknown-outcome', platform, `Herald lost contact with the platform while ${req.doing}; it may or may not have happened. Herald will check before trying again.`, { cause: causeOf(e) });
    }
    const timedOut = timeout.aborted;
    throw new PlatformError('network', platform, timedOut ? `The platform did not answer in time while ${req.doing}.` : `Herald could not reach the platform while ${req.doing}. Check the internet connection.`, { cause: causeOf(e) });
  }

  const text = await readText(res, signal).catch(() => null);
  if (res.status >= 400 && req.classifyError) {
    const classified = req.classifyError({ status: res.status, headers: res.headers, text, mutating });
    if (classified) throw classified;
  }
  if (res.status === 401) {
    throw new PlatformError('auth-expired', platform, 'The platform no longer accepts this account’s sign-in. Reconnect the account.', { status: 401 });
  }
  if (res.status === 403) {
    throw new PlatformError('auth-expired', platform, `The platform refused while ${req.doing}: the account may have lost a permission Herald needs. Reconnect it, or check its role. ${platformMessage(text)}`.trim(), { status: 403 });
  }
  if (res.status === 429) {
    const retryAt = retryAtFrom(res.headers, now());
    const when = retryAt ? ` Herald will try again after ${new Date(retryAt).toISOString()}.` : '';
    throw new PlatformError('rate-limited', platform, `The platform is limiting how often Herald can post or read.${when}`, { status: 429, ...(retryAt ? { retryAt } : {}) });
  }
  if (res.status >= 500) {
    if (mutating) {
      throw new PlatformError('unknown-outcome', platform, `The platform had a fault (${res.status}) while ${req.doing}; it may or may not have happened. Herald will check before trying again.`, { status: res.status });
    }
    throw new PlatformError('network', platform, `The platform had a fault (${res.status}) while ${req.doing}. Herald will try again later.`, { status: res.status });
  }
  if (res.status >= 400) {
    throw new PlatformError('invalid-content', platform, `The platform refused this while ${req.doing} (${res.status}). ${platformMessage(text)}`.trim(), { status: res.status });
  }

  // A success whose body cannot be read: the action probably happened, but we cannot prove it.
  const malformed = (why: string) =>
    new PlatformError(mutating ? 'unknown-outcome' : 'network', platform, `The platform sent a response Herald could not read while ${req.doing} (${why}).${mutating ? ' Herald will check whether it took effect before trying again.' : ''}`, { status: res.status });
  if (text === null) throw malformed('the response was cut off');
  let parsed: unknown = undefined;
  if (text.length > 0) {
    if (!/json/i.test(res.headers.get('content-type') ?? 'application/json') && /^\s*</.test(text)) throw malformed('an HTML page instead of data');
    try {
      parsed = JSON.parse(text);
    } catch {
      throw malformed(/^\s*</.test(text) ? 'an HTML page instead of data' : 'incomplete data');
    }
  }
  if (!req.schema) return { status: res.status, headers: res.headers, body: parsed as T };
  const checked = req.schema.safeParse(parsed);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw malformed(`${first?.path.join('.') || 'body'}: ${first?.message ?? 'unexpected shape'}`);
  }
  return { status: res.status, headers: res.headers, body: checked.data };
}

async function readText(res: Response, signal: AbortSignal): Promise<string> {
  if (signal.aborted) throw signal.reason;
  return await res.text();
}

/** Retry-After (seconds or an HTTP date), X's x-rate-limit-reset and IETF RateLimit-Reset (seconds). */
export function retryAtFrom(headers: Headers, now: number): number | null {
  const after = headers.get('retry-after');
  if (after) {
    if (/^\d+$/.test(after.trim())) return now + Number(after) * 1000;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return date;
  }
  const xReset = headers.get('x-rate-limit-reset') ?? headers.get('x-ratelimit-reset');
  if (xReset && /^\d+$/.test(xReset)) {
    const n = Number(xReset);
    return n > 1e12 ? n : n > 1e9 ? n * 1000 : now + n * 1000;
  }
  const reset = headers.get('ratelimit-reset');
  if (reset && /^\d+$/.test(reset)) return now + Number(reset) * 1000;
  return null;
}

/** The platform's own error text, if it sent any readable one, cut short and stripped of markup. */
function platformMessage(text: string | null): string {
  if (!text) return '';
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    const nested = j.error as Record<string, unknown> | string | undefined;
    const candidate =
      (typeof nested === 'object' && nested ? (nested.message ?? nested.error_user_msg) : nested) ??
      j.error_description ?? j.message ?? j.detail ?? j.title ?? (Array.isArray(j.errors) ? (j.errors[0] as { message?: string })?.message : undefined);
    if (typeof candidate === 'string') return `The platform said: ${candidate.slice(0, MAX_ERROR_TEXT)}`;
  } catch {
    // not JSON: fall through
  }
  return '';
}

function causeOf(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  return [err.cause?.code, err.cause?.message, err.message].filter(Boolean).join(' ').slice(0, 200);
}
