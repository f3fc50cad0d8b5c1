/**
 * Electron IPC as one transport for the transport-free dispatcher (DESIGN.md rules 1-3). One `ipcMain.handle` per
 * channel in the contract, nothing else. Main never trusts the renderer: before dispatching, the sender frame must be
 * one of our own `app://herald` pages (Electron security checklist, "validate the sender of all IPC messages"), so a
 * frame that somehow navigated elsewhere gets `forbidden`. The dispatcher validates the payload and the caller's role;
 * this file only checks where the message came from. It never throws across IPC: every answer is an IpcResult.
 */
import { channels, type IpcResult } from '../ipc/contract';
import type { Dispatch } from '../ipc/dispatcher';
import { isAppUrl } from './app-origin';

/** The parts of Electron's IpcMainInvokeEvent this module reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame?: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export type TrustedSenderCheck = (event: InvokeEventLike) => boolean;

/** Default check: the sending frame is currently showing an app://herald page. A missing frame is not trusted. */
export const isAppFrameSender: TrustedSenderCheck = (event) => {
  try {
    return isAppUrl(event.senderFrame?.url);
  } catch {
    // senderFrame is a getter that can fail once the frame is gone.
    return false;
  }
};

const FORBIDDEN: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Only Herald’s own pages can make this request' },
};
const INTERNAL: IpcResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'Herald could not complete that request' },
};

export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  options: { isTrustedSender?: TrustedSenderCheck } = {},
): void {
  const isTrustedSender = options.isTrustedSender ?? isAppFrameSender;
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload): Promise<IpcResult<unknown>> => {
      try {
        if (!isTrustedSender(event)) return FORBIDDEN;
        return await dispatch({ windowKey: String(event.sender.id) }, channel, payload);
      } catch {
        return INTERNAL;
      }
    });
  }
}
