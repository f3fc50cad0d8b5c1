/**
 * Launches the real built app in Electron and checks the security baseline from the outside (DESIGN.md "Electron
 * security baseline"): the window's webPreferences, no Node in the page, one bridge object, the CSP header on app://
 * responses, navigation refused. There is no Electron binary on the build machines (ENVIRONMENT.md "Electron"), so
 * the test skips cleanly there; it finds the binary the way electron/index.js does, without requiring 'electron'
 * (which would try to download it). Needs `electron-vite build` first and a working OS keychain.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, _electron as electron } from '@playwright/test';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function electronExecutable(): string | null {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathTxt = join(packageDir, 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const executable = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), readFileSync(pathTxt, 'utf8').trim());
    return existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

const executable = electronExecutable();

test.describe('Electron shell', () => {
  test.skip(executable === null, 'No Electron binary installed on this machine (see ENVIRONMENT.md "Electron")');

  test('opens a hardened window on app://herald', async () => {
    for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(existsSync(join(projectRoot, built)), `${built} is missing: run electron-vite build first`).toBe(true);
    }
    const userData = mkdtempSync(join(tmpdir(), 'herald-electron-'));
    const app = await electron.launch({
      executablePath: executable!,
      args: [projectRoot],
      env: { ...process.env, HERALD_USER_DATA_DIR: userData },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toMatch(/^app:\/\/herald\//);

      // getLastWebPreferences is undocumented but present; it reports the options the window was really built with.
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
          | { getLastWebPreferences?: () => Record<string, unknown> | null }
          | undefined;
        return contents?.getLastWebPreferences?.() ?? null;
      });
      expect(prefs).not.toBeNull();
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
      });

      const inPage = await page.evaluate(async () => {
        const w = window as unknown as Record<string, unknown>;
        const response = await fetch('app://herald/index.html');
        return {
          bridgeKeys: Object.keys((w.herald as object | undefined) ?? {}),
          require: typeof w.require,
          process: typeof w.process,
          csp: response.headers.get('content-security-policy'),
          traversal: (await fetch('app://herald/..%2f..%2fpackage.json')).status,
        };
      });
      expect(inPage.bridgeKeys).toEqual(['invoke']);
      expect(inPage.require).toBe('undefined');
      expect(inPage.process).toBe('undefined');
      expect(inPage.csp).toContain("script-src 'self'");
      expect(inPage.traversal).toBe(404);

      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/herald\//);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
