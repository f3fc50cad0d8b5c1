/**
 * 0003: key/value settings, and this installation's id. The id names the keychain entries (audit key, checkpoint)
 * that belong to this database, so two Herald data directories on one machine never share a key.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db
    .insertInto('settings')
    .values({ key: 'installation.id', value: JSON.stringify(randomUUID()), updated_at: Date.now() })
    .execute();
}
