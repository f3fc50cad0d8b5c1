/**
 * Test support: a keytar SecretStore on the real keychain under a service name of its own, so tests never see each
 * other's entries, and a cleanup that deletes everything the test stored.
 */
import { randomBytes } from 'node:crypto';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';

export class TestSecretStore extends KeytarSecretStore {
  constructor() {
    super(`Herald-test-${randomBytes(6).toString('hex')}`);
  }
  async wipe(): Promise<void> {
    for (const account of await this.list()) await this.delete(account);
  }
}

export const testSecretStore = () => new TestSecretStore();
