import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { engines } from '../test-support/engines';
import { testCore, type TestCore } from '../test-support/core';
import { createCore } from '../create-core';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { silentLogger } from '../logger';
import { entryHash } from './audit-chain';

async function seed(core: TestCore, n: number) {
  for (let i = 1; i <= n; i++) {
    core.clock.advance(1000);
    await core.audit.record({ actor: 'amara', action: 'post.drafted', subject: `post:${i}`, details: { i, text: `Bin collections | week ${i}` } });
  }
  await core.audit.checkpoint.flush();
}

/** Rewrites one stored entry's JSON as an attacker with write access to the database would. */
async function editEntry(core: TestCore, seq: number, change: (e: unknown[]) => void) {
  const row = await core.database.db.selectFrom('audit_log').select('entry').where('seq', '=', seq).executeTakeFirstOrThrow();
  const e = JSON.parse(row.entry) as unknown[];
  change(e);
  await sql`update audit_log set entry = ${JSON.stringify(e)} where seq = ${seq}`.execute(core.database.db);
}

describe.each(engines)('audit log on %s', (engine) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await testCore(engine);
  });
  afterEach(async () => {
    await core.dispose();
  });
  const raw = (q: ReturnType<typeof sql>) => q.execute(core.database.db);

  it('verifies an untouched log and reports how many entries it checked', async () => {
    await seed(core, 10);
    expect(await core.audit.verify()).toEqual({ ok: true, checked: 10, firstBadSeq: null, reason: null });
  });

  it('lists newest first with details parsed, and pages back by sequence', async () => {
    await seed(core, 5);
    const page = await core.audit.list({ limit: 2 });
    expect(page.total).toBe(5);
    expect(page.entries.map((e) => e.seq)).toEqual([5, 4]);
    expect(page.entries[0]!.details).toEqual({ i: 5, text: 'Bin collections | week 5' });
    const older = await core.audit.list({ limit: 10, beforeSeq: 4 });
    expect(older.entries.map((e) => e.seq)).toEqual([3, 2, 1]);
  });

  it('detects a past entry edited with raw SQL and names it', async () => {
    await seed(core, 10);
    await editEntry(core, 4, (e) => (e[5] = { i: 4, text: 'nothing to see' }));
    const r = await core.audit.verify();
    expect(r).toMatchObject({ ok: false, firstBadSeq: 4 });
    expect(r.reason).toMatch(/edited/);
  });

  it("detects a past entry's MAC overwritten, and names that entry", async () => {
    await seed(core, 10);
    await raw(sql`update audit_log set mac = ${'0'.repeat(64)} where seq = 5`);
    expect(await core.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it('detects a past entry deleted with raw SQL', async () => {
    await seed(core, 10);
    await raw(sql`delete from audit_log where seq = 6`);
    expect(await core.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 6 });
  });

  it('detects an entry inserted into the past', async () => {
    await seed(core, 10);
    // Make room at 5 by renumbering from the top down, then insert a forged approval carrying its neighbour's hash and MAC.
    for (let s = 10; s >= 5; s--) await raw(sql`update audit_log set seq = ${s + 1} where seq = ${s}`);
    await raw(sql`insert into audit_log (seq, entry, hash, mac) select 5, entry, hash, mac from audit_log where seq = 6`);
    await editEntry(core, 5, (e) => ((e[2] = 'mallory'), (e[3] = 'post.approved')));
    expect(await core.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it('detects two past entries swapped', async () => {
    await seed(core, 10);
    await raw(sql`update audit_log set seq = -1 where seq = 3`);
    await raw(sql`update audit_log set seq = 3 where seq = 7`);
    await raw(sql`update audit_log set seq = 7 where seq = -1`);
    expect(await core.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('detects the newest entries cut off, using the checkpoint in the keychain', async () => {
    await seed(core, 10);
    await raw(sql`delete from audit_log where seq > 7`);
    const r = await core.audit.verify();
    expect(r).toMatchObject({ ok: false, firstBadSeq: 8 });
    expect(r.reason).toMatch(/removed/);
  });

  it('detects an edit whose author recomputed every plain hash after it', async () => {
    await seed(core, 10);
    await editEntry(core, 4, (e) => (e[2] = 'someone-else'));
    const rows = await core.database.db.selectFrom('audit_log').select(['seq', 'entry', 'hash', 'mac']).orderBy('seq').execute();
    let prev = rows[2]!.hash + rows[2]!.mac;
    for (const r of rows.filter((x) => Number(x.seq) >= 4)) {
      const h = entryHash(prev, r.entry);
      await raw(sql`update audit_log set hash = ${h} where seq = ${r.seq}`);
      prev = h + r.mac;
    }
    const r = await core.audit.verify();
    expect(r).toMatchObject({ ok: false, firstBadSeq: 4 });
    expect(r.reason).toMatch(/without Herald's key/);
  });

  it('keeps every entry and a valid chain when many writers append at once', async () => {
    // PostgreSQL: two cores, two connection pools, one database. SQLite: one process has one core (several processes
    // are tested below); its writers are the many concurrent calls.
    const second =
      engine === 'postgres' ? await createCore({ ...core.target, secretStore: core.secrets, clock: core.clock, logger: silentLogger() }) : core;
    try {
      const writes: Promise<number>[] = [];
      for (let i = 0; i < 60; i++) {
        const c = i % 2 === 0 ? core : second;
        writes.push(c.audit.record({ actor: `w${i % 2}`, action: 'test.concurrent', subject: `n:${i}`, details: {} }));
      }
      const seqs = await Promise.all(writes);
      expect(new Set(seqs).size).toBe(60);
      await second.audit.checkpoint.flush();
      expect(await core.audit.verify()).toMatchObject({ ok: true, checked: 60 });
    } finally {
      if (second !== core) await second.close();
    }
  });

  it('rolls back the audit entry when the change it records fails', async () => {
    await expect(
      core.audit.transact(async (_trx, record) => {
        await record({ actor: 'amara', action: 'post.scheduled', subject: 'post:1' });
        throw new Error('publisher refused');
      }),
    ).rejects.toThrow('publisher refused');
    expect((await core.audit.list({ limit: 10 })).total).toBe(0);
  });
});

describe('audit log across processes on one SQLite file', () => {
  it('never forks the chain when three Herald processes append at the same time', async () => {
    const core = await testCore('sqlite');
    try {
      const dataDir = (core.target as { dataDir: string }).dataDir;
      const service = (core.secrets as KeytarSecretStore).service;
      const worker = path.join(import.meta.dirname, 'fixtures', 'append-worker.ts');
      const run = (name: string) =>
        new Promise<void>((resolve, reject) => {
          const p = spawn(process.execPath, ['--import', 'tsx', worker, dataDir, service, '40', name], { stdio: ['ignore', 'ignore', 'pipe'] });
          let err = '';
          p.stderr.on('data', (d) => (err += d));
          p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${name} exited ${code}: ${err}`))));
        });
      await Promise.all([run('p1'), run('p2'), run('p3')]);
      const r = await core.audit.verify();
      expect(r).toMatchObject({ ok: true, checked: 120 });
      const actors = await core.audit.list({ limit: 500 });
      expect(new Set(actors.entries.map((e) => e.actor))).toEqual(new Set(['p1', 'p2', 'p3']));
    } finally {
      await core.dispose();
    }
  }, 60_000);
});
