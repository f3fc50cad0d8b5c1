/**
 * Every standard bad response (testing/fault-server.ts) for a read (checkHealth: GET /2/users/me) and for each step
 * of a change (publish: the image upload, then POST /2/tweets). Each must end as the right typed PlatformError with
 * a readable message. Uploads are not `mutating` (nothing is published yet), so their failures allow a plain retry;
 * the post itself gives unknown-outcome, which sends the scheduler to findPublished first.
 */
import { describe } from 'vitest';
import type { Route } from '../testing/fault-server';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createXAdapter } from './x-adapter';
import { ME } from './fake-x';

const adapter = createXAdapter({ timeoutMs: 500, pollIntervalMs: 1 });
const ctx = (serviceUrl: string) => ({ credentials: { serviceUrl, accessToken: 'token-1' } });
const me = { data: ME };
const media = { data: { id: '1900000000000000001', media_key: '3_1900000000000000001', expires_after_secs: 86_400 } };
const post = { data: { id: '1900000000000000002', text: 'Road closed https://t.co/abc', edit_history_post_ids: ['1900000000000000002'] } };

/** The good answer to every request that is not the one under test. */
const fallback: Route = (_req, url) => {
  const ok = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });
  if (url.pathname === '/2/users/me') return ok(200, me);
  if (url.pathname === '/2/media/upload') return ok(200, media);
  if (url.pathname === '/2/media/metadata') return ok(200, { data: { id: media.data.id } });
  if (url.pathname === '/2/tweets') return ok(201, post);
  return ok(404, { title: 'Not Found Error', detail: 'No such path', type: 'about:blank' });
};
const isPath = (path: string) => (_req: unknown, url: URL) => url.pathname === path;
const publishWithImage = (url: string) =>
  adapter.publish(ctx(url), { idempotencyKey: 'k', text: 'Road closed', media: [{ kind: 'image', mimeType: 'image/png', bytes: new Uint8Array([1, 2, 3]), alt: 'A map' }] });

describe('X adapter: bad responses', () => {
  describe('checkHealth', () => {
    itSurvivesBadResponses({
      operation: 'checkHealth (users/me)', mutating: false, valid: me, fallback,
      dropField: (v) => ((delete v.data.username), v), isTarget: isPath('/2/users/me'), call: (url) => adapter.checkHealth(ctx(url)),
    });
  });
  describe('publish, the image upload', () => {
    itSurvivesBadResponses({
      operation: 'publish (media upload)', mutating: false, valid: media, fallback,
      dropField: (v) => ((delete v.data.id), v), isTarget: isPath('/2/media/upload'), call: publishWithImage,
    });
  });
  describe('publish, the post', () => {
    itSurvivesBadResponses({
      operation: 'publish (POST /2/tweets)', mutating: true, valid: post, fallback,
      dropField: (v) => ((delete v.data.id), v), isTarget: isPath('/2/tweets'), call: publishWithImage,
    });
  });
});
