import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAuthorisation, type StartAuthorisationOptions } from './loopback-flow';
import { providerFor, type OAuthPlatformId } from './providers';
import { simulateBrowser, startFakeAuthorisationServer, type FakeAuthorisationServer } from './testing/fake-authorisation-server';
import { freePort } from './testing/loopback-helpers';

// The real provider data (paths, parameter names, quirks) with only the origin moved to the fake.
let as: FakeAuthorisationServer;
beforeEach(async () => {
  as = await startFakeAuthorisationServer();
  as.addClient('herald-desktop', { secret: 'not-really-secret' });
});
afterEach(async () => as.close());

function connectWith(platform: OAuthPlatformId, o: Partial<StartAuthorisationOptions> = {}) {
  return startAuthorisation({ provider: providerFor(platform, { baseUrl: as.url }), clientId: 'herald-desktop', clientSecret: 'not-really-secret', openBrowser: async (url) => void (await simulateBrowser(url)), timeoutMs: 10_000, ...o });
}

describe('platform quirks, end to end against the fake', () => {
  it('X: connects as a public client on its registered port and asks for offline.access', async () => {
    as.addClient('x-public', {});
    const port = await freePort();
    const result = await connectWith('x', { clientId: 'x-public', clientSecret: undefined, port });
    expect(result.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    expect(as.log.authorize[0]!.get('scope')!.split(' ')).toContain('offline.access');
    const tokenRequest = as.log.tokenRequests[0]!;
    expect(tokenRequest.body.get('client_id')).toBe('x-public');
    expect(tokenRequest.authorization).toBeUndefined();
  });

  it('X: a confidential client authenticates with HTTP Basic', async () => {
    await connectWith('x', { port: await freePort() });
    expect(as.log.tokenRequests[0]!.authorization).toMatch(/^Basic /);
  });

  it('TikTok: sends client_key, comma-separated scopes and a hex S256 challenge, on /callback/', async () => {
    as.addClient('tt-key', { secret: 'tt-secret', redirectUris: ['http://127.0.0.1/callback/'], challengeEncoding: 'hex' });
    const result = await connectWith('tiktok', { clientId: 'tt-key', clientSecret: 'tt-secret' });
    const q = as.log.authorize[0]!;
    expect(q.get('client_key')).toBe('tt-key');
    expect(q.has('client_id')).toBe(false);
    expect(q.get('scope')).toBe('user.info.basic,video.publish,video.upload');
    expect(q.get('code_challenge')).toMatch(/^[0-9a-f]{64}$/);
    expect(as.log.pkce[0]!.matched).toBe(true);
    expect(as.log.tokenRequests[0]!.body.get('client_key')).toBe('tt-key');
    expect(result.redirectUri).toMatch(/\/callback\/$/);
  });

  it('Threads: exchanges the short-lived token for a long-lived one and keeps the user id', async () => {
    await as.close();
    as = await startFakeAuthorisationServer({ metaStyle: true });
    as.addClient('threads-app', { secret: 'threads-secret' });
    const t0 = Date.UTC(2026, 0, 1);
    const result = await connectWith('threads', { clientId: 'threads-app', clientSecret: 'threads-secret', now: () => t0 });
    expect(as.log.authorize[0]!.has('code_challenge')).toBe(false); // Threads documents no PKCE
    expect(as.log.longLived[0]!.get('grant_type')).toBe('th_exchange_token');
    expect(result.accessToken).toMatch(/^ll-/);
    expect(result.refreshToken).toBeUndefined();
    expect(result.expiresAt).toBe(t0 + 5_184_000_000);
    expect(result.extra?.userId).toBe('17841400000000000');
  });
});
