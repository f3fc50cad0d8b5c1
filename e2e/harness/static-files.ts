/**
 * Serves the built renderer to the harness browser with the app's own CSP header (script-src 'self', so the bridge
 * must be an external file), and injects `<script src="/harness-bridge.js">` into index.html before the app's module.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../../src-main/shell/app-protocol';

export const BRIDGE_PATH = '/harness-bridge.js';

export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

export function send(res: ServerResponse, status: number, body: string | Uint8Array, contentType: string): void {
  res.writeHead(status, securityHeaders(contentType));
  res.end(body);
}

/** The index page with the bridge script first, so window.herald exists before the app's module runs. */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const at = html.indexOf('<script');
  if (at >= 0) return html.slice(0, at) + tag + '\n    ' + html.slice(at);
  return html.replace('</head>', `${tag}</head>`);
}

/** Maps a request path to a file under rootDir, or null if it escapes the root. */
export function resolveStatic(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(rootDir, rel);
  const root = path.resolve(rootDir);
  return full.startsWith(root + path.sep) ? full : null;
}

export async function serveStatic(rootDir: string, urlPath: string, res: ServerResponse): Promise<void> {
  const file = resolveStatic(rootDir, urlPath);
  if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  try {
    const body = await readFile(file);
    if (path.basename(file) === 'index.html') {
      return send(res, 200, injectBridge(body.toString('utf8')), contentTypeFor(file));
    }
    send(res, 200, body, contentTypeFor(file));
  } catch {
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  }
}
