/**
 * Posts over the IPC boundary (DESIGN.md rule 3; R5): who acts is the window's signed-in person, never a field in the
 * payload, so a tampered renderer cannot approve its own post or approve as somebody else; hostile images and
 * oversized texts get a plain refusal; a post that changed under the approver is not approved blind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher';
import { createHandlers } from './handlers';
import { testCore, withCast, PASSWORD, type TestCore } from '../core/test-support/core';
import { silentLogger } from '../core/logger';
import { seedAccount } from '../core/posts/testing/seed';
import type { IpcResult } from './contract';

let core: TestCore;
let dispatch: ReturnType<typeof createDispatcher>;
let x: string;
const WED_1000 = Date.UTC(2026, 11, 2, 10, 0);

beforeAll(async () => {
  core = await testCore('sqlite');
  const { admin } = await withCast(core);
  await core.users.create(admin, { username: 'abi.approver', displayName: 'Abi', password: PASSWORD, roles: ['approver'], trainingCompletedOn: '2026-02-01' });
  x = await seedAccount(core, 'x', '@AnytownCouncil');
  dispatch = createDispatcher(createHandlers(core), silentLogger());
  await core.sessions.signIn('officer-window', 'oliver.officer', PASSWORD);
  await core.sessions.signIn('approver-window', 'abi.approver', PASSWORD);
});
afterAll(async () => core.dispose());

const call = async <T = Record<string, unknown>>(windowKey: string, channel: string, payload: unknown) =>
  (await dispatch({ windowKey }, channel, payload)) as IpcResult<T>;
const value = <T>(r: IpcResult<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('posts over IPC', () => {
  it('a payload cannot say who is acting: extra fields are refused, and the author cannot approve from their own window', async () => {
    const draft = value(
      await call<{ id: string; revision: number }>('officer-window', 'posts:save-draft', {
        campaignId: null,
        scheduledAt: WED_1000,
        content: { title: 'Bins', accountIds: [x], baseText: 'Bin day moves to Friday this week.', variants: [], media: [] },
      }),
    );
    const submitted = value(await call<{ contentHash: string }>('officer-window', 'posts:submit', { postId: draft.id, revision: draft.revision }));
    const asSomeoneElse = await call('officer-window', 'posts:approve', { postId: draft.id, contentHash: submitted.contentHash, reasons: [], comment: '', actor: 'abi.approver' });
    expect(asSomeoneElse).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const own = await call('officer-window', 'posts:approve', { postId: draft.id, contentHash: submitted.contentHash, reasons: [], comment: '' });
    expect(own).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const approved = value(await call<{ state: string; approvedBy: string }>('approver-window', 'posts:approve', { postId: draft.id, contentHash: submitted.contentHash, reasons: [], comment: '' }));
    expect(approved).toMatchObject({ state: 'scheduled', approvedBy: 'abi.approver' });
  });

  it('approving with a hash that is not the post’s is refused as a conflict, not approved', async () => {
    const draft = value(
      await call<{ id: string; revision: number }>('officer-window', 'posts:save-draft', {
        campaignId: null,
        scheduledAt: WED_1000,
        content: { title: '', accountIds: [x], baseText: 'Library opening times change on Monday.', variants: [], media: [] },
      }),
    );
    value(await call('officer-window', 'posts:submit', { postId: draft.id, revision: draft.revision }));
    const r = await call('approver-window', 'posts:approve', { postId: draft.id, contentHash: 'a'.repeat(64), reasons: [], comment: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('changed after you opened it') } });
  });

  it('a web page posing as an image, and text past the size limit, get plain refusals', async () => {
    const html = Buffer.from('<html><body>not an image</body></html>').toString('base64');
    expect(await call('officer-window', 'media:add', { fileName: 'photo.jpg', dataBase64: html })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'That file is not a JPEG, PNG, GIF or WebP image' },
    });
    const huge = await call('officer-window', 'posts:save-draft', {
      campaignId: null,
      scheduledAt: null,
      content: { title: '', accountIds: [], baseText: 'x'.repeat(100_001), variants: [], media: [] },
    });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('a window that is not signed in can read nothing', async () => {
    expect(await call('stranger-window', 'posts:list', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });
});
