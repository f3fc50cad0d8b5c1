/**
 * One interface for every social platform Herald publishes to and moderates on (R1, R6, R7, R20; DESIGN.md rule 7,
 * "Platforms differ; say so"). Each adapter declares what its platform can do as data (`capabilities`), so the UI
 * offers only real actions and explains missing ones, and the policy checks read limits from one place: nobody
 * hard-codes a platform's limits twice.
 *
 * Adapters are stateless: credentials come in on every call (from the OS keychain, via the account service), and a
 * refreshed token goes back out through `onCredentialsChanged`, so the caller can store it atomically (TikTok and X
 * rotate refresh tokens).
 */

export const PLATFORM_IDS = ['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'threads', 'bluesky', 'mastodon', 'tiktok'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

/** How a platform counts the length of a post. */
export type TextCounting =
  | 'x-weighted' // twitter-text: URLs count 23, most emoji and CJK count 2
  | 'graphemes' // Bluesky: user-perceived characters (Intl.Segmenter)
  | 'mastodon' // code points, URLs count 23, @user@domain counts as @user; limit is per instance
  | 'utf16'; // plain string length (Meta, LinkedIn, YouTube, TikTok)

export type Capabilities = {
  displayName: string;
  text: {
    maxLength: number;
    counting: TextCounting;
    /** The instance can change the limit (Mastodon): read it from the instance on connect. */
    perInstanceLimit: boolean;
    /** The platform has no text-only post (Instagram, TikTok, YouTube). */
    requiresMedia: boolean;
  };
  media: {
    kinds: ReadonlyArray<'image' | 'video'>;
    maxImages: number;
    maxVideos: number;
    maxImageBytes: number;
    maxVideoBytes: number;
    /** onVideo: the platform also takes a description for a video, so Herald asks for one (R9; ICO13 2.1). */
    altText: { supported: boolean; maxLength: number; onVideo?: boolean };
    /** The platform fetches media from a publicly reachable URL rather than accepting an upload. */
    needsPublicUrl: boolean;
  };
  threads: boolean;
  comments: {
    fetch: boolean;
    reply: boolean;
    hide: boolean;
    delete: boolean;
    /** Moderation is a status change on the comment (YouTube: heldForReview, rejected, published). */
    moderatesByStatus: boolean;
  };
  block: boolean;
  mute: boolean;
  /** Whether an interrupted publish can be retried safely, or must be reconciled first (R16). */
  idempotency: 'idempotency-key' | 'client-chosen-id' | 'reconcile-by-lookup' | 'none';
  auth: 'app-password' | 'oauth2-pkce';
  /** Human notes shown beside the capabilities, e.g. "LinkedIn cannot hide comments: delete or leave them". */
  notes: readonly string[];
};

/** What the OS keychain holds for one connected account. Never leaves main; never in SQLite, logs or exports (R2). */
export type Credentials = {
  /** Base URL of the service: the PDS for Bluesky, the instance for Mastodon, the API root elsewhere. */
  serviceUrl: string;
  accessToken?: string;
  refreshToken?: string;
  /** UTC epoch ms. */
  expiresAt?: number;
  /** Bluesky: handle and app password. */
  identifier?: string;
  appPassword?: string;
  /** Platform-specific extras, e.g. a Facebook Page id or an Instagram business account id. */
  extra?: Record<string, string>;
};

export type CallContext = {
  credentials: Credentials;
  /** Called when the adapter refreshed or rotated tokens; the caller must persist them before using them again. */
  onCredentialsChanged?: (next: Credentials) => Promise<void>;
  signal?: AbortSignal;
};

export type Health = {
  ok: boolean;
  /** The account as the platform names it: handle, page name, channel title. */
  accountName: string;
  accountId: string;
  tokenExpiresAt: number | null;
  rateLimit: { remaining: number | null; resetAt: number | null } | null;
  /** Mastodon and others may report their own limits on connect (text, and media where the platform says). */
  limits?: Partial<Capabilities['text']> & { media?: Partial<Capabilities['media']> };
};

export type MediaItem = {
  kind: 'image' | 'video';
  mimeType: string;
  bytes: Uint8Array;
  alt: string;
  /** For platforms that need a publicly reachable URL (Instagram, Threads, TikTok pull-from-URL). */
  publicUrl?: string;
};

export type PublishRequest = {
  /** Herald's id for this attempt: used as an idempotency key where the platform supports one. */
  idempotencyKey: string;
  text: string;
  media: MediaItem[];
  /** Follow-up posts for a thread (R17); only where `capabilities.threads`. */
  thread?: Array<{ text: string; media: MediaItem[] }>;
  /** Reply to a platform post or comment id. */
  inReplyTo?: string;
};

export type PublishedPost = { platformPostId: string; url: string | null; publishedAt: number; threadIds?: string[] };

export type Comment = {
  platformCommentId: string;
  /** The post it belongs to, where known. */
  platformPostId: string | null;
  kind: 'comment' | 'reply' | 'mention';
  authorId: string;
  authorHandle: string;
  authorName: string | null;
  text: string;
  createdAt: number;
  url: string | null;
  /** Platform state, where it has one: hidden, held for review. */
  hidden?: boolean;
};

export type CommentPage = { comments: Comment[]; cursor: string | null };

export type ConnectTarget = { id: string; name: string; credentials: Partial<Omit<Credentials, 'serviceUrl'>> };

export interface PlatformAdapter {
  readonly platform: PlatformId;
  readonly capabilities: Capabilities;
  checkHealth(ctx: CallContext): Promise<Health>;
  publish(ctx: CallContext, post: PublishRequest): Promise<PublishedPost>;
  /** Looks a post up by Herald's idempotency key or text, after an unknown outcome (R16); null if it never landed. */
  findPublished(ctx: CallContext, post: PublishRequest): Promise<PublishedPost | null>;
  deletePost(ctx: CallContext, platformPostId: string): Promise<void>;
  /** Comments, replies and mentions since the stored cursor (null: from the start of what the platform keeps). */
  fetchComments(ctx: CallContext, cursor: string | null): Promise<CommentPage>;
  reply(ctx: CallContext, comment: Comment, text: string): Promise<PublishedPost>;
  hideComment(ctx: CallContext, comment: Comment): Promise<void>;
  deleteComment(ctx: CallContext, comment: Comment): Promise<void>;
  blockUser(ctx: CallContext, authorId: string): Promise<void>;
  /**
   * After an OAuth sign-in, the things this sign-in can act for, where a person must choose one: the Facebook Pages
   * the user manages, the LinkedIn organisations they administer. Each comes with the credential changes that make
   * the account act as it (a Page access token, `extra.pageId`, `extra.organizationId`). Absent: no choice needed.
   */
  listTargets?(ctx: CallContext): Promise<ConnectTarget[]>;
  /** What a target is called, for the choice: "Facebook Page", "LinkedIn organisation". */
  readonly targetLabel?: string;
  /** Where `capabilities.mute`: stop seeing an author without blocking them. */
  muteUser?(ctx: CallContext, authorId: string): Promise<void>;
}

/** Every failure an adapter reports is one of these kinds, with a message a comms officer can act on. */
export type PlatformErrorKind = 'auth-expired' | 'rate-limited' | 'not-supported' | 'invalid-content' | 'network' | 'unknown-outcome';

export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    readonly platform: PlatformId,
    message: string,
    readonly details: { status?: number; retryAt?: number; cause?: string } = {},
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/** For capabilities a platform lacks: say so instead of pretending (R20). */
export function notSupported(platform: PlatformId, what: string, instead?: string): PlatformError {
  return new PlatformError('not-supported', platform, `${what} is not possible on this platform${instead ? `: ${instead}` : ''}.`);
}
