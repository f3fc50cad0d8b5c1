/**
 * Loads data for a screen, again whenever `key` changes, and on demand. A late answer for an unmounted screen, or for
 * an older key, is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, messageOf, onSessionRestored } from '../api/client';

export type Load<T> = { data: T | null; error: string | null; loading: boolean; reload(): Promise<void> };

export function useLoad<T>(load: () => Promise<T>, key: unknown = null): Load<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const live = useRef(true);
  const loader = useRef(load);
  loader.current = load;

  const generation = useRef(0);
  const refusedByLock = useRef(false);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await loader.current();
      if (!live.current || mine !== generation.current) return;
      setData(value);
      setError(null);
      refusedByLock.current = false;
    } catch (e) {
      if (!live.current || mine !== generation.current) return;
      refusedByLock.current = e instanceof ApiError && e.code === 'session-locked';
      setError(messageOf(e));
    } finally {
      if (live.current && mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    live.current = true;
    // A load the idle lock refused is tried again once the session is unlocked.
    const unsubscribe = onSessionRestored(() => {
      if (refusedByLock.current) void reload();
    });
    return () => {
      live.current = false;
      unsubscribe();
    };
  }, [reload]);

  useEffect(() => {
    void reload();
  }, [reload, key]);

  return { data, error, loading, reload };
}
