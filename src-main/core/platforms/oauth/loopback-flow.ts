/**
 * Connecting an account: the OAuth 2.0 authorisation code grant (RFC 6749 §4.1) with PKCE (RFC 7636), run the way
 * RFC 8252 says a desktop app should: in the user's own browser (§8.12: never an embedded web view), returning to a
 * loopback listener (§7.3), with PKCE S256 (§8.1; RFC 7636 §4.2) and a fresh `state` (RFC 6749 §10.12).
 *
 * Order of checks on the callback, each refusal an OAuthRefusedError with a `reason` the caller audits:
 * host, port and path (loopback-listener.ts) -> `iss` (RFC 9207 §2.4, before anything else is trusted) -> `state`
 * -> an error response (RFC 6749 §4.1.2.1) -> a code this process has already seen (§10.5) -> the token request,
 * where invalid_grant (§5.2) also means the code was used or expired.
 */
import { createHash } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { HeraldError } from '../../errors';
import { listenForCallback, type Verdict } from './loopback-listener';
import { exchangeForLongLived } from './meta-tokens';
import { authorizationServer, clientAuth, oauthErrorOf, requestOptions, tokensFrom, type OAuthClient, type OAuthTokens } from './oauth-client';
import { OAuthRefusedError, refusalMessage, type RefusalDetails, type RefusalReason } from './oauth-errors';
import type { Credentials } from '../adapter';
import type { OAuthProvider } from './providers';

export type StartAuthorisationOptions = {
  provider: OAuthProvider;
  /** The app's client id (TikTok: client key). Omit when `register` supplies one (Mastodon). */
  clientId?: string;
  clientSecret?: string;
  /** Registers a client once the redirect URI is known (Mastodon: POST /api/v1/apps). */
  register?: (redirectUri: string, scopes: readonly string[]) => Promise<OAuthClient>;
  scopes?: readonly string[];
  /** Opens the system browser; the shell passes its safe-external function. */
  openBrowser: (url: string) => Promise<void>;
  now?: () => number;
  /** How long to wait for the user to finish in the browser. Default 5 minutes. */
  timeoutMs?: number;
  /** The listener's port: 0 (any free port) unless the provider only accepts a registered one. */
  port?: number;
  signal?: AbortSignal;
};

export type AuthorisationResult = OAuthTokens & {
  /** The client the tokens belong to. */
  client: OAuthClient;
  /** True when Herald registered the client itself (Mastodon): it must be kept with the tokens to revoke later. */
  registeredClient: boolean;
  redirectUri: string;
  scopes: string[];
};

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** Codes this process has received, hashed: a code is single-use (RFC 6749 §10.5), so a second sighting is a replay. */
const seenCodes = new Set<string>();
const SEEN_LIMIT = 1000;
function sightCode(code: string): boolean {
  const h = createHash('sha256').update(code).digest('hex');
  if (seenCodes.has(h)) return false;
  seenCodes.add(h);
  if (seenCodes.size > SEEN_LIMIT) seenCodes.delete(seenCodes.values().next().value!);
  return true;
}

export async function startAuthorisation(o: StartAuthorisationOptions): Promise<AuthorisationResult> {
  const p = o.provider;
  const now = o.now ?? Date.now;
  const scopes = [...(o.scopes ?? p.defaultScopes)];
  const refuse = (reason: RefusalReason, details: RefusalDetails = {}, extra = '') => new OAuthRefusedError(reason, p.id, refusalMessage(reason, p.displayName, extra), details);
  if (!o.clientId && !o.register) throw new HeraldError('setup-needed', `Herald has no ${p.displayName} app id (client id) set up, so it cannot connect ${p.displayName} accounts.`, { clientId: `Enter the client id of your organisation’s ${p.displayName} app` });
  if (p.loopback === 'registered-port' && !o.port) {
    throw new HeraldError('setup-needed', `${p.displayName} accepts only the exact redirect address registered for Herald’s app, so Herald needs that port number set up.`, { port: 'Enter the port of the redirect address registered for the app' });
  }

  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const judge = (url: URL): Verdict => {
    const q = url.searchParams;
    const iss = q.get('iss');
    if ((iss !== null && iss !== p.issuer) || (iss === null && p.issParameter === 'required')) return { ok: false, error: refuse('foreign-redirect') };
    if (q.get('state') !== state) return { ok: false, error: refuse('state-mismatch') };
    const error = q.get('error');
    if (error === 'access_denied') return { ok: false, error: refuse('access-denied', { oauthError: error }) };
    if (error) return { ok: false, error: refuse('authorisation-error', { oauthError: error }, describe(q.get('error_description'))) };
    const code = q.get('code');
    if (!code) return { ok: false, error: refuse('authorisation-error', {}, 'The reply had no sign-in code.') };
    if (!sightCode(code)) return { ok: false, error: refuse('replayed-code') };
    return { ok: true };
  };
  const listener = await listenForCallback({ path: p.callbackPath, port: o.port ?? 0, judge, foreignRedirect: () => refuse('foreign-redirect') });

  const timer = setTimeout(() => listener.abandon(refuse('timeout')), o.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const onAbort = () => listener.abandon(refuse('cancelled'));
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (o.signal?.aborted) throw refuse('cancelled');
    const client = o.clientId ? { clientId: o.clientId, ...(o.clientSecret ? { clientSecret: o.clientSecret } : {}) } : await o.register!(listener.redirectUri, scopes);
    const url = await authorisationUrl(p, client, listener.redirectUri, scopes, state, verifier);
    o.openBrowser(url.href).catch((e: unknown) => listener.abandon(e instanceof Error ? e : new Error(String(e))));
    const callbackUrl = await listener.callback;
    clearTimeout(timer);

    const as = authorizationServer(p);
    const c: oauth.Client = { client_id: client.clientId };
    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(as, c, callbackUrl.searchParams, state); // defence in depth: same checks again
    } catch {
      throw refuse('authorisation-error');
    }
    let tokens: OAuthTokens;
    try {
      const res = await oauth.authorizationCodeGrantRequest(as, c, clientAuth(p, client), params, listener.redirectUri, p.pkce === 'unsupported' ? oauth.nopkce : verifier, requestOptions(p, o.signal));
      tokens = tokensFrom(await oauth.processAuthorizationCodeResponse(as, c, res), now());
      if (p.longLived) tokens = await exchangeForLongLived(p, client, tokens, now());
    } catch (e) {
      const { error, status } = oauthErrorOf(e);
      if (error === 'invalid_grant') throw refuse('replayed-code', { oauthError: error, ...(status ? { status } : {}) });
      throw refuse('token-endpoint-error', { ...(error ? { oauthError: error } : {}), ...(status ? { status } : {}) }, error ? '' : describe(e instanceof Error ? e.message : ''));
    }
    return { ...tokens, client, registeredClient: !o.clientId, redirectUri: listener.redirectUri, scopes };
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    await listener.close();
  }
}

async function authorisationUrl(p: OAuthProvider, client: OAuthClient, redirectUri: string, scopes: string[], state: string, verifier: string): Promise<URL> {
  const url = new URL(p.authorizationEndpoint);
  url.searchParams.set(p.clientIdParam, client.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', scopes.join(p.scopeSeparator));
  url.searchParams.set('state', state);
  if (p.pkce !== 'unsupported') {
    const challenge = p.pkceChallengeEncoding === 'hex' ? createHash('sha256').update(verifier).digest('hex') : await oauth.calculatePKCECodeChallenge(verifier);
    url.searchParams.set('code_challenge', challenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  for (const [k, v] of Object.entries(p.extraAuthParams)) url.searchParams.set(k, v);
  return url;
}

/** A platform's own words, cut short and stripped of anything that looks like markup. */
function describe(text: string | null | undefined): string {
  const clean = (text ?? '').replace(/[<>]/g, '').trim().slice(0, 200);
  return clean ? `The platform said: ${clean}` : '';
}

/** The keychain record for a new connection (`Credentials`); a client Herald registered itself goes in `extra`. */
export function credentialsFrom(result: AuthorisationResult, serviceUrl: string): Credentials {
  const extra: Record<string, string> = { ...result.extra };
  if (result.registeredClient) {
    extra.clientId = result.client.clientId;
    if (result.client.clientSecret) extra.clientSecret = result.client.clientSecret;
  }
  return {
    serviceUrl,
    accessToken: result.accessToken,
    ...(result.refreshToken ? { refreshToken: result.refreshToken } : {}),
    ...(result.expiresAt !== undefined ? { expiresAt: result.expiresAt } : {}),
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}
