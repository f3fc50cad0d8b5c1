/**
 * Keeps the app's state in step with main. It polls `app:get-state` (which does not count as activity) every 30 s
 * and whenever the window regains focus, so an idle lock shows up without a click; it reports user activity with
 * `auth:touch` at most every 30 s; and it re-reads the state whenever any call finds the session locked or gone.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, messageOf, onSessionProblem, sessionRestored } from '../api/client';
import { fromSession, fromView, type AppState, type SessionView } from './app-state';

export const POLL_MS = 30_000;
export const TOUCH_MS = 30_000;

export function useAppState() {
  const [state, setState] = useState<AppState>({ kind: 'loading' });
  const lastTouch = useRef(0);

  const refresh = useCallback(async () => {
    try {
      setState(fromView(await call('app:get-state', {})));
    } catch (e) {
      // Only a first load that fails replaces the screen; a failed poll must not throw away what someone is doing.
      const message = messageOf(e);
      setState((prev) => (prev.kind === 'loading' || prev.kind === 'unavailable' ? { kind: 'unavailable', message } : prev));
    }
  }, []);

  const signedIn = useCallback((session: SessionView) => {
    lastTouch.current = Date.now();
    setState(fromSession(session));
  }, []);

  const signedOut = useCallback((notice: string | null) => setState({ kind: 'sign-in', notice }), []);

  useEffect(() => {
    void refresh();
    const unsubscribe = onSessionProblem(() => void refresh());
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh]);

  const active = state.kind === 'ready';
  useEffect(() => {
    if (!active) return;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastTouch.current < TOUCH_MS) return;
      lastTouch.current = now;
      call('auth:touch', {})
        .then((session) => (session ? setState(fromSession(session)) : signedOut(null)))
        .catch(() => void refresh());
    };
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    return () => {
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
    };
  }, [active, refresh, signedOut]);

  const wasLocked = useRef(false);
  useEffect(() => {
    if (wasLocked.current && state.kind === 'ready') sessionRestored();
    wasLocked.current = state.kind === 'locked';
  }, [state]);

  return { state, refresh, signedIn, signedOut };
}
