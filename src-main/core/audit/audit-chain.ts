/**
 * The arithmetic of the tamper-evident audit chain (R26). Each entry stores
 *   hash = SHA-256(previous hash | its own fields)      a plain chain, cheap to check for every row, and
 *   mac  = HMAC-SHA-256(key, hash)                      with a key that lives only in the OS keychain.
 * Editing, inserting, deleting or reordering a row breaks the plain chain. Someone who recomputes every plain hash
 * after an edit cannot make the MACs match without the key, and since each hash covers everything before it, a good
 * MAC on the newest entry vouches for the whole chain: verifying a million entries costs a million SHA-256s and one
 * HMAC. Truncating the newest entries is caught by the checkpoint kept outside the database (audit-checkpoint.ts).
 */
import { createHmac, hash } from 'node:crypto';

export type ChainFields = {
  seq: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  details: string;
};

/** The hash the first entry chains to: bound to the installation, so entries cannot be moved between databases. */
export function genesisHash(installationId: string): string {
  return hash('sha256', `herald-audit-genesis|${installationId}`, 'hex');
}

/**
 * Length-prefixed so that no choice of field values can make two different entries serialise alike
 * (a '|' inside a subject cannot shift a field boundary).
 */
export function entryHash(prevHash: string, f: ChainFields): string {
  const input =
    prevHash +
    '|' +
    f.seq +
    '|' +
    f.at +
    '|' +
    f.actor.length +
    ':' +
    f.actor +
    '|' +
    f.action.length +
    ':' +
    f.action +
    '|' +
    f.subject.length +
    ':' +
    f.subject +
    '|' +
    f.details.length +
    ':' +
    f.details;
  return hash('sha256', input, 'hex');
}

export function entryMac(key: Buffer, entryHashHex: string): string {
  return createHmac('sha256', key).update(entryHashHex).digest('hex');
}
