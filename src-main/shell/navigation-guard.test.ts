import { describe, it, expect } from 'vitest';
import { denyAllPermissions, installNavigationGuard, type GuardableContents, type PermissionSession } from './navigation-guard';

type Listener = (event: { preventDefault(): void; url?: string }) => void;

function fakeSession() {
  const s = {
    request: undefined as undefined | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
    check: undefined as undefined | ((wc: unknown, p: string) => boolean),
  };
  const session: PermissionSession = {
    setPermissionRequestHandler: (h) => void (s.request = h),
    setPermissionCheckHandler: (h) => void (s.check = h),
  };
  return { s, session };
}

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  const { s, session } = fakeSession();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }) {
      openHandler = h;
    },
    session,
  };
  /** Emits an event and says whether any listener prevented it. */
  const emit = (event: string, url?: string): boolean => {
    let prevented = false;
    for (const l of listeners.get(event) ?? []) l({ preventDefault: () => void (prevented = true), url });
    return prevented;
  };
  const open = (url: string) => openHandler?.({ url });
  return { contents: contents as unknown as GuardableContents, emit, open, permissions: s };
}

function guarded() {
  const opened: string[] = [];
  const fake = fakeContents();
  let created: ((e: unknown, c: GuardableContents) => void) | undefined;
  installNavigationGuard(
    { on: (_event, listener) => void (created = listener) },
    (url) => (opened.push(url), true),
  );
  created?.({}, fake.contents);
  return { ...fake, opened };
}

describe('navigation guard', () => {
  it('refuses navigation to an external site', () => {
    const g = guarded();
    expect(g.emit('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(g.emit('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(g.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(g.emit('will-navigate', 'app://other/index.html')).toBe(true);
  });

  it('allows navigation within app://herald', () => {
    const g = guarded();
    expect(g.emit('will-navigate', 'app://herald/index.html')).toBe(false);
  });

  it('refuses redirects away from the app', () => {
    const g = guarded();
    expect(g.emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(g.emit('will-redirect', 'app://herald/index.html')).toBe(false);
  });

  it('denies new windows and opens https and mailto links outside Herald', () => {
    const g = guarded();
    expect(g.open('https://www.gov.uk/')).toEqual({ action: 'deny' });
    expect(g.open('mailto:press@example.gov.uk')).toEqual({ action: 'deny' });
    expect(g.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(g.open('app://herald/index.html')).toEqual({ action: 'deny' });
    expect(g.opened).toEqual(['https://www.gov.uk/', 'mailto:press@example.gov.uk']);
  });

  it('prevents webviews from attaching', () => {
    expect(guarded().emit('will-attach-webview')).toBe(true);
  });

  it('denies every permission request', () => {
    const g = guarded();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      const answers: boolean[] = [];
      g.permissions.request?.({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(g.permissions.check?.({}, permission), permission).toBe(false);
    }
  });

  it('denyAllPermissions installs both handlers on a session', () => {
    const { s, session } = fakeSession();
    denyAllPermissions(session);
    expect(s.request).toBeTypeOf('function');
    expect(s.check?.(null, 'fullscreen')).toBe(false);
  });
});
