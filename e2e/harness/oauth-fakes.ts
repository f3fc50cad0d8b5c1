/**
 * Test-only OAuth wiring for the e2e harness (started when HERALD_E2E_OAUTH_FAKES=1; never part of the app):
 * - a fake OAuth 2 authorisation server (strict about clients, redirect URIs, PKCE and single-use codes), standing in
 *   for every platform's sign-in pages and token endpoints through `providerFor(platform, { baseUrl })`;
 * - a simulated system browser: the core's `openExternal` follows the authorisation server's redirects back to the
 *   core's loopback listener, as the manager's browser would after they sign in and allow access. A test can hold the
 *   browser (to see Herald waiting) and let it go on;
 * - a fake X API (spec-checked against X's OpenAPI document) and a fake Facebook Graph API with three Pages the
 *   signed-in person has a role on (one of them only to analyse, so not offered).
 * Two developer apps are registered on the authorisation server, as an organisation would in each developer console:
 * X's with the one exact redirect address (X accepts only the registered port), Facebook's for any loopback port.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Adapters } from '../../src-main/core/accounts/account-service';
import type { OAuthProvider } from '../../src-main/core/platforms/oauth';
import { providerFor } from '../../src-main/core/platforms/oauth';
import {
  simulateBrowser,
  startFakeAuthorisationServer,
  type Behaviour,
  type FakeAuthorisationServer,
} from '../../src-main/core/platforms/oauth/testing/fake-authorisation-server';
import { ALL_TASKS, createFakeFacebook } from '../../src-main/core/platforms/facebook/fake-facebook';
import { createFacebookAdapter } from '../../src-main/core/platforms/facebook';
import { defaultAdapters } from '../../src-main/core/platforms/registry';
import { startFaultServer } from '../../src-main/core/platforms/testing/fault-server';
import { startFakeX } from '../../src-main/core/platforms/x/fake-x';
import { createXAdapter } from '../../src-main/core/platforms/x/x-adapter';

/** What the harness prints for tests: where the fakes are and the developer apps registered on the fake AS. */
export type OAuthFakesInfo = {
  authorisationServer: string;
  x: { serviceUrl: string; clientId: string; clientSecret: string; port: number; handle: string };
  facebook: { serviceUrl: string; clientId: string; clientSecret: string; pages: Array<{ id: string; name: string }>; connectablePageId: string };
};

/** What a test may change for the next sign-in (POST /harness/oauth-behaviour). */
export type BehaviourChange = {
  wrongState?: boolean;
  consent?: 'allow' | 'deny';
  holdBrowser?: boolean;
  /** The person signing in to Facebook manages no Pages at all (true), or the usual three again (false). */
  noFacebookPages?: boolean;
};

export type OAuthFakes = {
  info: OAuthFakesInfo;
  /** For createCore. */
  core: {
    openExternal(url: string): Promise<void>;
    oauthProviders(platform: OAuthProvider['id'], serviceUrl: string): OAuthProvider;
    adapters: Adapters;
  };
  setBehaviour(change: BehaviourChange): void;
  /** Lets a held browser go on to the sign-in, and stops holding (POST /harness/oauth-continue); returns how many waited. */
  releaseBrowser(): number;
  /** How many sign-in pages the simulated browser has been asked to open. */
  browserVisits(): number;
  close(): Promise<void>;
};

const ADAPTER_TIMEOUT_MS = 5_000;

/** A free loopback port, for the redirect address registered with the fake X app. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startOAuthFakes(): Promise<OAuthFakes> {
  const as: FakeAuthorisationServer = await startFakeAuthorisationServer();
  const x = await startFakeX();

  // Facebook: the fake Graph accepts its Page tokens and `good`; a user token the fake AS issued stands for `good`,
  // as Graph would accept the token its own authorisation server issued.
  const pages = [
    { id: '1001', name: 'Anytown Council', tasks: ALL_TASKS, accessToken: `page-token-${randomBytes(6).toString('hex')}` },
    { id: '1002', name: 'Anytown Libraries', tasks: ['CREATE_CONTENT', 'MODERATE'], accessToken: `page-token-${randomBytes(6).toString('hex')}` },
    { id: '1003', name: 'Anytown Leisure Centre', tasks: ['ANALYZE'], accessToken: `page-token-${randomBytes(6).toString('hex')}` },
  ];
  const facebook = createFakeFacebook('1001', 'Anytown Council', { managedPages: [...pages] });
  const graph = await startFaultServer((req, url) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer && as.isActive(bearer)) req.headers.authorization = 'Bearer good';
    const param = url.searchParams.get('access_token');
    if (param && as.isActive(param)) url.searchParams.set('access_token', 'good');
    return facebook.handle(req, url);
  });

  const port = await freePort();
  const xApp = { clientId: 'herald-x', clientSecret: `x-secret-${randomBytes(12).toString('hex')}` };
  as.addClient(xApp.clientId, { secret: xApp.clientSecret, redirectUris: [`http://127.0.0.1:${port}/callback`], anyLoopbackPort: false });
  const fbApp = { clientId: 'herald-facebook', clientSecret: `fb-secret-${randomBytes(12).toString('hex')}` };
  as.addClient(fbApp.clientId, { secret: fbApp.clientSecret, redirectUris: ['http://127.0.0.1/callback'], anyLoopbackPort: true });

  let hold = false;
  let visits = 0;
  const held: Array<() => void> = [];

  function releaseBrowser(): number {
    // From now on the browser goes straight on, so a sign-in that has not reached the browser yet is not stranded.
    hold = false;
    const waiting = held.splice(0);
    for (const go of waiting) go();
    return waiting.length;
  }

  async function browse(url: string): Promise<void> {
    if (hold) await new Promise<void>((resolve) => held.push(resolve));
    await simulateBrowser(url);
  }

  return {
    info: {
      authorisationServer: as.url,
      x: { serviceUrl: x.url, ...xApp, port, handle: '@AnytownCouncil' },
      facebook: {
        serviceUrl: `${graph.url}/v21.0`,
        ...fbApp,
        pages: pages.map(({ id, name }) => ({ id, name })),
        connectablePageId: facebook.pageId,
      },
    },
    core: {
      async openExternal(url) {
        visits++;
        // Like a real browser: the page opens and Herald carries on waiting for the redirect back.
        void browse(url).catch(() => undefined);
      },
      oauthProviders: (platform) => providerFor(platform, { baseUrl: as.url }),
      adapters: {
        ...defaultAdapters(),
        x: createXAdapter({ timeoutMs: ADAPTER_TIMEOUT_MS }),
        facebook: createFacebookAdapter({ timeoutMs: ADAPTER_TIMEOUT_MS }),
      },
    },
    setBehaviour(change) {
      const b: Behaviour = as.behaviour;
      if (change.wrongState !== undefined) b.wrongState = change.wrongState;
      if (change.consent !== undefined) b.consent = change.consent;
      if (change.noFacebookPages !== undefined) facebook.managedPages.splice(0, facebook.managedPages.length, ...(change.noFacebookPages ? [] : pages));
      if (change.holdBrowser === true) hold = true;
      if (change.holdBrowser === false) releaseBrowser();
    },
    releaseBrowser,
    browserVisits: () => visits,
    async close() {
      held.splice(0); // a browser still held never signs in
      await Promise.allSettled([as.close(), x.close(), graph.close()]);
    },
  };
}
