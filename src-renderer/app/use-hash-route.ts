/** The current screen, read from and written to location.hash. Unknown hashes fall back to the default screen. */
import { useCallback, useEffect, useState } from 'react';
import { defaultRoute, parseHash, routeHref, type RouteKey } from './routes';

export function useHashRoute(): [RouteKey, (key: RouteKey) => void] {
  const [route, setRoute] = useState<RouteKey>(() => parseHash(window.location.hash) ?? defaultRoute);
  useEffect(() => {
    const onChange = () => {
      const next = parseHash(window.location.hash);
      if (next) setRoute(next);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((key: RouteKey) => {
    if (parseHash(window.location.hash) === key) return;
    window.location.hash = routeHref(key);
  }, []);
  return [route, go];
}
