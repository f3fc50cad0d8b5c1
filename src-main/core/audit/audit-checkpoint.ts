/**
 * The audit chain's head, checkpointed outside the database, in the OS keychain (R26). Someone who can edit the
 * database file but not the keychain can cut off the newest entries and leave a chain that checks out; the
 * checkpoint says how long the chain was, so the cut is noticed.
 *
 * Writes are coalesced: a burst of audited changes makes one or two keychain writes, not one each. `flush()` waits
 * for the latest head to be written (tests, CLI exit, app quit).
 */
import type { SecretStore } from '../secrets/secret-store';
import type { Logger } from '../logger';

export type Checkpoint = { seq: number; hash: string };

export class AuditCheckpoint {
  private pending: Checkpoint | null = null;
  private written = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly secrets: SecretStore,
    private readonly account: string,
    private readonly logger: Logger,
  ) {}

  async read(): Promise<Checkpoint | null> {
    const raw = await this.secrets.get(this.account);
    if (!raw) return null;
    try {
      const cp = JSON.parse(raw) as Checkpoint;
      if (Number.isSafeInteger(cp.seq) && typeof cp.hash === 'string') return cp;
    } catch {
      // fall through: an unreadable checkpoint is reported by verify() as such
    }
    return { seq: Number.NaN, hash: '' };
  }

  /** Record a new head. Never moves the checkpoint backwards within this process. */
  advance(cp: Checkpoint): void {
    if (cp.seq <= this.written || (this.pending && cp.seq <= this.pending.seq)) return;
    this.pending = cp;
    if (!this.inFlight) this.inFlight = this.drain();
  }

  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        const cp = this.pending;
        this.pending = null;
        try {
          await this.secrets.set(this.account, JSON.stringify(cp));
          this.written = cp.seq;
        } catch (e) {
          this.logger.warn({ err: (e as Error).message }, 'could not checkpoint the audit chain head in the keychain');
        }
      }
    } finally {
      this.inFlight = null;
    }
  }
}
