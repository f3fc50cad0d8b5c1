/**
 * Transport-free dispatch (DESIGN.md rule 2): `(caller, channel, payload) => IpcResult`. Electron IPC and the loopback
 * e2e harness both call this; neither validates or authorises anything itself. Every payload is parsed with the
 * channel's zod schema before a handler sees it, and every failure comes back as `{ ok: false, error }`.
 */
import { z } from 'zod';
import { contract, type Channel, type IpcResult } from './contract';
import { HeraldError, isHeraldError } from '../core/errors';
import type { Logger } from '../core/logger';

/** Who is calling: a key for the window (or harness client) the request came from. Never taken from the payload. */
export type Caller = { windowKey: string };

export type Handler<C extends Channel> = (
  caller: Caller,
  input: z.output<(typeof contract)[C]['input']>,
) => Promise<z.input<(typeof contract)[C]['output']>> | z.input<(typeof contract)[C]['output']>;

export type HandlerTable = { [C in Channel]: Handler<C> };

export type Dispatch = (caller: Caller, channel: unknown, payload: unknown) => Promise<IpcResult<unknown>>;

const MAX_MESSAGE = 500;

function describeIssues(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, 20)) {
    const key = issue.path.map(String).join('.') || '(payload)';
    fields[key.slice(0, 100)] ??= issue.message.slice(0, 200);
  }
  const first = Object.entries(fields)[0];
  const message = first ? `Invalid ${first[0]}: ${first[1]}` : 'The request was not valid';
  return { message: message.slice(0, MAX_MESSAGE), fields };
}

export function createDispatcher(handlers: HandlerTable, logger: Logger): Dispatch {
  return async (caller, channel, payload) => {
    if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: 'That request is not part of Herald' } };
    }
    const spec = contract[channel as Channel];
    const parsed = spec.input.safeParse(payload ?? {});
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error);
      return { ok: false, error: { code: 'invalid-input', message, fields } };
    }
    try {
      const handler = handlers[channel as Channel] as Handler<Channel>;
      const value = await handler(caller, parsed.data as never);
      // Outputs are checked too: a handler bug must not leak fields (such as a password hash) the contract omits.
      const out = spec.output.safeParse(value);
      if (!out.success) {
        logger.error({ channel, issues: out.error.issues.slice(0, 5) }, 'handler returned a value outside the contract');
        return { ok: false, error: { code: 'internal', message: 'Herald could not complete that request' } };
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (isHeraldError(e)) {
        return { ok: false, error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } };
      }
      logger.error({ channel, err: e }, 'handler failed');
      return { ok: false, error: { code: 'internal', message: 'Herald could not complete that request' } };
    }
  };
}

export { HeraldError };
