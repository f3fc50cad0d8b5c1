/**
 * The one IPC contract (DESIGN.md rule 1). Every channel the renderer may call is declared here once, with a zod
 * schema for its input and its output. Main registers handlers from it, preload exposes functions from it, and the
 * renderer's client is typed from it. No other file writes a channel string by hand.
 *
 * This file must stay free of Node and Electron imports: preload and the renderer import it.
 */
import { z } from 'zod';
import { PLATFORM_IDS } from '../core/platforms/adapter';
import { CATEGORIES } from '../core/policy/types';
import { NATIONS } from '../core/policy/settings';
import { postContentSchema } from '../core/posts/post-schema';
import { POST_STATES } from '../core/posts/post-states';

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

/** Policy checks (R8-R11; issue 5): a post's media as the engine sees it. Reused by posts. */
export const mediaInputSchema = z
  .object({
    kind: z.enum(['image', 'video']),
    alt: z.string().max(5000).optional(),
    source: z.string().max(2000).optional(),
    licence: z.string().max(2000).optional(),
    peopleShown: z.boolean().optional(),
    under16: z.boolean().optional(),
    consentRecorded: z.boolean().optional(),
  })
  .strict();

/** One finding: its rule, severity and policy clause, and where in the text (0, 0 for the post as a whole). */
export const findingSchema = z.object({
  category: z.enum(CATEGORIES),
  ruleId: z.string(),
  severity: z.enum(['block', 'sign-off', 'advice']),
  clause: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type FindingView = z.infer<typeof findingSchema>;

export const policyCheckPostSchema = z
  .object({
    id: z.string().min(1).max(64),
    platform: platformSchema,
    text: z.string().max(1_100_000),
    scheduledAt: z.iso.datetime({ offset: true, message: 'Enter a date and time as ISO 8601, e.g. 2026-05-02T19:30:00+01:00' }).optional(),
    media: z.array(mediaInputSchema).max(10).optional(),
  })
  .strict();

/** A rule pack version (0: the built-in pack) without its body. */
export const packVersionSchema = z.object({
  version: z.number().int().min(0),
  label: z.string(),
  savedBy: z.string().nullable(),
  savedAt: z.number().nullable(),
  reason: z.string().nullable(),
  restoredFrom: z.number().int().nullable(),
});
export type PackVersionView = z.infer<typeof packVersionSchema>;

const changeReason = z.string().trim().min(1, 'Say why you are making this change').max(500, 'A reason can have at most 500 characters');
const shortText = (what: string, max: number) => z.string().trim().min(1, `${what} cannot be blank`).max(max, `${what} can have at most ${max} characters`);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM, 24-hour, e.g. 09:00');

export const preElectionPeriodSchema = z
  .object({ name: shortText('The period name', 120), start: isoDate, end: isoDate })
  .strict()
  .refine((p) => p.end >= p.start, { message: 'The end date must be the same as or after the start date', path: ['end'] });

/** The organisation's own facts the checks need (R10, R11, R14): names, domains, numbers, hours, pre-election periods. */
export const policySettingsViewSchema = z
  .object({
    organisationNames: z.array(shortText('An organisation name', 200)).max(50),
    nation: z.enum(NATIONS),
    officeHours: z
      .object({ start: hhmm, end: hhmm, days: z.array(z.number().int().min(1).max(7)).max(7) })
      .strict(),
    preElectionPeriods: z.array(preElectionPeriodSchema).max(20),
    organisationDomains: z.array(shortText('A domain', 253)).max(100),
    allowedLinkDomains: z.array(shortText('A domain', 253)).max(500),
    organisationPhoneNumbers: z.array(shortText('A phone number', 40)).max(100),
    roleMailboxes: z.array(shortText('A mailbox', 254)).max(200),
    candidates: z.array(shortText('A candidate name', 120)).max(500),
  })
  .strict();
export type PolicySettingsView = z.infer<typeof policySettingsViewSchema>;

/**
 * A rule pack as edited: any JSON object up to 4 MB; main validates it as a pack. The shipped pack is about 1.7 MB,
 * most of it the classifier's weights, which grow a little with each retrain; 4 MB leaves room without letting a
 * renderer push an unbounded payload.
 */
const packJson = z
  .record(z.string(), z.unknown())
  .refine((p) => {
    try {
      return JSON.stringify(p).length <= 4_000_000;
    } catch {
      return false;
    }
  }, 'A rule pack must be JSON of at most 4 MB');

/** Posts (R5, R10-R12; issue 5 points 6-7). Content is checked again in core; these bound sizes and shapes. */
export const postStateSchema = z.enum(POST_STATES);
export type PostStateName = z.infer<typeof postStateSchema>;

export const postViewSchema = z.object({
  id: z.string(),
  state: postStateSchema,
  stateLabel: z.string(),
  author: z.string(),
  authorId: z.string(),
  campaignId: z.string().nullable(),
  scheduledAt: z.number().nullable(),
  content: postContentSchema,
  contentHash: z.string(),
  revision: z.number(),
  submittedAt: z.number().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.number().nullable(),
  stateReason: z.string().nullable(),
  packLabel: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type PostView = z.infer<typeof postViewSchema>;

/** A finding on a post: which accounts' texts it is in, and the key an approver's sign-off reason refers to. */
export const postFindingSchema = findingSchema.extend({ key: z.string(), accountIds: z.array(z.string()) });
export type PostFindingView = z.infer<typeof postFindingSchema>;

const textPiece = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export const mediaViewSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  mimeType: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});
export type MediaView = z.infer<typeof mediaViewSchema>;

export const postDetailSchema = z.object({
  post: postViewSchema,
  check: z.object({ packLabel: z.string(), findings: z.array(postFindingSchema) }),
  reviews: z.array(
    z.object({
      id: z.string(),
      reviewer: z.string(),
      decision: z.enum(['approved', 'changes-requested']),
      comment: z.string(),
      reasons: z.array(z.object({ key: z.string(), ruleId: z.string(), clause: z.string(), reason: z.string() })),
      contentHash: z.string(),
      at: z.number(),
    }),
  ),
  changes: z
    .object({
      since: z.object({ reviewer: z.string(), decision: z.string(), at: z.number() }),
      accountsAdded: z.array(z.string()),
      accountsRemoved: z.array(z.string()),
      texts: z.array(z.object({ accountId: z.string(), pieces: z.array(textPiece) })),
      mediaAdded: z.array(z.string()),
      mediaRemoved: z.array(z.string()),
      mediaChanged: z.array(z.object({ mediaId: z.string(), fields: z.array(z.string()) })),
      time: z.object({ from: z.number().nullable(), to: z.number().nullable() }).nullable(),
      nothingChanged: z.boolean(),
    })
    .nullable(),
  media: z.array(mediaViewSchema),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    withdraw: z.boolean(),
    review: z.boolean(),
    hold: z.boolean(),
    release: z.boolean(),
    cancel: z.boolean(),
  }),
  reviewBlockedBecause: z.string().nullable(),
});
export type PostDetail = z.infer<typeof postDetailSchema>;

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  audience: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  accountIds: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.number(),
});
export type CampaignView = z.infer<typeof campaignSchema>;

const postId = z.string().min(1).max(64);
const postReason = (what: string) => z.string().trim().min(5, what).max(2000, 'Keep it to 2000 characters');
/** UTC ms between 2020 and 2100: anything else is a bug or hostile input, not a schedule. */
const epochMs = z.number().int().min(1_577_836_800_000).max(4_102_444_800_000);
const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/);
/** Base64 of at most 16 MB of bytes (MediaStore.MAX_MEDIA_BYTES), checked again after decoding. */
const base64Image = z.string().max(Math.ceil((16 * 1024 * 1024) / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read');

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
  /** Any signed-in user: the composer checks its draft on each keystroke. */
  'policy:check': {
    input: z.object({ posts: z.array(policyCheckPostSchema).min(1).max(20) }).strict(),
    output: z.object({ packLabel: z.string(), results: z.array(z.object({ id: z.string(), findings: z.array(findingSchema) })) }),
  },
  /** Managers: the version in use and its whole pack, to edit. `warnings`: saved versions or settings passed over. */
  'policy:get-pack': {
    input: empty,
    output: z.object({ current: packVersionSchema, pack: z.record(z.string(), z.unknown()), warnings: z.array(z.string()) }),
  },
  /** Saved versions newest first, the one in use, and the built-in pack (version 0), which can be restored too. */
  'policy:history': {
    input: empty,
    output: z.object({ current: packVersionSchema, builtIn: packVersionSchema, versions: z.array(packVersionSchema) }),
  },
  'policy:save-pack': { input: z.object({ pack: packJson, reason: changeReason }).strict(), output: packVersionSchema },
  'policy:rollback': {
    input: z.object({ version: z.number().int().min(0).max(1_000_000_000), reason: changeReason }).strict(),
    output: packVersionSchema,
  },
  'policy:get-settings': { input: empty, output: policySettingsViewSchema },
  'policy:update-settings': { input: policySettingsViewSchema.partial().strict(), output: policySettingsViewSchema },
  'posts:list': {
    input: z.object({ states: z.array(postStateSchema).max(9).optional(), mine: z.boolean().optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.array(postViewSchema),
  },
  'posts:get': { input: z.object({ postId }).strict(), output: postDetailSchema },
  /** Autosave from the composer: creates a draft (no postId) or saves the revision the composer last saw. */
  'posts:save-draft': {
    input: z
      .object({
        postId: postId.optional(),
        baseRevision: z.number().int().min(1).optional(),
        campaignId: z.string().min(1).max(64).nullable(),
        scheduledAt: epochMs.nullable(),
        content: postContentSchema,
      })
      .strict(),
    output: postViewSchema,
  },
  'posts:submit': { input: z.object({ postId, revision: z.number().int().min(1) }).strict(), output: postViewSchema },
  'posts:withdraw': { input: z.object({ postId }).strict(), output: postViewSchema },
  'posts:approve': {
    input: z
      .object({
        postId,
        contentHash: contentHashSchema,
        reasons: z.array(z.object({ key: z.string().min(1).max(400), reason: z.string().max(2000) }).strict()).max(200),
        comment: z.string().max(2000),
      })
      .strict(),
    output: postViewSchema,
  },
  'posts:request-changes': {
    input: z.object({ postId, contentHash: contentHashSchema, comment: postReason('Say what needs to change') }).strict(),
    output: postViewSchema,
  },
  'posts:hold': { input: z.object({ postId, reason: postReason('Say why the post is being held') }).strict(), output: postViewSchema },
  'posts:release': { input: z.object({ postId }).strict(), output: postViewSchema },
  'posts:cancel': { input: z.object({ postId, reason: postReason('Say why the post is being cancelled') }).strict(), output: postViewSchema },
  'campaigns:list': { input: empty, output: z.array(campaignSchema) },
  'campaigns:create': {
    input: z
      .object({
        name: z.string().trim().min(1, 'Enter the campaign name').max(120),
        purpose: z.string().trim().min(1, 'Say what the campaign is for').max(1000),
        audience: z.string().trim().min(1, 'Say who the campaign is for').max(1000),
        startsOn: isoDate,
        endsOn: isoDate,
        accountIds: z.array(z.string().min(1).max(64)).max(50),
      })
      .strict(),
    output: campaignSchema,
  },
  'media:add': {
    input: z.object({ fileName: z.string().trim().min(1).max(255), dataBase64: base64Image }).strict(),
    output: mediaViewSchema,
  },
  'media:preview': { input: z.object({ mediaId: z.string().min(1).max(64) }).strict(), output: z.object({ dataUrl: z.string() }) },
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
