/**
 * Where each platform's OAuth 2 authorisation server lives and how it departs from the RFCs, as data (DESIGN.md rule 7).
 * The loopback flow (loopback-flow.ts) and refresh (token-refresh.ts) read only this, so a quirk is written down once.
 *
 * Standards the fields refer to: RFC 6749 (OAuth 2.0: §4.1 code grant, §2.3.1 client authentication, §6 refresh,
 * §10.4 refresh token rotation), RFC 7636 (PKCE: §4.2 S256 challenge), RFC 8252 (native apps: §7.3 loopback redirect
 * on any port, §8.1 PKCE is required for native apps, §8.5 a secret shipped in a desktop app is not secret),
 * RFC 7009 (token revocation) and RFC 9207 (the `iss` authorisation response parameter).
 *
 * Every endpoint is overridable (`providerFor(id, { baseUrl })` keeps each path and swaps the origin), so tests run the
 * real paths and quirks against testing/fake-authorisation-server.ts.
 */
import type { PlatformId } from '../adapter';

export type OAuthPlatformId = Exclude<PlatformId, 'bluesky'>; // Bluesky uses an app password, not OAuth here.

/** RFC 6749 §2.3.1, plus TikTok, which names the client `client_key` and sends it with the secret in the form body. */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none' | 'tiktok_client_key';

/**
 * How the platform accepts an RFC 8252 §7.3 loopback redirect:
 * - any-port: http://127.0.0.1:{any port}/path is accepted (Google desktop clients, TikTok with a `*` port, Mastodon,
 *   where Herald registers the exact URI at connect time).
 * - registered-port: only the exact registered URI, so Herald must listen on that fixed port (X, LinkedIn).
 * - development-only: Meta accepts http://localhost redirects only while the app is in Development mode.
 */
export type LoopbackSupport = 'any-port' | 'registered-port' | 'development-only';

/** Meta's alternative to refresh tokens: swap the 1-hour token for a ~60-day one, then (Threads, Instagram) renew it. */
export type LongLivedTokens = {
  exchangeUrl: string;
  exchangeGrantType: 'fb_exchange_token' | 'ig_exchange_token' | 'th_exchange_token';
  /** Facebook sends the short token as `fb_exchange_token` plus client_id; Instagram and Threads as `access_token`. */
  tokenParam: 'fb_exchange_token' | 'access_token';
  sendClientId: boolean;
  /** Threads and Instagram renew an unexpired long-lived token (at least 24 hours old); Facebook cannot. */
  refreshUrl?: string;
  refreshGrantType?: 'ig_refresh_token' | 'th_refresh_token';
};

export type OAuthProvider = {
  id: OAuthPlatformId;
  displayName: string;
  /** Compared with an `iss` in the authorisation response (RFC 9207 §2.4); the AS origin where none is published. */
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** RFC 7009 endpoint; absent where the platform has none (Meta revokes by DELETE /me/permissions instead). */
  revocationEndpoint?: string;
  defaultScopes: readonly string[];
  scopeSeparator: ' ' | ',';
  /** RFC 8252 §8.1 says native apps MUST use PKCE; 'unsupported' means the platform does not document it. */
  pkce: 'required' | 'supported' | 'unsupported';
  /** RFC 7636 §4.2 says base64url; TikTok's desktop guide hex-encodes the SHA-256. */
  pkceChallengeEncoding: 'base64url' | 'hex';
  clientAuth: ClientAuthMethod;
  clientIdParam: 'client_id' | 'client_key';
  /** 'required': RFC 9207 is declared, so a missing `iss` is refused. 'if-present': checked only when sent. */
  issParameter: 'required' | 'if-present';
  /** Extra authorisation request parameters, e.g. Google's access_type=offline&prompt=consent. */
  extraAuthParams: Readonly<Record<string, string>>;
  refresh: 'refresh-token' | 'meta-long-lived' | 'none';
  /** RFC 6749 §10.4 / RFC 9700 §4.14.2: each refresh returns a new refresh token and kills the old one. */
  rotatesRefreshTokens: boolean;
  longLived?: LongLivedTokens;
  loopback: LoopbackSupport;
  callbackPath: string;
  /** How long before expiry to refresh, where the platform wants more than the caller's default. */
  refreshSkewMs?: number;
  notes: readonly string[];
  sources: readonly string[];
};

const FACEBOOK_GRAPH = 'v23.0'; // Graph API version; bump deliberately, Meta retires versions after about two years.
const DAY = 86_400_000;
const base = { scopeSeparator: ' ', pkce: 'supported', pkceChallengeEncoding: 'base64url', clientAuth: 'client_secret_post', clientIdParam: 'client_id', issParameter: 'if-present', extraAuthParams: {}, refresh: 'refresh-token', rotatesRefreshTokens: false, loopback: 'any-port', callbackPath: '/callback' } as const;
const metaNotes = [
  'Meta accepts http://localhost redirects only while the app is in Development mode; a live app needs an https redirect URI registered in the App Dashboard.',
  'No refresh tokens: the 1-hour token is exchanged for a long-lived (about 60-day) token straight after connecting.',
];

const PROVIDERS: Record<OAuthPlatformId, OAuthProvider> = {
  x: {
    ...base, id: 'x', displayName: 'X', issuer: 'https://x.com',
    authorizationEndpoint: 'https://x.com/i/oauth2/authorize', tokenEndpoint: 'https://api.x.com/2/oauth2/token', revocationEndpoint: 'https://api.x.com/2/oauth2/revoke',
    // offline.access is what makes X issue a refresh token at all.
    defaultScopes: ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'tweet.moderate.write', 'block.write', 'mute.write', 'offline.access'],
    pkce: 'required', clientAuth: 'client_secret_basic', rotatesRefreshTokens: true, loopback: 'registered-port',
    notes: ['Access tokens last 2 hours. Refresh tokens rotate: the old one stops working once a new one is issued.', 'The callback URL must match the one registered in the X developer console exactly, port included; X refuses "localhost", so register http://127.0.0.1:{port}/callback.', 'A Native App (public client) sends only client_id; a confidential client uses HTTP Basic authentication.'],
    sources: ['https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code', 'https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token'],
  },
  facebook: {
    ...base, id: 'facebook', displayName: 'Facebook Pages', issuer: 'https://www.facebook.com',
    authorizationEndpoint: `https://www.facebook.com/${FACEBOOK_GRAPH}/dialog/oauth`, tokenEndpoint: `https://graph.facebook.com/${FACEBOOK_GRAPH}/oauth/access_token`,
    defaultScopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'pages_read_user_content', 'pages_manage_engagement'],
    scopeSeparator: ',', refresh: 'meta-long-lived', loopback: 'development-only',
    longLived: { exchangeUrl: `https://graph.facebook.com/${FACEBOOK_GRAPH}/oauth/access_token`, exchangeGrantType: 'fb_exchange_token', tokenParam: 'fb_exchange_token', sendClientId: true },
    notes: [...metaNotes, 'A long-lived user token cannot be renewed without the user; Page tokens fetched with it do not expire. Revoke by DELETE /me/permissions (no RFC 7009 endpoint).', 'PKCE (code_challenge, S256) is accepted by the manual login flow, which Meta still labels as in testing.'],
    sources: ['https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow', 'https://developers.facebook.com/documentation/facebook-login/guides/advanced/oidc-token'],
  },
  instagram: {
    ...base, id: 'instagram', displayName: 'Instagram', issuer: 'https://www.instagram.com',
    authorizationEndpoint: 'https://www.instagram.com/oauth/authorize', tokenEndpoint: 'https://api.instagram.com/oauth/access_token',
    defaultScopes: ['instagram_business_basic', 'instagram_business_content_publish', 'instagram_business_manage_comments'],
    scopeSeparator: ',', pkce: 'unsupported', refresh: 'meta-long-lived', loopback: 'development-only', refreshSkewMs: 7 * DAY,
    longLived: { exchangeUrl: 'https://graph.instagram.com/access_token', exchangeGrantType: 'ig_exchange_token', tokenParam: 'access_token', sendClientId: false, refreshUrl: 'https://graph.instagram.com/refresh_access_token', refreshGrantType: 'ig_refresh_token' },
    notes: [...metaNotes, 'Business Login for Instagram (Instagram API with Instagram Login). The token response may be wrapped in a "data" array.', 'Long-lived tokens can be renewed once they are at least 24 hours old; Herald renews them in the last 7 days.'],
    sources: ['https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-instagram-login/business-login', 'https://developers.facebook.com/documentation/instagram-platform/reference/oauth-authorize'],
  },
  threads: {
    ...base, id: 'threads', displayName: 'Threads', issuer: 'https://threads.net',
    authorizationEndpoint: 'https://threads.net/oauth/authorize', tokenEndpoint: 'https://graph.threads.net/oauth/access_token',
    defaultScopes: ['threads_basic', 'threads_content_publish', 'threads_read_replies', 'threads_manage_replies'],
    scopeSeparator: ',', pkce: 'unsupported', refresh: 'meta-long-lived', loopback: 'development-only', refreshSkewMs: 7 * DAY,
    longLived: { exchangeUrl: 'https://graph.threads.net/access_token', exchangeGrantType: 'th_exchange_token', tokenParam: 'access_token', sendClientId: false, refreshUrl: 'https://graph.threads.net/refresh_access_token', refreshGrantType: 'th_refresh_token' },
    notes: [...metaNotes, 'Uses the Threads app id and secret, not the Facebook ones. The token response has no token_type.', 'Long-lived tokens can be renewed once they are at least 24 hours old; Herald renews them in the last 7 days.'],
    sources: ['https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions', 'https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/'],
  },
  linkedin: {
    ...base, id: 'linkedin', displayName: 'LinkedIn', issuer: 'https://www.linkedin.com',
    authorizationEndpoint: 'https://www.linkedin.com/oauth/v2/authorization', tokenEndpoint: 'https://www.linkedin.com/oauth/v2/accessToken',
    defaultScopes: ['w_organization_social', 'r_organization_social', 'rw_organization_admin'],
    pkce: 'unsupported', loopback: 'registered-port',
    notes: ['Access tokens last 60 days. Refresh tokens (365 days, not rotated) are issued only to approved Marketing Developer Platform partners; otherwise the user reconnects.', 'LinkedIn enables a native PKCE flow (any loopback port, no secret) per app on request: then override pkce to "required", clientAuth to "none" and loopback to "any-port".', 'No documented RFC 7009 revocation endpoint.'],
    sources: ['https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow', 'https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens', 'https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow-native'],
  },
  youtube: {
    ...base, id: 'youtube', displayName: 'YouTube', issuer: 'https://accounts.google.com',
    authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth', tokenEndpoint: 'https://oauth2.googleapis.com/token', revocationEndpoint: 'https://oauth2.googleapis.com/revoke',
    defaultScopes: ['https://www.googleapis.com/auth/youtube.upload', 'https://www.googleapis.com/auth/youtube.force-ssl'],
    // Without both, Google issues a refresh token only on the first consent, so a reconnect would lose it.
    extraAuthParams: { access_type: 'offline', prompt: 'consent' },
    notes: ['Use a "Desktop app" OAuth client: it accepts the loopback redirect on any port (RFC 8252 §7.3). Its client secret is not confidential (RFC 8252 §8.5).', 'Refresh tokens do not rotate; a refresh response without refresh_token keeps the old one.'],
    sources: ['https://developers.google.com/identity/protocols/oauth2/native-app', 'https://developers.google.com/identity/protocols/oauth2/resources/loopback-migration', 'https://accounts.google.com/.well-known/openid-configuration'],
  },
  tiktok: {
    ...base, id: 'tiktok', displayName: 'TikTok', issuer: 'https://www.tiktok.com',
    authorizationEndpoint: 'https://www.tiktok.com/v2/auth/authorize/', tokenEndpoint: 'https://open.tiktokapis.com/v2/oauth/token/', revocationEndpoint: 'https://open.tiktokapis.com/v2/oauth/revoke/',
    defaultScopes: ['user.info.basic', 'video.publish', 'video.upload'],
    scopeSeparator: ',', pkce: 'required', pkceChallengeEncoding: 'hex', clientAuth: 'tiktok_client_key', clientIdParam: 'client_key', rotatesRefreshTokens: true, callbackPath: '/callback/',
    notes: ['The client is named client_key everywhere, and client_key and client_secret go in the form body.', 'Register http://127.0.0.1:*/callback/ (wildcard port) for the desktop Login Kit.', 'Access tokens last 2 hours; refresh tokens rotate and the old one stops working.', 'The desktop guide computes code_challenge as hex-encoded SHA-256 rather than base64url: check against a sandbox app before release.'],
    sources: ['https://developers.tiktok.com/doc/login-kit-desktop', 'https://developers.tiktok.com/doc/oauth-user-access-token-management', 'https://developers.tiktok.com/docs/en/oauth-refresh-a-user-access-token'],
  },
  mastodon: mastodonProvider('https://mastodon.social'),
};

/** A Mastodon instance is its own authorisation server: Herald registers an app on it first (mastodon-registration.ts). */
export function mastodonProvider(instanceUrl: string): OAuthProvider {
  const at = (path: string) => new URL(path, instanceUrl).href;
  return {
    ...base, id: 'mastodon', displayName: 'Mastodon', issuer: at('/'),
    authorizationEndpoint: at('/oauth/authorize'), tokenEndpoint: at('/oauth/token'), revocationEndpoint: at('/oauth/revoke'),
    defaultScopes: ['read', 'write:statuses', 'write:media', 'write:blocks', 'write:mutes'],
    refresh: 'none',
    notes: ['Each connect registers an app (POST /api/v1/apps) with the exact loopback redirect URI, so any port works.', 'PKCE (S256) is supported from Mastodon 4.3; older instances ignore it. Tokens do not expire and there are no refresh tokens.'],
    sources: ['https://docs.joinmastodon.org/methods/apps/', 'https://docs.joinmastodon.org/methods/oauth/', 'https://docs.joinmastodon.org/spec/oauth/'],
  };
}

/** Endpoint fields rewritten by a base URL override. */
const ENDPOINTS = ['authorizationEndpoint', 'tokenEndpoint', 'revocationEndpoint'] as const;

export function providerFor(id: OAuthPlatformId, options: { baseUrl?: string; overrides?: Partial<OAuthProvider> } = {}): OAuthProvider {
  let p: OAuthProvider = id === 'mastodon' && options.baseUrl ? mastodonProvider(options.baseUrl) : { ...PROVIDERS[id] };
  if (options.baseUrl && id !== 'mastodon') {
    const move = (url: string) => { const u = new URL(url); return new URL(u.pathname + u.search, options.baseUrl).href; };
    for (const key of ENDPOINTS) if (p[key]) p = { ...p, [key]: move(p[key]!) };
    if (p.longLived) p = { ...p, longLived: { ...p.longLived, exchangeUrl: move(p.longLived.exchangeUrl), ...(p.longLived.refreshUrl ? { refreshUrl: move(p.longLived.refreshUrl) } : {}) } };
    p = { ...p, issuer: new URL(options.baseUrl).origin };
  }
  return { ...p, ...options.overrides };
}

export const OAUTH_PLATFORM_IDS = Object.keys(PROVIDERS) as OAuthPlatformId[];
