import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type Credentials } from '../adapter';
import { startAuthorisation } from './loopback-flow';
import { providerFor, type OAuthPlatformId } from './providers';
import { simulateBrowser, startFakeAuthorisationServer, type FakeAsOptions, type FakeAuthorisationServer } from './testing/fake-authorisation-server';
import { freePort } from './testing/loopback-helpers';
import { refreshIfDue, revoke } from './token-refresh';

const T0 = Date.UTC(2026, 10, 24, 12);
const MIN = 60_000;
const client = { clientId: 'herald-desktop', clientSecret: 'not-really-secret' };
const tiktokClient = { clientId: 'tt-key', clientSecret: 'tt-secret' };
let as: FakeAuthorisationServer;

async function fake(options: FakeAsOptions = {}) {
  as = await startFakeAuthorisationServer(options);
  as.addClient(client.clientId, { secret: client.clientSecret });
  as.addClient(tiktokClient.clientId, { secret: tiktokClient.clientSecret, redirectUris: ['http://127.0.0.1/callback/'], challengeEncoding: 'hex' });
}
afterEach(async () => as?.close());

/** A really connected account, so the fake knows its tokens. Access token expires at T0 + 2 hours. */
async function connected(platform: OAuthPlatformId): Promise<Credentials> {
  const provider = providerFor(platform, { baseUrl: as.url });
  const r = await startAuthorisation({ provider, ...(platform === 'tiktok' ? tiktokClient : client), port: platform === 'x' ? await freePort() : 0, now: () => T0, openBrowser: async (url) => void (await simulateBrowser(url)) });
  return { serviceUrl: as.url, accessToken: r.accessToken, refreshToken: r.refreshToken, expiresAt: r.expiresAt };
}

const refreshCount = () => as.log.tokenRequests.filter((r) => r.grantType === 'refresh_token').length;

describe('refreshing before expiry', () => {
  beforeEach(() => fake());

  it('returns credentials that are not yet due as they are, without a request', async () => {
    const creds = await connected('youtube');
    const persisted: Credentials[] = [];
    const same = await refreshIfDue(creds, providerFor('youtube', { baseUrl: as.url }), { client, now: () => T0 + 60 * MIN, persist: async (c) => void persisted.push(c) });
    expect(same).toBe(creds);
    expect(refreshCount()).toBe(0);
    expect(persisted).toHaveLength(0);
  });

  it('refreshes inside the five-minute window, persists the result and keeps a refresh token the server did not replace', async () => {
    const creds = await connected('youtube');
    const persisted: Credentials[] = [];
    const now = T0 + 116 * MIN; // 4 minutes before expiry
    const next = await refreshIfDue(creds, providerFor('youtube', { baseUrl: as.url }), { client, now: () => now, persist: async (c) => void persisted.push(c) });
    expect(next.accessToken).not.toBe(creds.accessToken);
    expect(next.refreshToken).toBe(creds.refreshToken); // Google does not rotate
    expect(next.expiresAt).toBe(now + 7200 * 1000);
    expect(persisted).toEqual([next]);
    expect(refreshCount()).toBe(1);
  });

  it('turns a refused refresh token into auth-expired with a plain message', async () => {
    const creds = { ...(await connected('youtube')), refreshToken: 'rt-not-issued' };
    const err = await refreshIfDue(creds, providerFor('youtube', { baseUrl: as.url }), { client, now: () => T0 + 3 * 60 * MIN, persist: async () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'auth-expired', platform: 'youtube' });
    expect((err as Error).message).toMatch(/Reconnect the account/);
  });

  it('says an expired token with no way to refresh it needs a reconnect', async () => {
    const creds: Credentials = { serviceUrl: as.url, accessToken: 'at-old', expiresAt: T0 };
    await expect(refreshIfDue(creds, providerFor('linkedin', { baseUrl: as.url }), { client, now: () => T0 + 1, persist: async () => {} })).rejects.toMatchObject({ kind: 'auth-expired' });
  });
});

describe('rotating refresh tokens (TikTok, X)', () => {
  beforeEach(() => fake({ rotateRefreshTokens: true }));

  it('persists the new refresh token before returning, and the old one no longer works', async () => {
    const creds = await connected('tiktok');
    const provider = providerFor('tiktok', { baseUrl: as.url });
    let release!: () => void;
    const stored: Credentials[] = [];
    const persist = (c: Credentials) => new Promise<void>((resolve) => ((release = () => (stored.push(c), resolve())), undefined));
    let settled = false;
    const pending = refreshIfDue(creds, provider, { client: tiktokClient, now: () => T0 + 119 * MIN, persist }).then((c) => ((settled = true), c));
    await until(() => release !== undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false); // the new access token is not handed out while the keychain write is pending
    release();
    const next = await pending;
    expect(stored).toEqual([next]);
    expect(next.refreshToken).not.toBe(creds.refreshToken);
    expect(as.isActive(creds.refreshToken!)).toBe(false);
    expect(as.isActive(next.refreshToken!)).toBe(true);
    expect(as.log.tokenRequests.at(-1)!.body.get('client_key')).toBe(tiktokClient.clientId);
  });

  it('fails the refresh, handing out nothing, when the new credentials cannot be stored', async () => {
    const creds = await connected('tiktok');
    const err = await refreshIfDue(creds, providerFor('tiktok', { baseUrl: as.url }), { client: tiktokClient, now: () => T0 + 119 * MIN, persist: async () => Promise.reject(new Error('keychain locked')) }).catch((e: Error) => e);
    expect((err as Error).message).toBe('keychain locked');
  });

  it('two concurrent refreshes of the same account make one token request', async () => {
    const creds = await connected('x');
    as.behaviour.refreshDelayMs = 100;
    const provider = providerFor('x', { baseUrl: as.url });
    const persisted: Credentials[] = [];
    const o = { client, now: () => T0 + 119 * MIN, persist: async (c: Credentials) => void persisted.push(c) };
    const [a, b] = await Promise.all([refreshIfDue({ ...creds }, provider, o), refreshIfDue({ ...creds }, provider, o)]);
    expect(refreshCount()).toBe(1);
    expect(a).toEqual(b);
    expect(persisted).toHaveLength(1);
  });

  it('gives a caller that still holds the replaced refresh token the refreshed credentials, not a second request', async () => {
    const creds = await connected('x');
    const provider = providerFor('x', { baseUrl: as.url });
    const o = { client, now: () => T0 + 119 * MIN, persist: async () => {} };
    const first = await refreshIfDue({ ...creds }, provider, o);
    const late = await refreshIfDue({ ...creds }, provider, o);
    expect(late).toEqual(first);
    expect(refreshCount()).toBe(1);
  });
});

describe('revoking on disconnect', () => {
  beforeEach(() => fake());

  it('calls the revocation endpoint for the refresh and access tokens', async () => {
    const creds = await connected('youtube');
    expect(await revoke(creds, providerFor('youtube', { baseUrl: as.url }), { client })).toBe('revoked');
    expect(as.log.revoked).toEqual([creds.refreshToken, creds.accessToken]);
    expect(as.isActive(creds.accessToken!)).toBe(false);
  });

  it('counts a token the server already considers revoked as revoked', async () => {
    const creds = { ...(await connected('youtube')), accessToken: 'at-already-gone' };
    expect(await revoke(creds, providerFor('youtube', { baseUrl: as.url }), { client })).toBe('revoked');
  });

  it('says not-supported where the platform has no revocation endpoint', async () => {
    const creds: Credentials = { serviceUrl: 'https://graph.facebook.com', accessToken: 'at' };
    expect(await revoke(creds, providerFor('facebook'), { client })).toBe('not-supported');
    expect(await revoke(creds, providerFor('linkedin'), { client })).toBe('not-supported');
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}
