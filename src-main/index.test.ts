/**
 * Wiring test for the Electron entry: 'electron' and the core are replaced with fakes (there is no Electron binary
 * here), then index.ts is imported and driven through its lifecycle. Checks the order DESIGN.md's security baseline
 * depends on: sandbox and app:// registered before 'ready', single-instance lock honoured, startup failures shown.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from './ipc/contract';

const h = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    gotLock: true,
    coreFails: null as Error | null,
    appListeners: new Map<string, Array<(...args: unknown[]) => void>>(),
    ipcChannels: [] as string[],
    windows: [] as Array<{ options: unknown; url?: string }>,
    resolveReady: () => {},
    errorBoxes: [] as string[],
  };
  const on = (event: string, listener: (...args: unknown[]) => void) => {
    state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
  };
  const app = {
    isPackaged: true,
    enableSandbox: () => state.log.push('enableSandbox'),
    setPath: (name: string) => state.log.push(`setPath ${name}`),
    getPath: () => '/tmp/herald-user-data',
    requestSingleInstanceLock: () => (state.log.push('lock'), state.gotLock),
    quit: () => state.log.push('quit'),
    on,
    whenReady: () => new Promise<void>((r) => (state.resolveReady = () => (state.log.push('ready'), r()))),
  };
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    constructor(options: unknown) {
      state.windows.push({ options });
      state.log.push('new BrowserWindow');
    }
    once() {}
    on() {}
    isDestroyed = () => false;
    isMinimized = () => false;
    restore() {}
    show() {}
    focus() {}
    loadURL(url: string) {
      state.windows[state.windows.length - 1]!.url = url;
      return Promise.resolve();
    }
  }
  const permissionSession = { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} };
  const electron = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (_title: string, message: string) => state.errorBoxes.push(message) },
    ipcMain: { handle: (channel: string) => state.ipcChannels.push(channel) },
    protocol: {
      registerSchemesAsPrivileged: () => state.log.push('registerScheme'),
      handle: (scheme: string) => state.log.push(`handle ${scheme}`),
    },
    session: { defaultSession: permissionSession },
    shell: { openExternal: async () => {} },
  };
  return { state, electron };
});

vi.mock('electron', () => h.electron);
vi.mock('./core/secrets/keytar-secret-store', () => ({ KeytarSecretStore: class {} }));
vi.mock('./ipc/handlers', () => ({ createHandlers: () => ({}) }));
vi.mock('./core/create-core', () => ({
  createCore: async () => {
    if (h.state.coreFails) throw h.state.coreFails;
    h.state.log.push('createCore');
    return { logger: { error: () => {} }, close: async () => void h.state.log.push('core.close') };
  },
}));

const settle = () => new Promise((r) => setTimeout(r, 0));

async function boot() {
  vi.resetModules();
  await import('./index');
}

beforeEach(() => {
  Object.assign(h.state, { log: [], gotLock: true, coreFails: null, ipcChannels: [], windows: [], errorBoxes: [] });
  h.state.appListeners.clear();
});

describe('Electron entry', () => {
  it('sandboxes renderers and registers app:// before ready', async () => {
    await boot();
    expect(h.state.log).toEqual(['enableSandbox', 'lock', 'registerScheme']);
    expect([...h.state.appListeners.keys()]).toContain('web-contents-created');
  });

  it('quits without registering anything when another Herald is running', async () => {
    h.state.gotLock = false;
    await boot();
    expect(h.state.log).toEqual(['enableSandbox', 'lock', 'quit']);
    expect(h.state.appListeners.has('web-contents-created')).toBe(false);
  });

  it('on ready serves app://, starts the core, registers every channel and opens the window', async () => {
    await boot();
    h.state.resolveReady();
    await settle();
    expect(h.state.log.slice(3)).toEqual(['ready', 'handle app', 'createCore', 'new BrowserWindow']);
    expect(h.state.ipcChannels.sort()).toEqual([...channels].sort());
    expect(h.state.windows[0]?.url).toBe('app://herald/index.html');
    expect(h.state.windows[0]?.options).toMatchObject({ webPreferences: { sandbox: true, devTools: false } });
  });

  it('shows an error box and quits when the core cannot start', async () => {
    h.state.coreFails = new Error('The OS keychain is not available');
    await boot();
    h.state.resolveReady();
    await settle();
    expect(h.state.errorBoxes).toEqual(['The OS keychain is not available']);
    expect(h.state.log.at(-1)).toBe('quit');
    expect(h.state.ipcChannels).toEqual([]);
    expect(h.state.windows).toEqual([]);
  });

  it('closes the core before quitting', async () => {
    await boot();
    h.state.resolveReady();
    await settle();
    let prevented = false;
    for (const l of h.state.appListeners.get('will-quit') ?? []) l({ preventDefault: () => (prevented = true) });
    await settle();
    expect(prevented).toBe(true);
    expect(h.state.log.slice(-2)).toEqual(['core.close', 'quit']);
  });
});
