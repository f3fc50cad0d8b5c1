/**
 * The harness's clock: real time plus an offset that tests can move forward (for example past the idle lock), so
 * no test sleeps for minutes. Only the e2e harness uses it; the app uses the system clock.
 */
import type { Clock } from '../../src-main/core/clock';

export class OffsetClock implements Clock {
  private offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0 || ms > 366 * 24 * 3_600_000) throw new RangeError('advance by 0 ms to a year');
    this.offsetMs += ms;
  }
}
