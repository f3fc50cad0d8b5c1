/**
 * Where each platform's API lives by default, so a manager connecting an account only types an address where one
 * is genuinely theirs to choose: a Mastodon instance, or a Bluesky PDS other than bsky.social. Graph API versions
 * match the OAuth provider data (oauth/providers.ts) and are bumped together.
 */
import type { PlatformId } from './adapter';

export const DEFAULT_SERVICE_URL: Record<PlatformId, string | null> = {
  bluesky: 'https://bsky.social',
  x: 'https://api.x.com',
  mastodon: null,
  facebook: 'https://graph.facebook.com/v23.0',
  instagram: 'https://graph.instagram.com/v23.0',
  threads: 'https://graph.threads.net/v1.0',
  linkedin: 'https://api.linkedin.com',
  youtube: 'https://www.googleapis.com',
  tiktok: 'https://open.tiktokapis.com',
};

/** X and LinkedIn accept only the exact redirect address registered for the app, port included. */
export const NEEDS_REGISTERED_PORT: ReadonlySet<PlatformId> = new Set(['x', 'linkedin']);
