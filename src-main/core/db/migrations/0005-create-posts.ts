/**
 * 0005: campaigns, posts, their reviews, and attached media (R5, R6, R10, R12; issue 5 points 6 and 7).
 *
 * A post's content (per-account texts and media with their alt text, source, licence and consent record) is one JSON
 * document, hashed canonically: an approval binds to that hash (R5), so any edit voids it. Reviews keep the content
 * the reviewer saw, which is how the Approvals screen shows what changed since the last review. Media bytes are kept
 * in the database, not beside it, so a backup of the database is a backup of everything that will be posted.
 */
import type { Kysely } from 'kysely';
import { isPostgres } from './engine-of';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    /** JSON array of account ids the campaign runs on. */
    .addColumn('account_ids', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_name').on('campaigns').column('name').unique().execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text')
    /** UTC ms; null: "as soon as it is approved". */
    .addColumn('scheduled_at', 'bigint')
    /** JSON: { accountIds, baseText, variants: [{ accountId, text|null }], media: [...] }. */
    .addColumn('content', 'text', (c) => c.notNull())
    /** SHA-256 over the canonical content and time: what an approval binds to. */
    .addColumn('content_hash', 'text', (c) => c.notNull())
    /** Bumped by every save; a save names the revision it edited, so two windows cannot overwrite each other. */
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    /** JSON: the findings when it was submitted, and the pack that produced them. */
    .addColumn('submitted_findings', 'text')
    .addColumn('pack_label', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'bigint')
    .addColumn('approved_hash', 'text')
    .addColumn('state_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('posts_state').on('posts').columns(['state', 'scheduled_at']).execute();
  await db.schema.createIndex('posts_author').on('posts').columns(['author_id', 'updated_at']).execute();

  await db.schema
    .createTable('post_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    /** The content and time as the reviewer saw them (JSON), to show what changed by the next review. */
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'bigint')
    .addColumn('reviewer', 'text', (c) => c.notNull())
    /** 'approved' | 'changes-requested' */
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    /** JSON: [{ key, ruleId, clause, reason }] for every sign-off finding (R10). */
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_reviews_post').on('post_reviews').columns(['post_id', 'at']).execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .execute();
}
