/**
 * Where credentials live (R2, SYP 3, BAR 6): the OS keychain and nowhere else. Core services depend on this interface;
 * the keytar implementation is the only one Herald ships. There is deliberately no fallback store: if the keychain is
 * missing, Herald says credentials cannot be stored securely and refuses, rather than writing them to disk.
 */
import { HeraldError } from '../errors';

export interface SecretStore {
  set(account: string, secret: string): Promise<void>;
  get(account: string): Promise<string | null>;
  /** Account names only, never the secrets. */
  list(): Promise<string[]>;
  delete(account: string): Promise<boolean>;
}

export class KeychainUnavailableError extends HeraldError {
  constructor(detail: string) {
    super(
      'keychain-unavailable',
      'Herald cannot store credentials securely: no OS keychain is available (on Linux, the Secret Service from ' +
        'gnome-keyring or KeePassXC; on Windows, Credential Manager; on macOS, Keychain). Herald will not store them ' +
        `anywhere else. Start or unlock your keychain and try again. (${detail})`,
    );
  }
}
