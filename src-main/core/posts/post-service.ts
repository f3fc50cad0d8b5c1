/**
 * Posts from draft to scheduled: four-eyes approval (R5), policy findings that block or need a written sign-off (R10),
 * pre-election periods that need a manager (R11), campaigns (R12). Every transition goes through the state machine
 * in post-states.ts and is audited, in the same transaction, with who, when and why (R26). Roles are enforced here,
 * not in the renderer.
 *
 * Drafts are saved as the officer types (the composer autosaves); those saves are not audited one by one, but the
 * exact content at submission and at every review is, by its hash.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, PostsTable } from '../db/schema';
import type { AuditLog, Record_ } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { PolicyEngine } from '../policy/engine';
import { HeraldError } from '../errors';
import { hasPermission, type User } from '../people/user-service';
import { contentHash, textFor, type PostContent } from './post-content';
import { postContentSchema } from './post-schema';
import { nextState, isPostState, STATE_LABELS, type PostEvent, type PostState } from './post-states';
import { blocking, checkPost, needingSignOff, needsManager, type PostCheck, type PostFinding } from './post-findings';
import { changesSince, type ReviewChanges } from './review-diff';
import type { MediaStore, MediaView } from './media-store';
import type { CampaignService } from './campaign-service';

export type PostView = {
  id: string;
  state: PostState;
  stateLabel: string;
  author: string;
  authorId: string;
  campaignId: string | null;
  scheduledAt: number | null;
  content: PostContent;
  contentHash: string;
  revision: number;
  submittedAt: number | null;
  approvedBy: string | null;
  approvedAt: number | null;
  stateReason: string | null;
  packLabel: string | null;
  createdAt: number;
  updatedAt: number;
};

export type ReviewView = { id: string; reviewer: string; decision: 'approved' | 'changes-requested'; comment: string; reasons: SignOffReason[]; contentHash: string; at: number };
export type SignOffReason = { key: string; ruleId: string; clause: string; reason: string };

export type PostDetail = {
  post: PostView;
  check: PostCheck;
  reviews: ReviewView[];
  changes: ReviewChanges | null;
  media: MediaView[];
  /** Hints for the screen; every action is checked again here when it is taken. */
  can: { edit: boolean; submit: boolean; withdraw: boolean; review: boolean; hold: boolean; release: boolean; cancel: boolean };
  /** Why this person cannot review it (their own post, not an approver, needs a manager), or null. */
  reviewBlockedBecause: string | null;
};

export type DraftInput = { postId?: string; baseRevision?: number; campaignId: string | null; scheduledAt: number | null; content: PostContent };

/** A post that goes out "when approved" is checked as if it went now (out-of-hours, pre-election). */
const MIN_REASON = 5;

export class PostService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly engine: () => PolicyEngine,
    private readonly media: MediaStore,
    private readonly campaigns: CampaignService,
  ) {}

  // ---- reading ------------------------------------------------------------------------------------------------

  async list(actor: User, filter: { states?: PostState[]; mine?: boolean; limit?: number }): Promise<PostView[]> {
    requireAnyRole(actor);
    let q = this.db.selectFrom('posts').selectAll().orderBy('updated_at', 'desc').limit(filter.limit ?? 200);
    if (filter.states?.length) q = q.where('state', 'in', filter.states);
    if (filter.mine) q = q.where('author_id', '=', actor.id);
    const rows = await q.execute();
    return rows.flatMap((r) => {
      try {
        return [toView(r)];
      } catch (e) {
        // One corrupted row must not hide every other post; it is logged and left for the integrity check.
        this.logger.error({ postId: r.id, err: (e as Error).message }, 'post row cannot be read');
        return [];
      }
    });
  }

  async get(actor: User, postId: string): Promise<PostDetail> {
    requireAnyRole(actor);
    const row = await this.row(this.db, postId);
    const post = toView(row);
    const check = await this.check(post.content, post.scheduledAt);
    const reviewRows = await this.db.selectFrom('post_reviews').selectAll().where('post_id', '=', postId).orderBy('at', 'desc').execute();
    const reviews: ReviewView[] = reviewRows.map((r) => ({
      id: r.id,
      reviewer: r.reviewer,
      decision: r.decision === 'approved' ? 'approved' : 'changes-requested',
      comment: r.comment,
      reasons: parseJson<SignOffReason[]>(r.reasons, []),
      contentHash: r.content_hash,
      at: Number(r.at),
    }));
    const last = reviewRows[0];
    let changes: ReviewChanges | null = null;
    if (last) {
      const parsed = postContentSchema.safeParse(parseJson<unknown>(last.content, null));
      if (parsed.success)
        changes = changesSince(
          { content: parsed.data, scheduledAt: last.scheduled_at === null ? null : Number(last.scheduled_at), reviewer: last.reviewer, decision: last.decision, at: Number(last.at) },
          { content: post.content, scheduledAt: post.scheduledAt },
        );
    }
    const media = [...(await this.media.views(post.content.media.map((m) => m.mediaId))).values()];
    const own = post.authorId === actor.id;
    const canRun = (e: PostEvent) => nextState(post.state, e) !== null;
    const reviewBlockedBecause = !hasPermission(actor, 'approve')
      ? 'Only a trained approver or manager can review posts.'
      : own
        ? 'You wrote this post, so someone else must review it (four eyes).'
        : needsManager(check) && !hasPermission(actor, 'administer')
          ? 'This post is inside a pre-election period, so a manager must approve it.'
          : null;
    return {
      post,
      check,
      reviews,
      changes,
      media,
      can: {
        edit: own && hasPermission(actor, 'post') && canRun('edit'),
        submit: own && hasPermission(actor, 'post') && canRun('submit') && blocking(check).length === 0,
        withdraw: own && canRun('withdraw'),
        review: reviewBlockedBecause === null && post.state === 'submitted',
        hold: hasPermission(actor, 'approve') && canRun('pause'),
        release: hasPermission(actor, 'approve') && post.state === 'approved' && post.approvedBy !== null,
        cancel: (own || hasPermission(actor, 'approve')) && canRun('cancel'),
      },
      reviewBlockedBecause,
    };
  }

  /** Findings for a post as it stands, with the pack that produced them. */
  async check(content: PostContent, scheduledAt: number | null): Promise<PostCheck> {
    const platforms = await this.platforms(content.accountIds);
    return checkPost(this.engine(), content, (id) => platforms.get(id), scheduledAt ?? this.clock.now());
  }

  // ---- drafting -----------------------------------------------------------------------------------------------

  /** Creates or updates a draft. Editing a submitted, approved or scheduled post voids its approval (R5). */
  async saveDraft(actor: User, input: DraftInput): Promise<PostView> {
    if (!hasPermission(actor, 'post')) throw new HeraldError('forbidden', 'Only a trained officer can write posts');
    const content = normalise(input.content);
    await this.requireMediaExist(content);
    if (input.campaignId && !(await this.campaigns.get(input.campaignId))) throw new HeraldError('not-found', 'That campaign no longer exists');
    const hash = await this.hash(content, input.scheduledAt);
    const now = this.clock.now();
    if (!input.postId) {
      const row: PostsTable = {
        id: randomUUID(),
        author_id: actor.id,
        author: actor.username,
        state: 'draft',
        campaign_id: input.campaignId,
        scheduled_at: input.scheduledAt,
        content: JSON.stringify(content),
        content_hash: hash,
        revision: 1,
        submitted_at: null,
        submitted_findings: null,
        pack_label: null,
        approved_by: null,
        approved_at: null,
        approved_hash: null,
        state_reason: null,
        created_at: now,
        updated_at: now,
      };
      await this.audit.transact(async (trx, record) => {
        await trx.insertInto('posts').values(row).execute();
        await record({ actor: actor.username, action: 'post.drafted', subject: `post:${row.id}`, details: { title: content.title, accounts: content.accountIds } });
      });
      return toView(row);
    }
    const postId = input.postId;
    return this.audit.transact(async (trx, record) => {
      const row = await this.row(trx, postId);
      if (row.author_id !== actor.id) throw new HeraldError('forbidden', 'Only the author can edit this post');
      if (input.baseRevision !== undefined && input.baseRevision !== Number(row.revision))
        throw new HeraldError('conflict', 'This post was changed somewhere else since you opened it. Reload it to see the latest version.');
      const from = stateOf(row);
      const to = nextState(from, 'edit');
      if (!to) throw new HeraldError('conflict', `A post that is ${STATE_LABELS[from].toLowerCase()} cannot be edited`);
      if (hash === row.content_hash && input.campaignId === row.campaign_id) return toView(row);
      const patch = {
        state: to,
        campaign_id: input.campaignId,
        scheduled_at: input.scheduledAt,
        content: JSON.stringify(content),
        content_hash: hash,
        revision: Number(row.revision) + 1,
        updated_at: now,
        ...(from !== to ? { approved_by: null, approved_at: null, approved_hash: null, state_reason: 'Edited after submission' } : {}),
      };
      await trx.updateTable('posts').set(patch).where('id', '=', postId).execute();
      if (from !== to) {
        await record({
          actor: actor.username,
          action: row.approved_hash ? 'post.approval-voided' : 'post.edited-after-submission',
          subject: `post:${postId}`,
          details: { from, to, previousHash: row.content_hash, contentHash: hash },
        });
      }
      return toView({ ...row, ...patch });
    });
  }

  // ---- transitions --------------------------------------------------------------------------------------------

  /** Sends a draft for approval. Block findings stop it (R10); every account must be connected. */
  async submit(actor: User, postId: string, revision: number): Promise<PostView> {
    if (!hasPermission(actor, 'post')) throw new HeraldError('forbidden', 'Only a trained officer can submit posts');
    const row = await this.row(this.db, postId);
    const post = toView(row);
    if (post.authorId !== actor.id) throw new HeraldError('forbidden', 'Only the author can submit this post');
    if (post.revision !== revision) throw new HeraldError('conflict', 'This post changed since you last saw it. Check it again, then submit.');
    await this.requireReady(post);
    const check = await this.check(post.content, post.scheduledAt);
    const blocks = blocking(check);
    if (blocks.length) {
      throw new HeraldError(
        'invalid-input',
        `This post cannot be submitted until ${blocks.length === 1 ? 'this problem is' : `these ${blocks.length} problems are`} fixed: ` +
          blocks.map((f) => `${f.message} (${f.clause})`).join('; '),
      );
    }
    return this.move(actor, postId, post.revision, 'submit', null, async () => ({
      patch: { submitted_at: this.clock.now(), submitted_findings: JSON.stringify(check.findings), pack_label: check.packLabel },
      details: {
        revision: post.revision,
        contentHash: post.contentHash,
        packLabel: check.packLabel,
        signOff: needingSignOff(check).map((f) => f.ruleId),
        advice: check.findings.filter((f) => f.severity === 'advice').length,
        scheduledAt: post.scheduledAt,
      },
    }));
  }

  async withdraw(actor: User, postId: string): Promise<PostView> {
    const post = toView(await this.row(this.db, postId));
    if (post.authorId !== actor.id) throw new HeraldError('forbidden', 'Only the author can withdraw this post');
    return this.move(actor, postId, post.revision, 'withdraw', 'Withdrawn by the author');
  }

  async requestChanges(actor: User, postId: string, seenHash: string, comment: string): Promise<PostView> {
    const { post } = await this.reviewable(actor, postId, seenHash);
    if (comment.trim().length < MIN_REASON) throw new HeraldError('invalid-input', 'Say what needs to change', { comment: 'Say what needs to change' });
    return this.move(actor, postId, post.revision, 'request-changes', comment.trim(), async (trx) => {
      await this.insertReview(trx, actor, post, 'changes-requested', comment.trim(), []);
      return { patch: {}, details: { comment: comment.trim(), contentHash: post.contentHash } };
    });
  }

  /**
   * Four eyes (R5): an approver who is not the author approves the exact content they saw (its hash), giving a written
   * reason for every sign-off finding (R10); inside a pre-election period the approver must be a manager (R11). The
   * post is then scheduled for its time, or for now when it has none.
   */
  async approve(actor: User, postId: string, input: { contentHash: string; reasons: Array<{ key: string; reason: string }>; comment: string }): Promise<PostView> {
    const { post, check } = await this.reviewable(actor, postId, input.contentHash);
    const blocks = blocking(check);
    if (blocks.length) throw new HeraldError('conflict', `This post now has a finding that blocks it: ${blocks[0]!.message} Ask the author to change it.`);
    const given = new Map(input.reasons.map((r) => [r.key, r.reason.trim()]));
    const missing: Record<string, string> = {};
    const reasons: SignOffReason[] = [];
    for (const f of needingSignOff(check)) {
      const reason = given.get(f.key) ?? '';
      if (reason.length < MIN_REASON) missing[`reason:${f.key}`] = `Give a reason for signing off: ${f.message}`;
      else reasons.push({ reason, ruleId: f.ruleId, clause: f.clause, key: f.key }); // the reason first: the Audit screen shows the start of the details
    }
    if (Object.keys(missing).length)
      throw new HeraldError('invalid-input', `Give a written reason for each of the ${needingSignOff(check).length} findings that need sign-off`, missing);
    const at = post.scheduledAt ?? this.clock.now();
    if (post.scheduledAt !== null && post.scheduledAt < this.clock.now())
      throw new HeraldError('conflict', 'The time this post was due to go out has passed. Ask the author to choose a new time.');
    // Approved and scheduled in one transaction: a crash cannot leave an approval without its schedule entry.
    return this.audit.transact(async (trx, record) => {
      await this.moveIn(trx, record, actor, postId, post.revision, 'approve', input.comment.trim() || null, async (t) => {
        await this.insertReview(t, actor, post, 'approved', input.comment.trim(), reasons);
        return {
          patch: { approved_by: actor.username, approved_at: this.clock.now(), approved_hash: post.contentHash },
          details: { reasons, comment: input.comment.trim(), contentHash: post.contentHash, packLabel: check.packLabel, managerRequired: needsManager(check) },
        };
      });
      return this.moveIn(trx, record, actor, postId, post.revision, 'schedule', null, async () => ({
        patch: { scheduled_at: at },
        details: { scheduledAt: new Date(at).toISOString(), whenApproved: post.scheduledAt === null },
      }));
    });
  }

  /** Holds a scheduled post without voiding its approval (an incident, a change of plan). */
  async hold(actor: User, postId: string, reason: string): Promise<PostView> {
    if (!hasPermission(actor, 'approve')) throw new HeraldError('forbidden', 'Only an approver or manager can hold a scheduled post');
    if (reason.trim().length < MIN_REASON) throw new HeraldError('invalid-input', 'Say why the post is being held', { reason: 'Say why the post is being held' });
    const post = toView(await this.row(this.db, postId));
    return this.move(actor, postId, post.revision, 'pause', reason.trim());
  }

  async release(actor: User, postId: string): Promise<PostView> {
    if (!hasPermission(actor, 'approve')) throw new HeraldError('forbidden', 'Only an approver or manager can release a held post');
    const post = toView(await this.row(this.db, postId));
    if (post.scheduledAt !== null && post.scheduledAt < this.clock.now())
      throw new HeraldError('conflict', 'The time this post was due to go out has passed. Ask the author to choose a new time.');
    const row = await this.row(this.db, postId);
    if (!row.approved_hash || row.approved_hash !== row.content_hash) throw new HeraldError('conflict', 'This post has no valid approval');
    return this.move(actor, postId, post.revision, 'schedule', null, async () => ({ patch: {}, details: { resumed: true } }));
  }

  async cancel(actor: User, postId: string, reason: string): Promise<PostView> {
    const post = toView(await this.row(this.db, postId));
    if (post.authorId !== actor.id && !hasPermission(actor, 'approve')) throw new HeraldError('forbidden', 'Only the author or an approver can cancel this post');
    if (reason.trim().length < MIN_REASON) throw new HeraldError('invalid-input', 'Say why the post is being cancelled', { reason: 'Say why the post is being cancelled' });
    return this.move(actor, postId, post.revision, 'cancel', reason.trim());
  }

  // ---- internals ----------------------------------------------------------------------------------------------

  /**
   * One transition: re-reads the row inside the transaction, checks the revision and the state machine, applies the
   * patch and audits it. Two approvers pressing Approve at once: the second finds the state moved and gets a conflict.
   */
  private move(actor: User, postId: string, revision: number, event: PostEvent, reason: string | null | undefined, extra?: Extra): Promise<PostView> {
    return this.audit.transact((trx, record) => this.moveIn(trx, record, actor, postId, revision, event, reason, extra));
  }

  /**
   * One transition inside a transaction: re-reads the row, checks the revision and the state machine, applies the
   * patch and audits it. Two approvers pressing Approve at once: the second finds the state moved and gets a conflict.
   */
  private async moveIn(
    trx: Transaction<Database>,
    record: Record_,
    actor: User,
    postId: string,
    revision: number,
    event: PostEvent,
    reason: string | null | undefined,
    extra?: Extra,
  ): Promise<PostView> {
    const row = await this.row(trx, postId);
    if (Number(row.revision) !== revision) throw new HeraldError('conflict', 'This post changed while you were looking at it. Open it again.');
    const from = stateOf(row);
    const to = nextState(from, event);
    if (!to) throw new HeraldError('conflict', `A post that is ${STATE_LABELS[from].toLowerCase()} cannot be ${EVENT_PAST[event]}`);
    const more = extra ? await extra(trx) : { patch: {}, details: {} };
    const patch: Partial<PostsTable> = { ...more.patch, state: to, updated_at: this.clock.now(), ...(reason !== undefined ? { state_reason: reason } : {}) };
    const res = await trx.updateTable('posts').set(patch).where('id', '=', postId).where('state', '=', from).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new HeraldError('conflict', 'This post changed while you were looking at it. Open it again.');
    await record({
      actor: actor.username,
      action: `post.${EVENT_ACTION[event]}`,
      subject: `post:${postId}`,
      details: { from, to, ...(reason ? { reason } : {}), ...more.details },
    });
    return toView({ ...row, ...patch } as PostsTable);
  }

  private async reviewable(actor: User, postId: string, seenHash: string): Promise<{ post: PostView; check: PostCheck }> {
    if (!hasPermission(actor, 'approve')) throw new HeraldError('forbidden', 'Only a trained approver or manager can review posts');
    const post = toView(await this.row(this.db, postId));
    if (post.authorId === actor.id) throw new HeraldError('forbidden', 'You wrote this post, so someone else must review it (four eyes)');
    if (post.state !== 'submitted') throw new HeraldError('conflict', `This post is ${STATE_LABELS[post.state].toLowerCase()}, not waiting for approval`);
    if (post.contentHash !== seenHash)
      throw new HeraldError('conflict', 'This post changed after you opened it. Review the new version before deciding.');
    const check = await this.check(post.content, post.scheduledAt);
    if (needsManager(check) && !hasPermission(actor, 'administer'))
      throw new HeraldError('forbidden', 'This post is inside a pre-election period, so a manager must approve it (R11)');
    return { post, check };
  }

  private async insertReview(trx: Transaction<Database>, actor: User, post: PostView, decision: 'approved' | 'changes-requested', comment: string, reasons: SignOffReason[]) {
    await trx
      .insertInto('post_reviews')
      .values({
        id: randomUUID(),
        post_id: post.id,
        revision: post.revision,
        content_hash: post.contentHash,
        content: JSON.stringify(post.content),
        scheduled_at: post.scheduledAt,
        reviewer: actor.username,
        decision,
        comment,
        reasons: JSON.stringify(reasons),
        at: this.clock.now(),
      })
      .execute();
  }

  private async requireReady(post: PostView): Promise<void> {
    const c = post.content;
    if (c.accountIds.length === 0) throw new HeraldError('invalid-input', 'Choose at least one account to post to', { accounts: 'Choose at least one account' });
    const rows = await this.db.selectFrom('accounts').select(['id', 'status', 'handle']).where('id', 'in', c.accountIds).execute();
    for (const id of c.accountIds) {
      const a = rows.find((r) => r.id === id);
      if (!a) throw new HeraldError('invalid-input', 'One of the chosen accounts has been removed', { accounts: 'Choose the accounts again' });
      if (a.status !== 'connected') throw new HeraldError('invalid-input', `${a.handle} needs reconnecting before posts can go to it`, { accounts: `Reconnect ${a.handle} or untick it` });
      if (textFor(c, id).trim() === '' && c.media.length === 0) throw new HeraldError('invalid-input', `The post for ${a.handle} is empty`, { text: 'Write the post' });
    }
    if (post.scheduledAt !== null && post.scheduledAt < this.clock.now())
      throw new HeraldError('invalid-input', 'The time you chose has passed', { scheduledAt: 'Choose a time in the future' });
  }

  private async requireMediaExist(content: PostContent) {
    const ids = content.media.map((m) => m.mediaId);
    const found = await this.media.views(ids);
    const gone = ids.filter((id) => !found.has(id));
    if (gone.length) throw new HeraldError('invalid-input', 'An attached image is no longer stored: attach it again', { media: 'Attach the image again' });
  }

  private async hash(content: PostContent, scheduledAt: number | null): Promise<string> {
    const views = await this.media.views(content.media.map((m) => m.mediaId));
    return contentHash(content, scheduledAt, (id) => views.get(id)?.sha256 ?? `missing:${id}`);
  }

  private async platforms(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('accounts').select(['id', 'platform']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.platform]));
  }

  private async row(db: Kysely<Database>, postId: string): Promise<PostsTable> {
    const row = await db.selectFrom('posts').selectAll().where('id', '=', postId).executeTakeFirst();
    if (!row) throw new HeraldError('not-found', 'That post no longer exists');
    return row;
  }
}

type Extra = (trx: Transaction<Database>) => Promise<{ patch: Partial<PostsTable>; details: Record<string, unknown> }>;

const EVENT_ACTION: Record<PostEvent, string> = {
  edit: 'edited',
  submit: 'submitted',
  withdraw: 'withdrawn',
  'request-changes': 'changes-requested',
  approve: 'approved',
  schedule: 'scheduled',
  pause: 'held',
  claim: 'publishing',
  'publish-succeeded': 'published',
  'publish-failed': 'failed',
  retry: 'retry-scheduled',
  cancel: 'cancelled',
};
const EVENT_PAST: Record<PostEvent, string> = { ...EVENT_ACTION, pause: 'held', claim: 'published', schedule: 'scheduled', withdraw: 'withdrawn' };

function requireAnyRole(actor: User) {
  if (!['post', 'approve', 'administer', 'moderate'].some((p) => hasPermission(actor, p as 'post'))) throw new HeraldError('forbidden', 'Your account cannot see posts');
}

function normalise(c: PostContent): PostContent {
  const accountIds = [...new Set(c.accountIds)];
  // A variant for an account no longer chosen, or identical to the shared text, is not a variant.
  const variants = c.variants.filter((v, i, all) => accountIds.includes(v.accountId) && v.text !== c.baseText && all.findIndex((w) => w.accountId === v.accountId) === i);
  return { ...c, accountIds, variants };
}

function stateOf(row: PostsTable): PostState {
  if (!isPostState(row.state)) throw new HeraldError('storage', `Post ${row.id} has an unreadable state (“${row.state}”); the database may be damaged`);
  return row.state;
}

function toView(r: PostsTable): PostView {
  const parsed = postContentSchema.safeParse(parseJson<unknown>(r.content, null));
  if (!parsed.success) throw new HeraldError('storage', `Post ${r.id} cannot be read: its content is damaged`);
  const state = stateOf(r);
  return {
    id: r.id,
    state,
    stateLabel: STATE_LABELS[state],
    author: r.author,
    authorId: r.author_id,
    campaignId: r.campaign_id,
    scheduledAt: r.scheduled_at === null ? null : Number(r.scheduled_at),
    content: parsed.data,
    contentHash: r.content_hash,
    revision: Number(r.revision),
    submittedAt: r.submitted_at === null ? null : Number(r.submitted_at),
    approvedBy: r.approved_by,
    approvedAt: r.approved_at === null ? null : Number(r.approved_at),
    stateReason: r.state_reason,
    packLabel: r.pack_label,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export type { PostFinding };
