/**
 * The adapters this build of Herald ships, one per platform (R1). The composition root passes them to the services
 * that publish and moderate; tests may pass their own (pointed at local servers) through `createCore({ adapters })`.
 */
import type { Adapters } from '../accounts/account-service';
import { createBlueskyAdapter } from './bluesky';
import { createFacebookAdapter } from './facebook';
import { createInstagramAdapter } from './instagram';
import { createLinkedInAdapter } from './linkedin';
import { createMastodonAdapter } from './mastodon/mastodon-adapter';
import { createThreadsAdapter } from './threads';
import { createTikTokAdapter } from './tiktok';
import { createXAdapter } from './x/x-adapter';
import { createYouTubeAdapter } from './youtube';

export function defaultAdapters(): Adapters {
  return {
    bluesky: createBlueskyAdapter(),
    x: createXAdapter(),
    mastodon: createMastodonAdapter(),
    facebook: createFacebookAdapter(),
    instagram: createInstagramAdapter(),
    threads: createThreadsAdapter(),
    linkedin: createLinkedInAdapter(),
    youtube: createYouTubeAdapter(),
    tiktok: createTikTokAdapter(),
  };
}
