/**
 * Builds the object the preload exposes as `window.herald` (DESIGN.md rule 1: preload exposes functions from the
 * contract). Only contract channels reach ipcRenderer; anything else resolves to `unknown-channel` without leaving the
 * renderer. The transport is passed in so this loads under plain Node for tests; src-preload/index.ts binds it to
 * `ipcRenderer.invoke`. The object holds one frozen function and nothing else: no ipcRenderer, no Node.
 */
import { channels, type Channel, type IpcResult } from '../src-main/ipc/contract';
import type { HeraldBridge } from './bridge-types';

export type RawInvoke = (channel: Channel, payload: unknown) => Promise<unknown>;

export function createBridge(invoke: RawInvoke, allowed: readonly string[] = channels): HeraldBridge {
  const known = new Set<string>(allowed);
  const bridge = {
    invoke(channel: unknown, payload: unknown): Promise<IpcResult<unknown>> {
      if (typeof channel !== 'string' || !known.has(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown-channel', message: 'That request is not part of Herald' },
        });
      }
      return invoke(channel as Channel, payload) as Promise<IpcResult<unknown>>;
    },
  };
  return Object.freeze(bridge) as HeraldBridge;
}
