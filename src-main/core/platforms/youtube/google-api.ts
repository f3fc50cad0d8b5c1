/**
 * Calls to the YouTube Data API v3 through the shared http.ts path, with Google's error body read first. Plain fetch
 * rather than @googleapis/youtube: its gaxios errors do not tell a lost answer to an upload (unknown-outcome, R16)
 * from a refused one, and http.ts already does. Google sends `{error:{code,message,errors:[{reason,domain}]}}`
 * ("YouTube Data API - Errors"); its 403 means two different things:
 *  - reason quotaExceeded / dailyLimitExceeded: the project's daily quota is spent → rate-limited until midnight
 *    Pacific Time, when YouTube resets it ("Quota and Compliance Audits");
 *  - reason rateLimitExceeded / userRateLimitExceeded: too fast → rate-limited for a minute;
 *  - any other 403 (forbidden, insufficientPermissions): fall through to http.ts, which says reconnect.
 * A 400 uploadLimitExceeded means the channel hit its daily upload cap → rate-limited for a day.
 */
import { PlatformError, type CallContext } from '../adapter';
import { retryAtFrom } from '../http';
import { bearerRequest, type BearerCall } from '../bearer-request';
import type { ResolvedOptions } from '../adapter-options';

/** The next midnight in America/Los_Angeles, allowing for the 23- and 25-hour days when the clocks change. */
export function nextPacificMidnight(now: number): number {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const pacificHms = (t: number) => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
    return ((p.hour ?? 0) * 60 + (p.minute ?? 0)) * 60 + (p.second ?? 0);
  };
  let t = now - pacificHms(now) * 1000 - (now % 1000) + 86_400_000;
  const h = pacificHms(t);
  if (h !== 0) t += h >= 43_200 ? 86_400_000 - h * 1000 : -h * 1000; // landed at 23:00 or 01:00: step to midnight
  return t;
}

function reasonOf(text: string | null): string | null {
  try {
    const e = (JSON.parse(text ?? '') as { error?: { errors?: Array<{ reason?: string }> } }).error;
    return typeof e === 'object' ? (e?.errors?.[0]?.reason ?? null) : null;
  } catch {
    return null;
  }
}

function quotaLimit(reason: string | null, headers: Headers, now: number): { retryAt: number; why: string } | null {
  switch (reason) {
    case 'quotaExceeded':
    case 'dailyLimitExceeded':
      return { retryAt: nextPacificMidnight(now), why: 'Herald’s daily YouTube quota is used up; YouTube resets it at midnight Pacific Time.' };
    case 'rateLimitExceeded':
    case 'userRateLimitExceeded':
      return { retryAt: retryAtFrom(headers, now) ?? now + 60_000, why: 'YouTube is limiting how fast Herald can make requests.' };
    case 'uploadLimitExceeded':
      return { retryAt: now + 86_400_000, why: 'This channel has reached YouTube’s daily upload limit.' };
    default:
      return null;
  }
}

export function createYouTubeApi(o: ResolvedOptions) {
  return function call<T>(ctx: CallContext, method: 'GET' | 'POST' | 'PUT' | 'DELETE', pathOrUrl: string, c: BearerCall<T>) {
    return bearerRequest<T>(
      {
        platform: 'youtube',
        name: 'YouTube',
        options: o,
        classifyError: ({ status, headers, text }) => {
          const limit = quotaLimit(reasonOf(text), headers, o.now());
          return limit ? new PlatformError('rate-limited', 'youtube', `${limit.why} Herald will try again after ${new Date(limit.retryAt).toISOString()}.`, { status, retryAt: limit.retryAt }) : null;
        },
      },
      ctx,
      method,
      pathOrUrl,
      c,
    );
  };
}
