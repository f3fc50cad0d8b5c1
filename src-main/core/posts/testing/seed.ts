/**
 * Test support (unit tests and the e2e harness): a connected account row, as the Accounts screen would leave it after a manager connected it. Posts
 * tests need accounts to exist; connecting them for real is tested in accounts/ against real and spec-checked servers.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '../../create-core';

export async function seedAccount(
  core: Core,
  platform: string,
  handle: string,
  opts: { id?: string; serviceUrl?: string; reportedLimits?: { maxLength: number } } = {},
): Promise<string> {
  const id = opts.id ?? randomUUID();
  const now = core.clock.now();
  await core.database.db
    .insertInto('accounts')
    .values({
      id,
      platform,
      handle,
      display_name: 'Anytown Council',
      platform_account_id: `${platform}-${id}`,
      service_url: opts.serviceUrl ?? 'https://example.invalid',
      owner: 'Communications team',
      purpose: 'Council news',
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
      reported_limits: opts.reportedLimits ? JSON.stringify(opts.reportedLimits) : null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return id;
}
