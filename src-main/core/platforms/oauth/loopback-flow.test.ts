import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAuthorisation, type StartAuthorisationOptions } from './loopback-flow';
import { OAuthRefusedError, type RefusalReason } from './oauth-errors';
import { providerFor, type OAuthPlatformId } from './providers';
import { simulateBrowser, startFakeAuthorisationServer, type FakeAsOptions, type FakeAuthorisationServer } from './testing/fake-authorisation-server';
import { canConnect, portOf } from './testing/loopback-helpers';

let as: FakeAuthorisationServer;
let pages: Array<{ status: number; body: string; headers: Headers }>;
/** Browser visits still running: the flow may settle before the browser has the page. */
let browsing: Array<Promise<void>>;

async function fake(options: FakeAsOptions = {}) {
  await as?.close();
  as = await startFakeAuthorisationServer(options);
  as.addClient('herald-desktop', { secret: 'not-really-secret' });
  return as;
}
beforeEach(async () => {
  pages = [];
  browsing = [];
  await fake();
});
afterEach(async () => as.close());

/** The user's browser: goes to the authorisation URL and follows redirects back to the listener. */
const browser = (url: string) => {
  const visit = simulateBrowser(url).then((page) => void pages.push(page));
  browsing.push(visit);
  return visit;
};

function connectWith(platform: OAuthPlatformId = 'youtube', o: Partial<StartAuthorisationOptions> = {}) {
  return startAuthorisation({ provider: providerFor(platform, { baseUrl: as.url }), clientId: 'herald-desktop', clientSecret: 'not-really-secret', openBrowser: browser, timeoutMs: 10_000, ...o });
}

async function refusal(p: Promise<unknown>): Promise<OAuthRefusedError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(OAuthRefusedError);
  return e as OAuthRefusedError;
}


describe('connecting an account through the loopback redirect', () => {
  it('a full connect returns tokens, and the authorisation server saw a matching S256 challenge and verifier', async () => {
    const t0 = Date.UTC(2026, 10, 24, 12);
    const result = await connectWith('youtube', { now: () => t0 });
    expect(result.accessToken).toMatch(/^at-/);
    expect(result.refreshToken).toMatch(/^rt-/);
    expect(result.expiresAt).toBe(t0 + 7200 * 1000);
    expect(result.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(as.log.pkce).toHaveLength(1);
    expect(as.log.pkce[0]!.matched).toBe(true);
    expect(as.log.pkce[0]!.verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    const q = as.log.authorize[0]!;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toBe(as.log.pkce[0]!.challenge);
    expect(q.get('state')!.length).toBeGreaterThanOrEqual(32);
    // Google needs both of these, or a reconnect gets no refresh token.
    expect(q.get('access_type')).toBe('offline');
    expect(q.get('prompt')).toBe('consent');
  });

  it('shows a tiny page with no script that says to close the tab and go back to Herald', async () => {
    await connectWith();
    const page = pages[0]!;
    expect(page.status).toBe(200);
    expect(page.body).toContain('You can close this tab and go back to Herald.');
    expect(page.body).not.toMatch(/<script|<img|<link|https?:/i);
    expect(page.body.length).toBeLessThan(400);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('listens only on 127.0.0.1 and closes the listener once the callback has come', async () => {
    let port = 0;
    const reachable: Record<string, boolean> = {};
    await connectWith('youtube', {
      openBrowser: async (url) => {
        port = portOf(url);
        reachable['127.0.0.1'] = await canConnect('127.0.0.1', port);
        reachable['::1'] = await canConnect('::1', port);
        for (const addr of Object.values(networkInterfaces()).flat()) {
          if (addr && !addr.internal && addr.family === 'IPv4') reachable[addr.address] = await canConnect(addr.address, port);
        }
        await browser(url);
      },
    });
    expect(reachable['127.0.0.1']).toBe(true);
    for (const [host, ok] of Object.entries(reachable)) if (host !== '127.0.0.1') expect(ok, host).toBe(false);
    expect(await canConnect('127.0.0.1', port)).toBe(false);
  });

  it.each<[string, Partial<FakeAuthorisationServer['behaviour']>, RefusalReason]>([
    ['a callback with the wrong state', { wrongState: true }, 'state-mismatch'],
    ['denied consent', { consent: 'deny' }, 'access-denied'],
    ['a callback on another path of the listener', { redirectTo: (uri) => uri.replace('/callback', '/elsewhere') }, 'foreign-redirect'],
    ['an iss naming another authorisation server (RFC 9207 mix-up)', { iss: 'https://attacker.example' }, 'foreign-redirect'],
  ])('refuses %s', async (_name, behaviour, reason) => {
    Object.assign(as.behaviour, behaviour);
    const e = await refusal(connectWith());
    expect(e.reason).toBe(reason);
    expect(e.fields).toEqual({ reason });
    expect(e.message).not.toMatch(/code-|state-|at-/); // never a code, state or token in the message
    expect(as.log.tokenRequests).toHaveLength(0);
    await Promise.all(browsing);
    expect(pages[0]!.status).toBe(400);
    expect(pages[0]!.body).toContain('Herald has not connected the account. You can close this tab and go back to Herald');
  });

  it('refuses a callback whose Host header names another host or port (as DNS rebinding would)', async () => {
    for (const host of ['localhost', '127.0.0.1:1', 'attacker.example']) {
      const e = await refusal(
        connectWith('youtube', {
          openBrowser: async (url) => {
            const port = portOf(url);
            const state = new URL(url).searchParams.get('state')!;
            const hostHeader = host.includes(':') ? host : `${host}:${port}`;
            await new Promise<void>((resolve) => {
              const req = request({ host: '127.0.0.1', port, path: `/callback?code=x&state=${state}`, headers: { host: hostHeader } }, (res) => res.resume().on('end', resolve));
              req.on('error', () => resolve());
              req.end();
            });
          },
        }),
      );
      expect(e.reason, host).toBe('foreign-redirect');
    }
  });

  it('ignores a stray request without OAuth parameters and still completes', async () => {
    const result = await connectWith('youtube', {
      openBrowser: async (url) => {
        const stray = await fetch(`http://127.0.0.1:${portOf(url)}/favicon.ico`);
        expect(stray.status).toBe(404);
        await browser(url);
      },
    });
    expect(result.accessToken).toBeTruthy();
  });

  it('accepts the right iss and refuses a missing one where the server declares RFC 9207 support', async () => {
    await fake({ issSupported: true });
    const provider = { ...providerFor('youtube', { baseUrl: as.url }), issParameter: 'required' as const };
    expect((await connectWith('youtube', { provider })).accessToken).toBeTruthy();
    // A downgrading intermediary strips iss from the redirect.
    const e = await refusal(
      connectWith('youtube', {
        provider,
        openBrowser: async (url) => {
          const res = await fetch(url, { redirect: 'manual' });
          const back = new URL(res.headers.get('location')!);
          back.searchParams.delete('iss');
          pages.push(await simulateBrowser(back.href));
        },
      }),
    );
    expect(e.reason).toBe('foreign-redirect');
  });

  it('refuses a code the listener has already seen, without asking the token endpoint', async () => {
    await connectWith();
    const before = as.log.tokenRequests.length;
    as.behaviour.reuseLastCode = true;
    const e = await refusal(connectWith());
    expect(e.reason).toBe('replayed-code');
    expect(as.log.tokenRequests.length).toBe(before);
  });

  it('refuses a code someone else already redeemed: the token endpoint says invalid_grant', async () => {
    as.behaviour.redeemBeforeRedirect = true;
    const e = await refusal(connectWith());
    expect(e.reason).toBe('replayed-code');
    expect(e.details.oauthError).toBe('invalid_grant');
    expect(as.log.tokenRequests).toHaveLength(1);
  });

  it('reports a timeout when nobody finishes the sign-in, and closes the listener', async () => {
    let port = 0;
    const e = await refusal(connectWith('youtube', { timeoutMs: 300, openBrowser: async (url) => void (port = portOf(url)) }));
    expect(e.reason).toBe('timeout');
    expect(e.message).toMatch(/stopped waiting/);
    expect(await canConnect('127.0.0.1', port)).toBe(false);
  });

  it('reports a cancelled connect when the caller aborts', async () => {
    const ac = new AbortController();
    const e = await refusal(connectWith('youtube', { signal: ac.signal, openBrowser: async () => ac.abort() }));
    expect(e.reason).toBe('cancelled');
  });

  it('reports a token endpoint that refuses the client as token-endpoint-error', async () => {
    const e = await refusal(connectWith('youtube', { clientSecret: 'wrong' }));
    expect(e.reason).toBe('token-endpoint-error');
    expect(e.details.oauthError).toBe('invalid_client');
  });

  it('a provider that accepts only a registered port needs that port set up', async () => {
    await expect(connectWith('x')).rejects.toMatchObject({ code: 'setup-needed' });
  });
});
