/**
 * Bench (issue 5 point 5, "Speed", one core): the policy engine's speed, on posts generated at run time from
 * templates of everyday UK council posts (varied services, places, times, links, numbers, hashtags, media, and now
 * and then something to find), never from a fixed test set.
 *
 * 1. `herald check` in batch: spawn the real command (pinned to one core with taskset where there is one), pipe N
 *    posts in as JSON Lines, read every row back, time it end to end. Target: at least 20,000 posts a second.
 * 2. In-process `engine.check`: the median over distinct posts of 280 characters (target under 50 us) and of 3,000
 *    characters (target under 1 ms), after a warm-up on other posts.
 *
 * Run: `npm run bench:policy` (or `tsx bench/policy-speed.bench.ts [N]`). `--strict` exits 1 when a target is missed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPolicyEngine } from '../src-main/core/policy/engine';
import { generatedPost as post } from './council-posts';

const TARGET_POSTS_PER_SECOND = 20_000;
const TARGET_MEDIAN_280_US = 50;
const TARGET_MEDIAN_3000_US = 1_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 200_000);

// ---- 1. herald check in batch ---------------------------------------------------------------------------------------
async function batch(): Promise<{ seconds: number; firstRowSeconds: number; rows: number; errors: number }> {
  const lines: string[] = [];
  for (let i = 0; i < N; i++) lines.push(JSON.stringify(post(i)));
  const input = `${lines.join('\n')}\n`;
  // One core for herald check: the last one, so this process (writing input, counting rows) can use another.
  const core = String(availableParallelism() - 1);
  const pinned = spawnSync('taskset', ['-c', core, 'true']).status === 0;
  const cmd = pinned ? 'taskset' : process.execPath;
  const argv = pinned ? ['-c', core, process.execPath, path.join(root, 'bin/herald.mjs'), 'check'] : [path.join(root, 'bin/herald.mjs'), 'check'];
  const start = performance.now();
  const child = spawn(cmd, argv, { cwd: root, stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, HERALD_DATA_DIR: '' } });
  let rows = 0;
  let errors = 0;
  let firstRow = 0;
  let tail = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    if (!firstRow) firstRow = performance.now();
    const text = tail + chunk;
    let at = 0;
    // The next '"error":' in the chunk, found once and moved on past each row that has it: a search per row to the
    // end of the chunk would cost this process (which may share herald's core) time quadratic in the chunk's rows.
    let nextError = text.indexOf('"error":');
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', at)) {
      rows++;
      if (nextError !== -1 && nextError < nl) {
        if (text.startsWith('{"id":', at)) errors++;
        nextError = text.indexOf('"error":', nl + 1);
      }
      at = nl + 1;
    }
    tail = text.slice(at);
  });
  child.stdin.end(input);
  await new Promise((resolve) => child.on('close', resolve));
  const end = performance.now();
  console.log(`  ${N.toLocaleString('en-GB')} posts, ${(input.length / 1e6).toFixed(1)} MB of JSON Lines${pinned ? `, herald check pinned to one core (taskset -c ${core})` : ''}`);
  return { seconds: (end - start) / 1000, firstRowSeconds: (firstRow - start) / 1000, rows, errors };
}

// ---- 2. in-process median ------------------------------------------------------------------------------------------
function medianMicros(length: number, count: number): { median: number; p90: number; byPlatform: Record<string, number> } {
  const engine = createPolicyEngine();
  for (let i = 0; i < 2_000; i++) engine.check(post(i, length)); // warm-up on other posts
  const posts = Array.from({ length: count }, (_, i) => post(i, length));
  const times: number[] = [];
  const per: Record<string, number[]> = {};
  for (const p of posts) {
    const t = performance.now();
    engine.check(p);
    const us = (performance.now() - t) * 1000;
    times.push(us);
    (per[p.platform] ??= []).push(us);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: med(times),
    p90: sorted[Math.floor(sorted.length * 0.9)]!,
    byPlatform: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, med(v)])),
  };
}

console.log('Policy speed bench (issue 5 point 5)');
console.log('\n1. herald check in batch (spawned, end to end)');
const b = await batch();
const rate = b.rows / b.seconds;
const steady = b.rows / Math.max(1e-9, b.seconds - b.firstRowSeconds);
console.log(`  ${b.rows.toLocaleString('en-GB')} rows (${b.errors} errors) in ${b.seconds.toFixed(2)} s, first row after ${b.firstRowSeconds.toFixed(2)} s (start-up)`);
console.log(`  ${Math.round(rate).toLocaleString('en-GB')} posts/s end to end (target >= ${TARGET_POSTS_PER_SECOND.toLocaleString('en-GB')})  ${rate >= TARGET_POSTS_PER_SECOND ? 'PASS' : 'FAIL'}`);
console.log(`  ${Math.round(steady).toLocaleString('en-GB')} posts/s once started`);

console.log('\n2. engine.check in process (median over distinct generated posts)');
const m280 = medianMicros(280, 20_000);
const m3000 = medianMicros(3_000, 3_000);
const fmt = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
console.log(`  280 characters:   median ${m280.median.toFixed(1)} us, p90 ${m280.p90.toFixed(1)} us (target < ${TARGET_MEDIAN_280_US} us)  ${m280.median < TARGET_MEDIAN_280_US ? 'PASS' : 'FAIL'}`);
console.log(`                    by platform (median, us): ${fmt(m280.byPlatform)}`);
console.log(`  3,000 characters: median ${m3000.median.toFixed(1)} us, p90 ${m3000.p90.toFixed(1)} us (target < ${TARGET_MEDIAN_3000_US} us)  ${m3000.median < TARGET_MEDIAN_3000_US ? 'PASS' : 'FAIL'}`);
console.log(`                    by platform (median, us): ${fmt(m3000.byPlatform)}`);

const failed = [rate >= TARGET_POSTS_PER_SECOND, m280.median < TARGET_MEDIAN_280_US, m3000.median < TARGET_MEDIAN_3000_US].filter((ok) => !ok).length;
console.log(`\noverall: ${failed ? `FAIL (${failed} target${failed > 1 ? 's' : ''} missed)` : 'PASS'}`);
if (strict && failed) process.exitCode = 1;
