/**
 * Connecting corporate accounts (R1, R2, R4, R12), against a real Bluesky PDS on loopback (@atproto/dev-env) and the
 * real OS keychain: what a manager, an officer and an auditor would notice.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { TestNetworkNoAppView } from '@atproto/dev-env';
import { startPdsPeers, type Peers } from '../platforms/bluesky/testing/peers';
import { testCore, withCast, PASSWORD, type TestCore } from '../test-support/core';
import { createLogger } from '../logger';
import { createDispatcher } from '../../ipc/dispatcher';
import { createHandlers } from '../../ipc/handlers';
import type { User } from '../people/user-service';

let peers: Peers<TestNetworkNoAppView>;
beforeAll(async () => {
  peers = await startPdsPeers();
}, 60_000);
afterAll(async () => peers?.network.close());

let core: TestCore;
let admin: User;
let officer: User;
let logFile: string;
beforeEach(async () => {
  logFile = path.join(fs.mkdtempSync('/tmp/herald-acct-log-'), 'herald.log');
  core = await testCore('sqlite', createLogger({ level: 'debug', destination: pino.destination({ dest: logFile, sync: true }) }));
  ({ admin, officer } = await withCast(core));
});
afterEach(async () => core.dispose());

const details = { owner: 'Digital Communications team', purpose: 'Service updates and emergency information', kind: 'corporate' as const, campaignStartsOn: null, campaignEndsOn: null };
const connect = (actor: User, extra: Partial<{ appPassword: string; kind: 'corporate' | 'campaign'; campaignStartsOn: string | null; campaignEndsOn: string | null }> = {}) =>
  core.accounts.connectWithAppPassword(actor, {
    platform: 'bluesky',
    serviceUrl: peers.serviceUrl,
    identifier: peers.council.handle,
    appPassword: peers.council.appPassword,
    ...details,
    ...extra,
  });

describe('connecting a Bluesky account', () => {
  it('a manager connects it; it shows as working, and the audit log says who authorised it', async () => {
    const view = await connect(admin);
    expect(view).toMatchObject({ platform: 'bluesky', handle: peers.council.handle, status: 'connected', healthOk: true, authorisedBy: 'amara.admin', owner: details.owner });
    expect(view.capabilities.cannot).toContain('delete other people’s comments');
    const entry = (await core.audit.list({ limit: 5, action: 'account.connected' })).entries[0]!;
    expect(entry.actor).toBe('amara.admin');
    expect(entry.details).toMatchObject({ authorisedBy: 'amara.admin', handle: peers.council.handle, platform: 'bluesky' });
    expect(await core.secrets.list()).toContain(`account:${view.id}`);
  });

  it('an officer cannot connect a corporate account (R4: a manager authorises it)', async () => {
    await expect(connect(officer)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await core.accounts.list()).toEqual([]);
  });

  it('a wrong app password is refused, and nothing is stored anywhere', async () => {
    await expect(connect(admin, { appPassword: 'aaaa-bbbb-cccc-dddd' })).rejects.toMatchObject({ code: 'bad-credentials' });
    expect(await core.accounts.list()).toEqual([]);
    expect((await core.secrets.list()).filter((a) => a.startsWith('account:'))).toEqual([]);
  });

  it('connecting the same account again reconnects it rather than adding a second', async () => {
    const first = await connect(admin);
    const again = await connect(admin);
    expect(again.id).toBe(first.id);
    expect(await core.accounts.list()).toHaveLength(1);
    expect((await core.audit.list({ limit: 5, action: 'account.reconnected' })).total).toBe(1);
  });

  it('a campaign account needs a start and an end date, in order', async () => {
    await expect(connect(admin, { kind: 'campaign' })).rejects.toMatchObject({ code: 'invalid-input', fields: { campaignStartsOn: expect.any(String), campaignEndsOn: expect.any(String) } });
    await expect(connect(admin, { kind: 'campaign', campaignStartsOn: '2026-12-01', campaignEndsOn: '2026-11-01' })).rejects.toMatchObject({ fields: { campaignEndsOn: expect.any(String) } });
    const ok = await connect(admin, { kind: 'campaign', campaignStartsOn: '2026-12-01', campaignEndsOn: '2027-01-31' });
    expect(ok).toMatchObject({ kind: 'campaign', campaignStartsOn: '2026-12-01', campaignEndsOn: '2027-01-31' });
  });

  it('refuses a plain-http server address that is not on this machine', async () => {
    await expect(
      core.accounts.connectWithAppPassword(admin, { platform: 'bluesky', serviceUrl: 'http://pds.example.org', identifier: 'x', appPassword: 'y', ...details }),
    ).rejects.toMatchObject({ code: 'invalid-input', fields: { serviceUrl: expect.any(String) } });
  });
});

describe('looking after a connected account', () => {
  it('a health check that finds the app password revoked marks the account for reconnection, once in the audit log', async () => {
    const view = await connect(admin);
    await core.secrets.set(`account:${view.id}`, JSON.stringify({ serviceUrl: peers.serviceUrl, identifier: peers.council.handle, appPassword: 'revoked-pass-word' }));
    // A fresh adapter session: the stored one would still be valid.
    const { createBlueskyAdapter } = await import('../platforms/bluesky');
    (core.accounts as unknown as { adapters: Record<string, unknown> }).adapters.bluesky = createBlueskyAdapter();
    const checked = await core.accounts.checkHealth(officer, view.id);
    expect(checked).toMatchObject({ status: 'needs-reconnect', healthOk: false });
    expect(checked.healthMessage).toMatch(/reconnect/i);
    await core.accounts.checkHealth(officer, view.id);
    expect((await core.audit.list({ limit: 10, action: 'account.unhealthy' })).total).toBe(1);
  });

  it('rotating the app password is checked with Bluesky first and audited', async () => {
    const view = await connect(admin);
    await expect(core.accounts.rotateAppPassword(admin, view.id, 'not-a-real-one')).rejects.toMatchObject({ code: 'bad-credentials' });
    const rotated = await core.accounts.rotateAppPassword(admin, view.id, peers.council.appPassword);
    expect(rotated.status).toBe('connected');
    expect((await core.audit.list({ limit: 5, action: 'account.credentials-rotated' })).total).toBe(1);
  });

  it('disconnecting removes the credentials from the keychain and records the reason', async () => {
    const view = await connect(admin);
    const off = await core.accounts.disconnect(admin, view.id, 'Campaign ended');
    expect(off.status).toBe('disconnected');
    expect(await core.secrets.get(`account:${view.id}`)).toBeNull();
    const entry = (await core.audit.list({ limit: 5, action: 'account.disconnected' })).entries[0]!;
    expect(entry.details).toMatchObject({ reason: 'Campaign ended', credentialsRemoved: true });
    await expect(core.accounts.checkHealth(admin, view.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('changing the owner, purpose or campaign period is manager-only and audited with before and after', async () => {
    const view = await connect(admin);
    await expect(core.accounts.updateDetails(officer, view.id, { ...details, owner: 'Me' })).rejects.toMatchObject({ code: 'forbidden' });
    const changed = await core.accounts.updateDetails(admin, view.id, { ...details, owner: 'Press Office' });
    expect(changed.owner).toBe('Press Office');
    const entry = (await core.audit.list({ limit: 5, action: 'account.details-changed' })).entries[0]!;
    expect(entry.details).toMatchObject({ from: { owner: details.owner }, to: { owner: 'Press Office' } });
  });
});

describe('secrets stay in the keychain (R2)', () => {
  it('no stored secret appears in the database files, the audit log, the logs or any answer to the renderer', async () => {
    const dispatch = createDispatcher(createHandlers(core), core.logger);
    await core.sessions.signIn('w', 'amara.admin', PASSWORD);
    const answers: string[] = [];
    const ask = async (channel: string, payload: unknown) => {
      const r = await dispatch({ windowKey: 'w' }, channel, payload);
      answers.push(JSON.stringify(r));
      return r;
    };
    const connected = await ask('accounts:connect-app-password', { platform: 'bluesky', serviceUrl: peers.serviceUrl, identifier: peers.council.handle, appPassword: peers.council.appPassword, ...details });
    expect(connected.ok).toBe(true);
    const id = (connected as { value: { id: string } }).value.id;
    await ask('accounts:list', {});
    await ask('accounts:check-health', { accountId: id });
    await ask('audit:list', { limit: 500 });
    await ask('accounts:disconnect', { accountId: id, reason: 'test' });
    // Every secret that was in the keychain during the test, and the app password itself.
    const secrets = [peers.council.appPassword];
    const auditText = JSON.stringify(await core.audit.list({ limit: 500 }));
    const dataDir = (core.target as { dataDir: string }).dataDir;
    await core.audit.checkpoint.flush();
    const haystacks: Array<[string, Buffer]> = [
      ...fs.readdirSync(dataDir).map((f) => [f, fs.readFileSync(path.join(dataDir, f))] as [string, Buffer]),
      ['log', fs.readFileSync(logFile)],
      ['audit', Buffer.from(auditText)],
      ['renderer answers', Buffer.from(answers.join('\n'))],
    ];
    for (const [name, bytes] of haystacks) for (const s of secrets) expect(bytes.includes(Buffer.from(s)), `secret found in ${name}`).toBe(false);
  });
});
