/**
 * `herald check`, run as a person or a script would run it: a real process reading JSON Lines on standard input
 * and writing one row per post (issue 5 item 3).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPack } from '../core/policy/engine';
import { createCore } from '../core/create-core';
import { TEST_COST } from '../core/people/password';
import { testSecretStore } from '../core/test-support/secrets';
import { withCast } from '../core/test-support/core';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/herald.mjs');
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-check-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function herald(args: string[], input: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, HERALD_DATA_DIR: '' } });
  return { code: r.status, rows: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)), err: r.stderr };
}

const line = (post: object) => `${JSON.stringify(post)}\n`;
/** The shipped pack's label, e.g. "herald-default@1.1.0". */
const BUILT_IN = `${defaultPack().packId}@${defaultPack().version}`;

describe('herald check', () => {
  it('writes one row of findings per post, and an error row for a bad line while the rest go on', () => {
    const input =
      line({ id: 'p1', platform: 'x', text: 'What the f.u.c.k is this' }) +
      'this is not json\n' +
      line({ id: 'p3', platform: 'x' }) +
      '\n' +
      line({ id: 'p5', platform: 'bluesky', text: 'Bins as normal on Monday.', scheduledAt: 'next Tuesday' }) +
      line({ id: 'p6', platform: 'facebook', text: 'Call 07700 900123', media: [{ kind: 'image' }] }).replace('\n', '\r\n');
    const r = herald(['check'], input);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.rows.map((row) => [row.id, row.line ?? null, row.error ? 'error' : row.findings.map((f: { ruleId: string }) => f.ruleId)])).toEqual([
      ['p1', null, ['profanity.strong']],
      [null, 2, 'error'],
      ['p3', 3, 'error'],
      ['p5', 5, 'error'],
      // Findings about media (offsets 0, 0) come first, strictest first; then the text's, in order.
      ['p6', null, ['accessibility.missing-alt-text', 'copyright.media-source-missing', 'personal-data.mobile']],
    ]);
    expect(r.rows[0].packVersion).toBe(BUILT_IN);
    expect(r.rows[0].findings[0]).toMatchObject({ category: 'profanity', severity: 'block', start: 9, end: 16 });
    expect(r.rows[1].error).toMatch(/^not valid JSON/);
    expect(r.rows[2].error).toBe('text: Invalid input: expected string, received undefined');
    expect(r.rows[3].error).toMatch(/^scheduledAt: scheduledAt must be an ISO 8601 date and time/);
  });

  it('exits 0 when every line was checked', () => {
    const r = herald(['check'], line({ id: 'a', platform: 'x', text: 'Bins as normal.' }));
    expect(r.code).toBe(0);
    expect(r.rows).toEqual([{ id: 'a', findings: [], packVersion: BUILT_IN }]);
  });

  it('answers each post as it arrives, without waiting for the end of the input', async () => {
    const child = spawn(process.execPath, [bin, 'check'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const firstRow = new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    child.stdin.write(line({ id: 'early', platform: 'x', text: 'Vote Labour!' }));
    const row = JSON.parse((await firstRow).trim());
    expect(row.id).toBe('early');
    expect(row.findings[0].ruleId).toBe('party-political.campaigning');
    child.stdin.end();
    await new Promise((resolve) => child.on('close', resolve));
  }, 30_000);

  it("uses the organisation's newest pack and its settings from --data-dir", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'rule-packs'));
    const older = { ...defaultPack(), packId: 'anytown', version: '1.2.0' };
    const newer = defaultPack();
    Object.assign(newer, { packId: 'anytown', version: '1.10.0' });
    newer.profanity.extraWords.moderate.push('gobshite');
    fs.writeFileSync(path.join(dir, 'rule-packs', 'a.json'), JSON.stringify(older));
    fs.writeFileSync(path.join(dir, 'rule-packs', 'b.json'), JSON.stringify(newer));
    fs.writeFileSync(path.join(dir, 'policy-settings.json'), JSON.stringify({ organisationPhoneNumbers: ['0114 496 0123'] }));
    const r = herald(['check', '--data-dir', dir], line({ id: 'o', platform: 'x', text: 'What a gobshite. Call the library on 0114 496 0123' }));
    expect(r.code).toBe(0);
    expect(r.rows[0].packVersion).toBe('anytown@1.10.0');
    expect(r.rows[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['profanity.moderate']);
  });

  it('uses the pack version and policy settings saved in a Herald database in --data-dir, and records its label', async () => {
    const dir = tempDir();
    const secretStore = testSecretStore();
    const core = await createCore({ dataDir: dir, secretStore, passwordCost: TEST_COST });
    let label: string;
    try {
      const { admin } = await withCast(core);
      const pack = defaultPack();
      pack.profanity.extraWords.moderate.push('gobshite');
      pack.patterns.push({ rule: 'personal-data.case-reference', pattern: '\\bANY-\\d{5}\\b' });
      ({ label } = await core.policy.savePack(admin, pack, 'Local words and case numbers'));
      await core.policy.updatePolicySettings(admin, { organisationPhoneNumbers: ['0114 496 0123'] });
    } finally {
      await core.close();
      await secretStore.wipe();
    }
    // A pack file beside the database is not used: the database is the source of truth.
    fs.mkdirSync(path.join(dir, 'rule-packs'));
    fs.writeFileSync(path.join(dir, 'rule-packs', 'old.json'), JSON.stringify({ ...defaultPack(), packId: 'stale', version: '9.0.0' }));
    const r = herald(['check', '--data-dir', dir], line({ id: 'db', platform: 'x', text: 'What a gobshite. Case ANY-12345: call 0114 496 0123' }));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(label).toMatch(/^herald-default@\d+\.\d+\.\d+\+org\.1$/);
    expect(r.rows[0].packVersion).toBe(label);
    expect(r.rows[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['profanity.moderate', 'personal-data.case-reference']);
  });

  it('refuses to check anything with a broken pack, naming the file and the problem', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'rule-packs'));
    const broken = defaultPack();
    broken.patterns[0]!.pattern = '(unclosed';
    fs.writeFileSync(path.join(dir, 'rule-packs', 'edited.json'), JSON.stringify(broken));
    const r = herald(['check', '--data-dir', dir], line({ id: 'x', platform: 'x', text: 'hello' }));
    expect(r.code).toBe(2);
    expect(r.rows).toEqual([]);
    expect(r.err).toContain(`${path.join(dir, 'rule-packs', 'edited.json')} is not a usable rule pack`);
    expect(r.err).toContain('patterns.0.pattern: pattern "(unclosed" is not a valid RE2 pattern: missing closing )');
  });
});
