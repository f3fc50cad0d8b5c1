/** Builds the renderer once per run (set HERALD_E2E_SKIP_BUILD=1 to reuse out/e2e-renderer). */
import { buildRenderer } from './harness/build-renderer';

export default async function globalSetup(): Promise<void> {
  if (process.env.HERALD_E2E_SKIP_BUILD === '1') return;
  const dir = await buildRenderer();
  process.stdout.write(`Herald e2e: renderer built in ${dir}\n`);
}
