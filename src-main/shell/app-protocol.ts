/**
 * The privileged `app://` scheme that serves the built renderer (DESIGN.md "Electron security baseline": renderer
 * served from a custom `app://` protocol with a strict Content-Security-Policy header). Serving from our own scheme,
 * not `file://`, gives the page a real origin, keeps the rest of the disk out of reach (path traversal gets 404), and
 * lets main put the CSP on every response as a header, which a page cannot remove the way it could a `<meta>` tag.
 * `protocol` and the file reader are passed in so tests run under plain Node with fakes.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** No inline script, no eval, no remote anything; `data:` only for images and fonts bundled as data URLs. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * standard: relative URLs and a real origin; secure: a secure context; supportFetchAPI: `fetch` works.
 * corsEnabled and bypassCSP are deliberately left unset, so other origins cannot read app:// and CSP always applies.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

export interface SchemeRegistrar {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void;
}
export interface ProtocolHandlerHost {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}
/** Reads a whole file; rejects with a Node-style `code` ('ENOENT', 'EISDIR', ...) when it cannot. */
export type ReadFile = (absolutePath: string) => Promise<Uint8Array<ArrayBuffer>>;
export type AppRequest = { url: string; method?: string };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Must run before app 'ready' (Electron accepts one call; list every privileged scheme here). */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | string | null, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}
const notFound = () => respond(404, 'Not found', 'text/plain; charset=utf-8');

/** Maps an `app://herald/...` URL to a file inside `rootDir`, or null if it is foreign or escapes the root. */
export function resolveAppPath(rootDir: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`);
  const relative = path.relative(root, resolved);
  // Encoded `..%2f` and `..%5c` decode to real separators, so the check is made on the resolved path, not the URL.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return resolved;
}

export function createAppRequestHandler(rootDir: string, readFile: ReadFile): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
    const filePath = resolveAppPath(rootDir, request.url);
    if (filePath === null) return notFound();
    try {
      const bytes = await readFile(filePath);
      return respond(200, method === 'HEAD' ? null : bytes, contentTypeFor(filePath));
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return notFound();
      return respond(500, 'Could not read file', 'text/plain; charset=utf-8');
    }
  };
}

/** Call after app 'ready': serves `rootDir` (the built renderer, out/renderer) on app://herald/. */
export function serveAppProtocol(protocol: ProtocolHandlerHost, rootDir: string, readFile: ReadFile): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir, readFile));
}
