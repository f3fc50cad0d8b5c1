/**
 * The e2e harness: the real core and handlers behind a loopback HTTP transport, serving the real renderer to
 * Chromium (there is no Electron binary on CI machines; DESIGN.md rule 2, ENVIRONMENT.md). Never part of the app.
 *   GET  /                   the built renderer, with the app's CSP header and the bridge script injected
 *   GET  /harness-bridge.js  defines window.herald.invoke; the only place the IPC token appears
 *   POST /ipc                Bearer <IPC token>, X-Herald-Window: <page key> -> dispatch(caller, channel, payload)
 *   POST /harness/clock      Bearer <control token>, { advanceMs }: moves the core's clock (tests only)
 * With HERALD_E2E_OAUTH_FAKES=1 (or `oauthFakes: true`), OAuth sign-ins go to loopback fakes (oauth-fakes.ts), and:
 *   POST /harness/oauth-behaviour  Bearer <control token>, { wrongState?, consent?, holdBrowser?, noFacebookPages? }
 *   POST /harness/oauth-continue   Bearer <control token>: a held browser goes on to the sign-in page
 * Bound to 127.0.0.1 on a free port; Host and Origin are checked so another site cannot drive it.
 * Run directly (`tsx e2e/harness/server.ts`) it prints one line, `HERALD_E2E {"url":...,"controlToken":...,"dataDir":...}`,
 * with `"oauth":{...}` (the fakes' addresses, the registered apps and X's redirect port) when the OAuth fakes run.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCore } from '../../src-main/core/create-core';
import { createLogger } from '../../src-main/core/logger';
import { KeytarSecretStore } from '../../src-main/core/secrets/keytar-secret-store';
import { createDispatcher } from '../../src-main/ipc/dispatcher';
import { createHandlers } from '../../src-main/ipc/handlers';
import { bridgeScript } from './bridge-script';
import { hasBearer, readJson } from './http-util';
import { startOAuthFakes, type BehaviourChange, type OAuthFakes, type OAuthFakesInfo } from './oauth-fakes';
import { OffsetClock } from './offset-clock';
import { seedAccounts } from './seed-accounts';
import { BRIDGE_PATH, send, serveStatic } from './static-files';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_RENDERER_DIR = path.resolve(here, '../../out/e2e-renderer');
const WINDOW_KEY = /^[A-Za-z0-9-]{8,64}$/;
const JSON_TYPE = 'application/json; charset=utf-8';

export type Harness = { url: string; controlToken: string; dataDir: string; oauth: OAuthFakesInfo | null; close(): Promise<void> };

export async function startHarness(opts: { rendererDir?: string; dataDir?: string; oauthFakes?: boolean } = {}): Promise<Harness> {
  const rendererDir = opts.rendererDir ?? DEFAULT_RENDERER_DIR;
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'herald-e2e-')));
  const secretStore = new KeytarSecretStore(`Herald-e2e-${randomBytes(6).toString('hex')}`);
  const clock = new OffsetClock();
  const logger = createLogger({ level: process.env.HERALD_LOG_LEVEL ?? 'warn' });
  const fakes: OAuthFakes | null = opts.oauthFakes ? await startOAuthFakes() : null;
  const core = await createCore({
    dataDir,
    secretStore,
    clock,
    logger,
    ...(fakes ? { openExternal: fakes.core.openExternal, oauthProviders: fakes.core.oauthProviders, adapters: fakes.core.adapters } : {}),
  }).catch(async (e: unknown) => {
    await fakes?.close();
    throw e;
  });
  const dispatch = createDispatcher(createHandlers(core), logger);
  const ipcToken = randomBytes(32).toString('hex');
  const controlToken = randomBytes(32).toString('hex');
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    // DNS rebinding and cross-site requests: only our own host, and our own origin when a browser says one.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'Wrong host', 'text/plain');
    if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'Wrong origin', 'text/plain');
    const site = req.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') return send(res, 403, 'Cross-site request', 'text/plain');
    if (req.method === 'GET' && url.pathname === BRIDGE_PATH) {
      return send(res, 200, bridgeScript(ipcToken), 'text/javascript; charset=utf-8');
    }
    if (req.method === 'GET') return serveStatic(rendererDir, url.pathname, res);
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain');
    if (url.pathname === '/ipc') {
      const windowKey = req.headers['x-herald-window'];
      if (!hasBearer(req, ipcToken)) return send(res, 401, 'Unauthorised', 'text/plain');
      if (typeof windowKey !== 'string' || !WINDOW_KEY.test(windowKey)) return send(res, 400, 'Bad window key', 'text/plain');
      const body = (await readJson(req)) as { channel?: unknown; payload?: unknown } | null;
      const result = await dispatch({ windowKey: `harness:${windowKey}` }, body?.channel, body?.payload);
      return send(res, 200, JSON.stringify(result), JSON_TYPE);
    }
    if (url.pathname === '/harness/clock') {
      if (!hasBearer(req, controlToken)) return send(res, 401, 'Unauthorised', 'text/plain');
      const body = (await readJson(req)) as { advanceMs?: unknown } | null;
      clock.advance(Number(body?.advanceMs));
      return send(res, 200, JSON.stringify({ now: clock.now() }), JSON_TYPE);
    }
    if (url.pathname === '/harness/seed-accounts') {
      if (!hasBearer(req, controlToken)) return send(res, 401, 'Unauthorised', 'text/plain');
      await seedAccounts(core);
      return send(res, 200, JSON.stringify({ seeded: true }), JSON_TYPE);
    }
    if (url.pathname === '/harness/oauth-behaviour' || url.pathname === '/harness/oauth-continue') {
      if (!hasBearer(req, controlToken)) return send(res, 401, 'Unauthorised', 'text/plain');
      if (!fakes) return send(res, 409, 'The OAuth fakes are not running (HERALD_E2E_OAUTH_FAKES=1)', 'text/plain');
      if (url.pathname === '/harness/oauth-continue') return send(res, 200, JSON.stringify({ released: fakes.releaseBrowser() }), JSON_TYPE);
      const body = (await readJson(req)) as Record<string, unknown> | null;
      const change: BehaviourChange = {};
      if (typeof body?.wrongState === 'boolean') change.wrongState = body.wrongState;
      if (body?.consent === 'allow' || body?.consent === 'deny') change.consent = body.consent;
      if (typeof body?.holdBrowser === 'boolean') change.holdBrowser = body.holdBrowser;
      if (typeof body?.noFacebookPages === 'boolean') change.noFacebookPages = body.noFacebookPages;
      fakes.setBehaviour(change);
      return send(res, 200, JSON.stringify({ browserVisits: fakes.browserVisits() }), JSON_TYPE);
    }
    send(res, 404, 'Not found', 'text/plain');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      logger.warn({ err: e }, 'harness request failed');
      if (!res.headersSent) send(res, 400, 'Bad request', 'text/plain');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('harness: no port');
  origin = `http://127.0.0.1:${address.port}`;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await core.close();
      await fakes?.close();
      for (const account of await secretStore.list().catch(() => [])) await secretStore.delete(account).catch(() => false);
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    })());
  return { url: `${origin}/`, controlToken, dataDir, oauth: fakes?.info ?? null, close };
}

async function main(): Promise<void> {
  const harness = await startHarness({
    ...(process.env.HERALD_E2E_RENDERER_DIR ? { rendererDir: process.env.HERALD_E2E_RENDERER_DIR } : {}),
    ...(process.env.HERALD_E2E_DATA_DIR ? { dataDir: process.env.HERALD_E2E_DATA_DIR } : {}),
    oauthFakes: process.env.HERALD_E2E_OAUTH_FAKES === '1',
  });
  const stop = () => void harness.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Started by a test runner with a stdin pipe: stop when the runner goes away, so no harness outlives it.
  if (process.env.HERALD_E2E_EXIT_ON_STDIN_END === '1') process.stdin.on('end', stop).resume();
  const { url, controlToken, dataDir, oauth } = harness;
  process.stdout.write(`HERALD_E2E ${JSON.stringify({ url, controlToken, dataDir, ...(oauth ? { oauth } : {}) })}\n`);
  process.stderr.write(`Herald e2e harness at ${harness.url} (data in ${harness.dataDir})\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`harness failed to start: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
