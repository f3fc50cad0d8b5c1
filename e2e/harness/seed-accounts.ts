/**
 * Test fixture: three connected corporate accounts, as if a manager had connected them on the Accounts screen (that
 * journey has its own e2e tests against a real Bluesky network and the OAuth fakes). Screens that only need accounts
 * to exist, such as Compose and Approvals, start from here. No credentials are stored: these tests never publish.
 */
import type { Core } from '../../src-main/core/create-core';
import { seedAccount } from '../../src-main/core/posts/testing/seed';

export async function seedAccounts(core: Core): Promise<void> {
  await seedAccount(core, 'x', '@AnytownCouncil', { id: 'acc-x', serviceUrl: 'https://api.x.com' });
  await seedAccount(core, 'bluesky', 'anytown.gov.uk', { id: 'acc-bsky', serviceUrl: 'https://bsky.social' });
  await seedAccount(core, 'mastodon', '@anytown@social.example', { id: 'acc-masto', serviceUrl: 'https://social.example', reportedLimits: { maxLength: 500 } });
}
