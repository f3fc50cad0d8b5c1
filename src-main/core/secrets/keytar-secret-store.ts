/**
 * SecretStore over keytar: the macOS Keychain, Windows Credential Manager, or the Secret Service on Linux.
 * keytar is loaded lazily so a machine without libsecret still starts far enough to explain the problem.
 */
import { KeychainUnavailableError, type SecretStore } from './secret-store';

type Keytar = {
  setPassword(service: string, account: string, password: string): Promise<void>;
  getPassword(service: string, account: string): Promise<string | null>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
};

let cached: Keytar | null = null;
async function loadKeytar(): Promise<Keytar> {
  if (cached) return cached;
  try {
    const mod = (await import('keytar')) as unknown as { default?: Keytar } & Keytar;
    cached = mod.default ?? mod;
    return cached;
  } catch (e) {
    throw new KeychainUnavailableError(`keytar could not load: ${(e as Error).message}`);
  }
}

const MAX_ACCOUNT = 256;
const MAX_SECRET = 64 * 1024;

export class KeytarSecretStore implements SecretStore {
  constructor(readonly service: string) {}

  private async call<T>(fn: (k: Keytar) => Promise<T>): Promise<T> {
    const keytar = await loadKeytar();
    try {
      return await fn(keytar);
    } catch (e) {
      // keytar rejects with plain Errors ("Cannot autolaunch D-Bus", "Object does not exist at path ...login").
      throw new KeychainUnavailableError((e as Error).message);
    }
  }

  async set(account: string, secret: string): Promise<void> {
    check(account);
    if (secret.length > MAX_SECRET) throw new RangeError('secret too large for the keychain');
    await this.call((k) => k.setPassword(this.service, account, secret));
  }
  get(account: string): Promise<string | null> {
    check(account);
    return this.call((k) => k.getPassword(this.service, account));
  }
  async list(): Promise<string[]> {
    const creds = await this.call((k) => k.findCredentials(this.service));
    return creds.map((c) => c.account).sort();
  }
  delete(account: string): Promise<boolean> {
    check(account);
    return this.call((k) => k.deletePassword(this.service, account));
  }
  /** Proves the keychain answers, so Herald can refuse to start a credential flow it could not finish. */
  async probe(): Promise<void> {
    await this.call((k) => k.findCredentials(this.service));
  }
}

function check(account: string): void {
  if (!account || account.length > MAX_ACCOUNT) throw new RangeError('keychain account name must be 1-256 characters');
}
