/**
 * Starts e2e/harness/server.ts in a child process (under the same Node as the test runner, with tsx), waits for its
 * `HERALD_E2E {...}` line, and stops it by its own pid. The child also stops if the runner's pipe to it closes.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(here, 'server.ts');
const READY = 'HERALD_E2E ';

export type HarnessHandle = {
  url: string;
  /** Where the harness keeps its database, for tests that play an attacker with access to the disk. */
  dataDir: string;
  /** Moves the core's clock forward (the browser's clock is separate). */
  advanceClock(ms: number): Promise<void>;
  stop(): Promise<void>;
};

type Ready = { url: string; controlToken: string; dataDir: string };

export async function spawnHarness(timeoutMs = 30_000): Promise<HarnessHandle> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    cwd: path.resolve(here, '../..'),
    env: { ...process.env, HERALD_E2E_EXIT_ON_STDIN_END: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    if (process.env.HERALD_E2E_VERBOSE === '1') process.stderr.write(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const ready = await new Promise<Ready>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start in ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith(READY));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(READY.length)) as Ready);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}\n${stderr}`));
    });
  });

  return {
    url: ready.url,
    dataDir: ready.dataDir,
    async advanceClock(ms) {
      const res = await fetch(new URL('/harness/clock', ready.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${ready.controlToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ advanceMs: ms }),
      });
      if (!res.ok) throw new Error(`advanceClock: HTTP ${res.status}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
