/**
 * The adapters this build of Herald ships, one per platform. The composition root passes them to the services that
 * publish and moderate; tests may pass their own (pointed at local servers) through `createCore({ adapters })`.
 */
import type { Adapters } from '../accounts/account-service';
import { createBlueskyAdapter } from './bluesky';
import { createMastodonAdapter } from './mastodon/mastodon-adapter';
import { createXAdapter } from './x/x-adapter';

export function defaultAdapters(): Adapters {
  return {
    bluesky: createBlueskyAdapter(),
    mastodon: createMastodonAdapter(),
    x: createXAdapter(),
  };
}
