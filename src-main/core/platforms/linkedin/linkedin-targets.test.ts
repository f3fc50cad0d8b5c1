/**
 * Choosing a LinkedIn organisation after sign-in: the adapter's listTargets against the loopback LinkedIn fake's
 * organizationAcls finder and Organization Lookup, and the shared bad-response cases as a read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type CallContext, type ConnectTarget, type Credentials } from '../adapter';
import { itSurvivesBadResponses } from '../testing/bad-responses';
import { createLinkedInAdapter } from './index';
import { createFakeLinkedIn, startFakeLinkedIn, type MemberOrg } from './fake-linkedin';
import { LINKEDIN_VERSION } from './rest';

const COUNCIL: MemberOrg = { id: '2414183', name: 'Herald Test Council', role: 'ADMINISTRATOR' };
const PARKS: MemberOrg = { id: '5550001', name: 'Herald Parks Trust', role: 'ANALYST' };
const LIBRARIES: MemberOrg = { id: '5550002', name: 'Herald Libraries', role: 'ADMINISTRATOR' };
const PENDING: MemberOrg = { id: '5550003', name: 'Herald Museum', role: 'ADMINISTRATOR', state: 'REQUESTED' };

/** What the account service stores for a chosen target: the member's credentials with the target's laid over. */
const chosen = (base: Credentials, t: ConnectTarget): Credentials => ({ ...base, ...t.credentials, extra: { ...base.extra, ...t.credentials.extra } });

describe('LinkedIn adapter, choosing an organisation after sign-in', () => {
  let fake: Awaited<ReturnType<typeof startFakeLinkedIn>>;
  let member: CallContext;
  const li = createLinkedInAdapter({ timeoutMs: 2_000 });
  beforeAll(async () => {
    // One role per answer, so the finder's paging is followed.
    fake = await startFakeLinkedIn({ memberOrgs: [COUNCIL, PARKS, LIBRARIES, PENDING], aclPageSize: 1 });
    member = { credentials: { serviceUrl: fake.serviceUrl, accessToken: 'good' } };
  });
  afterAll(() => fake.server.close());

  it('calls the choice a "LinkedIn organisation"', () => {
    expect(li.targetLabel).toBe('LinkedIn organisation');
  });

  it('lists only the organisations the member administers (approved), with their names', async () => {
    const before = fake.server.requests.length;
    expect(await li.listTargets!(member)).toEqual([
      { id: '2414183', name: 'Herald Test Council', credentials: { extra: { organizationId: '2414183' } } },
      { id: '5550002', name: 'Herald Libraries', credentials: { extra: { organizationId: '5550002' } } },
    ]);
    const acl = fake.server.requests.slice(before).filter((r) => r.path.startsWith('/rest/organizationAcls'));
    expect(acl.length).toBe(2);
    expect(Object.fromEntries(new URL(acl[0]!.path, 'http://x').searchParams)).toMatchObject({ q: 'roleAssignee', role: 'ADMINISTRATOR', state: 'APPROVED' });
  });

  it('is answered by a fake that honours the role filter, as LinkedIn does', async () => {
    const ask = async (query: string) => {
      const res = await fetch(`${fake.serviceUrl}/rest/organizationAcls?q=roleAssignee&${query}`, { headers: { authorization: 'Bearer good', 'linkedin-version': LINKEDIN_VERSION, 'x-restli-protocol-version': '2.0.0' } });
      const body = (await res.json()) as { elements: Array<{ organization: string }>; paging: { total: number } };
      return { first: body.elements.map((e) => e.organization), total: body.paging.total };
    };
    // (One element per answer in this fake; `total` counts every match.)
    expect(await ask('role=ANALYST')).toEqual({ first: ['urn:li:organization:5550001'], total: 1 });
    expect(await ask('role=ADMINISTRATOR&state=APPROVED')).toEqual({ first: ['urn:li:organization:2414183'], total: 2 });
    expect(await ask('role=ADMINISTRATOR&state=APPROVED&start=1')).toEqual({ first: ['urn:li:organization:5550002'], total: 2 });
  });

  it("makes the chosen organisation's credentials work for checkHealth and publish, keeping the member's token", async () => {
    const council = (await li.listTargets!(member)).find((t) => t.id === fake.orgId)!;
    expect(council.credentials.accessToken).toBeUndefined();
    const ctx: CallContext = { credentials: chosen(member.credentials, council) };
    expect(await li.checkHealth(ctx)).toMatchObject({ ok: true, accountName: 'Herald Test Council', accountId: '2414183' });
    const r = await li.publish(ctx, { idempotencyKey: 'k', text: 'Libraries close early on Friday.', media: [] });
    expect(fake.posts.get(r.platformPostId)).toMatchObject({ author: 'urn:li:organization:2414183', commentary: 'Libraries close early on Friday.' });
  });

  it('returns an empty list when the member administers no organisation (the account service explains)', async () => {
    const saved = fake.memberOrgs.splice(0, fake.memberOrgs.length, PARKS, PENDING);
    try {
      expect(await li.listTargets!(member)).toEqual([]);
      fake.memberOrgs.splice(0);
      expect(await li.listTargets!(member)).toEqual([]);
    } finally {
      fake.memberOrgs.splice(0, fake.memberOrgs.length, ...saved);
    }
  });

  it('turns an expired sign-in (401) into auth-expired', async () => {
    const err = await li.listTargets!({ credentials: { ...member.credentials, accessToken: 'old' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'auth-expired', message: expect.stringMatching(/Reconnect/) });
  });
});

describe('LinkedIn adapter, listing organisations against bad responses', () => {
  const fake = createFakeLinkedIn();
  const li = createLinkedInAdapter({ timeoutMs: 500 });
  const call = (url: string) => li.listTargets!({ credentials: { serviceUrl: url, accessToken: 'good' } });
  describe('the access-control finder', () => {
    itSurvivesBadResponses({
      operation: 'listTargets (organizationAcls)',
      mutating: false,
      valid: { elements: [{ roleAssignee: 'urn:li:person:hErAlD01', state: 'APPROVED', role: 'ADMINISTRATOR', organization: 'urn:li:organization:2414183' }], paging: { start: 0, count: 100, total: 1, links: [] } },
      dropField: (v) => ({ ...v, elements: v.elements.map(({ organization: _o, ...rest }: Record<string, unknown>) => rest) }),
      isTarget: (_req, url) => url.pathname === '/rest/organizationAcls',
      fallback: fake.handle,
      call,
    });
  });
  describe('the organisation name lookup', () => {
    itSurvivesBadResponses({
      operation: 'listTargets (organizations)',
      mutating: false,
      valid: { id: 2414183, localizedName: 'Herald Test Council' },
      dropField: (v) => ({ id: v.id }),
      isTarget: (_req, url) => url.pathname === '/rest/organizations/2414183',
      fallback: fake.handle,
      call,
    });
  });
});
