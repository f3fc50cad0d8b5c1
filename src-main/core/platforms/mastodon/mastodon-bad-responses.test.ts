/**
 * Every standard bad response (testing/fault-server.ts) at each step of a read (checkHealth: the account, then the
 * server's limits) and of a change (publish: the media upload, then the status). Each must end as the right typed
 * PlatformError with a readable message. The upload is not `mutating` (nothing is published yet), so its failures
 * are read-kind errors that allow a plain retry; the status itself gives unknown-outcome.
 */
import { describe } from 'vitest';
import type { Route } from '../testing/fault-server';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createMastodonAdapter } from './mastodon-adapter';
import { credentialAccount, instance, OWN, statusFixture } from './fake-mastodon';

const adapter = createMastodonAdapter({ timeoutMs: 500, pollIntervalMs: 1 });
const ctx = (serviceUrl: string) => ({ credentials: { serviceUrl, accessToken: 'token-1' } });
const media = { id: '900', type: 'image', url: 'https://social.example/m/900.png', preview_url: null, description: 'A map', blurhash: null };
const status = statusFixture('100001', OWN, 'Road closed', { media: [{ id: '900', description: 'A map' }] });

/** The good answer to every request that is not the one under test. */
const fallback: Route = (req, url) => {
  const ok = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });
  if (url.pathname === '/api/v1/accounts/verify_credentials') return ok(credentialAccount);
  if (url.pathname === '/api/v2/instance') return ok(instance(500));
  if (url.pathname === '/api/v2/media') return ok(media);
  if (url.pathname === '/api/v1/statuses' && req.method === 'POST') return ok(status);
  return { status: 404, body: '{"error":"Record not found"}' };
};
const isPath = (path: string) => (_req: unknown, url: URL) => url.pathname === path;
const publishWithImage = (url: string) =>
  adapter.publish(ctx(url), { idempotencyKey: 'k', text: 'Road closed', media: [{ kind: 'image', mimeType: 'image/png', bytes: new Uint8Array([1, 2, 3]), alt: 'A map' }] });

describe('Mastodon adapter: bad responses', () => {
  describe('checkHealth, the account', () => {
    itSurvivesBadResponses({
      operation: 'checkHealth (verify_credentials)', mutating: false, valid: credentialAccount, fallback,
      dropField: (v) => ((delete v.acct), v), isTarget: isPath('/api/v1/accounts/verify_credentials'), call: (url) => adapter.checkHealth(ctx(url)),
    });
  });
  describe('checkHealth, the server’s limits', () => {
    itSurvivesBadResponses({
      operation: 'checkHealth (instance)', mutating: false, valid: instance(500), fallback,
      dropField: (v) => ((delete v.configuration.statuses.max_characters), v), isTarget: isPath('/api/v2/instance'), call: (url) => adapter.checkHealth(ctx(url)),
    });
  });
  describe('publish, the media upload', () => {
    itSurvivesBadResponses({
      operation: 'publish (media upload)', mutating: false, valid: media, fallback,
      dropField: (v) => ((delete v.id), v), isTarget: isPath('/api/v2/media'), call: publishWithImage,
    });
  });
  describe('publish, the status', () => {
    itSurvivesBadResponses({
      operation: 'publish (status)', mutating: true, valid: status, fallback,
      dropField: (v) => ((delete v.id), v), isTarget: isPath('/api/v1/statuses'), call: publishWithImage,
    });
  });
});
