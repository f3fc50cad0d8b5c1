/**
 * The organisation's rule pack and policy settings (R10, R11, R26; issue 5 point 8), on both engines with the real
 * keychain: what a manager, an officer and an auditor would notice when the policy changes.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Writable } from 'node:stream';
import { testCore, withCast, PASSWORD, type TestCore } from '../test-support/core';
import { createDispatcher } from '../../ipc/dispatcher';
import { createHandlers } from '../../ipc/handlers';
import { silentLogger } from '../logger';
import { engines } from '../test-support/engines';
import { createLogger } from '../logger';
import { defaultPack, type RulePack } from '../policy/engine';
import type { User } from '../people/user-service';
import { PolicyService } from './policy-service';
import { POLICY_SETTINGS_KEY } from './pack-store';

const CASE_POST = { id: 'p1', platform: 'x', text: 'Thanks for getting in touch about ANY-12345.' };
const PARTY_POST = { id: 'p2', platform: 'x', text: 'The Anytown First group welcomed the new bins.' };
const ruleIds = (core: TestCore, post: { id: string; platform: string; text: string; scheduledAt?: string }) =>
  core.policy.check([post]).results[0]!.findings.map((f) => f.ruleId);

function withCaseReference(pack: RulePack): RulePack {
  pack.patterns.push({ rule: 'personal-data.case-reference', pattern: '\\bANY-\\d{5}\\b' });
  return pack;
}

describe.each(engines)('the policy in use, on %s', (engine) => {
  let core: TestCore;
  let admin: User;
  let officer: User;
  beforeEach(async () => {
    core = await testCore(engine);
    ({ admin, officer } = await withCast(core));
  });
  afterEach(async () => core.dispose());

  it('starts with the built-in pack and default settings, labelled as shipped', async () => {
    const base = defaultPack();
    expect(core.policy.current()).toMatchObject({ version: 0, label: `${base.packId}@${base.version}`, savedBy: null });
    expect(core.policy.packLabel()).toBe(`${base.packId}@${base.version}`);
    expect(await core.policy.history()).toEqual([]);
    expect(core.policy.policySettings().preElectionPeriods).toEqual([]);
  });

  it('saving makes a new version that every later check uses and records, here and after a restart', async () => {
    expect(ruleIds(core, CASE_POST)).not.toContain('personal-data.case-reference');
    const base = defaultPack();
    const saved = await core.policy.savePack(admin, withCaseReference(defaultPack()), 'Our case numbers look like ANY-12345');
    expect(saved).toMatchObject({ version: 1, label: `${base.packId}@${base.version}+org.1`, savedBy: admin.username, reason: 'Our case numbers look like ANY-12345', restoredFrom: null });
    const result = core.policy.check([CASE_POST]);
    expect(result.packLabel).toBe(saved.label);
    expect(result.results[0]!.packVersion).toBe(saved.label);
    expect(result.results[0]!.findings.map((f) => f.ruleId)).toContain('personal-data.case-reference');

    const again = new PolicyService(core.database.db, core.audit, core.clock, core.logger);
    await again.load();
    expect(again.packLabel()).toBe(saved.label);
    expect(again.check([CASE_POST]).results[0]!.findings.map((f) => f.ruleId)).toContain('personal-data.case-reference');
    expect((await core.policy.history()).map((v) => v.version)).toEqual([1]);
    expect((await core.policy.getVersion(1)).pack.patterns.at(-1)).toEqual({ rule: 'personal-data.case-reference', pattern: '\\bANY-\\d{5}\\b' });
  });

  it('audits a save with who, why and what changed', async () => {
    const pack = defaultPack();
    pack.parties.unambiguous.push('anytown first');
    pack.profanity.allowWords = pack.profanity.allowWords.filter((w) => w !== 'scunthorpe');
    await core.policy.savePack(admin, pack, 'Local party; Scunthorpe is handled by the phrase list');
    const entry = (await core.audit.list({ limit: 1, action: 'rule-pack.saved' })).entries[0]!;
    expect(entry).toMatchObject({ actor: admin.username, subject: expect.stringMatching(/^rule-pack:.+\+org\.1$/) });
    expect(entry.details).toMatchObject({ version: 1, reason: 'Local party; Scunthorpe is handled by the phrase list' });
    expect(entry.details.changes).toEqual(['parties.unambiguous: added "anytown first"', 'profanity.allowWords: removed "scunthorpe"']);
    expect(ruleIds(core, PARTY_POST)).toContain('party-political.party-named');
  });

  it('refuses a broken pattern, naming it; nothing is saved and the previous version still applies', async () => {
    const first = await core.policy.savePack(admin, withCaseReference(defaultPack()), 'Case numbers');
    const broken = withCaseReference(defaultPack());
    broken.patterns.push({ rule: 'personal-data.case-reference', pattern: '(' });
    broken.parties.unambiguous = [];
    const refused = await core.policy.savePack(admin, broken, 'Typo').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid-input' });
    const message = (refused as Error).message;
    expect(message).toMatch(/^The rule pack was not saved because it has 2 problems/);
    expect(message).toContain('is not a valid RE2 pattern: missing closing )');
    expect(message).toContain('parties.unambiguous: this list cannot be empty');
    expect(Object.keys((refused as { fields: Record<string, string> }).fields).sort()).toEqual(['pack.parties.unambiguous', `pack.patterns.${broken.patterns.length - 1}.pattern`]);

    expect(core.policy.packLabel()).toBe(first.label);
    expect((await core.policy.history()).map((v) => v.version)).toEqual([1]);
    expect(ruleIds(core, CASE_POST)).toContain('personal-data.case-reference');
    expect((await core.audit.list({ limit: 5, action: 'rule-pack.saved' })).total).toBe(1);
  });

  it('refuses a pack that leaves out a rule, or is not a pack at all', async () => {
    const pack = defaultPack() as Partial<RulePack>;
    delete pack.rules!['personal-data.case-reference'];
    await expect(core.policy.savePack(admin, pack, 'Less')).rejects.toThrow(/rule "personal-data.case-reference" is missing/);
    await expect(core.policy.savePack(admin, { hello: 'world' }, 'Nonsense')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(core.policy.savePack(admin, defaultPack(), '   ')).rejects.toMatchObject({ code: 'invalid-input', message: 'Say why you are making this change' });
    expect(await core.policy.history()).toEqual([]);
  });

  it('an officer can check posts but cannot save, restore or see the pack for editing, nor change the settings', async () => {
    expect(core.policy.check([PARTY_POST]).results).toHaveLength(1);
    await expect(core.policy.savePack(officer, defaultPack(), 'Mine')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.policy.rollback(officer, 0, 'Mine')).rejects.toMatchObject({ code: 'forbidden' });
    expect(() => core.policy.packForEditing(officer)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    await expect(core.policy.updatePolicySettings(officer, { candidates: ['Jo Bloggs'] })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await core.policy.history()).toEqual([]);
    expect((await core.audit.list({ limit: 50 })).entries.filter((e) => /rule-pack|policy-settings/.test(e.action))).toEqual([]);
  });

  it('rolling back restores the old behaviour as a new version, audited, and the history stays linear', async () => {
    const v1 = await core.policy.savePack(admin, withCaseReference(defaultPack()), 'Case numbers');
    const without = defaultPack();
    without.parties.unambiguous.push('anytown first');
    const v2 = await core.policy.savePack(admin, without, 'Local party, and drop the case pattern');
    expect(ruleIds(core, CASE_POST)).not.toContain('personal-data.case-reference');

    const v3 = await core.policy.rollback(admin, v1.version, 'The case pattern was still needed');
    expect(v3).toMatchObject({ version: 3, restoredFrom: 1, reason: 'The case pattern was still needed' });
    expect(v3.label).toMatch(/\+org\.3$/);
    expect(ruleIds(core, CASE_POST)).toContain('personal-data.case-reference');
    expect((await core.policy.history()).map((v) => [v.version, v.restoredFrom])).toEqual([[3, 1], [2, null], [1, null]]);
    expect((await core.policy.getVersion(3)).pack).toEqual((await core.policy.getVersion(1)).pack);

    const entry = (await core.audit.list({ limit: 1, action: 'rule-pack.rolled-back' })).entries[0]!;
    expect(entry.details).toMatchObject({ version: 3, restoredFrom: 1, previous: v2.label, reason: 'The case pattern was still needed' });
    expect(entry.details.changes).toEqual(expect.arrayContaining(['parties.unambiguous: removed "anytown first"']));

    const v4 = await core.policy.rollback(admin, 0, 'Back to the built-in pack');
    expect(v4.label).toBe(`${defaultPack().packId}@${defaultPack().version}+org.4`);
    expect(ruleIds(core, CASE_POST)).not.toContain('personal-data.case-reference');
    await expect(core.policy.rollback(admin, 4, 'Again')).rejects.toMatchObject({ code: 'conflict' });
    await expect(core.policy.rollback(admin, 99, 'Nothing')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a pre-election period in the settings turns a party-political finding into a block, audited with before and after', async () => {
    const post = { id: 'p3', platform: 'x', text: 'The Labour Party leader visited the library today.', scheduledAt: '2026-04-20T10:00:00+01:00' };
    const before = core.policy.check([post]).results[0]!.findings.find((f) => f.category === 'party-political')!;
    expect(before.severity).toBe('sign-off');
    const periods = [{ name: 'Local elections 2026', start: '2026-03-23', end: '2026-05-07' }];
    const next = await core.policy.updatePolicySettings(admin, { preElectionPeriods: periods, candidates: ['Jo Bloggs'] });
    expect(next.preElectionPeriods).toEqual(periods);
    const findings = core.policy.check([post]).results[0]!.findings;
    expect(findings.find((f) => f.category === 'party-political')!.severity).toBe('block');
    expect(findings.map((f) => f.ruleId)).toContain('pre-election.manager-sign-off');

    const entry = (await core.audit.list({ limit: 1, action: 'policy-settings.changed' })).entries[0]!;
    expect(entry).toMatchObject({ actor: admin.username, subject: 'policy-settings' });
    expect(entry.details).toEqual({ changed: ['preElectionPeriods', 'candidates'], from: { preElectionPeriods: [], candidates: [] }, to: { preElectionPeriods: periods, candidates: ['Jo Bloggs'] } });

    const again = new PolicyService(core.database.db, core.audit, core.clock, core.logger);
    await again.load();
    expect(again.policySettings().preElectionPeriods).toEqual(periods);
  });

  it('posts without a time are judged by Herald’s clock against pre-election periods', async () => {
    await core.policy.updatePolicySettings(admin, { preElectionPeriods: [{ name: 'By-election', start: '2026-11-20', end: '2026-11-30' }] });
    const untimed = { id: 'p4', platform: 'x', text: 'Bins as normal.' };
    expect(ruleIds(core, untimed)).toContain('pre-election.manager-sign-off'); // the test clock reads 24 Nov 2026
    core.clock.advance(10 * 24 * 3600_000);
    expect(ruleIds(core, untimed)).not.toContain('pre-election.manager-sign-off');
  });

  it('refuses a pre-election period that ends before it starts, and saves nothing', async () => {
    const refused = await core.policy
      .updatePolicySettings(admin, { preElectionPeriods: [{ name: 'Backwards', start: '2026-05-07', end: '2026-03-23' }] })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid-input', fields: { 'preElectionPeriods.0.end': expect.stringContaining('ends before it starts') } });
    expect(core.policy.policySettings().preElectionPeriods).toEqual([]);
    expect((await core.audit.list({ limit: 5, action: 'policy-settings.changed' })).total).toBe(0);
  });

  it('falls back to the default settings, with a logged warning, when the stored ones are corrupt', async () => {
    await core.policy.updatePolicySettings(admin, { organisationPhoneNumbers: ['0114 496 0123'] });
    await core.database.db.updateTable('settings').set({ value: '{"nation":"atlantis"' }).where('key', '=', POLICY_SETTINGS_KEY).execute();
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', destination: new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }) });
    const again = new PolicyService(core.database.db, core.audit, core.clock, logger);
    await again.load();
    expect(again.policySettings().organisationPhoneNumbers).toEqual([]);
    expect(again.warnings()).toEqual([expect.stringMatching(/^The stored policy settings are not valid JSON, so the defaults apply/)]);
    expect(lines.join('')).toContain('The stored policy settings are not valid JSON');

    await core.database.db.updateTable('settings').set({ value: '{"nation":"atlantis"}' }).where('key', '=', POLICY_SETTINGS_KEY).execute();
    await again.load();
    expect(again.warnings()).toEqual([expect.stringMatching(/^The stored policy settings cannot be used, so the defaults apply: nation/)]);
    expect(again.check([PARTY_POST]).results).toHaveLength(1);
  });

  it('over IPC, anyone signed in may check posts and read the history; only a manager may see or change the pack and settings', async () => {
    const dispatch = createDispatcher(createHandlers(core), silentLogger());
    await core.sessions.signIn('officer-window', officer.username, PASSWORD);
    await core.sessions.signIn('manager-window', admin.username, PASSWORD);
    const as = (who: string, channel: string, payload: unknown) => dispatch({ windowKey: `${who}-window` }, channel, payload);
    const checked = await as('officer', 'policy:check', { posts: [{ id: 'd1', platform: 'x', text: 'The Labour Party leader visited.', media: [{ kind: 'image' }] }] });
    expect(checked).toMatchObject({ ok: true, value: { packLabel: core.policy.packLabel(), results: [{ id: 'd1' }] } });
    expect(await as('officer', 'policy:history', {})).toMatchObject({ ok: true, value: { current: { version: 0 }, builtIn: { version: 0 }, versions: [] } });
    expect(await as('officer', 'policy:get-settings', {})).toMatchObject({ ok: true, value: { nation: 'england-and-wales' } });
    for (const [channel, payload] of [
      ['policy:get-pack', {}],
      ['policy:save-pack', { pack: defaultPack(), reason: 'Mine' }],
      ['policy:rollback', { version: 0, reason: 'Mine' }],
      ['policy:update-settings', { candidates: ['Jo Bloggs'] }],
    ] as const) {
      expect(await as('officer', channel, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await as('stranger', 'policy:check', { posts: [{ id: 'd1', platform: 'x', text: 'Hi' }] })).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });

    const pack = (await as('manager', 'policy:get-pack', {})) as { ok: true; value: { pack: Record<string, unknown> } };
    expect(pack.value.pack).toEqual(defaultPack());
    const broken = await as('manager', 'policy:save-pack', { pack: { ...pack.value.pack, patterns: [{ rule: 'personal-data.case-reference', pattern: '(' }] }, reason: 'Typo' });
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('missing closing )'), fields: { 'pack.patterns.0.pattern': expect.any(String) } } });
    const backwards = await as('manager', 'policy:update-settings', { preElectionPeriods: [{ name: 'Backwards', start: '2026-05-07', end: '2026-03-23' }] });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { 'preElectionPeriods.0.end': 'The end date must be the same as or after the start date' } } });
    expect(await as('manager', 'policy:save-pack', { pack: withCaseReference(defaultPack()), reason: 'Case numbers' })).toMatchObject({ ok: true, value: { version: 1 } });
  });

  it('passes over a stored version that no longer validates, says so, and uses the newest one that does', async () => {
    const v1 = await core.policy.savePack(admin, withCaseReference(defaultPack()), 'Case numbers');
    await core.policy.savePack(admin, defaultPack(), 'Plain');
    await core.database.db.updateTable('rule_pack_versions').set({ pack: '{"packId":"herald-default"}' }).where('version', '=', 2).execute();
    const again = new PolicyService(core.database.db, core.audit, core.clock, core.logger);
    await again.load();
    expect(again.packLabel()).toBe(v1.label);
    expect(again.warnings()[0]).toMatch(/^Rule pack version 2 \(.+\+org\.2\) cannot be used, so an earlier one applies/);
  });

  it('keeps using a version saved before a newer Herald added a check, with that check in its shipped wording', async () => {
    const v1 = await core.policy.savePack(admin, withCaseReference(defaultPack()), 'Case numbers');
    const saved = JSON.parse((await core.database.db.selectFrom('rule_pack_versions').select('pack').where('version', '=', 1).executeTakeFirstOrThrow()).pack);
    delete saved.rules['branding.own-name-misspelt']; // as a pack saved by Herald before pack 2.0.0 was
    await core.database.db.updateTable('rule_pack_versions').set({ pack: JSON.stringify(saved) }).where('version', '=', 1).execute();
    const again = new PolicyService(core.database.db, core.audit, core.clock, core.logger);
    await again.load();
    expect(again.packLabel()).toBe(v1.label);
    expect(again.warnings()).toEqual([]);
  });
});
