/**
 * The type of `window.herald`, the one object the preload exposes (DESIGN.md rule 1 and "Electron security
 * baseline"). Types only, so the renderer can `declare global { interface Window { herald: HeraldBridge } }` without
 * pulling zod or Electron into its bundle.
 */
import type { Channel, ChannelInput, ChannelOutput, IpcResult } from '../src-main/ipc/contract';

export interface HeraldBridge {
  invoke<C extends Channel>(channel: C, payload: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
}
