/**
 * Opens Herald's database: an embedded SQLite file in the data directory by default (WAL mode), or PostgreSQL when a
 * team shares one Herald server. All SQL goes through Kysely; the few engine-specific operations sit in `EngineOps`
 * here and nowhere else (DESIGN.md rule 4).
 *
 * A file that is corrupt, locked, read-only or written by a newer Herald gets a clear error naming the file and what to
 * do, and is never overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import type { Database } from './schema';
import { HeraldSqliteDialect } from './sqlite-dialect';
import { migrateToLatest } from './migrate';
import { HeraldError } from '../errors';
import { redactUrl, storageError } from './storage-errors';

export { storageError };

export type Engine = 'sqlite' | 'postgres';

export interface HeraldDatabase {
  db: Kysely<Database>;
  engine: Engine;
  /** The file path, or the PostgreSQL URL without its password: for messages. */
  location: string;
  /** Serialises audit appends across connections (PostgreSQL); SQLite's BEGIN IMMEDIATE already does. */
  lockAuditChain(trx: Transaction<Database>): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget = { dataDir: string; busyTimeoutMs?: number } | { databaseUrl: string };

export const DATABASE_FILE = 'herald.sqlite';

export async function openDatabase(target: DatabaseTarget): Promise<HeraldDatabase> {
  const opened = 'dataDir' in target ? openSqlite(target.dataDir, target.busyTimeoutMs) : openPostgres(target.databaseUrl);
  try {
    await migrateToLatest(opened.db, opened.location);
  } catch (e) {
    await opened.close().catch(() => undefined);
    throw e instanceof HeraldError ? e : storageError(opened.location, e);
  }
  return opened;
}

function openSqlite(dataDir: string, busyTimeoutMs = 5000): HeraldDatabase {
  const file = path.resolve(dataDir, DATABASE_FILE);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    throw new HeraldError('storage', `Herald cannot create its data folder ${path.dirname(file)}: ${(e as Error).message}`);
  }
  if (fs.existsSync(file)) {
    const st = fs.statSync(file);
    // Honour a file marked read-only even for an administrator account, which could otherwise write it anyway.
    if ((st.mode & 0o222) === 0 || !canWrite(file)) {
      throw new HeraldError(
        'storage',
        `${file} is read-only. Herald needs to write to it: make it writable, or copy it to a folder you can write to and ` +
          'open that copy. Nothing was changed.',
      );
    }
  }
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file, { timeout: busyTimeoutMs });
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL'); // the audit log must survive a power cut (R16, R26)
    raw.pragma('foreign_keys = ON');
    raw.prepare('select count(*) from sqlite_schema').get(); // reads page 1: fails here on a corrupt file
  } catch (e) {
    throw storageError(file, e);
  }
  const db = new Kysely<Database>({ dialect: new HeraldSqliteDialect({ database: raw }) });
  return {
    db,
    engine: 'sqlite',
    location: file,
    lockAuditChain: async () => undefined,
    close: () => db.destroy(),
  };
}

function openPostgres(databaseUrl: string): HeraldDatabase {
  const location = redactUrl(databaseUrl);
  // int8 (bigint) comes back from pg as a string; Herald's timestamps and sequence numbers fit in a double.
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, types, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined); // an idle client's error must not crash the process; the next query reports it
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    location,
    lockAuditChain: async (trx) => {
      // One advisory lock for the audit chain: the next appender waits until this transaction ends.
      await sql`select pg_advisory_xact_lock(7271001)`.execute(trx);
    },
    close: () => db.destroy(),
  };
}

function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
