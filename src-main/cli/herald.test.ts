/**
 * The `herald` command, run as a person would run it: a real process, a real data directory, the real keychain.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { tempDir } from '../core/test-support/engines';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';

const root = path.resolve(import.meta.dirname, '../..');
const service = `Herald-cli-test-${randomBytes(4).toString('hex')}`;
const ADMIN_PW = 'a long admin passphrase';

function herald(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/herald.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, HERALD_KEYCHAIN_SERVICE: service, HERALD_ADMIN_PASSWORD: '', HERALD_USER_PASSWORD: '', ...env },
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(async () => {
  const s = new KeytarSecretStore(service);
  for (const a of await s.list()) await s.delete(a);
});

describe('the herald command', () => {
  const dir = tempDir('herald-cli-');

  it('prints help naming its commands', () => {
    const r = herald(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/init[\s\S]*users[\s\S]*audit/);
  });

  it('sets up a data directory without a window', () => {
    const r = herald(['init', '--data-dir', dir, '--admin', 'amara', '--display-name', 'Amara Admin'], { HERALD_ADMIN_PASSWORD: ADMIN_PW });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('First administrator: amara (manager)');
  });

  it('says which variable to set when no password is given and there is no terminal', () => {
    const r = herald(['init', '--data-dir', tempDir(), '--admin', 'x1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('set HERALD_ADMIN_PASSWORD');
  });

  it('adds a user as the manager, and refuses a posting role without a training date', () => {
    const ok = herald(['users', 'add', '--data-dir', dir, '--username', 'oliver', '--role', 'officer', '--training-date', '2026-02-01'], {
      HERALD_ADMIN_PASSWORD: ADMIN_PW,
      HERALD_USER_PASSWORD: 'oliver has a long password',
    });
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Added oliver (officer)');
    const refused = herald(['users', 'add', '--data-dir', dir, '--username', 'olga', '--role', 'officer'], { HERALD_ADMIN_PASSWORD: ADMIN_PW });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('needs the date social media training was completed');
    const wrongPw = herald(['users', 'add', '--data-dir', dir, '--username', 'olga', '--role', 'moderator', '--training-date', '2026-02-01'], {
      HERALD_ADMIN_PASSWORD: 'not the password',
    });
    expect(wrongPw.code).toBe(2);
    expect(wrongPw.err).toContain('do not match');
    const list = herald(['users', 'list', '--data-dir', dir]);
    expect(list.out).toMatch(/amara\tmanager[\s\S]*oliver\tofficer\t2026-02-01/);
    expect(list.out).not.toContain('olga');
  });

  it('exits 0 on an intact audit log', () => {
    const r = herald(['audit', 'verify', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Audit log intact: \d+ entries checked/);
  });

  it('exits non-zero naming the first bad entry when the log was tampered with', () => {
    const db = new BetterSqlite3(path.join(dir, 'herald.sqlite'));
    const row = db.prepare("select seq from audit_log where action = 'user.created'").get() as { seq: number };
    db.prepare("update audit_log set entry = replace(entry, 'officer', 'manager') where seq = ?").run(row.seq);
    db.close();
    const r = herald(['audit', 'verify', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`first bad entry #${row.seq}`);
  });

  it('explains a damaged database file instead of crashing', () => {
    const r = herald(['audit', 'verify', '--data-dir', path.join(root, 'package.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^herald: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
