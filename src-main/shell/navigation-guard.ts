/**
 * Keeps every web contents on Herald's own pages (DESIGN.md "Electron security baseline": navigation and new windows
 * denied; external links only through the safe-shell function; permission requests denied by default; no
 * `<webview>`). A renderer that could navigate to a remote page would hand that page our preload bridge; a new window
 * or a webview would escape the options in window-options.ts; a granted permission (camera, geolocation,
 * notifications via the web API, ...) is never needed by Herald's UI. Applied from app 'web-contents-created', so it
 * covers every window, including any Electron creates on its own. Electron objects are passed in as small interfaces.
 */
import { isAppUrl } from './app-origin';

type PreventableEvent = { preventDefault(): void };
type NavigationEvent = PreventableEvent & { url: string };

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  readonly session: PermissionSession;
}

export interface ContentsCreatedSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardableContents) => void): unknown;
}

/** Where links that try to leave the app go: openExternalSafely bound to Electron's shell. */
export type OpenExternal = (url: string) => boolean;

const EXTERNAL_SCHEMES = new Set(['https:', 'mailto:']);

function isExternalLink(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Denies every permission request and check, whatever the permission and whoever asks. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Locks one web contents to app://herald. */
export function guardWebContents(contents: GuardableContents, openExternal: OpenExternal): void {
  const stayInApp = (event: NavigationEvent) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new Electron windows ever. A link with target=_blank to a web page or e-mail address opens outside Herald.
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
  denyAllPermissions(contents.session);
}

/** Guards every web contents the app creates from now on. Call before any window exists. */
export function installNavigationGuard(app: ContentsCreatedSource, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
}
