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

export interface AccountsTable {
  id: string;
  platform: string;
  handle: string;
  display_name: string;
  platform_account_id: string;
  service_url: string;
  owner: string;
  purpose: string;
  /** 'corporate' | 'campaign' */
  kind: string;
  campaign_starts_on: string | null;
  campaign_ends_on: string | null;
  /** 'connected' | 'needs-reconnect' | 'disconnected' */
  status: string;
  authorised_by: string;
  connected_at: number;
  last_checked_at: number | null;
  health_ok: number | null;
  health_message: string | null;
  token_expires_at: number | null;
  rate_limit_remaining: number | null;
  rate_limit_reset_at: number | null;
  reported_limits: string | null;
  created_at: number;
  updated_at: number;
}

export interface CampaignsTable {
  id: string;
  name: string;
  purpose: string;
  audience: string;
  starts_on: string;
  ends_on: string;
  /** JSON array of account ids. */
  account_ids: string;
  created_by: string;
  created_at: number;
}

export interface PostsTable {
  id: string;
  author_id: string;
  author: string;
  /** One of POST_STATES (core/posts/post-states.ts). */
  state: string;
  campaign_id: string | null;
  scheduled_at: number | null;
  /** JSON PostContent. */
  content: string;
  content_hash: string;
  revision: number;
  submitted_at: number | null;
  submitted_findings: string | null;
  pack_label: string | null;
  approved_by: string | null;
  approved_at: number | null;
  approved_hash: string | null;
  state_reason: string | null;
  created_at: number;
  updated_at: number;
}

export interface PostReviewsTable {
  id: string;
  post_id: string;
  revision: number;
  content_hash: string;
  content: string;
  scheduled_at: number | null;
  reviewer: string;
  /** 'approved' | 'changes-requested' */
  decision: string;
  comment: string;
  reasons: string;
  at: number;
}

export interface MediaTable {
  id: string;
  sha256: string;
  mime_type: string;
  file_name: string;
  bytes: number;
  width: number | null;
  height: number | null;
  data: Uint8Array;
  added_by: string;
  added_at: number;
}

export interface RulePackVersionsTable {
  /** 1, 2, 3 ... in the order saved. */
  version: number;
  /** "packId@version+org.N", recorded with every check made with this version. */
  label: string;
  /** JSON: the whole validated pack. */
  pack: string;
  saved_by: string;
  saved_at: number;
  reason: string;
  /** For a rollback, the version restored (0: the built-in pack); otherwise null. */
  restored_from: number | null;
}

export interface Database {
  users: UsersTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  accounts: AccountsTable;
  campaigns: CampaignsTable;
  posts: PostsTable;
  post_reviews: PostReviewsTable;
  media: MediaTable;
  rule_pack_versions: RulePackVersionsTable;
}
