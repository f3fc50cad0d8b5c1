/**
 * The renderer's only way to reach main: a typed wrapper over `window.herald.invoke` (exposed by the preload in
 * Electron, by a loopback bridge in the e2e harness). Types come from the one IPC contract with `import type`, so no
 * schema code ships in the renderer; main validates every payload anyway (DESIGN.md rules 1 and 3).
 */
import type { Channel, ChannelInput, ChannelOutput, ErrorCode, IpcResult } from '../../src-main/ipc/contract';
import type { HeraldBridge } from '../../src-preload/bridge-types';

/** A refused request, with the code, message and per-field messages main sent back. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'no-bridge',
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type SessionListener = (code: 'session-locked' | 'not-signed-in') => void;
const sessionListeners = new Set<SessionListener>();

/** Tells the app shell when any call finds the session locked or gone, so it can show the right screen. */
export function onSessionProblem(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

const restoredListeners = new Set<() => void>();

/** Tells screens when a locked session has been unlocked, so a load refused by the lock can be retried. */
export function onSessionRestored(listener: () => void): () => void {
  restoredListeners.add(listener);
  return () => restoredListeners.delete(listener);
}

export function sessionRestored(): void {
  for (const l of restoredListeners) l();
}

function bridge(): HeraldBridge {
  const b = (window as unknown as { herald?: HeraldBridge }).herald;
  if (!b || typeof b.invoke !== 'function') {
    throw new ApiError('no-bridge', 'Herald cannot reach its core: restart Herald');
  }
  return b;
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result: IpcResult<ChannelOutput<C>>;
  try {
    result = await bridge().invoke(channel, input);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('internal', 'Herald could not reach its core. Try again.');
  }
  if (result.ok) return result.value;
  const { code, message, fields } = result.error;
  if (code === 'session-locked' || code === 'not-signed-in') {
    for (const l of sessionListeners) l(code);
  }
  throw new ApiError(code, message, fields ?? {});
}

/** The message to show for any thrown value. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return 'Something went wrong. Try again.';
}
