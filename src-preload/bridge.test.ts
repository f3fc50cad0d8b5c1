import { describe, it, expect } from 'vitest';
import { channels } from '../src-main/ipc/contract';
import { createBridge } from './bridge';

function setup() {
  const sent: Array<[string, unknown]> = [];
  const bridge = createBridge(async (channel, payload) => {
    sent.push([channel, payload]);
    return { ok: true, value: 'from main' };
  });
  return { bridge, sent };
}

describe('preload bridge', () => {
  it('forwards contract channels to main', async () => {
    const { bridge, sent } = setup();
    await expect(bridge.invoke('users:list', {})).resolves.toEqual({ ok: true, value: 'from main' });
    expect(sent).toEqual([['users:list', {}]]);
  });

  it('answers channels outside the contract with unknown-channel without sending them', async () => {
    const { bridge, sent } = setup();
    const loose = bridge as unknown as { invoke(c: unknown, p: unknown): Promise<unknown> };
    for (const channel of ['shell:open', 'constructor', '__proto__', 'users:list ', 42, null]) {
      await expect(loose.invoke(channel, {}), String(channel)).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' },
      });
    }
    expect(sent).toEqual([]);
  });

  it('exposes one frozen invoke function and nothing else', () => {
    const { bridge } = setup();
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('accepts every channel the contract declares', async () => {
    const { bridge, sent } = setup();
    const loose = bridge as unknown as { invoke(c: string, p: unknown): Promise<unknown> };
    for (const c of channels) await loose.invoke(c, {});
    expect(sent.map(([c]) => c)).toEqual(channels);
  });
});
