/**
 * The one-shot HTTP listener that receives the authorisation response in a desktop app (RFC 8252 §7.3).
 *
 * - It binds 127.0.0.1 only, never 0.0.0.0 or `localhost` (RFC 8252 §8.3: a name can resolve to another interface,
 *   and a listener on all interfaces lets other machines on the network send it callbacks).
 * - It accepts exactly one callback, on the exact host, port and path of the redirect URI. A request carrying OAuth
 *   parameters anywhere else (another path, or a Host header naming another host or port, as DNS rebinding would) is
 *   treated as a foreign redirect and ends the flow; anything else gets a 404 and is ignored.
 * - The page it shows is tiny static HTML with no script, a `default-src 'none'` CSP and no referrer, so the code in
 *   the address bar goes nowhere else.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeraldError } from '../../errors';

export const LOOPBACK_HOST = '127.0.0.1';

/** What the flow decides about a callback that arrived on the right host, port and path. */
export type Verdict = { ok: true } | { ok: false; error: Error };

export type CallbackListener = {
  redirectUri: string;
  port: number;
  /** Settles once: with the callback URL when the verdict was ok, otherwise with the verdict's error. */
  callback: Promise<URL>;
  /** Settle from outside (timeout, cancel); later callbacks are then refused politely. */
  abandon(error: Error): void;
  close(): Promise<void>;
};

export type ListenOptions = {
  path: string;
  /** 0 picks a free port; a registered-port provider passes its registered port. */
  port?: number;
  judge: (url: URL) => Verdict;
  /** Built by the flow, so the error names the platform. */
  foreignRedirect: (why: string) => Error;
};

const OAUTH_PARAMS = ['code', 'state', 'error', 'iss'];

export async function listenForCallback(options: ListenOptions): Promise<CallbackListener> {
  let settled = false;
  let resolve!: (u: URL) => void;
  let reject!: (e: Error) => void;
  const callback = new Promise<URL>((res, rej) => ((resolve = res), (reject = rej)));
  callback.catch(() => undefined); // the flow awaits it; never an unhandled rejection if the flow fails first
  const settle = (outcome: URL | Error) => {
    if (settled) return;
    settled = true;
    if (outcome instanceof Error) reject(outcome);
    else resolve(outcome);
  };

  const server = createServer((req, res) => handle(req, res));
  let port = 0;

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const expectedHost = `${LOOPBACK_HOST}:${port}`;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${expectedHost}`);
    } catch {
      return page(res, 400, 'notFound');
    }
    const carriesOAuth = OAUTH_PARAMS.some((k) => url.searchParams.has(k));
    const hostOk = req.headers.host === expectedHost;
    const pathOk = url.pathname === options.path;
    if (!hostOk || !pathOk || req.method !== 'GET') {
      if (!carriesOAuth || settled) return page(res, 404, 'notFound');
      const why = !hostOk ? `host ${JSON.stringify(req.headers.host ?? '')}` : !pathOk ? `path ${JSON.stringify(url.pathname)}` : `method ${req.method}`;
      settle(options.foreignRedirect(why));
      return page(res, 400, 'refused');
    }
    if (settled) return page(res, 410, 'finished');
    const verdict = options.judge(url);
    settle(verdict.ok ? url : verdict.error);
    page(res, verdict.ok ? 200 : 400, verdict.ok ? 'done' : 'refused');
  }

  await new Promise<void>((res, rej) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      rej(
        e.code === 'EADDRINUSE'
          ? new HeraldError('conflict', `Herald could not start the sign-in: port ${options.port} on this computer is in use by another program. Close it and try again.`)
          : e,
      ),
    );
    server.listen(options.port ?? 0, LOOPBACK_HOST, () => res());
  });
  port = (server.address() as AddressInfo).port;

  return {
    redirectUri: `http://${LOOPBACK_HOST}:${port}${options.path}`,
    port,
    callback,
    abandon: (error) => settle(error),
    close: () =>
      new Promise<void>((res) => {
        settle(new Error('listener closed'));
        // Responses carry Connection: close, so sockets end once sent; a stuck one is cut after a second.
        const cut = setTimeout(() => server.closeAllConnections(), 1000);
        server.close(() => (clearTimeout(cut), res()));
        server.closeIdleConnections();
      }),
  };
}

const PAGES = {
  done: ['Signed in', 'You’re signed in. You can close this tab and go back to Herald.'],
  refused: ['Not connected', 'Herald has not connected the account. You can close this tab and go back to Herald, which explains what happened.'],
  finished: ['Already finished', 'This sign-in has already finished. You can close this tab and go back to Herald.'],
  notFound: ['Not found', 'There is nothing here. You can close this tab.'],
} as const;

function page(res: ServerResponse, status: number, which: keyof typeof PAGES): void {
  const [title, text] = PAGES[which];
  const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Herald: ${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'",
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    connection: 'close',
  });
  res.end(html);
}
