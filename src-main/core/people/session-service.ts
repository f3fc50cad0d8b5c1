/**
 * Sessions live in main, keyed by the window (or harness client) a request came from; the renderer never says who it
 * is (DESIGN.md security). A session locks after the configured idle time and needs the password to unlock. Sign-ins,
 * failed sign-ins, throttled attempts, unlocks and sign-outs are all audited (R26).
 */
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { HeraldError } from '../errors';
import { verifyPassword } from './password';
import { SignInThrottle } from './sign-in-throttle';
import type { User, UserService } from './user-service';

type Session = { userId: string; lastActivity: number; locked: boolean };

/** Compared against when a username does not exist, so timing does not reveal which usernames do. */
const DUMMY_HASH = 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class SessionService {
  private readonly sessions = new Map<string, Session>();
  readonly throttle: SignInThrottle;

  constructor(
    private readonly users: UserService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly idleLockMinutes: () => number,
  ) {
    this.throttle = new SignInThrottle(clock);
  }

  async signIn(windowKey: string, username: string, password: string): Promise<User> {
    const name = username.trim().toLowerCase();
    const wait = this.throttle.retryAfterMs(name);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      await this.audit.record({ actor: name.slice(0, 64), action: 'auth.sign-in-throttled', subject: `user:${name.slice(0, 64)}`, details: { retryAfterSeconds: seconds } });
      throw new HeraldError('rate-limited', `Too many failed attempts for this username. Try again in ${inSeconds(seconds)}.`);
    }
    const user = await this.users.byUsername(name);
    const good = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !good || !user.active) {
      this.throttle.failed(name);
      await this.audit.record({
        actor: name.slice(0, 64),
        action: 'auth.sign-in-failed',
        subject: `user:${name.slice(0, 64)}`,
        details: { reason: !user ? 'unknown-username' : !good ? 'wrong-password' : 'deactivated' },
      });
      throw new HeraldError('bad-credentials', 'That username and password do not match an active Herald user');
    }
    this.throttle.succeeded(name);
    this.sessions.set(windowKey, { userId: user.id, lastActivity: this.clock.now(), locked: false });
    await this.audit.record({ actor: user.username, action: 'auth.signed-in', subject: `user:${user.username}`, details: {} });
    return user;
  }

  /** Starts a session for a user who has just been created by first-run setup. */
  start(windowKey: string, user: User): void {
    this.sessions.set(windowKey, { userId: user.id, lastActivity: this.clock.now(), locked: false });
  }

  async unlock(windowKey: string, password: string): Promise<User> {
    const s = this.sessions.get(windowKey);
    if (!s) throw new HeraldError('not-signed-in', 'Sign in first');
    const user = await this.users.byId(s.userId);
    if (!user || !user.active) {
      this.sessions.delete(windowKey);
      throw new HeraldError('not-signed-in', 'Sign in first');
    }
    const wait = this.throttle.retryAfterMs(user.username);
    if (wait > 0) throw new HeraldError('rate-limited', `Too many failed attempts. Try again in ${inSeconds(Math.ceil(wait / 1000))}.`);
    if (!(await verifyPassword(password, user.passwordHash))) {
      this.throttle.failed(user.username);
      await this.audit.record({ actor: user.username, action: 'auth.unlock-failed', subject: `user:${user.username}`, details: {} });
      throw new HeraldError('bad-credentials', 'That password is not right');
    }
    this.throttle.succeeded(user.username);
    s.locked = false;
    s.lastActivity = this.clock.now();
    await this.audit.record({ actor: user.username, action: 'auth.unlocked', subject: `user:${user.username}`, details: {} });
    return user;
  }

  /** `reason` is 'user' for the Sign out button, 'window-closed' when the window holding the session went away. */
  async signOut(windowKey: string, reason: 'user' | 'window-closed' = 'user'): Promise<void> {
    const s = this.sessions.get(windowKey);
    this.sessions.delete(windowKey);
    if (!s) return;
    const user = await this.users.byId(s.userId);
    if (user) await this.audit.record({ actor: user.username, action: 'auth.signed-out', subject: `user:${user.username}`, details: reason === 'user' ? {} : { reason } });
  }

  /** The session's state without counting as activity (polling must not keep a session awake). */
  async peek(windowKey: string): Promise<{ user: User; locked: boolean } | null> {
    const s = this.sessions.get(windowKey);
    if (!s) return null;
    this.applyIdleLock(s);
    const user = await this.users.byId(s.userId);
    if (!user || !user.active) {
      this.sessions.delete(windowKey);
      return null;
    }
    return { user, locked: s.locked };
  }

  /** The signed-in, unlocked user behind a request; counts as activity. */
  async require(windowKey: string): Promise<User> {
    const state = await this.peek(windowKey);
    if (!state) throw new HeraldError('not-signed-in', 'Sign in first');
    if (state.locked) throw new HeraldError('session-locked', 'Your session is locked: enter your password to carry on');
    this.sessions.get(windowKey)!.lastActivity = this.clock.now();
    return state.user;
  }

  private applyIdleLock(s: Session): void {
    if (!s.locked && this.clock.now() - s.lastActivity >= this.idleLockMinutes() * 60_000) s.locked = true;
  }
}

const inSeconds = (n: number) => (n === 1 ? '1 second' : `${n} seconds`);
