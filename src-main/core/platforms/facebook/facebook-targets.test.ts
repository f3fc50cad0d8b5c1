/**
 * Choosing a Facebook Page after sign-in: the adapter's listTargets against the loopback Graph fake's /me/accounts
 * (Pages API "Manage a Page"), and the shared bad-response cases as a read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type CallContext, type ConnectTarget, type Credentials } from '../adapter';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createFacebookAdapter } from './index';
import { ALL_TASKS, createFakeFacebook, startFakeFacebook, type ManagedPage } from './fake-facebook';

const COUNCIL: ManagedPage = { id: '1001', name: 'Herald Test Council', tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT'], accessToken: 'page-token-council' };
const LIBRARIES: ManagedPage = { id: '1002', name: 'Herald Libraries', tasks: ALL_TASKS, accessToken: 'page-token-libraries' };
const ADS_ONLY: ManagedPage = { id: '1003', name: 'Herald Leisure Centres', tasks: ['ANALYZE', 'ADVERTISE'], accessToken: 'page-token-leisure' };
const MODERATOR: ManagedPage = { id: '1004', name: 'Herald Museum', tasks: ['MODERATE'], accessToken: 'page-token-museum' };

/** What the account service stores for a chosen target: the person's credentials with the target's laid over. */
const chosen = (serviceUrl: string, t: ConnectTarget): Credentials => ({ serviceUrl, ...t.credentials });

describe('Facebook Page adapter, choosing a Page after sign-in', () => {
  let fake: Awaited<ReturnType<typeof startFakeFacebook>>;
  let user: CallContext;
  const fb = createFacebookAdapter({ timeoutMs: 2_000 });
  beforeAll(async () => {
    // Two Pages per answer, so four Pages take two requests.
    fake = await startFakeFacebook({ managedPages: [COUNCIL, ADS_ONLY, MODERATOR, LIBRARIES], accountsPageSize: 2 });
    user = { credentials: { serviceUrl: fake.serviceUrl, accessToken: 'good' } };
  });
  afterAll(() => fake.server.close());

  it('calls the choice a "Facebook Page"', () => {
    expect(fb.targetLabel).toBe('Facebook Page');
  });

  it('lists only the Pages the person can post to (CREATE_CONTENT or MANAGE), with their names, across result pages', async () => {
    const before = fake.server.requests.length;
    const targets = await fb.listTargets!(user);
    expect(targets).toEqual([
      { id: '1001', name: 'Herald Test Council', credentials: { accessToken: 'page-token-council', extra: { pageId: '1001' } } },
      { id: '1002', name: 'Herald Libraries', credentials: { accessToken: 'page-token-libraries', extra: { pageId: '1002' } } },
    ]);
    const asked = fake.server.requests.slice(before);
    expect(asked.map((r) => r.path.split('?')[0])).toEqual(['/v21.0/me/accounts', '/v21.0/me/accounts']);
    expect(new URL(asked[0]!.path, 'http://x').searchParams.get('fields')).toBe('id,name,access_token,tasks');
    // The user token went in the header; neither it nor a Page token ever appears in an address.
    expect(fake.tokensUsed.slice(-2).map((t) => t.token)).toEqual(['good', 'good']);
    expect(asked.some((r) => /page-token|good/.test(r.path) || new URL(r.path, 'http://x').searchParams.has('access_token'))).toBe(false);
  });

  it("makes the chosen Page's credentials work for checkHealth and publish, carrying the Page token, not the person's", async () => {
    const council = (await fb.listTargets!(user)).find((t) => t.id === fake.pageId)!;
    const ctx: CallContext = { credentials: chosen(fake.serviceUrl, council) };
    expect(await fb.checkHealth(ctx)).toMatchObject({ ok: true, accountName: 'Herald Test Council', accountId: '1001' });
    const r = await fb.publish(ctx, { idempotencyKey: 'k', text: 'Council tax bills go out this week.', media: [] });
    expect(fake.posts.get(r.platformPostId)?.message).toBe('Council tax bills go out this week.');
    expect(fake.tokensUsed.at(-1)).toEqual({ method: 'POST', path: '/v21.0/1001/feed', token: 'page-token-council' });
  });

  it('returns an empty list when the person manages no Page they can post to (the account service explains)', async () => {
    const saved = fake.managedPages.splice(0, fake.managedPages.length, ADS_ONLY);
    try {
      expect(await fb.listTargets!(user)).toEqual([]);
      fake.managedPages.splice(0);
      expect(await fb.listTargets!(user)).toEqual([]);
    } finally {
      fake.managedPages.splice(0, fake.managedPages.length, ...saved);
    }
  });

  it('turns an expired sign-in (Graph code 190) into auth-expired', async () => {
    const err = await fb.listTargets!({ credentials: { ...user.credentials, accessToken: 'expired' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'auth-expired', message: expect.stringMatching(/Reconnect/) });
  });

  it('never puts a Page token in an error message, even when a later result page fails', async () => {
    fake.server.setRoute((req, url) => (url.searchParams.has('after') ? { status: 500, body: '{"error":{"message":"boom","code":1,"is_transient":true}}' } : fake.handle(req, url)));
    try {
      const err = (await fb.listTargets!(user).catch((e: unknown) => e)) as PlatformError;
      expect(err).toMatchObject({ kind: 'network' });
      expect(err.message).not.toMatch(/page-token/);
      expect(err.message).toMatch(/listing the Facebook Pages|temporary fault/);
    } finally {
      fake.server.setRoute(fake.handle);
    }
  });
});

describe('Facebook Page adapter, listing Pages against bad responses', () => {
  const fake = createFakeFacebook();
  const fb = createFacebookAdapter({ timeoutMs: 500 });
  itSurvivesBadResponses({
    operation: 'listTargets',
    mutating: false,
    valid: { data: [{ id: '1001', name: 'Herald Test Council', access_token: 'page-token-1001', tasks: ['CREATE_CONTENT'] }], paging: { cursors: { before: 'MA', after: 'MQ' } } },
    dropField: (v) => ({ ...v, data: v.data.map(({ name: _name, ...rest }: Record<string, unknown>) => rest) }),
    isTarget: (req, url) => req.method === 'GET' && url.pathname === '/v21.0/me/accounts',
    fallback: fake.handle,
    call: (url) => fb.listTargets!({ credentials: { serviceUrl: `${url}/v21.0`, accessToken: 'good' } }),
  });
});
