/**
 * The adapters this build of Herald ships, one per platform. The composition root passes them to the services that
 * publish and moderate; tests may pass their own (pointed at local servers) through `createCore({ adapters })`.
 */
import type { Adapters } from '../accounts/account-service';

export function defaultAdapters(): Adapters {
  return {};
}
