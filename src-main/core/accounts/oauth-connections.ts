/**
 * The account service's side of OAuth (R2, R4): which provider a platform uses, the organisation's app registration
 * (client id in the keychain with its secret, since both identify the organisation's developer app), the
 * authorisation itself, refreshing tokens before they expire, and revoking them on disconnect. Tokens only ever pass
 * through here on their way to the keychain; nothing is written to the database.
 */
import type { SecretStore } from '../secrets/secret-store';
import type { Clock } from '../clock';
import { HeraldError } from '../errors';
import type { Credentials, PlatformId } from '../platforms/adapter';
import {
  credentialsFrom,
  mastodonProvider,
  mastodonRegistration,
  OAUTH_PLATFORM_IDS,
  providerFor,
  refreshIfDue,
  revoke,
  startAuthorisation,
  type OAuthPlatformId,
  type OAuthProvider,
} from '../platforms/oauth';

export type OAuthConnectInput = {
  platform: PlatformId;
  serviceUrl: string;
  clientId?: string;
  clientSecret?: string;
  /** For platforms that accept only the exact registered redirect address (X, LinkedIn). */
  port?: number;
};

type StoredClient = { clientId: string; clientSecret?: string; port?: number };

export type ProviderOf = (platform: OAuthPlatformId, serviceUrl: string) => OAuthProvider;

export const defaultProviderOf: ProviderOf = (platform, serviceUrl) =>
  platform === 'mastodon' ? mastodonProvider(serviceUrl) : providerFor(platform);

const isOAuth = (p: PlatformId): p is OAuthPlatformId => (OAUTH_PLATFORM_IDS as readonly string[]).includes(p);
const clientAccount = (p: PlatformId) => `oauth-client:${p}`;

export class OAuthConnections {
  constructor(
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    /** Opens the system browser (the shell's safe-external function); null where there is no browser to open. */
    private readonly openExternal: ((url: string) => Promise<void>) | null,
    private readonly providerOf: ProviderOf = defaultProviderOf,
  ) {}

  async authorise(input: OAuthConnectInput): Promise<Credentials> {
    if (!isOAuth(input.platform)) throw new HeraldError('invalid-input', `${input.platform} accounts connect with an app password, not OAuth`);
    if (!this.openExternal) throw new HeraldError('setup-needed', 'Connecting this account needs a web browser, which this Herald cannot open. Use the desktop app.');
    const provider = this.providerOf(input.platform, input.serviceUrl);
    const stored = await this.storedClient(input.platform);
    const clientId = input.clientId ?? stored?.clientId;
    const clientSecret = input.clientSecret ?? (input.clientId ? undefined : stored?.clientSecret);
    const port = input.port ?? stored?.port;
    const result = await startAuthorisation({
      provider,
      ...(clientId ? { clientId } : {}),
      ...(clientSecret ? { clientSecret } : {}),
      ...(port ? { port } : {}),
      ...(input.platform === 'mastodon' && !clientId ? { register: mastodonRegistration(input.serviceUrl, { clientName: 'Herald' }) } : {}),
      openBrowser: this.openExternal,
      now: () => this.clock.now(),
    });
    return credentialsFrom(result, input.serviceUrl);
  }

  /** Keeps the organisation's app registration for reconnections, once a connection with it has worked. */
  async rememberClient(input: OAuthConnectInput): Promise<void> {
    if (!input.clientId) return;
    const client: StoredClient = { clientId: input.clientId, ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}), ...(input.port ? { port: input.port } : {}) };
    await this.secrets.set(clientAccount(input.platform), JSON.stringify(client));
  }

  async refreshIfDue(platform: PlatformId, credentials: Credentials, persist: (next: Credentials) => Promise<void>): Promise<Credentials> {
    if (!isOAuth(platform) || !credentials.accessToken || credentials.expiresAt === undefined) return credentials;
    const provider = this.providerOf(platform, credentials.serviceUrl);
    const stored = await this.storedClient(platform);
    return refreshIfDue(credentials, provider, {
      now: () => this.clock.now(),
      persist,
      ...(stored && !credentials.extra?.clientId ? { client: { clientId: stored.clientId, ...(stored.clientSecret ? { clientSecret: stored.clientSecret } : {}) } } : {}),
    });
  }

  async revoke(platform: PlatformId, credentials: Credentials): Promise<string> {
    if (!isOAuth(platform) || !credentials.accessToken) return 'not-oauth';
    const stored = await this.storedClient(platform);
    return revoke(credentials, this.providerOf(platform, credentials.serviceUrl), {
      ...(stored && !credentials.extra?.clientId ? { client: { clientId: stored.clientId, ...(stored.clientSecret ? { clientSecret: stored.clientSecret } : {}) } } : {}),
    });
  }

  private async storedClient(platform: PlatformId): Promise<StoredClient | null> {
    const raw = await this.secrets.get(clientAccount(platform));
    return raw ? (JSON.parse(raw) as StoredClient) : null;
  }
}
