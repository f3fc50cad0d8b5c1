/**
 * Test support for adapters: a loopback HTTP server whose every answer a test chooses, and the standard set of bad
 * platform responses every adapter must survive (the "Bad input" list of the platform issue): an HTML error page,
 * truncated JSON, a 500, a 401, a 429 with Retry-After, an unknown field, a missing field, and a response that never
 * arrives. Each must become a typed PlatformError with a clear message, never a crash.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';
export type Route = (req: IncomingMessage & { bodyText: string }, url: URL) => Reply | Promise<Reply>;

export type FaultServer = { url: string; requests: Array<{ method: string; path: string; body: string }>; setRoute(r: Route): void; close(): Promise<void> };

export async function startFaultServer(route: Route): Promise<FaultServer> {
  let current = route;
  const requests: FaultServer['requests'] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bodyText = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, body: bodyText });
    const reply = await current(Object.assign(req, { bodyText }), url);
    if (reply === 'hang') {
      hanging.add(res);
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setRoute: (r) => (current = r),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type BadResponseCase = {
  name: string;
  reply: (valid: unknown) => Reply;
  /** The PlatformError kind expected for a read and for a change; null means the call must succeed. */
  expect: { read: string | null; mutating: string | null };
};

const html = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

/**
 * The standard cases. `valid` is a correct response body for the operation under test; `dropField` names a required
 * field the adapter reads, for the missing-field case.
 */
export function badResponseCases(dropField: (valid: any) => unknown): BadResponseCase[] {
  return [
    { name: 'an HTML error page with status 200', reply: () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: html }), expect: { read: 'network', mutating: 'unknown-outcome' } },
    { name: 'truncated JSON', reply: (v) => ({ status: 200, body: JSON.stringify(v).slice(0, 12) }), expect: { read: 'network', mutating: 'unknown-outcome' } },
    { name: 'a 500', reply: () => ({ status: 500, body: '{"error":"Internal Server Error"}' }), expect: { read: 'network', mutating: 'unknown-outcome' } },
    { name: 'a 401', reply: () => ({ status: 401, body: '{"error":"invalid_token","error_description":"The access token expired"}' }), expect: { read: 'auth-expired', mutating: 'auth-expired' } },
    { name: 'a 429 with Retry-After', reply: () => ({ status: 429, headers: { 'retry-after': '120' }, body: '{"error":"Too Many Requests"}' }), expect: { read: 'rate-limited', mutating: 'rate-limited' } },
    { name: 'an unknown extra field', reply: (v) => ({ status: 200, body: JSON.stringify(withExtra(v)) }), expect: { read: null, mutating: null } },
    { name: 'a missing required field', reply: (v) => ({ status: 200, body: JSON.stringify(dropField(structuredClone(v))) }), expect: { read: 'network', mutating: 'unknown-outcome' } },
    { name: 'a response that never arrives', reply: () => 'hang', expect: { read: 'network', mutating: 'unknown-outcome' } },
  ];
}

function withExtra(v: unknown): unknown {
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as object), surprise_field_from_the_future: { nested: true } } : v;
}
