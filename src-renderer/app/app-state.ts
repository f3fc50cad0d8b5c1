/**
 * Which screen the whole app is on, as one discriminated union (DESIGN.md rule 9): first-run setup, sign-in, a locked
 * session, or the signed-in app. Main decides; the renderer only mirrors what `app:get-state` says.
 */
import type { ChannelOutput } from '../../src-main/ipc/contract';

export type SessionView = ChannelOutput<'auth:sign-in'>;
export type AppStateView = ChannelOutput<'app:get-state'>;

export type AppState =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'setup' }
  | { kind: 'sign-in'; notice: string | null }
  | { kind: 'locked'; session: SessionView }
  | { kind: 'ready'; session: SessionView };

export function fromView(view: AppStateView): AppState {
  if (view.setupNeeded) return { kind: 'setup' };
  if (!view.session) return { kind: 'sign-in', notice: null };
  return fromSession(view.session);
}

export function fromSession(session: SessionView): AppState {
  return session.locked ? { kind: 'locked', session } : { kind: 'ready', session };
}

export function isManager(session: SessionView): boolean {
  return session.user.roles.includes('manager');
}

export function assertNever(x: never): never {
  throw new Error(`Unexpected state: ${JSON.stringify(x)}`);
}
