/**
 * The IPC boundary (DESIGN.md rule 3): a renderer sending garbage gets a validation error every time, never a crash
 * and never a stack trace; the caller's identity and role come from main, not from the payload.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createDispatcher, type HandlerTable } from './dispatcher';
import { createHandlers } from './handlers';
import { contract, channels, errorCodeSchema } from './contract';
import { testCore, withCast, PASSWORD, type TestCore } from '../core/test-support/core';
import { silentLogger } from '../core/logger';

let core: TestCore;
let dispatch: ReturnType<typeof createDispatcher>;
beforeAll(async () => {
  core = await testCore('sqlite');
  await withCast(core);
  dispatch = createDispatcher(createHandlers(core), silentLogger());
  await core.sessions.signIn('fuzz-window', 'amara.admin', PASSWORD);
});
afterAll(async () => core.dispose());

const noStackTrace = (message: string) => {
  expect(message).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|\/work\//);
};

describe('the IPC dispatcher', () => {
  it.each(channels)('answers thousands of malformed payloads on %s with a validation error', async (channel) => {
    const schema = contract[channel].input;
    const hostile = fc.oneof(
      fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
      fc.dictionary(fc.constantFrom('username', 'password', 'userId', 'roles', 'limit', '__proto__', 'constructor', 'idleLockMinutes'), fc.anything()),
      fc.string({ maxLength: 5000 }),
      fc.constant({ username: 'a'.repeat(100_000), password: 'x' }),
    );
    await fc.assert(
      fc.asyncProperty(hostile.filter((p) => !schema.safeParse(p ?? {}).success), async (payload) => {
        const r = await dispatch({ windowKey: 'fuzz-window' }, channel, payload);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.code).toBe('invalid-input');
        expect(r.error.message.length).toBeLessThanOrEqual(500);
        noStackTrace(r.error.message);
      }),
      { numRuns: 600 },
    );
  });

  it('refuses channels that are not in the contract', async () => {
    for (const channel of ['users:drop-all', '__proto__', 'constructor', 42, null, 'toString']) {
      const r = await dispatch({ windowKey: 'fuzz-window' }, channel, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('turns an unexpected handler failure into a plain message with no stack trace', async () => {
    const handlers = createHandlers(core);
    const broken: HandlerTable = { ...handlers, 'settings:get': () => { throw new TypeError("Cannot read properties of undefined (reading 'x') at /work/main/src-main/x.ts:1:1"); } };
    const r = await createDispatcher(broken, silentLogger())({ windowKey: 'fuzz-window' }, 'settings:get', {});
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'Herald could not complete that request' } });
  });

  it('never lets a field outside the contract (such as a password hash) reach the renderer', async () => {
    const r = await dispatch({ windowKey: 'fuzz-window' }, 'users:list', {});
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/scrypt|passwordHash|password_hash/);
  });

  it('takes the caller from the window, not from the payload', async () => {
    const r = await dispatch({ windowKey: 'stranger' }, 'users:list', { userId: 'amara.admin' } as never);
    expect(r.ok).toBe(false);
    const r2 = await dispatch({ windowKey: 'stranger' }, 'users:list', {});
    expect(r2).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });

  it('enforces roles in core: an officer cannot add a user even with a well-formed request', async () => {
    await core.sessions.signIn('officer-window', 'oliver.officer', PASSWORD);
    const r = await dispatch({ windowKey: 'officer-window' }, 'users:create', {
      username: 'backdoor', displayName: 'B', password: PASSWORD, roles: ['manager'], trainingCompletedOn: null,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('only ever answers with error codes from the contract', async () => {
    const r = await dispatch({ windowKey: 'x' }, 'auth:sign-in', { username: 'nobody', password: 'nope' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(errorCodeSchema.safeParse(r.error.code).success).toBe(true);
  });

  it('accepts the shipped rule pack over IPC with room to grow, and refuses a pack payload over 4 MB', () => {
    const input = contract['policy:save-pack'].input;
    const shipped = JSON.parse(readFileSync(new URL('../../resources/rule-packs/herald-default.json', import.meta.url), 'utf8'));
    expect(input.safeParse({ pack: shipped, reason: 'Retrained classifier' }).success).toBe(true);
    expect(JSON.stringify(shipped).length).toBeLessThan(3_000_000);
    const huge = { ...shipped, padding: 'x'.repeat(4_100_000) };
    const r = input.safeParse({ pack: huge, reason: 'Too big' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toMatch(/at most 4 MB/);
  });
});
