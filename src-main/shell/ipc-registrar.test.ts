import { describe, it, expect } from 'vitest';
import { channels } from '../ipc/contract';
import type { Dispatch } from '../ipc/dispatcher';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from './ipc-registrar';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function setup(dispatch?: Dispatch, isTrustedSender?: (e: InvokeEventLike) => boolean) {
  const handlers = new Map<string, Listener>();
  const calls: Array<[unknown, unknown, unknown]> = [];
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
  };
  const recording: Dispatch =
    dispatch ??
    (async (caller, channel, payload) => {
      calls.push([caller, channel, payload]);
      return { ok: true, value: 'dispatched' };
    });
  registerIpc(ipcMain, recording, isTrustedSender ? { isTrustedSender } : {});
  const invoke = (channel: string, event: InvokeEventLike, payload: unknown) => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, payload);
  };
  return { handlers, calls, invoke };
}

const fromApp = (id = 7): InvokeEventLike => ({ sender: { id }, senderFrame: { url: 'app://herald/index.html#/users' } });

describe('registerIpc', () => {
  it('registers exactly the channels in the contract', () => {
    expect([...setup().handlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('dispatches calls from Herald’s own page with the window as caller', async () => {
    const s = setup();
    const payload = { username: 'ada', password: 'correct horse battery' };
    await expect(s.invoke('auth:sign-in', fromApp(42), payload)).resolves.toEqual({ ok: true, value: 'dispatched' });
    expect(s.calls).toEqual([[{ windowKey: '42' }, 'auth:sign-in', payload]]);
  });

  it('answers IPC from a foreign frame with forbidden', async () => {
    const s = setup();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://evil/index.html', 'about:blank', '']) {
      const result = await s.invoke('users:list', { sender: { id: 1 }, senderFrame: { url } }, {});
      expect(result, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(s.calls).toEqual([]);
  });

  it('answers forbidden when the sender frame is gone', async () => {
    const s = setup();
    await expect(s.invoke('users:list', { sender: { id: 1 }, senderFrame: null }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(s.calls).toEqual([]);
  });

  it('never throws across IPC, even when dispatch or the frame getter does', async () => {
    const s = setup(async () => {
      throw new Error('boom at /home/user/secret');
    });
    const result = await s.invoke('users:list', fromApp(), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');

    const t = setup();
    const exploding = {
      sender: { id: 3 },
      get senderFrame(): { url: string } {
        throw new Error('frame destroyed');
      },
    };
    await expect(t.invoke('users:list', exploding, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.calls).toEqual([]);
  });

  it('uses a custom trusted-sender check when given one', async () => {
    const s = setup(undefined, (e) => e.sender.id === 5);
    await expect(s.invoke('users:list', { sender: { id: 5 }, senderFrame: null }, {})).resolves.toMatchObject({ ok: true });
    await expect(s.invoke('users:list', fromApp(6), {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
