import { describe, expect, it } from 'vitest';
import { OAUTH_PLATFORM_IDS, providerFor } from './providers';

describe('provider data', () => {
  it.each(OAUTH_PLATFORM_IDS)('%s: every real endpoint is https and every entry cites its sources', (id) => {
    const p = providerFor(id);
    for (const url of [p.authorizationEndpoint, p.tokenEndpoint, p.revocationEndpoint, p.longLived?.exchangeUrl, p.longLived?.refreshUrl]) {
      if (url) expect(new URL(url).protocol).toBe('https:');
    }
    expect(p.sources.length).toBeGreaterThan(0);
    expect(p.defaultScopes.length).toBeGreaterThan(0);
    expect(p.callbackPath.startsWith('/')).toBe(true);
  });

  it('records the quirks each platform is known for', () => {
    expect(providerFor('x').defaultScopes).toContain('offline.access');
    expect(providerFor('x').rotatesRefreshTokens).toBe(true);
    expect(providerFor('tiktok')).toMatchObject({ clientIdParam: 'client_key', rotatesRefreshTokens: true, scopeSeparator: ',' });
    expect(providerFor('youtube').extraAuthParams).toEqual({ access_type: 'offline', prompt: 'consent' });
    for (const meta of ['facebook', 'instagram', 'threads'] as const) {
      expect(providerFor(meta).refresh).toBe('meta-long-lived');
      expect(providerFor(meta).revocationEndpoint).toBeUndefined();
    }
  });

  it('a base URL override keeps each path and moves every endpoint to the local server', () => {
    const p = providerFor('threads', { baseUrl: 'http://127.0.0.1:4000' });
    expect(p.tokenEndpoint).toBe('http://127.0.0.1:4000/oauth/access_token');
    expect(p.longLived?.refreshUrl).toBe('http://127.0.0.1:4000/refresh_access_token');
    expect(p.issuer).toBe('http://127.0.0.1:4000');
    expect(providerFor('mastodon', { baseUrl: 'https://social.example.gov.uk' }).tokenEndpoint).toBe('https://social.example.gov.uk/oauth/token');
  });
});
