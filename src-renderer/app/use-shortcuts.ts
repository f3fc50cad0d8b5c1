/**
 * Alt+1 to Alt+9 open the screens in navigation order. A modifier is required, so typing never triggers a shortcut
 * (WCAG 2.2 SC 2.1.4). Each navigation link announces its shortcut with aria-keyshortcuts.
 */
import { useEffect } from 'react';
import type { RouteKey, RouteSpec } from './routes';

export function useShortcuts(items: readonly RouteSpec[], go: (key: RouteKey) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const n = /^Digit([1-9])$/.exec(e.code)?.[1];
      const item = n ? items[Number(n) - 1] : undefined;
      if (!item) return;
      e.preventDefault();
      go(item.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, go]);
}
