/**
 * 0002: the append-only audit log (R26, BAR 5a "a full audit trail of usage").
 * Each row keeps the entry exactly as it was hashed (`entry`, a JSON array [seq, at, actor, action, subject, details]),
 * and the columns people filter on are generated from it, so no column can be edited apart from the hashed text.
 * `seq` is the primary key and is assigned as head + 1 inside the writing transaction: two writers can never both
 * append entry N, so the chain cannot fork.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './engine-of';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  // PostgreSQL only has stored generated columns; SQLite's default (virtual) costs no space.
  const gen = pg
    ? {
        at: sql`((entry::jsonb ->> 1)::bigint)`,
        actor: sql`(entry::jsonb ->> 2)`,
        action: sql`(entry::jsonb ->> 3)`,
        subject: sql`(entry::jsonb ->> 4)`,
      }
    : {
        at: sql`(json_extract(entry, '$[1]'))`,
        actor: sql`(json_extract(entry, '$[2]'))`,
        action: sql`(json_extract(entry, '$[3]'))`,
        subject: sql`(json_extract(entry, '$[4]'))`,
      };
  let t = db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull());
  for (const [name, expr] of Object.entries(gen)) {
    t = t.addColumn(name, name === 'at' ? 'bigint' : 'text', (c) => (pg ? c.generatedAlwaysAs(expr).stored() : c.generatedAlwaysAs(expr)));
  }
  await t.execute();
  await db.schema.createIndex('audit_log_action_at').on('audit_log').columns(['action', 'at']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
