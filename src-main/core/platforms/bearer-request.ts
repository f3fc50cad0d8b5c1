/**
 * One bearer-token REST call on top of http.ts, for the adapters whose APIs differ only in headers and in how they
 * report errors (LinkedIn, YouTube, the Meta Graph APIs): the token check, the URL built from the account's service
 * address, the query, the timeout, the injectable fetch and the mutating flag live here once.
 */
import type { z } from 'zod';
import { PlatformError, type CallContext, type PlatformId } from './adapter';
import { requestJson, type HttpRequest, type HttpResponse } from './http';
import type { ResolvedOptions } from './adapter-options';

export type BearerCall<T> = {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  schema?: z.ZodType<T>;
  doing: string;
  mutating?: boolean;
};

export type BearerApi = {
  platform: PlatformId;
  /** How the platform is named in messages, e.g. "LinkedIn", "Facebook Pages". */
  name: string;
  options: ResolvedOptions;
  /** Headers every call carries besides the token (LinkedIn's version headers). */
  headers?: (ctx: CallContext) => Record<string, string>;
  /** Reads the platform's own error body before http.ts's status-code defaults. */
  classifyError?: HttpRequest<unknown>['classifyError'];
};

/** `pathOrUrl` is a path under the account's service address, or an absolute URL the platform handed out. */
export async function bearerRequest<T>(
  api: BearerApi,
  ctx: CallContext,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  pathOrUrl: string,
  c: BearerCall<T>,
): Promise<HttpResponse<T>> {
  const token = ctx.credentials.accessToken;
  if (!token) throw new PlatformError('auth-expired', api.platform, `This ${api.name} account has no sign-in stored. Reconnect it.`);
  const base = ctx.credentials.serviceUrl.replace(/\/+$/, '');
  const url = new URL(/^https?:/.test(pathOrUrl) ? pathOrUrl : `${base}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`);
  for (const [k, v] of Object.entries(c.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const o = api.options;
  return requestJson<T>(
    api.platform,
    {
      url: url.toString(),
      method,
      headers: { authorization: `Bearer ${token}`, ...api.headers?.(ctx), ...c.headers },
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...(c.schema ? { schema: c.schema } : {}),
      mutating: c.mutating ?? method !== 'GET',
      timeoutMs: o.timeoutMs,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      doing: c.doing,
      ...(o.fetch ? { fetch: o.fetch } : {}),
      ...(api.classifyError ? { classifyError: api.classifyError } : {}),
    },
    o.now,
  );
}
