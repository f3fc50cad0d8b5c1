/**
 * Storage failures in words a comms officer can act on: which file or server, what is wrong, what to do, and that
 * nothing was changed. Driver messages and codes differ by engine; they are translated here and nowhere else.
 */
import { HeraldError } from '../errors';

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured PostgreSQL database';
  }
}

/** Turns a driver error into a message that names the file and says what to do. */
export function storageError(location: string, e: unknown): HeraldError {
  const code = (e as { code?: string }).code ?? '';
  const msg = (e as Error)?.message ?? String(e);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(msg)) {
    return new HeraldError(
      'storage',
      `${location} is damaged or is not a Herald database. Restore it from a backup, or move it aside to start afresh. ` +
        'Herald has not changed it.',
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || /database is locked/i.test(msg)) {
    return new HeraldError(
      'storage',
      `${location} is locked by another program (perhaps another copy of Herald, or a backup tool). Close it and try again.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || /readonly/i.test(msg)) {
    return new HeraldError('storage', `${location} is read-only. Make it writable and try again. Nothing was changed.`);
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new HeraldError('storage', `Herald cannot open ${location}: check the folder exists and you can write to it.`);
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
    return new HeraldError('storage', `Herald cannot reach the database at ${location}: ${msg}`);
  }
  return new HeraldError('storage', `Herald could not use ${location}: ${msg}`);
}
