/**
 * The signed-in app: header, navigation, and the current screen. Screens are keyed by route so each visit mounts
 * afresh and its heading takes focus. While the session is locked the screen stays mounted but hidden behind the
 * unlock form, so unsaved work survives a lock; after unlocking, focus returns to the screen's heading.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { LockedPanel } from '../features/auth/LockedPanel';
import { isManager, type SessionView } from './app-state';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { Page } from './Page';
import { visibleRoutes, type RouteKey } from './routes';
import { Screen } from './screens';
import { useHashRoute } from './use-hash-route';
import { useShortcuts } from './use-shortcuts';

type Props = { session: SessionView; onUnlocked(session: SessionView): void; onSignOut(): void };

export function Shell({ session, onUnlocked, onSignOut }: Props) {
  const [route, go] = useHashRoute();
  const manager = isManager(session);
  const locked = session.locked;
  const items = useMemo(() => visibleRoutes(manager), [manager]);
  const screenRef = useRef<HTMLDivElement>(null);
  const focusHeading = useCallback(() => screenRef.current?.querySelector<HTMLElement>('h1')?.focus(), []);
  const open = useCallback((key: RouteKey) => (key === route ? focusHeading() : go(key)), [route, go, focusHeading]);
  useShortcuts(locked ? [] : items, open);
  const wasLocked = useRef(locked);
  // A screen first mounts only once the session is unlocked, so it never loads data into a locked session.
  const everUnlocked = useRef(false);
  if (!locked) everUnlocked.current = true;
  useEffect(() => {
    if (wasLocked.current && !locked) focusHeading();
    wasLocked.current = locked;
  }, [locked, focusHeading]);
  return (
    <Page
      header={<Header session={session} onSignOut={onSignOut} />}
      nav={locked ? null : <Navigation items={items} current={route} onCurrent={focusHeading} />}
    >
      {locked ? <LockedPanel session={session} onUnlocked={onUnlocked} onSignOut={onSignOut} /> : null}
      <div hidden={locked} ref={screenRef}>
        {everUnlocked.current ? <Screen key={route} route={route} session={session} /> : null}
      </div>
    </Page>
  );
}
