/**
 * Build for the three Electron processes (DESIGN.md "The shape"; ENVIRONMENT.md "Electron": our folders are
 * src-main, src-preload, src-renderer, so each input and the renderer root are set explicitly).
 * - main: ESM (package.json "type": "module"), out/main/index.js. Dependencies stay external, loaded from
 *   node_modules at run time; the native ones (better-sqlite3, keytar) and pg/pino cannot be bundled.
 * - preload: the window is sandboxed, and a sandboxed preload must be one CommonJS file that requires nothing but
 *   'electron' (Electron docs, "Process Sandboxing"; electron-vite would emit ESM index.mjs for a "type": "module"
 *   package). So: format cjs, out/preload/index.cjs, and externalizeDeps off so zod (from the contract) is inlined.
 * - renderer: the same Vite settings the e2e harness builds with (src-renderer/vite.config.ts), out/renderer.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererViteConfig } from './src-renderer/vite.config';

const root = dirname(fileURLToPath(import.meta.url));
const renderer = rendererViteConfig(resolve(root, 'out/renderer'));

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: { include: ['better-sqlite3', 'keytar', 'pg', 'pino'] },
      rolldownOptions: { input: { index: resolve(root, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    ...renderer,
    root: resolve(root, 'src-renderer'),
    base: './',
    build: {
      ...renderer.build,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
