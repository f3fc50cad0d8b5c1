/**
 * LinkedIn's versioned REST API conventions, in one place (Microsoft Learn, LinkedIn Marketing: "Versioning",
 * "Protocol Versions", "URN Encoding", "Little Text Format", "Rate Limiting"):
 *  - every call carries `LinkedIn-Version: YYYYMM` (LinkedIn does not default to the latest, and retires each version
 *    about a year on, answering 426) and `X-Restli-Protocol-Version: 2.0.0`;
 *  - URNs in paths and queries are URL-encoded, including the parentheses and commas of compound URNs;
 *  - post commentary is "little" text: \ | { } @ [ ] ( ) < > # * _ ~ are reserved and must be backslash-escaped, or
 *    LinkedIn silently cuts the post at the first one (a #word is left alone so hashtags still work);
 *  - daily limits reset at midnight UTC, and a 429 rarely says when.
 */
import type { z } from 'zod';
import { PlatformError, type CallContext } from '../adapter';
import { requestJson, retryAtFrom } from '../http';
import type { ResolvedOptions } from '../adapter-options';

/** The version Herald was written against; an account may pin another in credentials.extra.linkedinVersion. */
export const LINKEDIN_VERSION = '202605';

export const encodeUrn = (urn: string): string => encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');

const RESERVED = /[\\|{}@[\]()<>#*_~]/g;

export function toLittleText(text: string): string {
  return text.replace(RESERVED, (ch, i: number) => (ch === '#' && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '') ? ch : `\\${ch}`));
}

export function fromLittleText(little: string): string {
  return little.replace(/\\([\\|{}@[\]()<>#*_~])/g, '$1');
}

function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

type Call<T> = { query?: Record<string, string>; body?: unknown; schema?: z.ZodType<T>; doing: string; mutating?: boolean; headers?: Record<string, string> };

export function createLinkedIn(o: ResolvedOptions) {
  return async function call<T>(ctx: CallContext, method: 'GET' | 'POST' | 'PUT' | 'DELETE', pathOrUrl: string, c: Call<T>) {
    const token = ctx.credentials.accessToken;
    if (!token) throw new PlatformError('auth-expired', 'linkedin', 'This LinkedIn account has no sign-in stored. Reconnect it.');
    const version = ctx.credentials.extra?.linkedinVersion ?? LINKEDIN_VERSION;
    const url = new URL(/^https?:/.test(pathOrUrl) ? pathOrUrl : `${ctx.credentials.serviceUrl.replace(/\/+$/, '')}${pathOrUrl}`);
    for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v);
    return requestJson<T>(
      'linkedin',
      {
        url: url.toString(),
        method,
        headers: { authorization: `Bearer ${token}`, 'linkedin-version': version, 'x-restli-protocol-version': '2.0.0', ...c.headers },
        ...(c.body !== undefined ? { body: c.body } : {}),
        ...(c.schema ? { schema: c.schema } : {}),
        mutating: c.mutating ?? method !== 'GET',
        timeoutMs: o.timeoutMs,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        doing: c.doing,
        ...(o.fetch ? { fetch: o.fetch } : {}),
        classifyError: ({ status, headers }) => {
          if (status === 426) return new PlatformError('not-supported', 'linkedin', `LinkedIn has retired API version ${version}, which this copy of Herald uses. Update Herald to keep posting to LinkedIn.`, { status });
          if (status !== 429) return null;
          const retryAt = retryAtFrom(headers, o.now()) ?? nextUtcMidnight(o.now());
          return new PlatformError('rate-limited', 'linkedin', `LinkedIn is limiting how often Herald can post or read. Herald will try again after ${new Date(retryAt).toISOString()}.`, { status, retryAt });
        },
      },
      o.now,
    );
  };
}
