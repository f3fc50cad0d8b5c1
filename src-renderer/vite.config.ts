/**
 * Vite settings for the renderer, in one place: electron-vite's renderer section and the e2e harness build both use
 * `rendererViteConfig`, so the UI the tests drive is built exactly like the one the app ships.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const rendererRoot = here;
const projectRoot = resolve(here, '..');

export function rendererViteConfig(outDir: string): UserConfig {
  return {
    root: here,
    // Relative URLs: a bare /assets/ would break under app:// or file:// (DESIGN.md build traps).
    base: './',
    plugins: [react()],
    resolve: {
      alias: { '@govuk-assets': resolve(projectRoot, 'node_modules/govuk-frontend/dist/govuk/assets') },
    },
    css: {
      preprocessorOptions: { scss: { loadPaths: [projectRoot, resolve(projectRoot, 'node_modules')], quietDeps: true } },
      // govuk-frontend carries a media-query hack that Vite 8's CSS minifier rejects without error recovery.
      lightningcss: { errorRecovery: true },
    },
    build: { outDir, emptyOutDir: true, sourcemap: false, target: 'chrome130' },
    logLevel: 'warn',
  };
}

export default rendererViteConfig(resolve(projectRoot, 'out/renderer'));
