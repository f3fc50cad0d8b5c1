import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialsFrom, startAuthorisation } from './loopback-flow';
import { mastodonRegistration } from './mastodon-registration';
import { providerFor } from './providers';
import { simulateBrowser, startFakeAuthorisationServer, type FakeAuthorisationServer } from './testing/fake-authorisation-server';
import { revoke } from './token-refresh';

let instance: FakeAuthorisationServer;
beforeEach(async () => void (instance = await startFakeAuthorisationServer()));
afterEach(async () => instance.close());

describe('connecting a Mastodon account', () => {
  it('registers an app with the exact loopback redirect URI, then connects with it, and can revoke with the stored client', async () => {
    const provider = providerFor('mastodon', { baseUrl: instance.url });
    const result = await startAuthorisation({
      provider,
      register: mastodonRegistration(instance.url, { clientName: 'Herald (Test Council)', website: 'https://example.gov.uk' }),
      openBrowser: async (url) => void (await simulateBrowser(url)),
    });
    const reg = instance.log.registrations[0]!;
    expect(reg.redirect_uris).toBe(result.redirectUri);
    expect(reg.client_name).toBe('Herald (Test Council)');
    expect(reg.scopes).toBe('read write:statuses write:media write:blocks write:mutes');
    expect(instance.log.authorize[0]!.get('client_id')).toBe(result.client.clientId);
    expect(instance.log.pkce[0]!.matched).toBe(true);
    expect(result.accessToken).toBeTruthy();
    expect(result.client.clientSecret).toBeTruthy();

    const creds = credentialsFrom(result, instance.url);
    expect(creds.extra).toMatchObject({ clientId: result.client.clientId, clientSecret: result.client.clientSecret });
    expect(await revoke(creds, provider)).toBe('revoked'); // no client passed: it comes from the stored credentials
    expect(instance.log.revoked).toContain(result.accessToken);
  });
});
