/**
 * Options for Herald's main window, kept apart from window creation so a test can read every security switch.
 * Each line below is one item of DESIGN.md "Electron security baseline": contextIsolation on, sandbox on (set
 * explicitly, not left to the default), nodeIntegration off, webSecurity on, no `<webview>`, DevTools off in
 * packaged builds. Only the type comes from 'electron', so this file loads under plain Node.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const MAIN_WINDOW_MIN_WIDTH = 960;
export const MAIN_WINDOW_MIN_HEIGHT = 600;

export function mainWindowOptions(
  preloadPath: string,
  options: { isPackaged: boolean },
): BrowserWindowConstructorOptions {
  return {
    title: 'Herald',
    width: 1280,
    height: 860,
    minWidth: MAIN_WINDOW_MIN_WIDTH,
    minHeight: MAIN_WINDOW_MIN_HEIGHT,
    // Hidden until 'ready-to-show' so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      // The page and the preload live in separate JavaScript worlds; the page sees only what contextBridge exposes.
      contextIsolation: true,
      // OS-level renderer sandbox; the preload then gets only a small CommonJS-style require (electron, events, ...).
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Same-origin policy stays on; mixed content stays blocked.
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Middle-click would otherwise try to open a new window (denied anyway; see navigation-guard.ts).
      disableBlinkFeatures: 'Auxclick',
      // A page may not spam dialogs to trap the user.
      safeDialogs: true,
      navigateOnDragDrop: false,
      // DevTools give full control of the renderer; a packaged build has no need for them.
      devTools: !options.isPackaged,
    },
  };
}
