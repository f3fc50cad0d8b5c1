/**
 * The append-only audit log (R26, BAR 5a "a full audit trail of usage"). Services change data and record what they
 * did through `transact`, so the change and its audit entry commit together or not at all (DESIGN.md rule 5).
 * Appends take the chain lock, read the head and write head + 1 in the same transaction: concurrent writers queue,
 * they cannot fork the chain. `verify()` names the first broken entry.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { HeraldDatabase } from '../db/database';
import type { SecretStore } from '../secrets/secret-store';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { HeraldError } from '../errors';
import { AuditCheckpoint } from './audit-checkpoint';
import { entryHash, entryMac, entryText, genesisHash, parseEntryText } from './audit-chain';
import { verifyChain, type VerifyResult } from './audit-verify';

export type AuditInput = {
  actor: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
};

export type AuditEntry = {
  seq: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
};

export type Record_ = (entry: AuditInput) => Promise<number>;

const MAX_DETAILS = 64 * 1024;

export class AuditLog {
  private constructor(
    private readonly hdb: HeraldDatabase,
    private readonly key: Buffer | null,
    private readonly genesis: string,
    readonly checkpoint: AuditCheckpoint,
    private readonly clock: Clock,
  ) {}

  /**
   * Loads (or, for an empty log, creates) this installation's MAC key in the keychain. A non-empty log whose key is
   * missing is opened read-only for verification: appending would start a chain nobody could check.
   */
  static async open(
    hdb: HeraldDatabase,
    installationId: string,
    secrets: SecretStore,
    clock: Clock,
    logger: Logger,
  ): Promise<AuditLog> {
    const keyAccount = `audit-key:${installationId}`;
    let keyHex = await secrets.get(keyAccount);
    if (!keyHex) {
      const any = await hdb.db.selectFrom('audit_log').select('seq').limit(1).executeTakeFirst();
      if (!any) {
        keyHex = randomBytes(32).toString('hex');
        await secrets.set(keyAccount, keyHex);
      }
    }
    const checkpoint = new AuditCheckpoint(secrets, `audit-checkpoint:${installationId}`, logger);
    return new AuditLog(hdb, keyHex ? Buffer.from(keyHex, 'hex') : null, genesisHash(installationId), checkpoint, clock);
  }

  get hasKey(): boolean {
    return this.key !== null;
  }

  /** Runs `fn` in one transaction; every `record` call inside it is committed with the change, or neither is. */
  async transact<T>(fn: (trx: Transaction<Database>, record: Record_) => Promise<T>): Promise<T> {
    let head: { seq: number; hash: string } | null = null;
    const result = await this.hdb.db.transaction().execute(async (trx) => {
      const record: Record_ = async (entry) => {
        head = await this.append(trx, entry);
        return head.seq;
      };
      return fn(trx, record);
    });
    if (head) this.checkpoint.advance(head);
    return result;
  }

  /** Convenience for a change that is only an audit entry (a sign-in, a failed sign-in, an export). */
  record(entry: AuditInput): Promise<number> {
    return this.transact((_trx, record) => record(entry));
  }

  private async append(trx: Transaction<Database>, input: AuditInput): Promise<{ seq: number; hash: string }> {
    if (!this.key) {
      throw new HeraldError(
        'keychain-unavailable',
        'The audit key for this database is not in this keychain, so Herald cannot add to its audit log. ' +
          'Restore the keychain entry or open the database on the machine that created it.',
      );
    }
    const details = input.details ?? {};
    if (JSON.stringify(details).length > MAX_DETAILS) throw new HeraldError('invalid-input', 'Audit details are too large');
    await this.hdb.lockAuditChain(trx);
    const last = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash', 'mac'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const seq = last ? Number(last.seq) + 1 : 1;
    const entry = entryText({ seq, at: this.clock.now(), actor: input.actor, action: input.action, subject: input.subject, details });
    const hash = entryHash(last ? last.hash + last.mac : this.genesis, entry);
    await trx.insertInto('audit_log').values({ seq, entry, hash, mac: entryMac(this.key, hash) }).execute();
    return { seq, hash };
  }

  async list(opts: { limit: number; beforeSeq?: number; action?: string }): Promise<{ entries: AuditEntry[]; total: number }> {
    let q = this.hdb.db.selectFrom('audit_log').select(['seq', 'entry']);
    if (opts.beforeSeq !== undefined) q = q.where('seq', '<', opts.beforeSeq);
    if (opts.action) q = q.where('action', '=', opts.action);
    const rows = await q.orderBy('seq', 'desc').limit(opts.limit).execute();
    let count = this.hdb.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
    if (opts.action) count = count.where('action', '=', opts.action);
    const totalRow = await count.executeTakeFirst();
    return {
      entries: rows.map((r) => toEntry(Number(r.seq), r.entry)),
      total: Number(totalRow?.n ?? 0),
    };
  }

  async verify(): Promise<VerifyResult> {
    await this.checkpoint.flush();
    return verifyChain(this.hdb.db, { key: this.key, genesis: this.genesis, checkpoint: await this.checkpoint.read() });
  }
}

/** A row whose text no longer parses is shown as such (verify() will name it), never dropped from the list. */
function toEntry(seq: number, text: string): AuditEntry {
  const f = parseEntryText(text);
  return f
    ? { ...f, seq }
    : { seq, at: 0, actor: '?', action: 'unreadable', subject: '?', details: { unreadable: true } };
}
