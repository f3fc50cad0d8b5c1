/**
 * The arithmetic of the tamper-evident audit chain (R26). Each entry is stored as the exact JSON text that was hashed,
 *   entry = JSON [seq, at, actor, action, subject, details]
 *   hash  = SHA-256(previous hash + previous mac + entry)   a plain chain, cheap to check for every row, and
 *   mac   = HMAC-SHA-256(key, hash)                          with a key that lives only in the OS keychain.
 * Editing any column of a row (even a MAC), inserting, deleting or reordering rows breaks the plain chain. Someone who recomputes every plain hash
 * after an edit cannot make the MACs match without the key, and since each hash covers everything before it, a good
 * MAC on the newest entry vouches for the whole chain: verifying a million entries costs a million SHA-256s and one
 * HMAC (bench/audit-verify.bench.ts). Truncating the newest entries is caught by the checkpoint kept outside the
 * database (audit-checkpoint.ts).
 */
import { createHmac, hash } from 'node:crypto';

export type EntryFields = {
  seq: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
};

/** The hash the first entry chains to: bound to the installation, so entries cannot be moved between databases. */
export function genesisHash(installationId: string): string {
  return hash('sha256', `herald-audit-genesis|${installationId}`, 'hex');
}

/** JSON, so field boundaries are unambiguous whatever a subject or detail contains. */
export function entryText(f: EntryFields): string {
  return JSON.stringify([f.seq, f.at, f.actor, f.action, f.subject, f.details]);
}

export function parseEntryText(text: string): EntryFields | null {
  try {
    const v = JSON.parse(text) as unknown;
    if (!Array.isArray(v) || v.length !== 6) return null;
    const [seq, at, actor, action, subject, details] = v as [unknown, unknown, unknown, unknown, unknown, unknown];
    if (typeof seq !== 'number' || typeof at !== 'number' || typeof actor !== 'string' || typeof action !== 'string') return null;
    if (typeof subject !== 'string' || !details || typeof details !== 'object' || Array.isArray(details)) return null;
    return { seq, at, actor, action, subject, details: details as Record<string, unknown> };
  } catch {
    return null;
  }
}

/** `prev` is the previous entry's hash followed by its MAC ('' MAC before the first entry). */
export function entryHash(prev: string, entry: string): string {
  return hash('sha256', prev + entry, 'hex');
}

export function entryMac(key: Buffer, entryHashHex: string): string {
  return createHmac('sha256', key).update(entryHashHex).digest('hex');
}
