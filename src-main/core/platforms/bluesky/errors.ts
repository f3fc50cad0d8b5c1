/**
 * Turns whatever @atproto/api throws into one of Herald's PlatformError kinds, with a message a comms officer can act
 * on and no stack trace (R16; the same rules as ../http.ts, which this adapter cannot use because the XRPC client does
 * its own fetching).
 *
 * The XRPC client reports: an HTTP status with the server's `error` name (ExpiredToken, InvalidRequest,
 * RecordNotFound...), status 1 ("Unknown") when no response came back at all, and status 2 ("InvalidResponse") when a
 * response came back that it could not parse or that failed lexicon validation. The rule that matters most: when a
 * change might have reached Bluesky and we cannot tell whether it took effect, the kind is `unknown-outcome`.
 */
import { XRPCError } from '@atproto/api';
import { PlatformError } from '../adapter';
import { retryAtFrom } from '../http';

export type Doing = {
  /** For messages: "publishing", "fetching comments". */
  doing: string;
  /** True when the call changes something on Bluesky (decides between `network` and `unknown-outcome`). */
  mutating: boolean;
};

const AUTH_ERRORS = new Set(['ExpiredToken', 'InvalidToken', 'AuthRequired', 'AuthenticationRequired', 'AuthMissing', 'BadJwt', 'AccountTakedown', 'AccountDeactivated', 'AuthFactorTokenRequired']);
const REFUSED = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|bad port|invalid url/i;
const MAX_PLATFORM_TEXT = 300;

/** True for failures that a fresh sign-in can cure. */
export function isAuthFailure(e: unknown): boolean {
  return e instanceof XRPCError && (e.status === 401 || AUTH_ERRORS.has(e.error ?? ''));
}

/** Bluesky's "RecordNotFound" (and the older untyped "Could not locate record"). */
export function isNotFound(e: unknown): boolean {
  return e instanceof XRPCError && e.status === 400 && (e.error === 'RecordNotFound' || /could not locate record/i.test(e.message));
}

export function toPlatformError(e: unknown, op: Doing, now: () => number = Date.now): PlatformError {
  if (e instanceof PlatformError) return e;
  const { doing, mutating } = op;
  const maybe = mutating ? ' It may or may not have happened; Herald will check before trying again.' : '';
  if (!(e instanceof XRPCError)) {
    return mutating
      ? new PlatformError('unknown-outcome', 'bluesky', `Something went wrong inside Herald while ${doing} on Bluesky.${maybe}`, { cause: causeText(e) })
      : new PlatformError('network', 'bluesky', `Something went wrong while ${doing} on Bluesky. Herald will try again later.`, { cause: causeText(e) });
  }
  const status = e.status;
  const said = platformSaid(e);
  if (status === 1) return noResponse(e, op);
  if (status === 2) {
    return new PlatformError(mutating ? 'unknown-outcome' : 'network', 'bluesky', `Bluesky sent a response Herald could not read while ${doing}.${mutating ? maybe : ' Herald will try again later.'}`, { cause: causeText(e) });
  }
  if (isAuthFailure(e)) return authError(e, doing);
  if (status === 403) {
    return new PlatformError('auth-expired', 'bluesky', `Bluesky refused while ${doing}: the sign-in may lack a permission Herald needs (an app password without the right access, or a suspended account). Reconnect the account.${said}`, { status });
  }
  if (status === 429) {
    const retryAt = blueskyRetryAt(e.headers ?? {}, now());
    const when = retryAt ? ` Herald will try again after ${new Date(retryAt).toISOString()}.` : ' Herald will try again later.';
    return new PlatformError('rate-limited', 'bluesky', `Bluesky is limiting how often this account can post or read.${when}`, { status, ...(retryAt ? { retryAt } : {}) });
  }
  if (status === 501 || status === 404 || /No service configured/i.test(e.message)) {
    return new PlatformError('not-supported', 'bluesky', `This Bluesky server cannot do this (${doing}): it may not offer that service.${said}`, { status, cause: e.error });
  }
  if (status >= 500) {
    return mutating
      ? new PlatformError('unknown-outcome', 'bluesky', `Bluesky had a fault (${status}) while ${doing}.${maybe}`, { status, cause: e.error })
      : new PlatformError('network', 'bluesky', `Bluesky had a fault (${status}) while ${doing}. Herald will try again later.`, { status, cause: e.error });
  }
  // 400 InvalidRequest (lexicon validation: too long, bad facet, wrong type), 413 PayloadTooLarge, 415 and the rest.
  return new PlatformError('invalid-content', 'bluesky', `Bluesky refused this while ${doing}.${said || ' No reason was given.'}`, { status, cause: e.error });
}

function authError(e: XRPCError, doing: string): PlatformError {
  const detail: Record<string, string> = {
    AccountTakedown: 'Bluesky has suspended this account. Contact Bluesky support.',
    AccountDeactivated: 'This Bluesky account is deactivated. Reactivate it in the Bluesky app, then reconnect it.',
    AuthFactorTokenRequired: 'Bluesky asked for an email code, which happens with the account’s main password. Connect with an app password instead.',
  };
  const message = detail[e.error ?? ''] ?? `Bluesky no longer accepts this account’s sign-in (while ${doing}). Reconnect it with the handle and a current app password.`;
  return new PlatformError('auth-expired', 'bluesky', message, { status: e.status, cause: e.error ?? undefined });
}

function noResponse(e: XRPCError, op: Doing): PlatformError {
  const cause = causeText(e);
  const timedOut = /TimeoutError|timed? ?out|aborted due to timeout/i.test(cause);
  const refused = REFUSED.test(cause);
  if (op.mutating && !refused) {
    return new PlatformError('unknown-outcome', 'bluesky', `Herald lost contact with Bluesky while ${op.doing}. It may or may not have happened; Herald will check before trying again.`, { cause });
  }
  return new PlatformError('network', 'bluesky', timedOut ? `Bluesky did not answer in time while ${op.doing}.` : `Herald could not reach Bluesky while ${op.doing}. Check the internet connection and the server address.`, { cause });
}

/**
 * Bluesky's PDS sends `ratelimit-reset` as a Unix time in seconds (not the IETF draft's delta seconds that
 * ../http.ts assumes), alongside `ratelimit-remaining`; other servers may send Retry-After.
 */
export function blueskyRetryAt(headers: Record<string, string | undefined>, now: number): number | null {
  const reset = headers['ratelimit-reset'];
  if (reset && /^\d+$/.test(reset.trim())) {
    const n = Number(reset);
    return n > 1e9 ? n * 1000 : now + n * 1000;
  }
  return retryAtFrom(new Headers(Object.entries(headers).filter((kv): kv is [string, string] => typeof kv[1] === 'string')), now);
}

function platformSaid(e: XRPCError): string {
  const m = e.message && e.message !== e.error ? e.message : '';
  return m ? ` Bluesky said: ${m.slice(0, MAX_PLATFORM_TEXT)}` : '';
}

/** The causes' codes and messages, one line, for details (never shown as a stack). */
function causeText(e: unknown): string {
  const parts: string[] = [];
  let c: unknown = e;
  for (let i = 0; c && i < 5; i++) {
    const err = c as { name?: string; code?: string; message?: string; cause?: unknown };
    parts.push([err.name, err.code, err.message].filter(Boolean).join(' '));
    c = err.cause;
  }
  return parts.join(' <- ').replace(/\s+/g, ' ').slice(0, 300);
}
