/**
 * Why Herald refused to finish connecting an account, as data: the account service audits `reason` (it is the
 * caller's transaction that writes the audit entry) and shows `message`, written for a comms officer.
 *
 * The reasons map to the checks the standards ask a native app to make:
 * - state-mismatch: RFC 6749 §10.12 (CSRF), the callback's `state` is not the one Herald sent.
 * - replayed-code: RFC 6749 §4.1.2 and §10.5, a code is single-use; seen twice, or the token endpoint said invalid_grant.
 * - foreign-redirect: RFC 8252 §7.3 and §8.3, the callback reached the listener on another host, port or path; or
 *   RFC 9207 §2.4, the `iss` parameter names a different authorisation server (a mix-up attack).
 * - access-denied / authorisation-error: RFC 6749 §4.1.2.1 error responses.
 * - timeout / cancelled: nobody finished the sign-in in the browser.
 * - token-endpoint-error: RFC 6749 §5.2, or an unreadable token response.
 */
import { HeraldError } from '../../errors';
import type { OAuthPlatformId } from './providers';

export const REFUSAL_REASONS = ['state-mismatch', 'replayed-code', 'foreign-redirect', 'access-denied', 'authorisation-error', 'timeout', 'cancelled', 'token-endpoint-error'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type RefusalDetails = {
  /** The OAuth error code the platform sent, if any (never a token or a code). */
  oauthError?: string;
  status?: number;
};

export class OAuthRefusedError extends HeraldError {
  constructor(
    readonly reason: RefusalReason,
    readonly platform: OAuthPlatformId,
    message: string,
    readonly details: RefusalDetails = {},
  ) {
    super('bad-credentials', message, { reason });
    this.name = 'OAuthRefusedError';
  }
}

export const isOAuthRefusal = (e: unknown): e is OAuthRefusedError => e instanceof OAuthRefusedError;

/** Plain British English for each reason. `name` is the platform's display name. */
export function refusalMessage(reason: RefusalReason, name: string, extra = ''): string {
  const tail = extra ? ` ${extra}` : '';
  switch (reason) {
    case 'state-mismatch':
      return `Herald did not connect ${name}: the sign-in reply did not match the request Herald made, so it may not have come from you. Try connecting again.${tail}`;
    case 'replayed-code':
      return `Herald did not connect ${name}: the sign-in code had already been used or had expired. Try connecting again.${tail}`;
    case 'foreign-redirect':
      return `Herald did not connect ${name}: the sign-in reply came from somewhere Herald did not expect. Try connecting again, and tell your administrator if it happens twice.${tail}`;
    case 'access-denied':
      return `${name} was not connected because access was not allowed on the ${name} page. Connect again and choose Allow if you want Herald to use this account.${tail}`;
    case 'authorisation-error':
      return `${name} refused the sign-in request.${tail}`;
    case 'timeout':
      return `Herald stopped waiting for the ${name} sign-in to finish in your browser. Try connecting again.${tail}`;
    case 'cancelled':
      return `Connecting ${name} was cancelled.${tail}`;
    case 'token-endpoint-error':
      return `${name} did not give Herald access after the sign-in. Try again later.${tail}`;
    default: {
      const never: never = reason;
      return never;
    }
  }
}
