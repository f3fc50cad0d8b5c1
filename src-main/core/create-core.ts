/**
 * The composition root of Herald's core: the product without a window. The Electron shell, the e2e harness, the CLI
 * and (later) the team server all build the same core from here. It never imports 'electron' (DESIGN.md; enforced by
 * ESLint). Every dependency that touches the outside world is passed in.
 */
import { openDatabase, type DatabaseTarget, type HeraldDatabase } from './db/database';
import type { SecretStore } from './secrets/secret-store';
import { AuditLog } from './audit/audit-log';
import { systemClock, type Clock } from './clock';
import { createLogger, type Logger } from './logger';
import { UserService } from './people/user-service';
import { SessionService } from './people/session-service';
import { SettingsService, readInstallationId } from './settings/settings-service';
import { DEFAULT_COST, type PasswordCost } from './people/password';
import { AccountService, type Adapters } from './accounts/account-service';
import { defaultAdapters } from './platforms/registry';
import { OAuthConnections, type ProviderOf } from './accounts/oauth-connections';
import { PolicyService } from './rules/policy-service';
import { MediaStore } from './posts/media-store';
import { CampaignService } from './posts/campaign-service';
import { PostService } from './posts/post-service';

export type CoreOptions = DatabaseTarget & {
  secretStore: SecretStore;
  clock?: Clock;
  logger?: Logger;
  /** Lower only in tests. */
  passwordCost?: PasswordCost;
  /** Platform adapters; defaults to every adapter this build ships. */
  adapters?: Adapters;
  /** Opens the system browser for OAuth sign-in (the shell's safe-external function). Absent: no OAuth connects. */
  openExternal?: (url: string) => Promise<void>;
  /** OAuth endpoints per platform; tests point them at a local authorisation server. */
  oauthProviders?: ProviderOf;
};

export interface Core {
  database: HeraldDatabase;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  users: UserService;
  sessions: SessionService;
  settings: SettingsService;
  accounts: AccountService;
  /** The rule pack and policy settings in use, and the policy engine built from them. */
  policy: PolicyService;
  media: MediaStore;
  campaigns: CampaignService;
  /** Drafts, submissions, four-eyes approval and scheduling (R5, R10-R12). */
  posts: PostService;
  installationId: string;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger();
  const database = await openDatabase(options);
  try {
    const installationId = await readInstallationId(database.db);
    const audit = await AuditLog.open(database, installationId, options.secretStore, clock, logger);
    const users = new UserService(database.db, audit, clock, options.passwordCost ?? DEFAULT_COST);
    const settings = new SettingsService(database.db, audit, clock);
    await settings.load();
    const policy = new PolicyService(database.db, audit, clock, logger);
    await policy.load();
    const sessions = new SessionService(users, audit, clock, () => settings.get().idleLockMinutes);
    const oauth = new OAuthConnections(options.secretStore, clock, options.openExternal ?? null, options.oauthProviders);
    const accounts = new AccountService(database.db, audit, options.secretStore, options.adapters ?? defaultAdapters(), clock, logger, oauth);
    const media = new MediaStore(database.db, clock);
    const campaigns = new CampaignService(database.db, audit, clock);
    const posts = new PostService(database.db, audit, clock, logger, () => policy.engine(), media, campaigns);
    return {
      database,
      secrets: options.secretStore,
      clock,
      logger,
      audit,
      users,
      sessions,
      settings,
      accounts,
      policy,
      media,
      campaigns,
      posts,
      installationId,
      async close() {
        await audit.checkpoint.flush();
        await database.close();
      },
    };
  } catch (e) {
    await database.close().catch(() => undefined);
    throw e;
  }
}
