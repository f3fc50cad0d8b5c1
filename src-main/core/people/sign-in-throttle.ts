/**
 * Rate limit for sign-in, per username. After a few failures each further attempt for that username must wait,
 * doubling up to a ceiling. A flood against one username (ten thousand guesses) does not lock anybody else out, and
 * throttled attempts are refused before any password hashing, so they cannot tie up the machine either.
 */
import type { Clock } from '../clock';

const FREE_FAILURES = 5;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

type State = { failures: number; blockedUntil: number };

export class SignInThrottle {
  private readonly state = new Map<string, State>();
  constructor(private readonly clock: Clock) {}

  /** Milliseconds the caller must still wait before trying this username, or 0. */
  retryAfterMs(username: string): number {
    const s = this.state.get(key(username));
    return s ? Math.max(0, s.blockedUntil - this.clock.now()) : 0;
  }

  failed(username: string): void {
    const k = key(username);
    const s = this.state.get(k) ?? { failures: 0, blockedUntil: 0 };
    s.failures += 1;
    if (s.failures >= FREE_FAILURES) {
      const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(20, s.failures - FREE_FAILURES));
      s.blockedUntil = this.clock.now() + delay;
    }
    this.state.delete(k); // re-insert: Map order is then least-recently-failed first, for eviction
    this.state.set(k, s);
    if (this.state.size > MAX_TRACKED) this.state.delete(this.state.keys().next().value!);
  }

  succeeded(username: string): void {
    this.state.delete(key(username));
  }
}

const key = (u: string) => u.trim().toLowerCase().slice(0, 64);
