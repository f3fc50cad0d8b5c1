/**
 * Test fixture: three connected corporate accounts, as if a manager had connected them on the Accounts screen (that
 * journey has its own e2e tests against a real Bluesky network and the OAuth fakes). Screens that only need accounts
 * to exist, such as Compose and Approvals, start from here. Rows go through the product's own database; no
 * credentials are stored, because these tests never publish.
 */
import type { Core } from '../../src-main/core/create-core';

const ACCOUNTS = [
  { id: 'acc-x', platform: 'x', handle: '@AnytownCouncil', display_name: 'Anytown Council', service_url: 'https://api.x.com' },
  { id: 'acc-bsky', platform: 'bluesky', handle: 'anytown.gov.uk', display_name: 'Anytown Council', service_url: 'https://bsky.social' },
  { id: 'acc-masto', platform: 'mastodon', handle: '@anytown@social.example', display_name: 'Anytown Council', service_url: 'https://social.example' },
] as const;

export async function seedAccounts(core: Core, now: number): Promise<void> {
  for (const a of ACCOUNTS) {
    await core.database.db
      .insertInto('accounts')
      .values({
        ...a,
        platform_account_id: `${a.platform}-1`,
        owner: 'Communications team',
        purpose: 'Council news and service updates',
        kind: 'corporate',
        campaign_starts_on: null,
        campaign_ends_on: null,
        status: 'connected',
        authorised_by: 'amara.admin',
        connected_at: now,
        last_checked_at: now,
        health_ok: 1,
        health_message: null,
        token_expires_at: null,
        rate_limit_remaining: null,
        rate_limit_reset_at: null,
        reported_limits: a.platform === 'mastodon' ? JSON.stringify({ maxLength: 500 }) : null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
