import { describe, it, expect } from 'vitest';
import { claimSingleInstance, type FocusableWindow, type SingleInstanceApp } from './single-instance';

function fakeApp(gotLock: boolean) {
  const log: string[] = [];
  let secondInstance: (() => void) | undefined;
  const app: SingleInstanceApp = {
    requestSingleInstanceLock: () => (log.push('lock'), gotLock),
    quit: () => void log.push('quit'),
    on: (_event, listener) => void (secondInstance = listener),
  };
  return { app, log, launchAgain: () => secondInstance?.() };
}

function fakeWindow(state: { minimized?: boolean; destroyed?: boolean } = {}) {
  const log: string[] = [];
  const win: FocusableWindow = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized ?? false,
    restore: () => void log.push('restore'),
    show: () => void log.push('show'),
    focus: () => void log.push('focus'),
  };
  return { win, log };
}

describe('single instance', () => {
  it('quits when another Herald holds the lock', () => {
    const a = fakeApp(false);
    expect(claimSingleInstance(a.app, () => null)).toBe(false);
    expect(a.log).toEqual(['lock', 'quit']);
  });

  it('keeps running when it gets the lock', () => {
    const a = fakeApp(true);
    expect(claimSingleInstance(a.app, () => null)).toBe(true);
    expect(a.log).toEqual(['lock']);
  });

  it('second instance focuses the first window', () => {
    const a = fakeApp(true);
    const w = fakeWindow({ minimized: true });
    claimSingleInstance(a.app, () => w.win);
    a.launchAgain();
    expect(w.log).toEqual(['restore', 'show', 'focus']);
  });

  it('focuses the window that exists at the time of the second launch', () => {
    const a = fakeApp(true);
    let current: FocusableWindow | null = null;
    claimSingleInstance(a.app, () => current);
    a.launchAgain(); // no window yet: nothing to do, nothing thrown
    const w = fakeWindow();
    current = w.win;
    a.launchAgain();
    expect(w.log).toEqual(['show', 'focus']);
  });

  it('ignores a destroyed window', () => {
    const a = fakeApp(true);
    const w = fakeWindow({ destroyed: true });
    claimSingleInstance(a.app, () => w.win);
    a.launchAgain();
    expect(w.log).toEqual([]);
  });
});
