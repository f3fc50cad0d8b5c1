/**
 * Preload for Herald's window. It runs sandboxed (DESIGN.md "Electron security baseline"), so it is bundled to one
 * CommonJS file with its dependencies inlined (electron.vite.config.ts). It exposes exactly one object, `window.herald`
 * with a single `invoke`, built from the IPC contract; the page never sees ipcRenderer, Node or Electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'herald',
  createBridge((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
