/**
 * 0004: connected corporate accounts (R1, R4, R12). One row per account on a platform, with its owner, purpose,
 * campaign period (for time-limited campaign accounts, ICO13 6.2) and last known health. Credentials are never here:
 * they live in the OS keychain under `account:<id>` (R2).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('platform_account_id', 'text', (c) => c.notNull())
    .addColumn('service_url', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('campaign_starts_on', 'text')
    .addColumn('campaign_ends_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('authorised_by', 'text', (c) => c.notNull())
    .addColumn('connected_at', 'bigint', (c) => c.notNull())
    .addColumn('last_checked_at', 'bigint')
    .addColumn('health_ok', 'integer')
    .addColumn('health_message', 'text')
    .addColumn('token_expires_at', 'bigint')
    .addColumn('rate_limit_remaining', 'integer')
    .addColumn('rate_limit_reset_at', 'bigint')
    /** JSON: limits the platform reported for this account (a Mastodon instance's character limit). */
    .addColumn('reported_limits', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // One live connection per platform account: reconnecting updates the row rather than duplicating it.
  await db.schema.createIndex('accounts_platform_identity').on('accounts').columns(['platform', 'service_url', 'platform_account_id']).unique().execute();
}
