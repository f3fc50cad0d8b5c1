/**
 * Verification of the audit chain (R26): walks every entry in order, in pages, checking the sequence, the plain hash
 * chain (which covers every column of every earlier row, MACs included), the MAC of the newest entry (which vouches
 * for all before it) and the checkpoint kept in the keychain. On any failure it reports the first broken entry and
 * why, in words a manager can put in an incident report.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { entryHash, entryMac } from './audit-chain';
import type { Checkpoint } from './audit-checkpoint';

export type VerifyResult = { ok: boolean; checked: number; firstBadSeq: number | null; reason: string | null };

const PAGE = 50_000;
const EDITED = 'was edited, inserted or moved after it was written.';

export async function verifyChain(
  db: Kysely<Database>,
  opts: { key: Buffer | null; genesis: string; checkpoint: Checkpoint | null },
): Promise<VerifyResult> {
  const bad = (checked: number, seq: number, reason: string): VerifyResult => ({ ok: false, checked, firstBadSeq: seq, reason });
  let prevHash = opts.genesis;
  let prevMac = '';
  let expected = 1;
  let hashAtCheckpoint: string | null = null;
  const cp = opts.checkpoint;

  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .select(['seq', 'entry', 'hash', 'mac'])
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expected) {
        return bad(expected - 1, expected, `Entry ${expected} is missing: the entries jump from ${expected - 1} to ${seq}.`);
      }
      const h = entryHash(prevHash + prevMac, row.entry);
      if (h !== row.hash) {
        // If this entry is intact but the previous entry's MAC was changed, name the previous entry.
        const prevMacForged = seq > 1 && opts.key && entryMac(opts.key, prevHash) !== prevMac;
        return prevMacForged ? bad(seq - 2, seq - 1, `Entry ${seq - 1} ${EDITED}`) : bad(seq - 1, seq, `Entry ${seq} ${EDITED}`);
      }
      if (cp && seq === cp.seq) hashAtCheckpoint = h;
      prevHash = h;
      prevMac = row.mac;
      expected++;
    }
    if (rows.length < PAGE) break;
  }
  const checked = expected - 1;

  if (checked > 0) {
    if (!opts.key) {
      return bad(checked, 1, 'The audit key for this database is not in this keychain, so the log cannot be verified.');
    }
    if (entryMac(opts.key, prevHash) !== prevMac) {
      const first = await firstBadMac(db, opts.key);
      return bad(checked, first, `Entry ${first} has a hash chain rebuilt without Herald's key: entries from here on were rewritten.`);
    }
  }
  if (cp) {
    if (!Number.isSafeInteger(cp.seq)) return bad(checked, 1, 'The audit checkpoint in the keychain is unreadable.');
    if (checked < cp.seq) {
      return bad(checked, checked + 1, `Entries ${checked + 1} to ${cp.seq} have been removed: the log is shorter than its checkpoint.`);
    }
    if (hashAtCheckpoint !== cp.hash) {
      return bad(checked, cp.seq, `Entry ${cp.seq} differs from the checkpoint kept in the keychain.`);
    }
  }
  return { ok: true, checked, firstBadSeq: null, reason: null };
}

/** The failure path: find the first entry whose MAC is wrong, checking MACs in order. */
async function firstBadMac(db: Kysely<Database>, key: Buffer): Promise<number> {
  let from = 1;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash', 'mac'])
      .where('seq', '>=', from)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const r of rows) if (entryMac(key, r.hash) !== r.mac) return Number(r.seq);
    if (rows.length < PAGE) return from;
    from = Number(rows[rows.length - 1]!.seq) + 1;
  }
}
