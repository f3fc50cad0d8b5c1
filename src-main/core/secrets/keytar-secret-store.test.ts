/**
 * The OS keychain, for real: these tests talk to gnome-keyring's Secret Service over D-Bus (the test command starts a
 * private one), not to a mock. They also prove R2: a stored secret's bytes appear in neither the database files nor
 * the logs, and without a keychain Herald refuses rather than storing credentials anywhere else.
 */
import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { testSecretStore, type TestSecretStore } from '../test-support/secrets';
import { testCore, withCast } from '../test-support/core';
import { createLogger } from '../logger';

describe('the keytar secret store on a real keychain', () => {
  let store: TestSecretStore;
  afterEach(async () => store?.wipe());

  it('sets, gets, lists and deletes a credential', async () => {
    store = testSecretStore();
    await store.set('bluesky:council.bsky.social', 'app-pw-1111-2222');
    await store.set('mastodon:social.example', 'token-abc');
    expect(await store.get('bluesky:council.bsky.social')).toBe('app-pw-1111-2222');
    expect(await store.list()).toEqual(['bluesky:council.bsky.social', 'mastodon:social.example']);
    expect(await store.delete('bluesky:council.bsky.social')).toBe(true);
    expect(await store.get('bluesky:council.bsky.social')).toBeNull();
    expect(await store.list()).toEqual(['mastodon:social.example']);
  });

  it('rotates a credential in place', async () => {
    store = testSecretStore();
    await store.set('x:@council', 'old-token');
    await store.set('x:@council', 'new-token');
    expect(await store.get('x:@council')).toBe('new-token');
    expect(await store.list()).toEqual(['x:@council']);
  });

  it('keeps stored secrets out of the database files and the logs', async () => {
    const logFile = path.join(fs.mkdtempSync('/tmp/herald-log-'), 'herald.log');
    const logger = createLogger({ level: 'debug', destination: pino.destination({ dest: logFile, sync: true }) });
    const core = await testCore('sqlite', logger);
    store = core.secrets as TestSecretStore;
    try {
      const secret = `tok_${randomBytes(24).toString('hex')}`;
      await core.secrets.set('bluesky:council.example', secret);
      await withCast(core);
      // A careless log line with the secret under a secret-looking key is redacted.
      logger.info({ token: secret, account: { appPassword: secret } }, 'connected account');
      await core.audit.record({ actor: 'amara.admin', action: 'account.connected', subject: 'account:bluesky', details: {} });
      const dataDir = (core.target as { dataDir: string }).dataDir;
      await core.close();
      const files = fs.readdirSync(dataDir).map((f) => path.join(dataDir, f));
      expect(files.length).toBeGreaterThan(0);
      for (const f of [...files, logFile]) {
        const bytes = fs.readFileSync(f);
        expect(bytes.includes(Buffer.from(secret)), `secret found in ${f}`).toBe(false);
      }
      expect(fs.readFileSync(logFile, 'utf8')).toContain('[redacted]');
    } finally {
      await core.dispose().catch(() => undefined);
    }
  });

  it('without a keychain, explains that credentials cannot be stored securely and stores nothing', () => {
    // A child process with no D-Bus session: keytar cannot reach any Secret Service.
    const script = `
      import { KeytarSecretStore } from './src-main/core/secrets/keytar-secret-store.ts';
      const s = new KeytarSecretStore('Herald-nokeychain');
      try { await s.set('x:@council', 'secret-value'); console.log('STORED'); }
      catch (e) { console.log(e.code + ': ' + e.message); }`;
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stdout).not.toContain('STORED');
    expect(r.stdout).toMatch(/keychain-unavailable: Herald cannot store credentials securely/);
  });
});
