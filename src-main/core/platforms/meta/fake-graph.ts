/**
 * Test support shared by the Facebook, Instagram and Threads fakes: Graph's error envelope, its token check (an
 * expired token is a 400 with code 190, not a 401: Graph API "Handling Errors"), its parameter reading (query string,
 * form body or multipart, as Graph accepts all three) and its versioned paths (/v21.0/...).
 */
import type { IncomingMessage } from 'node:http';
import type { Reply } from '../testing/fault-server';

export type FakeRequest = IncomingMessage & { bodyText: string };

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({ status, headers, body: JSON.stringify(body) });

export function graphError(status: number, code: number, message: string, extra: { type?: string; error_subcode?: number } = {}): Reply {
  return json({ error: { message, type: extra.type ?? 'OAuthException', code, ...(extra.error_subcode ? { error_subcode: extra.error_subcode } : {}), fbtrace_id: 'AbCdEf' } }, status);
}

/** The token a request carries: the Authorization header, or Graph's `access_token` parameter. */
export function tokenOf(req: FakeRequest, params: URLSearchParams): string | null {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? params.get('access_token');
}

/** Tokens the fakes know: `good` (and any other `accepted` one, e.g. a Page token) works, `expired` gets code 190. */
export function checkToken(req: FakeRequest, params: URLSearchParams, accepted: readonly string[] = ['good']): Reply | null {
  const token = tokenOf(req, params);
  if (!token) return graphError(400, 104, 'An access token is required to request this resource.');
  if (token === 'expired') return graphError(400, 190, 'Error validating access token: Session has expired.', { error_subcode: 463 });
  if (!accepted.includes(token)) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
  return null;
}

export type UploadedFile = { filename: string; contentType: string; size: number };

/** Query, form and multipart parameters merged; multipart file parts are returned separately. */
export function readParams(req: FakeRequest, url: URL): { params: URLSearchParams; files: Map<string, UploadedFile> } {
  const params = new URLSearchParams(url.searchParams);
  const files = new Map<string, UploadedFile>();
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(req.bodyText)) params.set(k, v);
  } else if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
    for (const part of boundary ? req.bodyText.split(`--${boundary}`) : []) {
      const [head, ...rest] = part.split('\r\n\r\n');
      const name = /name="([^"]+)"/.exec(head ?? '')?.[1];
      if (!name) continue;
      const value = rest.join('\r\n\r\n').replace(/\r\n$/, '');
      const filename = /filename="([^"]*)"/.exec(head ?? '')?.[1];
      if (filename !== undefined) files.set(name, { filename, contentType: /content-type:\s*(\S+)/i.exec(head ?? '')?.[1] ?? '', size: Buffer.byteLength(value) });
      else params.set(name, value);
    }
  }
  return { params, files };
}

/** The path without the version prefix, split into segments: /v21.0/123/feed → ['123', 'feed']. */
export function segments(url: URL): string[] {
  return url.pathname.replace(/^\/v\d+\.\d+/, '').split('/').filter(Boolean);
}

let counter = 17_000_000_000;
export const nextId = (): string => String(++counter);

export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
