/**
 * Bench (R26, issue 3 point 5): verify an audit log of 1,000,000 entries on one core. Target: under 2 seconds.
 * Builds a real SQLite data directory with a real keychain key, writes the entries in batches (setup, not timed), then
 * times `audit.verify()` three times and prints the best and median. Run: `npm run bench` (pins itself to one core).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { KeytarSecretStore } from '../src-main/core/secrets/keytar-secret-store';
import { silentLogger } from '../src-main/core/logger';
import { entryHash, entryMac, entryText, genesisHash } from '../src-main/core/audit/audit-chain';

const N = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const TARGET_MS = 2000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-'));
const secrets = new KeytarSecretStore(`Herald-bench-${process.pid}`);
const core = await createCore({ dataDir: dir, secretStore: secrets, logger: silentLogger() });
const key = Buffer.from((await secrets.get(`audit-key:${core.installationId}`))!, 'hex');

const actions = ['post.drafted', 'post.approved', 'post.published', 'moderation.hidden', 'auth.signed-in'];
let prev = genesisHash(core.installationId);
let prevHash = prev;
const t0 = performance.now();
const BATCH = 2000;
for (let start = 1; start <= N; start += BATCH) {
  const rows: { seq: number; entry: string; hash: string; mac: string }[] = [];
  for (let seq = start; seq < Math.min(N + 1, start + BATCH); seq++) {
    const entry = entryText({
      seq,
      at: Date.UTC(2026, 0, 1) + seq * 1000,
      actor: `user${seq % 37}`,
      action: actions[seq % actions.length]!,
      subject: `post:${(seq * 7919) % 100_000}`,
      details: { account: `acct-${seq % 9}`, note: 'Road closure on the A61 until 18:00' },
    });
    const hash = entryHash(prev, entry);
    const mac = entryMac(key, hash);
    rows.push({ seq, entry, hash, mac });
    prev = hash + mac;
    prevHash = hash;
  }
  await core.database.db.transaction().execute((trx) => trx.insertInto('audit_log').values(rows).execute());
}
await secrets.set(`audit-checkpoint:${core.installationId}`, JSON.stringify({ seq: N, hash: prevHash }));
console.log(`setup: wrote ${N.toLocaleString('en-GB')} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const times: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await core.audit.verify();
  times.push(performance.now() - t);
  if (!r.ok || r.checked !== N) throw new Error(`verify failed: ${JSON.stringify(r)}`);
}
times.sort((a, b) => a - b);
const best = times[0]!;
console.log(`audit verify, ${N.toLocaleString('en-GB')} entries: best ${best.toFixed(0)} ms, median ${times[1]!.toFixed(0)} ms (target < ${TARGET_MS} ms on one core) ${best < TARGET_MS ? 'PASS' : 'FAIL'}`);
await core.close();
for (const a of await secrets.list()) await secrets.delete(a);
fs.rmSync(dir, { recursive: true, force: true });
