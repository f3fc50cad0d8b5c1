/**
 * Table types for Kysely. Engine differences (SQLite returns numbers and text; PostgreSQL returns int8 as strings,
 * which database.ts parses back to numbers) are normalised at the connection, so services see one shape.
 * Booleans are stored as 0/1 because better-sqlite3 cannot bind JS booleans (ENVIRONMENT.md).
 */
import type { GeneratedAlways } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  /** JSON array of roles. */
  roles: string;
  /** YYYY-MM-DD: the day social media training was completed (R3), or null. */
  training_completed_on: string | null;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface AuditLogTable {
  seq: number;
  /** The entry exactly as hashed: JSON [seq, at, actor, action, subject, details]. */
  entry: string;
  /** SHA-256 over the previous entry's hash and this entry (hex). */
  hash: string;
  /** HMAC-SHA-256 of `hash` under the key held in the OS keychain (hex). */
  mac: string;
  /** Generated from `entry`, for filtering; never written directly. */
  at: GeneratedAlways<number>;
  actor: GeneratedAlways<string>;
  action: GeneratedAlways<string>;
  subject: GeneratedAlways<string>;
}

export interface SettingsTable {
  key: string;
  /** JSON value. */
  value: string;
  updated_at: number;
}

export interface Database {
  users: UsersTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}
