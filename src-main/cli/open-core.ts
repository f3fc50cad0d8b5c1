/**
 * The CLI's way into the same core the app uses: one data directory (or a PostgreSQL URL), the OS keychain, and a
 * logger that stays quiet unless asked, because the CLI's output is its answer.
 */
import { createCore, type Core } from '../core/create-core';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import { createLogger, silentLogger } from '../core/logger';

export type Where = { dataDir?: string; databaseUrl?: string; verbose?: boolean };

/** The keychain service name; tests point it elsewhere so they never touch a real installation's entries. */
export const keychainService = () => process.env.HERALD_KEYCHAIN_SERVICE || 'Herald';

export async function openCore(where: Where): Promise<Core> {
  const logger = where.verbose ? createLogger({ level: 'debug' }) : silentLogger();
  const secretStore = new KeytarSecretStore(keychainService());
  if (where.databaseUrl) return createCore({ databaseUrl: where.databaseUrl, secretStore, logger });
  if (!where.dataDir) throw new Error('Say where the data is: --data-dir DIR (or --database-url URL)');
  return createCore({ dataDir: where.dataDir, secretStore, logger });
}
