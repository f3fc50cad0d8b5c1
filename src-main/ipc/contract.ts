/**
 * The one IPC contract (DESIGN.md rule 1). Every channel the renderer may call is declared here once, with a zod
 * schema for its input and its output. Main registers handlers from it, preload exposes functions from it, and the
 * renderer's client is typed from it. No other file writes a channel string by hand.
 *
 * This file must stay free of Node and Electron imports: preload and the renderer import it.
 */
import { z } from 'zod';
import { PLATFORM_IDS } from '../core/platforms/adapter';

/** R3: the four roles. A manager can do everything an approver can, and administers users and settings. */
export const roleSchema = z.enum(['officer', 'approver', 'moderator', 'manager']);
export type Role = z.infer<typeof roleSchema>;

const username = z
  .string()
  .trim()
  .min(2, 'A username needs at least 2 characters')
  .max(64, 'A username can have at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Use lower-case letters, digits, dots, hyphens and underscores only');
const displayName = z.string().trim().min(1, 'Enter a name').max(120, 'A name can have at most 120 characters');
/** Passwords: length, not composition rules (NCSC password guidance). 1 KB cap keeps hashing bounded. */
const password = z.string().min(12, 'A password needs at least 12 characters').max(1024, 'A password can have at most 1024 characters');
const signInPassword = z.string().min(1, 'Enter your password').max(1024, 'A password can have at most 1024 characters');
/** A calendar date (YYYY-MM-DD), e.g. the day social media training was completed (R3). */
const isoDate = z.iso.date({ message: 'Enter a real date as YYYY-MM-DD' });

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  trainingCompletedOn: z.string().nullable(),
  canPost: z.boolean(),
  active: z.boolean(),
  createdAt: z.number(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const sessionViewSchema = z.object({
  user: userViewSchema,
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.number(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBadSeq: z.number().nullable(),
  reason: z.string().nullable(),
});

export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
});

export const platformSchema = z.enum(PLATFORM_IDS);

/** What an account's platform can and cannot do, in words, for the Accounts screen (DESIGN.md rule 7). */
export const capabilitySummarySchema = z.object({
  platform: platformSchema,
  displayName: z.string(),
  auth: z.enum(['app-password', 'oauth2-pkce']),
  textLimit: z.number(),
  textCounting: z.string(),
  /** The API address to connect to by default (null: the manager must enter it, e.g. a Mastodon instance). */
  defaultServiceUrl: z.string().nullable(),
  /** The OAuth redirect must use a registered port (X, LinkedIn). */
  needsRegisteredPort: z.boolean(),
  can: z.array(z.string()),
  cannot: z.array(z.string()),
  notes: z.array(z.string()),
});

export const accountViewSchema = z.object({
  id: z.string(),
  platform: platformSchema,
  handle: z.string(),
  displayName: z.string(),
  serviceUrl: z.string(),
  owner: z.string(),
  purpose: z.string(),
  kind: z.enum(['corporate', 'campaign']),
  campaignStartsOn: z.string().nullable(),
  campaignEndsOn: z.string().nullable(),
  status: z.enum(['connected', 'needs-reconnect', 'disconnected']),
  authorisedBy: z.string(),
  connectedAt: z.number(),
  lastCheckedAt: z.number().nullable(),
  healthOk: z.boolean().nullable(),
  healthMessage: z.string().nullable(),
  tokenExpiresAt: z.number().nullable(),
  rateLimit: z.object({ remaining: z.number().nullable(), resetAt: z.number().nullable() }).nullable(),
  capabilities: capabilitySummarySchema,
});
export type AccountView = z.infer<typeof accountViewSchema>;

const accountDetails = {
  owner: z.string().trim().min(1, 'Enter who owns this account').max(120),
  purpose: z.string().trim().min(1, 'Enter what this account is for').max(500),
  kind: z.enum(['corporate', 'campaign']),
  campaignStartsOn: isoDate.nullable(),
  campaignEndsOn: isoDate.nullable(),
};
const accountId = z.string().min(1).max(64);

export const oauthPlatformSchema = z.enum(['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'threads', 'mastodon', 'tiktok']);

/** After signing in, some platforms need one more choice: which Facebook Page or LinkedIn organisation to connect. */
export const pendingChoiceSchema = z.object({
  pendingId: z.string(),
  /** e.g. "Facebook Page", "LinkedIn organisation" */
  what: z.string(),
  options: z.array(z.object({ id: z.string(), name: z.string() })),
  /** UTC ms after which the pending sign-in is forgotten and the manager must sign in again. */
  expiresAt: z.number(),
});

const empty = z.object({}).strict();
const ok = z.object({ done: z.literal(true) });

export const contract = {
  'app:get-state': {
    input: empty,
    output: z.object({ setupNeeded: z.boolean(), session: sessionViewSchema.nullable() }),
  },
  'setup:create-admin': {
    input: z
      .object({ username, displayName, password, trainingCompletedOn: isoDate.nullable() })
      .strict(),
    output: sessionViewSchema,
  },
  'auth:sign-in': {
    input: z.object({ username: z.string().trim().min(1, 'Enter your username').max(64), password: signInPassword }).strict(),
    output: sessionViewSchema,
  },
  'auth:unlock': {
    input: z.object({ password: signInPassword }).strict(),
    output: sessionViewSchema,
  },
  'auth:sign-out': { input: empty, output: ok },
  'auth:touch': { input: empty, output: sessionViewSchema.nullable() },
  'users:list': { input: empty, output: z.array(userViewSchema) },
  'users:create': {
    input: z
      .object({
        username,
        displayName,
        password,
        roles: z.array(roleSchema).max(4),
        trainingCompletedOn: isoDate.nullable(),
      })
      .strict(),
    output: userViewSchema,
  },
  'users:set-roles': {
    input: z.object({ userId: z.string().min(1).max(64), roles: z.array(roleSchema).max(4) }).strict(),
    output: userViewSchema,
  },
  'users:set-training': {
    input: z.object({ userId: z.string().min(1).max(64), trainingCompletedOn: isoDate.nullable() }).strict(),
    output: userViewSchema,
  },
  'users:set-active': {
    input: z.object({ userId: z.string().min(1).max(64), active: z.boolean() }).strict(),
    output: userViewSchema,
  },
  'audit:list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(500),
        beforeSeq: z.number().int().positive().optional(),
        action: z.string().max(64).optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number() }),
  },
  'audit:verify': { input: empty, output: auditVerifySchema },
  'accounts:list': { input: empty, output: z.array(accountViewSchema) },
  'accounts:platforms': { input: empty, output: z.array(capabilitySummarySchema) },
  'accounts:connect-app-password': {
    input: z
      .object({
        platform: z.literal('bluesky'),
        serviceUrl: z.string().trim().min(1, 'Enter the server address').max(300),
        identifier: z.string().trim().min(1, 'Enter the account handle').max(253),
        appPassword: z.string().trim().min(1, 'Enter the app password').max(200),
        ...accountDetails,
      })
      .strict(),
    output: accountViewSchema,
  },
  'accounts:connect-oauth': {
    input: z
      .object({
        platform: oauthPlatformSchema,
        serviceUrl: z.string().trim().min(1, 'Enter the server address').max(300),
        clientId: z.string().trim().min(1).max(300).optional(),
        clientSecret: z.string().trim().min(1).max(500).optional(),
        port: z.number().int().min(1024).max(65535).optional(),
        ...accountDetails,
      })
      .strict(),
    /** Either the connected account, or (Facebook Pages, LinkedIn organisations) a choice to make first. */
    output: z.object({ account: accountViewSchema.nullable(), choose: pendingChoiceSchema.nullable() }),
  },
  'accounts:complete-oauth': {
    input: z.object({ pendingId: z.string().min(1).max(64), targetId: z.string().min(1).max(200) }).strict(),
    output: accountViewSchema,
  },
  'accounts:check-health': { input: z.object({ accountId }).strict(), output: accountViewSchema },
  'accounts:rotate-app-password': {
    input: z.object({ accountId, appPassword: z.string().trim().min(1, 'Enter the new app password').max(200) }).strict(),
    output: accountViewSchema,
  },
  'accounts:update-details': { input: z.object({ accountId, ...accountDetails }).strict(), output: accountViewSchema },
  'accounts:disconnect': {
    input: z.object({ accountId, reason: z.string().trim().min(1, 'Say why this account is being disconnected').max(500) }).strict(),
    output: accountViewSchema,
  },
  'settings:get': { input: empty, output: settingsSchema },
  'settings:update': { input: settingsSchema.partial().strict(), output: settingsSchema },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export const channels = Object.keys(contract) as Channel[];

/** Error codes a caller can act on. Never a stack trace (DESIGN.md rule 3). */
export const errorCodeSchema = z.enum([
  'invalid-input',
  'unknown-channel',
  'not-signed-in',
  'session-locked',
  'forbidden',
  'not-found',
  'conflict',
  'rate-limited',
  'bad-credentials',
  'setup-needed',
  'already-set-up',
  'keychain-unavailable',
  'storage',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;
export type IpcError = { code: ErrorCode; message: string; fields?: Record<string, string> };
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
