import { describe, it, expect } from 'vitest';
import { mainWindowOptions, MAIN_WINDOW_MIN_HEIGHT, MAIN_WINDOW_MIN_WIDTH } from './window-options';

describe('mainWindowOptions', () => {
  const packaged = mainWindowOptions('/app/out/preload/index.cjs', { isPackaged: true });
  const prefs = packaged.webPreferences ?? {};

  it('isolates the page from the preload and from Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('turns the renderer sandbox on explicitly', () => {
    expect(Object.hasOwn(prefs, 'sandbox')).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('keeps web security on and webview tags off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });

  it('uses the given preload script', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('allows DevTools only in an unpackaged build', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions('/p.cjs', { isPackaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('stays hidden until ready, titled Herald, with a minimum size', () => {
    expect(packaged.show).toBe(false);
    expect(packaged.title).toBe('Herald');
    expect(packaged.minWidth).toBe(MAIN_WINDOW_MIN_WIDTH);
    expect(packaged.minHeight).toBe(MAIN_WINDOW_MIN_HEIGHT);
    expect(packaged.width ?? 0).toBeGreaterThanOrEqual(MAIN_WINDOW_MIN_WIDTH);
  });
});
