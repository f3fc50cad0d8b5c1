/**
 * The tests' `test`: every test gets its own harness (fresh database and keychain service), and `baseURL` points at it.
 */
import { test as base, expect } from '@playwright/test';
import { spawnHarness, type HarnessHandle } from './harness/spawn-harness';

export const test = base.extend<{ harness: HarnessHandle }>({
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const harness = await spawnHarness();
    try {
      await use(harness);
    } finally {
      await harness.stop();
    }
  },
  baseURL: async ({ harness }, use) => {
    await use(harness.url);
  },
});

export { expect };
