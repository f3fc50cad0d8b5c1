/**
 * 0006: the organisation's rule pack versions (R10, issue 5 point 8). Every save, and every rollback, adds a row with
 * the next version number; nothing is ever updated or deleted, so the history is linear and each check's recorded
 * label ("herald-default@1.1.0+org.3") points at exactly one pack body. No row: the built-in default pack applies.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_pack_versions')
    /** 1, 2, 3 ... in the order saved. */
    .addColumn('version', 'integer', (c) => c.primaryKey())
    /** "packId@version+org.N": what every check made with this version records. */
    .addColumn('label', 'text', (c) => c.notNull())
    /** The whole validated pack, as JSON. */
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    /** For a rollback: the version whose body this one restored (0: the built-in pack). */
    .addColumn('restored_from', 'integer')
    .execute();
}
