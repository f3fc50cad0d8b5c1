/**
 * Connected corporate accounts (R1, R2, R4, R12). A manager authorises every connection (ICO26: staff "must not create
 * or manage new ICO social media accounts" without authorisation); every connect, reconnect, credential rotation,
 * disconnect and change of health is audited with who authorised it. Credentials go to the OS keychain only, under
 * `account:<id>`: the database, the audit log and the renderer see the handle, platform and health, never a token.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountsTable, Database } from '../db/schema';
import type { AuditLog } from '../audit/audit-log';
import type { SecretStore } from '../secrets/secret-store';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { HeraldError } from '../errors';
import { hasPermission, type User } from '../people/user-service';
import { PlatformError, type ConnectTarget, type Credentials, type Health, type PlatformAdapter, type PlatformId } from '../platforms/adapter';
import { summariseCapabilities, type CapabilitySummary } from '../platforms/capability-summary';
import { checkServiceUrl } from './service-url';
import { OAuthConnections, type OAuthConnectInput } from './oauth-connections';
import type { AccountView } from '../../ipc/contract';

export type PendingChoice = { pendingId: string; what: string; options: Array<{ id: string; name: string }>; expiresAt: number };

export type AccountDetails = {
  owner: string;
  purpose: string;
  kind: 'corporate' | 'campaign';
  campaignStartsOn: string | null;
  campaignEndsOn: string | null;
};

export type Adapters = Partial<Record<PlatformId, PlatformAdapter>>;

const secretAccount = (id: string) => `account:${id}`;

/** How long a signed-in but not yet finished connection (waiting for a Page choice) is kept, in memory only. */
const PENDING_MS = 10 * 60_000;

type Pending = { actorId: string; input: OAuthConnectInput & AccountDetails; credentials: Credentials; targets: ConnectTarget[]; expiresAt: number };

/** A target's token replaces the person's (a Facebook Page token never expires and has no refresh token). */
function withTarget(base: Credentials, t: ConnectTarget): Credentials {
  const tokens = t.credentials.accessToken
    ? { accessToken: t.credentials.accessToken, ...(t.credentials.refreshToken ? { refreshToken: t.credentials.refreshToken } : {}), ...(t.credentials.expiresAt !== undefined ? { expiresAt: t.credentials.expiresAt } : {}) }
    : { ...(base.accessToken ? { accessToken: base.accessToken } : {}), ...(base.refreshToken ? { refreshToken: base.refreshToken } : {}), ...(base.expiresAt !== undefined ? { expiresAt: base.expiresAt } : {}) };
  return { serviceUrl: base.serviceUrl, ...tokens, extra: { ...base.extra, ...t.credentials.extra } };
}

export class AccountService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly secrets: SecretStore,
    private readonly adapters: Adapters,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly oauth: OAuthConnections,
  ) {}

  private readonly pending = new Map<string, Pending>();

  platforms(): CapabilitySummary[] {
    return Object.entries(this.adapters).map(([id, a]) => summariseCapabilities(id as PlatformId, a!.capabilities));
  }

  async list(): Promise<AccountView[]> {
    const rows = await this.db.selectFrom('accounts').selectAll().orderBy('platform').orderBy('handle').execute();
    return rows.map((r) => this.view(r));
  }

  /** Bluesky: handle + app password on any PDS (R1). Managers only (R4). */
  async connectWithAppPassword(
    actor: User,
    input: { platform: PlatformId; serviceUrl: string; identifier: string; appPassword: string } & AccountDetails,
  ): Promise<AccountView> {
    this.requireManager(actor, 'connect a corporate account');
    checkDetails(input);
    const adapter = this.adapter(input.platform);
    const credentials: Credentials = { serviceUrl: checkServiceUrl(input.serviceUrl), identifier: input.identifier, appPassword: input.appPassword };
    const health = await this.probe(adapter, credentials, 'connect');
    return this.saveConnection(actor, input.platform, credentials, health, input);
  }

  /**
   * X, Meta, LinkedIn, YouTube, TikTok and Mastodon: OAuth 2 with PKCE through a loopback redirect in the system
   * browser (RFC 8252). A refused callback (wrong state, replayed code, foreign redirect, denied consent) is audited.
   */
  async connectWithOAuth(actor: User, input: OAuthConnectInput & AccountDetails): Promise<{ account: AccountView | null; choose: PendingChoice | null }> {
    this.requireManager(actor, 'connect a corporate account');
    checkDetails(input);
    const adapter = this.adapter(input.platform);
    const serviceUrl = checkServiceUrl(input.serviceUrl);
    let credentials: Credentials;
    try {
      credentials = await this.oauth.authorise({ ...input, serviceUrl });
    } catch (e) {
      const reason = (e as { reason?: string }).reason;
      if (reason) {
        await this.audit.record({
          actor: actor.username,
          action: 'account.connect-refused',
          subject: `account:${input.platform}`,
          details: { platform: input.platform, reason, serviceUrl },
        });
      }
      throw e;
    }
    if (!adapter.listTargets) return { account: await this.finishOAuth(actor, input, credentials), choose: null };
    // Facebook Pages, LinkedIn organisations: the sign-in is a person's; the account is what they manage.
    const targets = await this.platformCall(adapter, () => adapter.listTargets!({ credentials }));
    if (targets.length === 1) return { account: await this.finishOAuth(actor, input, withTarget(credentials, targets[0]!)), choose: null };
    const pendingId = randomUUID();
    const expiresAt = this.clock.now() + PENDING_MS;
    this.pending.set(pendingId, { actorId: actor.id, input: { ...input, serviceUrl }, credentials, targets, expiresAt });
    return { account: null, choose: { pendingId, what: adapter.targetLabel ?? 'account', options: targets.map((t) => ({ id: t.id, name: t.name })), expiresAt } };
  }

  /** The second step of a connection that needed a choice: the manager picked a Page or organisation. */
  async completeOAuth(actor: User, pendingId: string, targetId: string): Promise<AccountView> {
    this.requireManager(actor, 'connect a corporate account');
    for (const [id, p] of this.pending) if (p.expiresAt < this.clock.now()) this.pending.delete(id);
    const p = this.pending.get(pendingId);
    // Only the manager who signed in can finish their own sign-in.
    if (!p || p.actorId !== actor.id) throw new HeraldError('not-found', 'That sign-in has expired or is not yours: connect the account again');
    const target = p.targets.find((t) => t.id === targetId);
    if (!target) throw new HeraldError('invalid-input', 'Choose one of the options offered', { targetId: 'Choose one of the options' });
    this.pending.delete(pendingId);
    return this.finishOAuth(actor, p.input, withTarget(p.credentials, target));
  }

  private async finishOAuth(actor: User, input: OAuthConnectInput & AccountDetails, credentials: Credentials): Promise<AccountView> {
    const health = await this.probe(this.adapter(input.platform), credentials, 'connect');
    const view = await this.saveConnection(actor, input.platform, credentials, health, input);
    await this.oauth.rememberClient(input);
    return view;
  }

  private async platformCall<T>(adapter: PlatformAdapter, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof PlatformError) throw new HeraldError(e.kind === 'auth-expired' ? 'bad-credentials' : 'conflict', `${adapter.capabilities.displayName} refused: ${e.message}`);
      throw e;
    }
  }

  private async saveConnection(actor: User, platform: PlatformId, credentials: Credentials, health: Health, input: AccountDetails): Promise<AccountView> {
    const existing = await this.db
      .selectFrom('accounts')
      .selectAll()
      .where('platform', '=', platform)
      .where('service_url', '=', credentials.serviceUrl)
      .where('platform_account_id', '=', health.accountId)
      .executeTakeFirst();
    const id = existing?.id ?? randomUUID();
    // Keychain first: if the database write then fails, the orphan secret is removed below; never the other way round.
    await this.secrets.set(secretAccount(id), JSON.stringify(credentials));
    const now = this.clock.now();
    try {
      return await this.audit.transact(async (trx, record) => {
        const row: AccountsTable = {
          id,
          platform,
          handle: health.accountName,
          display_name: health.accountName,
          platform_account_id: health.accountId,
          service_url: credentials.serviceUrl,
          owner: input.owner.trim(),
          purpose: input.purpose.trim(),
          kind: input.kind,
          campaign_starts_on: input.kind === 'campaign' ? input.campaignStartsOn : null,
          campaign_ends_on: input.kind === 'campaign' ? input.campaignEndsOn : null,
          status: 'connected',
          authorised_by: actor.username,
          connected_at: now,
          ...healthColumns(health, now),
          created_at: existing?.created_at ?? now,
          updated_at: now,
        };
        if (existing) await trx.updateTable('accounts').set(row).where('id', '=', id).execute();
        else await trx.insertInto('accounts').values(row).execute();
        await record({
          actor: actor.username,
          action: existing ? 'account.reconnected' : 'account.connected',
          subject: `account:${platform}:${health.accountName}`,
          details: { accountId: id, platform, handle: health.accountName, serviceUrl: credentials.serviceUrl, authorisedBy: actor.username, owner: row.owner, purpose: row.purpose, kind: row.kind, campaignStartsOn: row.campaign_starts_on, campaignEndsOn: row.campaign_ends_on },
        });
        return this.view(row);
      });
    } catch (e) {
      if (!existing) await this.secrets.delete(secretAccount(id)).catch(() => false);
      throw e;
    }
  }

  async rotateAppPassword(actor: User, accountId: string, appPassword: string): Promise<AccountView> {
    this.requireManager(actor, 'change an account’s credentials');
    const row = await this.row(accountId);
    const credentials = { ...(await this.credentials(row)), appPassword };
    const health = await this.probe(this.adapter(row.platform as PlatformId), credentials, 'rotate');
    await this.secrets.set(secretAccount(row.id), JSON.stringify(credentials));
    return this.update(row, { status: 'connected', ...healthColumns(health, this.clock.now()) }, actor.username, 'account.credentials-rotated', {});
  }

  async checkHealth(actor: User | null, accountId: string): Promise<AccountView> {
    if (actor) this.requireSignedIn(actor);
    const row = await this.row(accountId);
    if (row.status === 'disconnected') throw new HeraldError('conflict', 'This account is disconnected: connect it again first');
    const now = this.clock.now();
    let patch: Partial<AccountsTable>;
    try {
      const health = await this.adapter(row.platform as PlatformId).checkHealth(await this.callContext(row));
      patch = { status: 'connected', ...healthColumns(health, now) };
    } catch (e) {
      if (!(e instanceof PlatformError) && !(e instanceof HeraldError)) throw e;
      const expired = e instanceof PlatformError && e.kind === 'auth-expired';
      patch = {
        status: expired || (e instanceof HeraldError && e.code === 'not-found') ? 'needs-reconnect' : row.status,
        last_checked_at: now,
        health_ok: 0,
        health_message: e.message,
        ...(e instanceof PlatformError && e.kind === 'rate-limited' ? { rate_limit_remaining: 0, rate_limit_reset_at: e.details.retryAt ?? null } : {}),
      };
    }
    // Health checks run often; only a change of health is worth an audit entry.
    const changed = (patch.health_ok ?? null) !== (row.health_ok === null ? null : Number(row.health_ok)) || patch.status !== row.status;
    if (!changed) {
      await this.db.updateTable('accounts').set({ ...patch, updated_at: now }).where('id', '=', row.id).execute();
      return this.view({ ...row, ...patch, updated_at: now });
    }
    return this.update(row, patch, actor?.username ?? 'herald', patch.health_ok ? 'account.healthy' : 'account.unhealthy', { message: patch.health_message ?? null });
  }

  async updateDetails(actor: User, accountId: string, details: AccountDetails): Promise<AccountView> {
    this.requireManager(actor, 'change an account’s owner, purpose or campaign period');
    checkDetails(details);
    const row = await this.row(accountId);
    const patch = {
      owner: details.owner.trim(),
      purpose: details.purpose.trim(),
      kind: details.kind,
      campaign_starts_on: details.kind === 'campaign' ? details.campaignStartsOn : null,
      campaign_ends_on: details.kind === 'campaign' ? details.campaignEndsOn : null,
    };
    const from = { owner: row.owner, purpose: row.purpose, kind: row.kind, campaignStartsOn: row.campaign_starts_on, campaignEndsOn: row.campaign_ends_on };
    return this.update(row, patch, actor.username, 'account.details-changed', { from, to: details });
  }

  async disconnect(actor: User, accountId: string, reason: string): Promise<AccountView> {
    this.requireManager(actor, 'disconnect a corporate account');
    const row = await this.row(accountId);
    // Revoke at the platform where it offers revocation (RFC 7009), then forget the credentials here.
    const revoked = await this.credentials(row)
      .then((c) => this.oauth.revoke(row.platform as PlatformId, c))
      .catch((e: Error) => `failed: ${e.message.slice(0, 200)}`);
    const removed = await this.secrets.delete(secretAccount(row.id));
    return this.update(row, { status: 'disconnected', health_ok: null, health_message: 'Disconnected', token_expires_at: null }, actor.username, 'account.disconnected', { reason, credentialsRemoved: removed, revokedAtPlatform: revoked });
  }

  /**
   * The context for a platform call: credentials refreshed first if they are about to expire, with any new tokens
   * written to the keychain before they are used (a rotated refresh token must never exist only in memory).
   */
  async callContext(row: { id: string; platform: string }): Promise<{ credentials: Credentials; onCredentialsChanged: (next: Credentials) => Promise<void> }> {
    const persist = (next: Credentials) => this.secrets.set(secretAccount(row.id), JSON.stringify(next));
    const credentials = await this.oauth.refreshIfDue(row.platform as PlatformId, await this.credentials(row), persist);
    return { credentials, onCredentialsChanged: persist };
  }

  /** Credentials for a publish or moderation call: main process only. */
  async credentials(row: { id: string }): Promise<Credentials> {
    const raw = await this.secrets.get(secretAccount(row.id));
    if (!raw) throw new HeraldError('not-found', 'This account’s credentials are not in the keychain: reconnect it');
    return JSON.parse(raw) as Credentials;
  }

  private async update(row: AccountsTable, patch: Partial<AccountsTable>, actor: string, action: string, details: Record<string, unknown>): Promise<AccountView> {
    const now = this.clock.now();
    return this.audit.transact(async (trx, record) => {
      await trx.updateTable('accounts').set({ ...patch, updated_at: now }).where('id', '=', row.id).execute();
      await record({ actor, action, subject: `account:${row.platform}:${row.handle}`, details: { accountId: row.id, ...details } });
      return this.view({ ...row, ...patch, updated_at: now });
    });
  }

  private async probe(adapter: PlatformAdapter, credentials: Credentials, doing: string): Promise<Health> {
    try {
      return await adapter.checkHealth({ credentials });
    } catch (e) {
      if (e instanceof PlatformError) {
        this.logger.info({ platform: adapter.platform, kind: e.kind, doing }, 'account check failed');
        throw new HeraldError(e.kind === 'auth-expired' ? 'bad-credentials' : 'conflict', `${adapter.capabilities.displayName} refused: ${e.message}`);
      }
      throw e;
    }
  }

  private async row(id: string): Promise<AccountsTable> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new HeraldError('not-found', 'No such account');
    return row;
  }

  private adapter(platform: PlatformId): PlatformAdapter {
    const a = this.adapters[platform];
    if (!a) throw new HeraldError('invalid-input', `Herald cannot connect ${platform} accounts yet`);
    return a;
  }

  private requireManager(actor: User, doing: string): void {
    if (!hasPermission(actor, 'administer')) throw new HeraldError('forbidden', `Only a manager can ${doing} (ICO26: new corporate accounts need a manager’s authorisation)`);
  }

  private requireSignedIn(actor: User): void {
    if (!actor.active) throw new HeraldError('forbidden', 'This user is not active');
  }

  private view(r: AccountsTable): AccountView {
    const adapter = this.adapters[r.platform as PlatformId];
    const limits = r.reported_limits ? (JSON.parse(r.reported_limits) as { maxLength?: number }) : null;
    return {
      id: r.id,
      platform: r.platform as PlatformId,
      handle: r.handle,
      displayName: r.display_name,
      serviceUrl: r.service_url,
      owner: r.owner,
      purpose: r.purpose,
      kind: r.kind as 'corporate' | 'campaign',
      campaignStartsOn: r.campaign_starts_on,
      campaignEndsOn: r.campaign_ends_on,
      status: r.status as AccountView['status'],
      authorisedBy: r.authorised_by,
      connectedAt: Number(r.connected_at),
      lastCheckedAt: r.last_checked_at === null ? null : Number(r.last_checked_at),
      healthOk: r.health_ok === null ? null : Number(r.health_ok) === 1,
      healthMessage: r.health_message,
      tokenExpiresAt: r.token_expires_at === null ? null : Number(r.token_expires_at),
      rateLimit: r.rate_limit_remaining === null && r.rate_limit_reset_at === null ? null : { remaining: r.rate_limit_remaining === null ? null : Number(r.rate_limit_remaining), resetAt: r.rate_limit_reset_at === null ? null : Number(r.rate_limit_reset_at) },
      capabilities: adapter
        ? summariseCapabilities(r.platform as PlatformId, adapter.capabilities, limits?.maxLength ?? null)
        : { platform: r.platform as PlatformId, displayName: r.platform, auth: 'oauth2-pkce', textLimit: 0, textCounting: 'unknown', defaultServiceUrl: null, needsRegisteredPort: false, can: [], cannot: [], notes: ['This version of Herald has no adapter for this platform.'] },
    };
  }
}

function healthColumns(h: Health, now: number): Pick<AccountsTable, 'last_checked_at' | 'health_ok' | 'health_message' | 'token_expires_at' | 'rate_limit_remaining' | 'rate_limit_reset_at' | 'reported_limits'> {
  return {
    last_checked_at: now,
    health_ok: h.ok ? 1 : 0,
    health_message: h.ok ? 'Connected and working' : 'The platform reported a problem with this account',
    token_expires_at: h.tokenExpiresAt,
    rate_limit_remaining: h.rateLimit?.remaining ?? null,
    rate_limit_reset_at: h.rateLimit?.resetAt ?? null,
    reported_limits: h.limits ? JSON.stringify(h.limits) : null,
  };
}

/** R1, R12: every account has an owner and a purpose; a campaign account has a period that ends after it starts. */
function checkDetails(d: AccountDetails): void {
  if (d.kind !== 'campaign') return;
  if (!d.campaignStartsOn || !d.campaignEndsOn) {
    throw new HeraldError('invalid-input', 'A campaign account needs a start and an end date (ICO13 6.2: campaign accounts are time-limited)', {
      ...(d.campaignStartsOn ? {} : { campaignStartsOn: 'Enter the date the campaign starts' }),
      ...(d.campaignEndsOn ? {} : { campaignEndsOn: 'Enter the date the campaign ends' }),
    });
  }
  if (d.campaignEndsOn < d.campaignStartsOn) {
    throw new HeraldError('invalid-input', 'The campaign must end on or after the day it starts', { campaignEndsOn: 'Enter an end date on or after the start date' });
  }
}
