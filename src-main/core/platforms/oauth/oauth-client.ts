/**
 * The glue between provider data and oauth4webapi: the authorisation server and client objects, client
 * authentication (RFC 6749 §2.3.1, and TikTok's `client_key`), and a fetch wrapper that smooths known departures
 * from RFC 6749 §5.1/§5.2 in token responses before oauth4webapi validates them strictly:
 * - Instagram wraps the token in `{ data: [ ... ] }`; Threads omits `token_type`.
 * - Meta reports errors as `{ error: { message, type, code, error_subcode } }` rather than `{ error: "code" }`.
 * - Some platforms answer an error with HTTP 200 and an `error` field.
 */
import * as oauth from 'oauth4webapi';
import type { OAuthProvider } from './providers';

export type OAuthClient = { clientId: string; clientSecret?: string };

/** What a successful grant gives Herald, shaped to drop into `Credentials`. */
export type OAuthTokens = {
  accessToken: string;
  refreshToken?: string;
  /** UTC epoch ms. */
  expiresAt?: number;
  /** Platform extras worth keeping: TikTok open_id, Meta user_id, granted scope, refresh token expiry. */
  extra?: Record<string, string>;
};

export function authorizationServer(p: OAuthProvider): oauth.AuthorizationServer {
  return {
    issuer: p.issuer,
    authorization_endpoint: p.authorizationEndpoint,
    token_endpoint: p.tokenEndpoint,
    ...(p.revocationEndpoint ? { revocation_endpoint: p.revocationEndpoint } : {}),
    authorization_response_iss_parameter_supported: p.issParameter === 'required',
  };
}

export function clientAuth(p: OAuthProvider, client: OAuthClient): oauth.ClientAuth {
  const secret = client.clientSecret;
  if (p.clientAuth === 'tiktok_client_key') {
    return (_as, c, body) => {
      body.set('client_key', c.client_id);
      if (secret) body.set('client_secret', secret);
    };
  }
  // A public client (RFC 8252 §8.4) sends only its id, whatever the provider's confidential-client method is.
  if (!secret || p.clientAuth === 'none') return oauth.None();
  return p.clientAuth === 'client_secret_basic' ? oauth.ClientSecretBasic(secret) : oauth.ClientSecretPost(secret);
}

/** Plain http is allowed only to the loopback interface (tests and a local fake); real platforms are all https. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

const REQUEST_TIMEOUT_MS = 30_000;

export function requestOptions(p: OAuthProvider, signal?: AbortSignal) {
  return {
    ...(isLoopbackUrl(p.tokenEndpoint) ? { [oauth.allowInsecureRequests]: true } : {}),
    [oauth.customFetch]: normalisingFetch,
    // oauth4webapi sets no timeout of its own: a token endpoint that never answers must not hang a connect or refresh.
    signal: () => (signal ? AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) : AbortSignal.timeout(REQUEST_TIMEOUT_MS)),
  };
}

/** Meta's Graph error subcodes for a used (36009) or expired (36007) code, and code 190 for a dead token. */
function metaErrorCode(err: Record<string, unknown>): string {
  if (err.error_subcode === 36009 || err.error_subcode === 36007 || err.code === 190) return 'invalid_grant';
  return 'invalid_request';
}

export async function normalisingFetch(url: string, init: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  if (!/json/i.test(res.headers.get('content-type') ?? '')) return res;
  const text = await res.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return new Response(text, { status: res.status, headers: res.headers });
  }
  let status = res.status;
  const wrapped = Array.isArray(body.data) ? (body.data[0] as Record<string, unknown> | undefined) : undefined;
  if (wrapped && typeof wrapped.access_token === 'string') body = { ...wrapped };
  if (typeof body.access_token === 'string' && body.token_type === undefined) body.token_type = 'bearer';
  if (body.error && typeof body.error === 'object') {
    const err = body.error as Record<string, unknown>;
    body = { error: metaErrorCode(err), error_description: String(err.message ?? '') };
  }
  if (typeof body.error === 'string' && status < 400) status = 400;
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status, headers });
}

export function tokensFrom(res: oauth.TokenEndpointResponse, now: number): OAuthTokens {
  const extra: Record<string, string> = {};
  if (typeof res.scope === 'string') extra.scope = res.scope;
  for (const key of ['open_id', 'user_id'] as const) {
    const v = res[key];
    if (typeof v === 'string' || typeof v === 'number') extra[key === 'open_id' ? 'openId' : 'userId'] = String(v);
  }
  const refreshIn = Number(res.refresh_token_expires_in ?? res.refresh_expires_in);
  if (Number.isFinite(refreshIn) && refreshIn > 0) extra.refreshExpiresAt = String(now + refreshIn * 1000);
  return {
    accessToken: res.access_token,
    ...(res.refresh_token ? { refreshToken: res.refresh_token } : {}),
    ...(typeof res.expires_in === 'number' && res.expires_in > 0 ? { expiresAt: now + res.expires_in * 1000 } : {}),
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}

/** The OAuth error code in a failed token or revocation response, if oauth4webapi found one. */
export function oauthErrorOf(e: unknown): { error?: string; status?: number } {
  if (e instanceof oauth.ResponseBodyError) return { error: e.error, status: e.status };
  return {};
}
