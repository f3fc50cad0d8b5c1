/**
 * One Herald per user session (DESIGN.md "Electron security baseline": single instance lock). Two instances would
 * open the same SQLite database and run two schedulers, which could publish a post twice; a second launch instead
 * brings the existing window to the front. Electron's `app` and the window are passed in as small interfaces.
 */

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Brings a window to the front, restoring it if minimised. Does nothing for a missing or destroyed window. */
export function focusWindow(window: FocusableWindow | null | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Claims the lock. Returns false (after asking the app to quit) if another Herald holds it; the caller must then do
 * nothing more. Otherwise a later launch focuses whatever `getWindow` returns at that moment.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  getWindow: () => FocusableWindow | null | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusWindow(getWindow()));
  return true;
}
