/**
 * The Bluesky adapter against a server that answers badly (the shared fault server and its standard cases): every
 * bad answer becomes a typed PlatformError a comms officer can read, and a publish whose fate is unknown says so.
 *
 * @atproto/api checks every response against the lexicons, so an HTML page, cut-off JSON and a missing required field
 * all arrive as its "InvalidResponse" (mapped like ../http.ts maps an unreadable body), and an unknown extra field is
 * accepted, as lexicons allow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../testing/fault-server';
import { startFaultServer, type FaultServer } from '../testing/fault-server';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { PlatformError, type CallContext } from '../adapter';
import { createBlueskyAdapter } from './index';
import { freePort } from './testing/peers';

const DID = 'did:plc:councilcouncilcouncil0001';
const CID = 'bafyreicob2im7si4bopvkf26jyek5ytpjxlhfukhwe435a73zfvvpzqjma';
const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers, body: JSON.stringify(body) });

const valid = {
  session: { did: DID, handle: 'council.test', accessJwt: 'access-token', refreshJwt: 'refresh-token', active: true },
  getSession: { did: DID, handle: 'council.test', active: true },
  createRecord: { uri: `at://${DID}/app.bsky.feed.post/2222222222222`, cid: CID, commit: { cid: CID, rev: '3n33gfheyw222' }, validationStatus: 'valid' },
  uploadBlob: { blob: { $type: 'blob', ref: { $link: CID }, mimeType: 'image/png', size: 68 } },
};

/** A well-behaved Bluesky PDS, for every request a case does not target. */
const pds: Route = (_req, url) => {
  switch (url.pathname.replace('/xrpc/', '')) {
    case 'com.atproto.server.createSession': return json(200, valid.session);
    case 'com.atproto.server.refreshSession': return json(400, { error: 'ExpiredToken', message: 'Token has expired' });
    case 'com.atproto.server.getSession': return json(200, valid.getSession);
    case 'com.atproto.repo.getRecord': return json(400, { error: 'RecordNotFound', message: 'Could not locate record' });
    case 'com.atproto.repo.createRecord': return json(200, valid.createRecord);
    case 'com.atproto.repo.uploadBlob': return json(200, valid.uploadBlob);
    default: return json(501, { error: 'MethodNotImplemented' });
  }
};

const ctx = (serviceUrl: string): CallContext => ({ credentials: { serviceUrl, identifier: 'council.test', appPassword: 'abcd-efgh-ijkl-mnop' } });
const adapter = (timeoutMs = 500) => createBlueskyAdapter({ timeoutMs, now: () => NOW });
const target = (nsid: string) => (_req: unknown, url: URL) => url.pathname === `/xrpc/${nsid}`;
const image = { kind: 'image' as const, mimeType: 'image/png', bytes: new Uint8Array(68), alt: 'A map' };

describe('checking the account (a read)', () => {
  itSurvivesBadResponses({
    operation: 'checkHealth', mutating: false, valid: valid.getSession, dropField: (v) => (delete v.did, v),
    isTarget: target('com.atproto.server.getSession'), fallback: pds, call: (url) => adapter().checkHealth(ctx(url)),
  });
});

describe('signing in (changes nothing, so never an unknown outcome)', () => {
  itSurvivesBadResponses({
    operation: 'sign-in', mutating: false, valid: valid.session, dropField: (v) => (delete v.accessJwt, v),
    isTarget: target('com.atproto.server.createSession'), fallback: pds, call: (url) => adapter().checkHealth(ctx(url)),
  });
});

describe('publishing (a change)', () => {
  itSurvivesBadResponses({
    operation: 'publish', mutating: true, valid: valid.createRecord, dropField: (v) => (delete v.cid, v),
    isTarget: target('com.atproto.repo.createRecord'), fallback: pds,
    call: (url) => adapter().publish(ctx(url), { idempotencyKey: 'k1', text: 'Bins are collected on Tuesday', media: [] }),
  });
});

describe('uploading an image before publishing (safe to retry: nothing is visible yet)', () => {
  itSurvivesBadResponses({
    operation: 'image upload', mutating: false, valid: valid.uploadBlob, dropField: (v) => (delete v.blob, v),
    isTarget: target('com.atproto.repo.uploadBlob'), fallback: pds,
    // Uploads get ten times the time limit (session.ts), so a shorter one keeps the hang case quick.
    call: (url) => adapter(200).publish(ctx(url), { idempotencyKey: 'k2', text: 'Road closure', media: [image] }),
  });
});

describe('Bluesky’s own rate-limit headers and an unreachable server', () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer(pds);
  });
  afterAll(async () => {
    await server.close();
  });

  it('checkHealth reports how many requests are left and when the limit resets', async () => {
    const reset = Math.floor(NOW / 1000) + 300;
    server.setRoute((req, url) => (target('com.atproto.server.getSession')(req, url) ? json(200, valid.getSession, { 'ratelimit-remaining': '4999', 'ratelimit-reset': String(reset) }) : pds(req, url)));
    await expect(adapter().checkHealth(ctx(server.url))).resolves.toMatchObject({ accountName: 'council.test', accountId: DID, rateLimit: { remaining: 4999, resetAt: reset * 1000 } });
  });

  it('a publish refused for rate limiting says when to try again, from ratelimit-reset (a Unix time on Bluesky)', async () => {
    const reset = Math.floor(NOW / 1000) + 3600;
    server.setRoute((req, url) => (target('com.atproto.repo.createRecord')(req, url) ? json(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, { 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) }) : pds(req, url)));
    const e = (await adapter().publish(ctx(server.url), { idempotencyKey: 'k3', text: 'Hello', media: [] }).catch((x: unknown) => x)) as PlatformError;
    expect(e).toBeInstanceOf(PlatformError);
    expect(e).toMatchObject({ kind: 'rate-limited', details: { retryAt: reset * 1000 } });
    expect(e.message).toContain(new Date(reset * 1000).toISOString());
  });

  it('a server that refuses connections is a network problem, even for a publish (nothing was sent)', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    for (const call of [adapter().checkHealth(ctx(closed)), adapter().publish(ctx(closed), { idempotencyKey: 'k4', text: 'Hello', media: [] })]) {
      const e = (await call.catch((x: unknown) => x)) as PlatformError;
      expect(e).toBeInstanceOf(PlatformError);
      expect(e.kind).toBe('network');
      expect(e.message).toMatch(/could not reach Bluesky/);
    }
  });

  it('credentials without an app password are refused before any request', async () => {
    const e = (await adapter().checkHealth({ credentials: { serviceUrl: server.url, identifier: 'council.test' } }).catch((x: unknown) => x)) as PlatformError;
    expect(e).toMatchObject({ kind: 'auth-expired' });
    expect(e.message).toMatch(/app password/);
  });
});
