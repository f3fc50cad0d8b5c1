/**
 * Bluesky sign-in for the adapter: one @atproto/api agent per account, kept in memory by this adapter instance only.
 *
 * Why keep sessions: Bluesky limits createSession (30 per 5 minutes, 300 a day per account), so signing in on every
 * call would lock a busy council out. Why memory only: the keychain holds the handle and app password (R2); session
 * tokens are cheap to recreate and never need to reach disk. The agent refreshes its access token by itself; when
 * the refresh token has expired too, or the app password changed, `withAgent` signs in again once and retries (safe
 * even for a publish: a 401 means Bluesky refused the request before acting on it).
 *
 * Every request gets a time limit (`timeoutMs`, ten times that for uploads), so a server that never answers becomes a
 * typed error, not a hang.
 */
import { AtpAgent, XRPCError } from '@atproto/api';
import { PlatformError, type CallContext } from '../adapter';
import { isAuthFailure, toPlatformError, type Doing } from './errors';

export type SessionOptions = { timeoutMs: number; fetch: typeof fetch; now: () => number };

/** What an operation gets: a signed-in agent, the account's DID and handle, and the caller's abort signal. */
export type Signed = { agent: AtpAgent; did: string; handle: string; signal: AbortSignal | undefined };

type Entry = { agent: AtpAgent; password: string; login: Promise<void> | null };

export class SessionPool {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly opts: SessionOptions) {}

  /** Runs `fn` with a signed-in agent; maps every failure to a PlatformError for `op`. */
  async withAgent<T>(ctx: CallContext, op: Doing, fn: (s: Signed) => Promise<T>): Promise<T> {
    const { serviceUrl, identifier, password } = readCredentials(ctx);
    const key = `${serviceUrl}\n${identifier.toLowerCase()}`;
    for (let attempt = 0; ; attempt++) {
      const entry = await this.signedIn(key, serviceUrl, identifier, password, attempt > 0);
      const session = entry.agent.session;
      if (!session) throw new PlatformError('auth-expired', 'bluesky', 'Bluesky ended this account’s sign-in. Reconnect it.');
      try {
        return await fn({ agent: entry.agent, did: session.did, handle: session.handle, signal: ctx.signal });
      } catch (e) {
        if (attempt === 0 && isAuthFailure(e)) continue;
        throw toPlatformError(e, op, this.opts.now);
      }
    }
  }

  /** Forgets every session, e.g. when the account is disconnected. */
  clear(): void {
    this.entries.clear();
  }

  private async signedIn(key: string, serviceUrl: string, identifier: string, password: string, force: boolean): Promise<Entry> {
    let entry = this.entries.get(key);
    if (!entry || entry.password !== password) {
      entry = { agent: new AtpAgent({ service: serviceUrl, fetch: this.timedFetch() }), password, login: null };
      this.entries.set(key, entry);
      force = true;
    }
    if (force || !entry.agent.hasSession) {
      // One sign-in at a time per account: concurrent calls share it rather than each spending a createSession.
      entry.login ??= this.login(entry, identifier).finally(() => {
        if (entry) entry.login = null;
      });
    }
    if (entry.login) await entry.login;
    return entry;
  }

  private async login(entry: Entry, identifier: string): Promise<void> {
    try {
      await entry.agent.login({ identifier, password: entry.password });
    } catch (e) {
      if (e instanceof XRPCError && (e.status === 401 || e.error === 'AuthenticationRequired')) {
        throw new PlatformError(
          'auth-expired',
          'bluesky',
          `Bluesky did not accept the handle “${identifier}” with this app password. Check the handle, or create a new app password in Bluesky (Settings → Privacy and security → App passwords) and reconnect.`,
          { status: 401, cause: e.error ?? undefined },
        );
      }
      // Signing in changes nothing Herald cares about, so a lost sign-in is a plain network failure.
      throw toPlatformError(e, { doing: 'signing in', mutating: false }, this.opts.now);
    }
  }

  /**
   * fetch with a per-request time limit, combined with whatever signal the XRPC client passes. Uploads get ten times
   * as long: a 100 MB video at the default 30 s would need a 27 Mbit/s uplink, at 300 s under 3 Mbit/s.
   */
  private timedFetch(): typeof fetch {
    const { timeoutMs, fetch: base } = this.opts;
    return (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const own = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      const timeout = AbortSignal.timeout(url.includes('/xrpc/com.atproto.repo.uploadBlob') ? timeoutMs * 10 : timeoutMs);
      return base(input, { ...init, signal: own ? AbortSignal.any([own, timeout]) : timeout });
    };
  }
}

function readCredentials(ctx: CallContext): { serviceUrl: string; identifier: string; password: string } {
  const { serviceUrl, identifier, appPassword } = ctx.credentials;
  if (!serviceUrl || !identifier || !appPassword) {
    throw new PlatformError('auth-expired', 'bluesky', 'This Bluesky account is missing its server address, handle or app password. Reconnect it.');
  }
  return { serviceUrl, identifier: identifier.trim().replace(/^@/, ''), password: appPassword };
}
