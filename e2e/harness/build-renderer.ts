/**
 * Builds the renderer for the harness with the same Vite settings the app ships with (src-renderer/vite.config.ts),
 * into out/e2e-renderer so it never races an `electron-vite build` writing out/renderer.
 * Run directly: `tsx e2e/harness/build-renderer.ts`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { rendererViteConfig } from '../../src-renderer/vite.config';

/**
 * server.ts's DEFAULT_RENDERER_DIR, repeated rather than imported: importing server.ts would load the whole core
 * into Playwright's global setup, whose loader cannot import the rule pack's JSON.
 */
const DEFAULT_RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/e2e-renderer');

export async function buildRenderer(outDir: string = DEFAULT_RENDERER_DIR): Promise<string> {
  // logLevel error: the one expected warning (govuk-frontend's media-query hack, recovered) would only be noise here.
  await build({ ...rendererViteConfig(outDir), configFile: false, logLevel: 'error' });
  return outDir;
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  buildRenderer().then(
    (dir) => process.stdout.write(`renderer built in ${dir}\n`),
    (e: unknown) => {
      process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
