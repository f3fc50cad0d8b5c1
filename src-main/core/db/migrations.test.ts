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
