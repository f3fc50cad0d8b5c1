/**
 * Starts e2e/harness/server.ts in a child process (under the same Node as the test runner, with tsx), waits for its
 * `HERALD_E2E {...}` line, and stops it by its own pid. The child also stops if the runner's pipe to it closes.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BehaviourChange, OAuthFakesInfo } from './oauth-fakes';

const here = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(here, 'server.ts');
const READY = 'HERALD_E2E ';

export type HarnessHandle = {
  url: string;
  /** Where the harness keeps its database, for tests that play an attacker with access to the disk. */
  dataDir: string;
  /** Moves the core's clock forward (the browser's clock is separate). */
  advanceClock(ms: number): Promise<void>;
  /** Adds connected accounts (X, Bluesky, Mastodon) as a manager would have, for screens that need them (compose). */
  seedAccounts(): Promise<void>;
  /** With `oauthFakes`: where the fake platforms are, and the developer apps registered on the fake sign-in server. */
  oauth: OAuthFakesInfo | null;
  /** With `oauthFakes`: how the next sign-ins behave (a wrong state, denied consent, a browser held before sign-in). */
  oauthBehaviour(change: BehaviourChange): Promise<void>;
  /** With `oauthFakes`: a held browser goes on to sign in. */
  oauthContinue(): Promise<void>;
  stop(): Promise<void>;
};

type Ready = { url: string; controlToken: string; dataDir: string; oauth?: OAuthFakesInfo };

export type SpawnOptions = { timeoutMs?: number; /** Start the OAuth fakes (HERALD_E2E_OAUTH_FAKES=1). */ oauthFakes?: boolean };

export async function spawnHarness(options: SpawnOptions = {}): Promise<HarnessHandle> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    cwd: path.resolve(here, '../..'),
    env: { ...process.env, HERALD_E2E_EXIT_ON_STDIN_END: '1', ...(options.oauthFakes ? { HERALD_E2E_OAUTH_FAKES: '1' } : {}) },
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

  const control = async (pathname: string, body: unknown) => {
    const res = await fetch(new URL(pathname, ready.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${ready.controlToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status} ${await res.text()}`);
    await res.body?.cancel();
  };

  return {
    url: ready.url,
    dataDir: ready.dataDir,
    oauth: ready.oauth ?? null,
    advanceClock: (ms) => control('/harness/clock', { advanceMs: ms }),
    seedAccounts: () => control('/harness/seed-accounts', {}),
    oauthBehaviour: (change) => control('/harness/oauth-behaviour', change),
    oauthContinue: () => control('/harness/oauth-continue', {}),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
