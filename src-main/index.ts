/**
 * Electron entry: app lifecycle only (DESIGN.md "The shape"). The only file in src-main that imports 'electron'; each
 * shell/ module takes the Electron objects it needs as parameters, so all of them are tested under plain Node.
 * Order matters: sandbox, single-instance lock and the app:// scheme must be set before 'ready'.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { createCore, type Core } from './core/create-core';
import { KeytarSecretStore } from './core/secrets/keytar-secret-store';
import { createDispatcher } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { registerAppScheme, serveAppProtocol } from './shell/app-protocol';
import { createMainWindow } from './shell/main-window';
import { denyAllPermissions, installNavigationGuard } from './shell/navigation-guard';
import { registerIpc } from './shell/ipc-registrar';
import { openExternalSafely } from './shell/safe-external';
import { claimSingleInstance } from './shell/single-instance';

// Built layout (electron.vite.config.ts): out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const PRELOAD_PATH = path.join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_DIR = path.join(import.meta.dirname, '../renderer');

// Every renderer sandboxed, whatever a window's own options say (DESIGN.md security baseline).
app.enableSandbox();

// Lets tests and second profiles use their own data directory. Must be set before 'ready' and before the lock,
// which is scoped to userData.
const dataDirOverride = process.env.HERALD_USER_DATA_DIR;
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

function openMainWindow(): void {
  const window = createMainWindow({
    createWindow: (options) => new BrowserWindow(options),
    preloadPath: PRELOAD_PATH,
    isPackaged: app.isPackaged,
    onLoadError: (error) => core?.logger.error({ err: error }, 'the main window could not load'),
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  serveAppProtocol(protocol, RENDERER_DIR, (file) => readFile(file));
  try {
    core = await createCore({
      dataDir: app.getPath('userData'),
      secretStore: new KeytarSecretStore('Herald'),
      // OAuth sign-in happens in the system browser (RFC 8252), reached only through the one safe-external function.
      openExternal: async (url) => {
        if (!(await openExternalSafely(shell, url))) throw new Error('Herald could not open the sign-in page in your browser');
      },
    });
  } catch (error) {
    // e.g. no OS keychain, or a database Herald cannot open or migrate: say so plainly and stop.
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Herald could not start', message);
    app.quit();
    return;
  }
  registerIpc(ipcMain, createDispatcher(createHandlers(core), core.logger));
  openMainWindow();
}

if (claimSingleInstance(app, () => mainWindow)) {
  registerAppScheme(protocol);
  installNavigationGuard(app, (url) => openExternalSafely(shell, url));
  // A session belongs to its window: when the window goes, so does the session (and the audit log says so).
  app.on('web-contents-created', (_event, contents) => {
    const windowKey = String(contents.id);
    contents.once('destroyed', () => void core?.sessions.signOut(windowKey, 'window-closed').catch(() => undefined));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  // Flush the audit checkpoint and close the database once, then let the quit continue.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    closing = true;
    event.preventDefault();
    const running = core;
    core = null;
    running
      .close()
      .catch((error: unknown) => running.logger.error({ err: error }, 'closing the core failed'))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Herald could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
