import { describe, it, expect } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow, type MainWindowLike } from './main-window';

function fakeWindowFactory(loadResult: Promise<void> = Promise.resolve()) {
  const log: string[] = [];
  let readyToShow: (() => void) | undefined;
  let options: BrowserWindowConstructorOptions | undefined;
  const createWindow = (o: BrowserWindowConstructorOptions): MainWindowLike => {
    options = o;
    return {
      isDestroyed: () => false,
      isMinimized: () => false,
      restore: () => void log.push('restore'),
      show: () => void log.push('show'),
      focus: () => void log.push('focus'),
      once: (_event, listener) => void (readyToShow = listener),
      loadURL: (url) => (log.push(`load ${url}`), loadResult),
    };
  };
  return { createWindow, log, options: () => options, ready: () => readyToShow?.() };
}

describe('createMainWindow', () => {
  it('loads app://herald/index.html with the hardened options', () => {
    const f = fakeWindowFactory();
    createMainWindow({ createWindow: f.createWindow, preloadPath: '/out/preload/index.cjs', isPackaged: true });
    expect(f.log).toEqual(['load app://herald/index.html']);
    expect(f.options()?.webPreferences).toMatchObject({
      preload: '/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
  });

  it('creates the window hidden and shows it when ready to show', () => {
    const f = fakeWindowFactory();
    createMainWindow({ createWindow: f.createWindow, preloadPath: '/p.cjs', isPackaged: false });
    expect(f.options()?.show).toBe(false);
    expect(f.log).not.toContain('show');
    f.ready();
    expect(f.log).toContain('show');
  });

  it('reports a page that fails to load instead of throwing', async () => {
    const errors: unknown[] = [];
    const f = fakeWindowFactory(Promise.reject(new Error('ERR_FILE_NOT_FOUND')));
    createMainWindow({ createWindow: f.createWindow, preloadPath: '/p.cjs', isPackaged: true, onLoadError: (e) => errors.push(e) });
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
  });
});
