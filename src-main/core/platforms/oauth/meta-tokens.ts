/**
 * Meta's replacement for refresh tokens (Facebook, Instagram, Threads). The code grant (RFC 6749 §4.1.3) returns a
 * token that lasts about an hour; Herald swaps it straight away for a long-lived one (about 60 days). Threads and
 * Instagram can renew an unexpired long-lived token that is at least a day old; Facebook cannot, but the Page tokens
 * read with a long-lived user token do not expire.
 *
 * These are GET requests with the secret in the query string, as Meta documents them, over https only.
 */
import * as oauth from 'oauth4webapi';
import { authorizationServer, isLoopbackUrl, normalisingFetch, tokensFrom, type OAuthClient, type OAuthTokens } from './oauth-client';
import type { OAuthProvider } from './providers';

const TIMEOUT_MS = 30_000;

export async function exchangeForLongLived(p: OAuthProvider, client: OAuthClient, short: OAuthTokens, now: number): Promise<OAuthTokens> {
  const ll = p.longLived;
  if (!ll) return short;
  const url = new URL(ll.exchangeUrl);
  url.searchParams.set('grant_type', ll.exchangeGrantType);
  if (ll.sendClientId) url.searchParams.set('client_id', client.clientId);
  if (client.clientSecret) url.searchParams.set('client_secret', client.clientSecret);
  url.searchParams.set(ll.tokenParam, short.accessToken);
  const long = await getToken(p, client, url, now);
  return { ...long, extra: { ...short.extra, ...long.extra } };
}

export async function renewLongLived(p: OAuthProvider, client: OAuthClient, accessToken: string, now: number): Promise<OAuthTokens> {
  const ll = p.longLived;
  if (!ll?.refreshUrl || !ll.refreshGrantType) throw new Error(`${p.displayName} tokens cannot be renewed without the user.`);
  const url = new URL(ll.refreshUrl);
  url.searchParams.set('grant_type', ll.refreshGrantType);
  url.searchParams.set('access_token', accessToken);
  return getToken(p, client, url, now);
}

async function getToken(p: OAuthProvider, client: OAuthClient, url: URL, now: number): Promise<OAuthTokens> {
  if (url.protocol !== 'https:' && !isLoopbackUrl(url.href)) throw new Error(`${p.displayName} token URL must use https.`);
  const res = await normalisingFetch(url.href, { method: 'GET', headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  const body = await oauth.processGenericTokenEndpointResponse(authorizationServer(p), { client_id: client.clientId }, res);
  return tokensFrom(body, now);
}
