/**
 * Keeping a connected account signed in: refresh before expiry (RFC 6749 §6), and revoke on disconnect (RFC 7009).
 *
 * Two rules matter because X and TikTok rotate refresh tokens (RFC 6749 §10.4; RFC 9700 §4.14.2: each refresh
 * returns a new refresh token and the old one stops working):
 * 1. The new credentials are persisted (`persist(next)`, the keychain write) BEFORE anyone gets the new access token.
 *    If Herald crashes between the refresh and the write, the keychain must not be left holding only the dead token,
 *    so nothing uses the new one until it is stored; a failed write fails the refresh.
 * 2. Callers refreshing the same account at the same time share one request. Two requests with one rotating refresh
 *    token would burn it (the second gets invalid_grant, and some servers then revoke the whole grant). A caller that
 *    arrives just after, still holding the old refresh token, is given the result of the refresh it missed.
 */
import { createHash } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { PlatformError, type Credentials } from '../adapter';
import { renewLongLived } from './meta-tokens';
import { authorizationServer, clientAuth, oauthErrorOf, requestOptions, tokensFrom, type OAuthClient, type OAuthTokens } from './oauth-client';
import type { OAuthProvider } from './providers';

export type RefreshOptions = {
  /** The app's client; defaults to one stored with the account (`extra.clientId`/`extra.clientSecret`, Mastodon). */
  client?: OAuthClient;
  now?: () => number;
  /** Refresh this long before expiry. Default 5 minutes (a provider may ask for more: Meta long-lived tokens). */
  skewMs?: number;
  /** Stores the new credentials atomically. Awaited before the new access token is returned. */
  persist: (next: Credentials) => Promise<void>;
  signal?: AbortSignal;
};

const DEFAULT_SKEW_MS = 5 * 60_000;
/** How long a finished refresh is remembered for latecomers holding the token it replaced. */
const REMEMBER_MS = 2 * 60_000;

const inFlight = new Map<string, Promise<Credentials>>();
const recent = new Map<string, { next: Credentials; until: number }>();

export function clientFor(credentials: Credentials, client?: OAuthClient): OAuthClient | null {
  if (client) return client;
  const id = credentials.extra?.clientId;
  return id ? { clientId: id, ...(credentials.extra?.clientSecret ? { clientSecret: credentials.extra.clientSecret } : {}) } : null;
}

export async function refreshIfDue(credentials: Credentials, p: OAuthProvider, o: RefreshOptions): Promise<Credentials> {
  const now = o.now ?? Date.now;
  if (credentials.expiresAt === undefined || !credentials.accessToken) return credentials;
  const skew = Math.max(o.skewMs ?? DEFAULT_SKEW_MS, p.refreshSkewMs ?? 0);
  const expired = now() >= credentials.expiresAt;
  if (now() < credentials.expiresAt - skew) return credentials;

  const canRefresh = p.refresh === 'refresh-token' ? !!credentials.refreshToken : p.refresh === 'meta-long-lived' && !!p.longLived?.refreshUrl && !expired;
  if (!canRefresh) {
    if (!expired) return credentials; // nothing to do yet; health checks show the expiry date
    throw new PlatformError('auth-expired', p.id, `Herald’s access to this ${p.displayName} account has expired. Reconnect the account.`);
  }
  const client = clientFor(credentials, o.client);
  if (!client) throw new PlatformError('auth-expired', p.id, `Herald has no ${p.displayName} app id set up, so it cannot renew access. Reconnect the account.`);

  const key = `${p.id}|${p.tokenEndpoint}|${createHash('sha256').update(credentials.refreshToken ?? credentials.accessToken).digest('hex')}`;
  const remembered = recent.get(key);
  if (remembered && remembered.until > Date.now()) return remembered.next;
  const running = inFlight.get(key);
  if (running) return running;

  const job = (async () => {
    const tokens = await grant(credentials, p, client, now(), o.signal);
    const next: Credentials = {
      ...credentials,
      accessToken: tokens.accessToken,
      // RFC 6749 §6: a response without refresh_token means keep using the old one (Google, LinkedIn).
      refreshToken: tokens.refreshToken ?? credentials.refreshToken,
      expiresAt: tokens.expiresAt,
      ...(tokens.extra || credentials.extra ? { extra: { ...credentials.extra, ...tokens.extra } } : {}),
    };
    if (next.refreshToken === undefined) delete next.refreshToken;
    if (next.expiresAt === undefined) delete next.expiresAt;
    await o.persist(next); // rule 1: stored before anyone can use it
    recent.set(key, { next, until: Date.now() + REMEMBER_MS });
    setTimeout(() => recent.delete(key), REMEMBER_MS).unref();
    return next;
  })();
  inFlight.set(key, job);
  try {
    return await job;
  } finally {
    inFlight.delete(key);
  }
}

async function grant(credentials: Credentials, p: OAuthProvider, client: OAuthClient, now: number, signal?: AbortSignal): Promise<OAuthTokens> {
  try {
    if (p.refresh === 'meta-long-lived') return await renewLongLived(p, client, credentials.accessToken!, now);
    const as = authorizationServer(p);
    const c = { client_id: client.clientId };
    const res = await oauth.refreshTokenGrantRequest(as, c, clientAuth(p, client), credentials.refreshToken!, requestOptions(p, signal));
    return tokensFrom(await oauth.processRefreshTokenResponse(as, c, res), now);
  } catch (e) {
    throw toPlatformError(e, p, 'renewing access');
  }
}

/** Revokes the account's tokens where the platform has an RFC 7009 endpoint; otherwise says so. */
export async function revoke(credentials: Credentials, p: OAuthProvider, o: { client?: OAuthClient; signal?: AbortSignal } = {}): Promise<'revoked' | 'not-supported'> {
  if (!p.revocationEndpoint) return 'not-supported';
  const client = clientFor(credentials, o.client);
  if (!client) throw new PlatformError('auth-expired', p.id, `Herald has no ${p.displayName} app id set up, so it cannot revoke access.`);
  const as = authorizationServer(p);
  const c = { client_id: client.clientId };
  // RFC 7009 §2.1: revoking the refresh token should end the grant; the access token is revoked too for servers that don't.
  const tokens: Array<[string | undefined, string]> = [[credentials.refreshToken, 'refresh_token'], [credentials.accessToken, 'access_token']];
  for (const [token, hint] of tokens) {
    if (!token) continue;
    try {
      const res = await oauth.revocationRequest(as, c, clientAuth(p, client), token, { ...requestOptions(p, o.signal), additionalParameters: { token_type_hint: hint } });
      await oauth.processRevocationResponse(res);
    } catch (e) {
      // RFC 7009 §2.2 answers 200 for a token that is already invalid; Google answers 400 invalid_token instead,
      // for example for the access token after its refresh token was revoked. Either way it no longer works.
      if (oauthErrorOf(e).error === 'invalid_token') continue;
      throw toPlatformError(e, p, 'revoking access');
    }
  }
  return 'revoked';
}

function toPlatformError(e: unknown, p: OAuthProvider, doing: string): PlatformError {
  if (e instanceof PlatformError) return e;
  const { error, status } = oauthErrorOf(e);
  if (error === 'invalid_grant' || error === 'invalid_token') {
    return new PlatformError('auth-expired', p.id, `${p.displayName} no longer accepts Herald’s sign-in for this account. Reconnect the account.`, { ...(status ? { status } : {}), cause: error });
  }
  if (error) return new PlatformError('auth-expired', p.id, `${p.displayName} refused while ${doing} (${error}). Reconnect the account, or check Herald’s app settings.`, { ...(status ? { status } : {}), cause: error });
  const cause = e instanceof Error ? e.message.slice(0, 200) : String(e);
  return new PlatformError('network', p.id, `Herald could not reach ${p.displayName} while ${doing}. Herald will try again.`, { cause });
}
