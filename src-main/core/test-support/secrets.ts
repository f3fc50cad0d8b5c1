/**
 * Test support: a keytar SecretStore on the real keychain under a service name of its own, so tests never see each
 * other's entries, and a cleanup that deletes everything the test stored.
 */
import { randomBytes } from 'node:crypto';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';

export function testSecretStore(): KeytarSecretStore & { wipe(): Promise<void>; service: string } {
  const service = `Herald-test-${randomBytes(6).toString('hex')}`;
  const store = new KeytarSecretStore(service) as KeytarSecretStore & { wipe(): Promise<void>; service: string };
  store.service = service;
  store.wipe = async () => {
    for (const account of await store.list()) await store.delete(account);
  };
  return store;
}
