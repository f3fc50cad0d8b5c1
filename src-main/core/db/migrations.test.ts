/**
 * One test per migration, on both engines: each brings the schema to what the next code expects, in its own
 * transaction, and a failed migration leaves the database at the previous version.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import path from 'node:path';
import { engines, freshTarget, type EngineName } from '../test-support/engines';
import { HeraldSqliteDialect } from './sqlite-dialect';
import { migrations } from './migrations';
import { openDatabase, DATABASE_FILE } from './database';

type Opened = { db: Kysely<any>; done: () => Promise<void> };

async function bareDb(engine: EngineName): Promise<Opened> {
  const { target, drop } = await freshTarget(engine);
  const db =
    'dataDir' in target
      ? new Kysely<any>({ dialect: new HeraldSqliteDialect({ database: new BetterSqlite3(path.join(target.dataDir, DATABASE_FILE)) }) })
      : new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.databaseUrl }) }) });
  return { db, done: async () => (await db.destroy(), await drop()) };
}

const migrateTo = async (db: Kysely<any>, name: string) => {
  const r = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(name);
  if (r.error) throw r.error;
};

describe.each(engines)('migrations on %s', (engine) => {
  let opened: Opened | null = null;
  afterEach(async () => {
    await opened?.done();
    opened = null;
  });

  it('0001 creates users with a unique username', async () => {
    opened = await bareDb(engine);
    const { db } = opened;
    await migrateTo(db, '0001-create-users');
    const row = { id: 'u1', username: 'a', display_name: 'A', password_hash: 'h', roles: '[]', training_completed_on: null, created_at: 1, updated_at: 1 };
    await db.insertInto('users').values(row).execute();
    await expect(db.insertInto('users').values({ ...row, id: 'u2' }).execute()).rejects.toThrow();
    expect(Number((await db.selectFrom('users').select('active').executeTakeFirstOrThrow()).active)).toBe(1);
  });

  it('0002 creates the audit log with columns generated from the hashed entry', async () => {
    opened = await bareDb(engine);
    const { db } = opened;
    await migrateTo(db, '0002-create-audit-log');
    const entry = JSON.stringify([1, 1764000000000, 'amara', 'user.created', 'user:oliver', { roles: ['officer'] }]);
    await db.insertInto('audit_log').values({ seq: 1, entry, hash: 'h', mac: 'm' }).execute();
    const row = await db.selectFrom('audit_log').select(['at', 'actor', 'action', 'subject']).executeTakeFirstOrThrow();
    expect({ ...row, at: Number(row.at) }).toEqual({ at: 1764000000000, actor: 'amara', action: 'user.created', subject: 'user:oliver' });
    // Generated columns cannot be written apart from the entry they come from.
    await expect(sql`update audit_log set actor = 'mallory'`.execute(db)).rejects.toThrow();
    await expect(db.insertInto('audit_log').values({ seq: 1, entry, hash: 'h2', mac: 'm2' }).execute()).rejects.toThrow();
  });

  it('0003 creates settings and gives the installation an id', async () => {
    opened = await bareDb(engine);
    const { db } = opened;
    await migrateTo(db, '0003-create-settings');
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'installation.id').executeTakeFirstOrThrow();
    expect(JSON.parse(row.value)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('0004 creates accounts, one row per platform identity', async () => {
    opened = await bareDb(engine);
    const { db } = opened;
    await migrateTo(db, '0004-create-accounts');
    const row = {
      id: 'a1', platform: 'bluesky', handle: 'council.test', display_name: 'council.test', platform_account_id: 'did:plc:abc',
      service_url: 'https://pds.example', owner: 'Comms team', purpose: 'Service updates', kind: 'corporate', status: 'connected',
      authorised_by: 'amara', connected_at: 1, created_at: 1, updated_at: 1,
    };
    await db.insertInto('accounts').values(row).execute();
    await expect(db.insertInto('accounts').values({ ...row, id: 'a2' }).execute()).rejects.toThrow();
    const cols = (await db.introspection.getTables()).find((t) => t.name === 'accounts')!.columns.map((c) => c.name);
    expect(cols).not.toEqual(expect.arrayContaining(['token', 'access_token', 'password', 'app_password']));
  });

  it('0005 creates campaigns, posts, reviews and media; media bytes round-trip exactly', async () => {
    opened = await bareDb(engine);
    const { db } = opened;
    await migrateTo(db, '0005-create-posts');
    await db.insertInto('campaigns').values({ id: 'c1', name: 'Winter gritting', purpose: 'p', audience: 'a', starts_on: '2026-12-01', ends_on: '2027-02-28', account_ids: '[]', created_by: 'amara', created_at: 1 }).execute();
    await expect(db.insertInto('campaigns').values({ id: 'c2', name: 'Winter gritting', purpose: 'p', audience: 'a', starts_on: '2026-12-01', ends_on: '2027-02-28', account_ids: '[]', created_by: 'amara', created_at: 1 }).execute()).rejects.toThrow();
    await db.insertInto('posts').values({ id: 'p1', author_id: 'u1', author: 'olu', state: 'draft', campaign_id: 'c1', scheduled_at: 1_800_000_000_000, content: '{}', content_hash: 'h', revision: 1, created_at: 1, updated_at: 1 }).execute();
    const post = await db.selectFrom('posts').selectAll().where('id', '=', 'p1').executeTakeFirstOrThrow();
    expect(Number(post.scheduled_at)).toBe(1_800_000_000_000); // bare PostgreSQL returns int8 as text
    expect(post.approved_hash).toBeNull();
    await db.insertInto('post_reviews').values({ id: 'r1', post_id: 'p1', revision: 1, content_hash: 'h', content: '{}', scheduled_at: null, reviewer: 'bea', decision: 'approved', comment: '', reasons: '[]', at: 2 }).execute();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 1, 2]);
    await db.insertInto('media').values({ id: 'm1', sha256: 's', mime_type: 'image/png', file_name: 'a.png', bytes: bytes.length, width: 1, height: 1, data: bytes, added_by: 'olu', added_at: 1 }).execute();
    const m = await db.selectFrom('media').select('data').where('id', '=', 'm1').executeTakeFirstOrThrow();
    expect(Array.from(m.data)).toEqual(Array.from(bytes));
  });

  it('0006 creates rule pack versions, one row per version number', async () => {
    opened = await bareDb(engine);
    const { db } = opened;
    await migrateTo(db, '0006-create-rule-packs');
    const row = { version: 1, label: 'herald-default@1.1.0+org.1', pack: '{"packId":"herald-default"}', saved_by: 'amara', saved_at: 1_800_000_000_000, reason: 'Add our case references' };
    await db.insertInto('rule_pack_versions').values(row).execute();
    await expect(db.insertInto('rule_pack_versions').values({ ...row, label: 'again' }).execute()).rejects.toThrow();
    await db.insertInto('rule_pack_versions').values({ ...row, version: 2, label: 'herald-default@1.1.0+org.2', restored_from: 0 }).execute();
    const rows = await db.selectFrom('rule_pack_versions').selectAll().orderBy('version').execute();
    expect(rows.map((r) => [Number(r.version), Number(r.saved_at), r.restored_from === null ? null : Number(r.restored_from)])).toEqual([
      [1, 1_800_000_000_000, null],
      [2, 1_800_000_000_000, 0],
    ]);
  });

  it('runs each migration in its own transaction: a failing one leaves the earlier ones applied', async () => {
    opened = await bareDb(engine);
    const { db } = opened;
    const broken = { ...migrations, '9990-broken': { up: async (d: Kysely<any>) => {
      await d.schema.createTable('half_made').addColumn('id', 'text').execute();
      throw new Error('boom');
    } } };
    const m = new Migrator({ db, provider: { getMigrations: async () => broken } });
    for (let i = 0; i < Object.keys(migrations).length; i++) expect((await m.migrateUp()).error).toBeUndefined();
    expect((await m.migrateUp()).error).toBeDefined();
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toContain('settings');
    expect(tables).not.toContain('half_made');
  });

  it('keeps all data when Herald closes and opens the database again', async () => {
    const { target, drop } = await freshTarget(engine);
    try {
      const first = await openDatabase(target);
      await first.db.insertInto('settings').values({ key: 'k', value: '"v"', updated_at: 1 }).execute();
      await first.close();
      const again = await openDatabase(target);
      expect((await again.db.selectFrom('settings').select('value').where('key', '=', 'k').executeTakeFirst())?.value).toBe('"v"');
      await again.close();
    } finally {
      await drop();
    }
  });

  it('refuses a database written by a newer Herald and changes nothing', async () => {
    const { target, drop } = await freshTarget(engine);
    try {
      const first = await openDatabase(target);
      await first.db.insertInto('kysely_migration' as any).values({ name: '9999-from-the-future', timestamp: new Date().toISOString() }).execute();
      await first.close();
      await expect(openDatabase(target)).rejects.toThrow(/newer version of Herald \(it has migration 9999-from-the-future\).*Nothing was changed/);
    } finally {
      await drop();
    }
  });
});
