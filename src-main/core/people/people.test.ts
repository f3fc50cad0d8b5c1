/**
 * People, sign-in and roles (R3, R26): what a manager, an officer and an attacker at the sign-in screen would notice.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testCore, withCast, PASSWORD, type TestCore } from '../test-support/core';
import { hashPassword, verifyPassword, TEST_COST } from './password';

let core: TestCore;
beforeEach(async () => {
  core = await testCore('sqlite');
});
afterEach(async () => core.dispose());

const actions = async () => (await core.audit.list({ limit: 500 })).entries.map((e) => e.action).reverse();

describe('users and roles', () => {
  it('first-run setup creates a manager, and only once', async () => {
    const { admin } = await withCast(core);
    expect(admin.roles).toEqual(['manager']);
    await expect(
      core.users.create(null, { username: 'eve', displayName: 'Eve', password: PASSWORD, roles: ['manager'], trainingCompletedOn: null }),
    ).rejects.toMatchObject({ code: 'already-set-up' });
  });

  it('refuses posting roles to someone without a recorded training date', async () => {
    const { admin } = await withCast(core);
    for (const role of ['officer', 'approver', 'moderator'] as const) {
      await expect(
        core.users.create(admin, { username: `new-${role}`, displayName: 'New', password: PASSWORD, roles: [role], trainingCompletedOn: null }),
      ).rejects.toMatchObject({ code: 'invalid-input', fields: { trainingCompletedOn: expect.any(String) } });
    }
  });

  it('a manager without training administers users but has no posting rights', async () => {
    const { admin } = await withCast(core);
    const it_ = await core.users.create(admin, { username: 'ian.it', displayName: 'Ian', password: PASSWORD, roles: ['manager'], trainingCompletedOn: null });
    const { toView } = await import('./user-service');
    expect(toView(it_).canPost).toBe(false);
    expect(toView(admin).canPost).toBe(true);
  });

  it('refuses to clear the training date of someone who holds a posting role', async () => {
    const { admin, officer } = await withCast(core);
    await expect(core.users.setTraining(admin, officer.id, null)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('only a manager can add users or change roles, and the check is in core', async () => {
    const { officer } = await withCast(core);
    await expect(
      core.users.create(officer, { username: 'sneaky', displayName: 'S', password: PASSWORD, roles: ['manager'], trainingCompletedOn: null }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.users.setRoles(officer, officer.id, ['manager'])).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a deactivated manager loses their rights', async () => {
    const { admin } = await withCast(core);
    const second = await core.users.create(admin, { username: 'mo.manager', displayName: 'Mo', password: PASSWORD, roles: ['manager'], trainingCompletedOn: '2026-01-01' });
    const off = await core.users.setActive(admin, second.id, false);
    await expect(
      core.users.create(off, { username: 'x1', displayName: 'X', password: PASSWORD, roles: [], trainingCompletedOn: null }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('audits every user and role change with who did it', async () => {
    const { admin, officer } = await withCast(core);
    await core.users.setRoles(admin, officer.id, ['officer', 'approver']);
    await core.users.setTraining(admin, officer.id, '2026-05-01');
    const entries = (await core.audit.list({ limit: 50 })).entries.reverse();
    expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual([
      ['amara.admin', 'setup.admin-created', 'user:amara.admin'],
      ['amara.admin', 'user.created', 'user:oliver.officer'],
      ['amara.admin', 'user.roles-changed', 'user:oliver.officer'],
      ['amara.admin', 'user.training-recorded', 'user:oliver.officer'],
    ]);
    expect(entries[2]!.details).toEqual({ from: ['officer'], to: ['officer', 'approver'] });
  });
});

describe('passwords', () => {
  it('are stored only as a salted scrypt hash', async () => {
    await withCast(core);
    const stored = (await core.users.byUsername('oliver.officer'))!.passwordHash;
    expect(stored).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(stored).not.toContain(PASSWORD);
    const again = await hashPassword(PASSWORD, TEST_COST);
    expect(again).not.toBe(await hashPassword(PASSWORD, TEST_COST)); // salted
    expect(await verifyPassword(PASSWORD, again)).toBe(true);
    expect(await verifyPassword('wrong', again)).toBe(false);
  });
});

describe('sign-in and sessions', () => {
  it('signs in, and refuses and audits a wrong password', async () => {
    await withCast(core);
    await expect(core.sessions.signIn('w1', 'oliver.officer', 'not my password')).rejects.toMatchObject({ code: 'bad-credentials' });
    const user = await core.sessions.signIn('w1', 'Oliver.Officer ', PASSWORD);
    expect(user.username).toBe('oliver.officer');
    expect((await core.sessions.require('w1')).id).toBe(user.id);
    expect(await actions()).toEqual(['setup.admin-created', 'user.created', 'auth.sign-in-failed', 'auth.signed-in']);
  });

  it('gives the same answer for an unknown username as for a wrong password', async () => {
    await withCast(core);
    const a = await core.sessions.signIn('w', 'nobody', 'x').catch((e) => e);
    const b = await core.sessions.signIn('w', 'oliver.officer', 'x').catch((e) => e);
    expect(a.message).toBe(b.message);
  });

  it('identifies the caller by window, never by anything the window says', async () => {
    await withCast(core);
    await core.sessions.signIn('window-a', 'oliver.officer', PASSWORD);
    await expect(core.sessions.require('window-b')).rejects.toMatchObject({ code: 'not-signed-in' });
  });

  it('locks after the configured idle time and unlocks with the password', async () => {
    const { admin } = await withCast(core);
    await core.settings.update(admin, { idleLockMinutes: 5 });
    await core.sessions.signIn('w1', 'oliver.officer', PASSWORD);
    core.clock.advance(4 * 60_000);
    await core.sessions.require('w1'); // activity resets the idle timer
    core.clock.advance(4 * 60_000);
    expect((await core.sessions.peek('w1'))!.locked).toBe(false);
    core.clock.advance(61_000);
    expect((await core.sessions.peek('w1'))!.locked).toBe(true);
    await expect(core.sessions.require('w1')).rejects.toMatchObject({ code: 'session-locked' });
    await expect(core.sessions.unlock('w1', 'wrong')).rejects.toMatchObject({ code: 'bad-credentials' });
    await core.sessions.unlock('w1', PASSWORD);
    expect((await core.sessions.require('w1')).username).toBe('oliver.officer');
    expect((await actions()).slice(-3)).toEqual(['auth.signed-in', 'auth.unlock-failed', 'auth.unlocked']);
  });

  it('rate-limits ten thousand failed sign-ins without locking out anyone else', async () => {
    await withCast(core);
    let throttled = 0;
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const e = await core.sessions.signIn('attacker', 'oliver.officer', `guess-${i}`).catch((x) => x);
      if (e.code === 'rate-limited') throttled++;
      core.clock.advance(10); // ten thousand guesses in 100 seconds
    }
    const elapsed = performance.now() - started;
    // All but the first few were refused before any password hashing (which is what keeps this fast).
    expect(throttled).toBeGreaterThan(9_900);
    expect(elapsed).toBeLessThan(60_000);
    // The manager, on the same machine, signs in at once.
    expect((await core.sessions.signIn('managers-window', 'amara.admin', PASSWORD)).username).toBe('amara.admin');
    // Even the targeted officer can get in once the wait has passed.
    core.clock.advance(16 * 60_000);
    expect((await core.sessions.signIn('officers-window', 'oliver.officer', PASSWORD)).username).toBe('oliver.officer');
    const all = await core.audit.list({ limit: 1, action: 'auth.sign-in-throttled' });
    expect(all.entries[0]!.details).toHaveProperty('retryAfterSeconds');
  }, 120_000);
});
