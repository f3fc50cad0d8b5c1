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
import { PlatformError, type CallContext } from '../adapter';
import { retryAtFrom } from '../http';
import { bearerRequest, type BearerCall } from '../bearer-request';
import type { ResolvedOptions } from '../adapter-options';

/** The version Herald was written against; an account may pin another in credentials.extra.linkedinVersion. */
export const LINKEDIN_VERSION = '202605';

export const encodeUrn = (urn: string): string => encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');

/** The token goes with the bytes, so only to the API's own origin or LinkedIn's HTTPS hosts. */
export function trustedUploadUrl(raw: string, serviceUrl: string): boolean {
  try {
    const u = new URL(raw);
    return u.origin === new URL(serviceUrl).origin || (u.protocol === 'https:' && /(^|\.)linkedin\.com$/.test(u.hostname));
  } catch {
    return false;
  }
}

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

export function createLinkedIn(o: ResolvedOptions) {
  return function call<T>(ctx: CallContext, method: 'GET' | 'POST' | 'PUT' | 'DELETE', pathOrUrl: string, c: BearerCall<T>) {
    const version = ctx.credentials.extra?.linkedinVersion ?? LINKEDIN_VERSION;
    return bearerRequest<T>(
      {
        platform: 'linkedin',
        name: 'LinkedIn',
        options: o,
        headers: () => ({ 'linkedin-version': version, 'x-restli-protocol-version': '2.0.0' }),
        classifyError: ({ status, headers }) => {
          if (status === 426) return new PlatformError('not-supported', 'linkedin', `LinkedIn has retired API version ${version}, which this copy of Herald uses. Update Herald to keep posting to LinkedIn.`, { status });
          if (status !== 429) return null;
          const retryAt = retryAtFrom(headers, o.now()) ?? nextUtcMidnight(o.now());
          return new PlatformError('rate-limited', 'linkedin', `LinkedIn is limiting how often Herald can post or read. Herald will try again after ${new Date(retryAt).toISOString()}.`, { status, retryAt });
        },
      },
      ctx,
      method,
      pathOrUrl,
      c,
    );
  };
}
