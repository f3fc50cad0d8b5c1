/**
 * Creates Herald's main window: the hardened options from window-options.ts (DESIGN.md "Electron security
 * baseline"), the renderer loaded from app://herald (never file:// or a remote URL), and the window shown only once
 * it has painted. The BrowserWindow constructor is passed in, so tests run with a fake.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_INDEX_URL } from './app-origin';
import type { FocusableWindow } from './single-instance';
import { mainWindowOptions } from './window-options';

export interface MainWindowLike extends FocusableWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
}

export interface MainWindowDeps<W extends MainWindowLike> {
  createWindow: (options: BrowserWindowConstructorOptions) => W;
  preloadPath: string;
  isPackaged: boolean;
  /** Told when the page cannot load (for the log); the window stays, so the user is not left with nothing. */
  onLoadError?: (error: unknown) => void;
}

export function createMainWindow<W extends MainWindowLike>(deps: MainWindowDeps<W>): W {
  const window = deps.createWindow(mainWindowOptions(deps.preloadPath, { isPackaged: deps.isPackaged }));
  window.once('ready-to-show', () => {
    if (!window.isDestroyed()) window.show();
  });
  window.loadURL(APP_INDEX_URL).catch((error: unknown) => deps.onLoadError?.(error));
  return window;
}
