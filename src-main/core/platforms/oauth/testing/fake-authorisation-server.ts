/**
 * A small OAuth 2 authorisation server on the loopback interface, for tests. It is strict where a real one is strict
 * and can be told to misbehave the ways the flow must survive:
 * - /authorize (also LinkedIn's /authorization and Meta's /dialog/oauth) checks the client and redirect URI
 *   (RFC 6749 §3.1.2; RFC 8252 §7.3: any port for a loopback URI registered as such), then auto-consents, or denies,
 *   or redirects somewhere else, with the wrong state, a reused code or a wrong `iss` when told to.
 * - /token verifies PKCE (RFC 7636 §4.6, S256 in base64url or TikTok's hex), makes codes single-use (RFC 6749 §4.1.2)
 *   and refreshes, rotating refresh tokens when configured (RFC 6749 §10.4).
 * - /revoke (RFC 7009), Meta's long-lived token exchange and renewal, and Mastodon's POST /api/v1/apps.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type RegisteredClient = { secret?: string; redirectUris: string[]; anyLoopbackPort: boolean; challengeEncoding?: 'base64url' | 'hex' };
type IssuedCode = { clientId: string; redirectUri: string; challenge?: string; used: boolean };

export type FakeAsOptions = {
  issSupported?: boolean;
  rotateRefreshTokens?: boolean;
  accessTokenTtlS?: number;
  /** RFC 7636 says base64url; TikTok's desktop Login Kit hex-encodes. A client's own setting wins. */
  challengeEncoding?: 'base64url' | 'hex';
  /** Meta style: no refresh token and no token_type in the code grant response. */
  metaStyle?: boolean;
};

/** What the next authorisation does; tests set fields on `server.behaviour`. */
export type Behaviour = {
  consent: 'allow' | 'deny';
  wrongState?: boolean;
  reuseLastCode?: boolean;
  /** Someone redeems the code before Herald does (an interception). */
  redeemBeforeRedirect?: boolean;
  /** Send the browser here instead of the redirect URI (given the real one). */
  redirectTo?: (redirectUri: string) => string;
  /** An `iss` to send instead of the server's own. */
  iss?: string;
  /** Delay before answering a refresh, so concurrent callers overlap. */
  refreshDelayMs?: number;
};

export type FakeAuthorisationServer = {
  url: string;
  behaviour: Behaviour;
  addClient(id: string, c: Partial<RegisteredClient>): void;
  log: {
    authorize: URLSearchParams[];
    pkce: Array<{ challenge: string; verifier: string; matched: boolean }>;
    tokenRequests: Array<{ grantType: string; body: URLSearchParams; authorization?: string }>;
    revoked: string[];
    registrations: Array<Record<string, unknown>>;
    longLived: URLSearchParams[];
  };
  isActive(token: string): boolean;
  close(): Promise<void>;
};

const rand = (prefix: string) => `${prefix}-${randomBytes(12).toString('base64url')}`;

export async function startFakeAuthorisationServer(options: FakeAsOptions = {}): Promise<FakeAuthorisationServer> {
  const clients = new Map<string, RegisteredClient>();
  const codes = new Map<string, IssuedCode>();
  const active = new Set<string>(); // live access and refresh tokens
  const refreshOwner = new Map<string, string>();
  let lastCode: string | null = null;
  const behaviour: Behaviour = { consent: 'allow' };
  const log: FakeAuthorisationServer['log'] = { authorize: [], pkce: [], tokenRequests: [], revoked: [], registrations: [], longLived: [] };
  let url = '';

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const oauthError = (res: ServerResponse, error: string, status = 400) => json(res, status, { error, error_description: `fake AS: ${error}` });

  const redirectAllowed = (c: RegisteredClient, uri: string) =>
    c.redirectUris.some((r) => {
      if (r === uri) return true;
      if (!c.anyLoopbackPort) return false;
      const a = new URL(r), b = new URL(uri);
      return b.hostname === '127.0.0.1' && a.hostname === b.hostname && a.pathname === b.pathname && a.search === b.search;
    });

  function clientOf(req: IncomingMessage, body: URLSearchParams): { id: string; ok: boolean } {
    let id = body.get('client_id') ?? body.get('client_key') ?? '';
    let secret = body.get('client_secret') ?? undefined;
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    if (basic) [id, secret] = Buffer.from(basic[1]!, 'base64').toString().split(':').map(decodeURIComponent) as [string, string];
    const c = clients.get(id);
    return { id, ok: !!c && (c.secret === undefined || c.secret === secret) };
  }

  function issue(clientId: string, withRefresh: boolean) {
    const access = rand('at');
    active.add(access);
    const out: Record<string, unknown> = { access_token: access, token_type: 'bearer', expires_in: options.accessTokenTtlS ?? 7200, scope: 'read write' };
    if (withRefresh) {
      const refresh = rand('rt');
      active.add(refresh);
      refreshOwner.set(refresh, clientId);
      out.refresh_token = refresh;
    }
    return out;
  }

  function authorize(q: URLSearchParams, res: ServerResponse) {
    log.authorize.push(q);
    const clientId = q.get('client_id') ?? q.get('client_key') ?? '';
    const c = clients.get(clientId);
    const redirectUri = q.get('redirect_uri') ?? '';
    // RFC 6749 §4.1.2.1: with a bad client or redirect URI, never redirect.
    if (!c || !redirectAllowed(c, redirectUri)) return oauthError(res, 'invalid_request');
    const back = new URL(behaviour.redirectTo ? behaviour.redirectTo(redirectUri) : redirectUri);
    const state = q.get('state');
    if (state) back.searchParams.set('state', behaviour.wrongState ? rand('state') : state);
    if (options.issSupported || behaviour.iss) back.searchParams.set('iss', behaviour.iss ?? url);
    if (behaviour.consent === 'deny') {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = behaviour.reuseLastCode && lastCode ? lastCode : rand('code');
      const challenge = q.get('code_challenge') ?? undefined;
      if (!codes.has(code)) codes.set(code, { clientId, redirectUri, ...(challenge ? { challenge } : {}), used: !!behaviour.redeemBeforeRedirect });
      lastCode = code;
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.href });
    res.end();
  }

  async function token(req: IncomingMessage, body: URLSearchParams, res: ServerResponse) {
    const grantType = body.get('grant_type') ?? '';
    log.tokenRequests.push({ grantType, body, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const client = clientOf(req, body);
    if (!client.ok) return oauthError(res, 'invalid_client', 401);
    if (grantType === 'authorization_code') {
      const code = codes.get(body.get('code') ?? '');
      if (!code || code.used || code.clientId !== client.id || code.redirectUri !== body.get('redirect_uri')) return oauthError(res, 'invalid_grant');
      code.used = true;
      if (code.challenge) {
        const verifier = body.get('code_verifier') ?? '';
        const encoding = clients.get(client.id)?.challengeEncoding ?? options.challengeEncoding ?? 'base64url';
        const digest = createHash('sha256').update(verifier).digest(encoding);
        log.pkce.push({ challenge: code.challenge, verifier, matched: digest === code.challenge });
        if (digest !== code.challenge) return oauthError(res, 'invalid_grant');
      }
      const out = issue(client.id, !options.metaStyle);
      if (options.metaStyle) {
        delete out.token_type; // Threads sends none
        Object.assign(out, { user_id: 17841400000000000, expires_in: 3600 });
      }
      return json(res, 200, out);
    }
    if (grantType === 'refresh_token') {
      const rt = body.get('refresh_token') ?? '';
      if (!active.has(rt) || refreshOwner.get(rt) !== client.id) return oauthError(res, 'invalid_grant');
      if (behaviour.refreshDelayMs) await new Promise((r) => setTimeout(r, behaviour.refreshDelayMs));
      if (!options.rotateRefreshTokens) return json(res, 200, issue(client.id, false));
      active.delete(rt); // rotation: the old refresh token dies as the new one is issued
      return json(res, 200, issue(client.id, true));
    }
    return oauthError(res, 'unsupported_grant_type');
  }

  /** Meta: GET .../access_token?grant_type=*_exchange_token, and GET .../refresh_access_token. */
  function metaToken(q: URLSearchParams, res: ServerResponse) {
    log.longLived.push(q);
    const old = q.get('access_token') ?? q.get('fb_exchange_token') ?? '';
    if (!active.has(old)) return json(res, 400, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } });
    active.delete(old);
    const access = rand('ll');
    active.add(access);
    json(res, 200, { access_token: access, token_type: 'bearer', expires_in: 5_184_000 });
  }

  function register(body: Record<string, unknown>, res: ServerResponse) {
    log.registrations.push(body);
    const uris = Array.isArray(body.redirect_uris) ? (body.redirect_uris as string[]) : String(body.redirect_uris ?? '').split(/\s+/);
    const id = rand('client'), secret = rand('secret');
    clients.set(id, { secret, redirectUris: uris, anyLoopbackPort: false });
    json(res, 200, { id: '1', name: body.client_name, client_id: id, client_secret: secret, redirect_uris: uris, scopes: String(body.scopes ?? 'read').split(' ') });
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const u = new URL(req.url ?? '/', url);
    const path = u.pathname.replace(/\/$/, '');
    const form = new URLSearchParams(/json/.test(req.headers['content-type'] ?? '') ? '' : text);
    if (req.method === 'GET' && /\/(auth|authorize|authorization|dialog\/oauth)$/.test(path)) return authorize(u.searchParams, res);
    if (req.method === 'GET' && /(access_token|refresh_access_token)$/.test(path)) return metaToken(u.searchParams, res);
    if (req.method === 'POST' && path === '/api/v1/apps') return register(/json/.test(req.headers['content-type'] ?? '') ? JSON.parse(text) : Object.fromEntries(form), res);
    if (req.method === 'POST' && /\/(token|accessToken|access_token)$/.test(path)) return token(req, form, res);
    if (req.method === 'POST' && /\/revoke$/.test(path)) {
      if (!clientOf(req, form).ok) return oauthError(res, 'invalid_client', 401);
      const t = form.get('token') ?? '';
      log.revoked.push(t);
      // Google-style: an unknown or already revoked token is a 400 invalid_token (RFC 7009 §2.2 would say 200).
      if (!active.delete(t)) return oauthError(res, 'invalid_token');
      res.writeHead(200);
      return res.end();
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    behaviour,
    log,
    addClient: (id, c) => clients.set(id, { ...c, redirectUris: c.redirectUris ?? ['http://127.0.0.1/callback'], anyLoopbackPort: c.anyLoopbackPort ?? true }),
    isActive: (t) => active.has(t),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Plays the user's browser: follows redirects by hand (so a test sees each hop) and returns the final page. */
export async function simulateBrowser(start: string, maxHops = 5): Promise<{ url: string; status: number; body: string; headers: Headers }> {
  let url = start;
  for (let hop = 0; hop <= maxHops; hop++) {
    const res = await fetch(url, { redirect: 'manual' });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      url = new URL(location, url).href;
      continue;
    }
    return { url, status: res.status, body: await res.text(), headers: res.headers };
  }
  throw new Error('too many redirects');
}
