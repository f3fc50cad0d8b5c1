/**
 * Typed errors that core services throw. The IPC dispatcher turns them into `{ ok: false, error }` with their code and
 * message; anything else becomes a generic 'internal' error so no stack trace ever reaches a renderer (DESIGN.md rule 3).
 */
import type { ErrorCode } from '../ipc/contract';

export class HeraldError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HeraldError';
  }
}

export const isHeraldError = (e: unknown): e is HeraldError => e instanceof HeraldError;
