/**
 * Connecting an account with OAuth 2 + PKCE through a loopback redirect (R2, R4): the whole path a manager takes, with
 * a local authorisation server standing in for X's and the spec-checked fake X API behind it, and the real keychain.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createServer } from 'node:net';
import { testCore, withCast, type TestCore } from '../test-support/core';
import { createCore } from '../create-core';
import { silentLogger } from '../logger';
import { TEST_COST } from '../people/password';
import { providerFor } from '../platforms/oauth';
import { simulateBrowser, startFakeAuthorisationServer, type FakeAuthorisationServer } from '../platforms/oauth/testing/fake-authorisation-server';
import { startFakeX, type FakeX } from '../platforms/x/fake-x';
import { createXAdapter } from '../platforms/x/x-adapter';
import type { User } from '../people/user-service';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

let base: TestCore;
let core: TestCore;
let as: FakeAuthorisationServer;
let x: FakeX;
let admin: User;
let port: number;
const details = { owner: 'Press Office', purpose: 'News and service updates', kind: 'corporate' as const, campaignStartsOn: null, campaignEndsOn: null };

beforeEach(async () => {
  as = await startFakeAuthorisationServer({ rotateRefreshTokens: true, accessTokenTtlS: 7200 });
  x = await startFakeX();
  port = await freePort();
  as.addClient('herald-x', { secret: 'x-client-secret', redirectUris: [`http://127.0.0.1:${port}/callback`], anyLoopbackPort: false });
  base = await testCore('sqlite');
  await base.close();
  // The same data, reopened with the OAuth wiring a desktop has: a browser, and X's endpoints pointed at the fakes.
  const reopened = await createCore({
    ...base.target,
    secretStore: base.secrets,
    clock: base.clock,
    logger: silentLogger(),
    passwordCost: TEST_COST,
    adapters: { x: createXAdapter({ timeoutMs: 5000 }) },
    openExternal: async (url) => void simulateBrowser(url).catch(() => undefined),
    oauthProviders: (platform) => providerFor(platform, { baseUrl: as.url }),
  });
  core = Object.assign(reopened, { clock: base.clock, target: base.target, dispose: base.dispose }) as TestCore;
  ({ admin } = await withCast(core));
});
afterEach(async () => {
  await core.close();
  await base.dispose().catch(() => undefined);
  await as.close();
  await x.close();
});

const connectX = async () => {
  const r = await core.accounts.connectWithOAuth(admin, { platform: 'x', serviceUrl: x.url, clientId: 'herald-x', clientSecret: 'x-client-secret', port, ...details });
  expect(r.choose).toBeNull();
  return r.account!;
};

describe('connecting X with OAuth', () => {
  it('a manager signs in through the browser; the tokens go to the keychain and the connection is audited', async () => {
    const view = await connectX();
    expect(view).toMatchObject({ platform: 'x', status: 'connected', healthOk: true, authorisedBy: 'amara.admin' });
    expect(as.log.pkce[0]!.matched).toBe(true);
    const stored = JSON.parse((await core.secrets.get(`account:${view.id}`))!);
    expect(stored.accessToken).toMatch(/^at-/);
    expect(stored.refreshToken).toMatch(/^rt-/);
    const entry = (await core.audit.list({ limit: 5, action: 'account.connected' })).entries[0]!;
    expect(entry.details).toMatchObject({ authorisedBy: 'amara.admin', platform: 'x' });
    expect(JSON.stringify(entry)).not.toContain(stored.accessToken);
    expect(x.violations).toEqual([]);
  });

  it('a callback with the wrong state is refused, audited, and nothing is connected', async () => {
    as.behaviour.wrongState = true;
    await expect(connectX()).rejects.toMatchObject({ reason: 'state-mismatch' });
    expect(await core.accounts.list()).toEqual([]);
    const entry = (await core.audit.list({ limit: 5, action: 'account.connect-refused' })).entries[0]!;
    expect(entry.details).toMatchObject({ platform: 'x', reason: 'state-mismatch' });
  });

  it('a replayed code is refused and audited', async () => {
    as.behaviour.redeemBeforeRedirect = true;
    await expect(connectX()).rejects.toMatchObject({ reason: 'replayed-code' });
    expect((await core.audit.list({ limit: 5, action: 'account.connect-refused' })).entries[0]!.details).toMatchObject({ reason: 'replayed-code' });
  });

  it('a callback sent to a foreign redirect is refused and audited', async () => {
    as.behaviour.iss = 'https://evil.example';
    await expect(connectX()).rejects.toMatchObject({ reason: 'foreign-redirect' });
    expect((await core.audit.list({ limit: 5, action: 'account.connect-refused' })).total).toBe(1);
  });

  it('refreshes a token that is about to expire before using it, keeping the rotated refresh token in the keychain', async () => {
    const view = await connectX();
    const before = JSON.parse((await core.secrets.get(`account:${view.id}`))!);
    core.clock.advance(2 * 3600_000 - 60_000); // a minute before the 2-hour token expires
    await core.accounts.checkHealth(admin, view.id);
    const after = JSON.parse((await core.secrets.get(`account:${view.id}`))!);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(as.isActive(before.refreshToken)).toBe(false);
  });

  it('disconnecting revokes the tokens at the platform and removes them from the keychain', async () => {
    const view = await connectX();
    const stored = JSON.parse((await core.secrets.get(`account:${view.id}`))!);
    await core.accounts.disconnect(admin, view.id, 'Account closed');
    expect(as.log.revoked).toContain(stored.refreshToken);
    expect(await core.secrets.get(`account:${view.id}`)).toBeNull();
    expect((await core.audit.list({ limit: 5, action: 'account.disconnected' })).entries[0]!.details).toMatchObject({ revokedAtPlatform: 'revoked' });
  });
});
