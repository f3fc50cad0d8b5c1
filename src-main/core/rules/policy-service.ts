/**
 * The organisation's policy in use (R10, R11, R26; issue 5 point 8): the current rule pack version and the policy
 * settings, the one policy engine built from them, and the manager-only, audited ways to change them.
 *
 * - Saving a pack validates it and builds an engine from it first: a broken pack (a pattern RE2 cannot compile, a
 *   rule left out, an emptied list that would switch a check off) is refused with every problem named, and nothing
 *   is saved or half-applied. Each save is a new version with the next number; a rollback is a new version carrying
 *   an old body, so the history stays linear and every label names one body.
 * - The engine is cached and rebuilt only when the pack or the settings change, because the composer checks on
 *   every keystroke. This process's cache is the truth for this process: a change made by another Herald sharing
 *   the database applies here after `load()` (at start-up).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { HeraldError } from '../errors';
import { hasPermission, type User } from '../people/user-service';
import {
  createPolicyEngine,
  defaultPolicySettings,
  validatePack,
  validatePolicySettings,
  type PolicyEngine,
  type PolicySettings,
  type RulePack,
} from '../policy/engine';
import type { CheckResult, PostInput } from '../policy/types';
import { packChanges } from './pack-diff';
import {
  INFO_COLUMNS,
  POLICY_SETTINGS_KEY,
  builtInVersion,
  labelledEngine,
  readStoredPolicy,
  readVersion,
  toInfo,
  versionLabel,
  type PackVersion,
  type PackVersionInfo,
} from './pack-store';
import { settingsProblems, type EditablePolicySettings } from './policy-settings-check';

export type { PackVersion, PackVersionInfo } from './pack-store';
export type { EditablePolicySettings } from './policy-settings-check';

/** A post every engine must be able to check before its pack is accepted. */
const CANARY: PostInput = { id: 'canary', platform: 'x', text: 'Bins are collected as normal on Monday. See https://www.gov.uk for details.' };

export class PolicyService {
  /** null: the built-in pack, read when first needed, so a start-up never depends on it. */
  private saved: PackVersion | null = null;
  private builtIn: PackVersion | null = null;
  private settings: PolicySettings = defaultPolicySettings();
  private cached: PolicyEngine | null = null;
  private loadWarnings: string[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** At start-up: the newest usable saved version (else the built-in pack) and the stored settings (else defaults). */
  async load(): Promise<void> {
    const stored = await readStoredPolicy(this.db);
    for (const w of stored.warnings) this.logger.warn({ area: 'policy' }, w);
    this.saved = stored.current;
    this.settings = stored.settings;
    this.loadWarnings = stored.warnings;
    this.cached = null;
  }

  private get version(): PackVersion {
    if (this.saved) return this.saved;
    this.builtIn ??= builtInVersion();
    return this.builtIn;
  }

  /** The engine for the current pack and settings; posts without a time are judged by Herald's clock. */
  engine(): PolicyEngine {
    this.cached ??= this.build(this.version.pack, this.settings, this.version.label);
    return this.cached;
  }

  packLabel(): string {
    return this.version.label;
  }

  check(posts: readonly PostInput[]): { packLabel: string; results: CheckResult[] } {
    const engine = this.engine();
    return { packLabel: engine.packVersion, results: posts.map((p) => engine.check(p)) };
  }

  /** The version in use, with its pack. */
  current(): PackVersion {
    return { ...this.version, pack: structuredClone(this.version.pack) };
  }

  /** The version in use, without its pack. */
  currentInfo(): PackVersionInfo {
    const { pack: _pack, ...info } = this.version;
    return info;
  }

  /** Why a newer saved version or the stored settings were passed over at start-up (empty when nothing was). */
  warnings(): string[] {
    return [...this.loadWarnings];
  }

  policySettings(): EditablePolicySettings {
    return editable(this.settings);
  }

  /** Every saved version, newest first, without pack bodies. */
  async history(): Promise<PackVersionInfo[]> {
    const rows = await this.db.selectFrom('rule_pack_versions').select([...INFO_COLUMNS]).orderBy('version', 'desc').execute();
    return rows.map(toInfo);
  }

  /** One version with its pack (0: the built-in pack). */
  async getVersion(n: number): Promise<PackVersion> {
    if (n === 0) return builtInVersion();
    const v = await readVersion(this.db, n);
    if (!v.found) throw new HeraldError('not-found', `There is no rule pack version ${n}`);
    if (!v.pack) throw new HeraldError('invalid-input', `Rule pack version ${n} cannot be used by this Herald: ${v.errors.slice(0, 5).join('; ')}`);
    return { ...v.info, pack: v.pack };
  }

  /** The current version and its pack, for a manager to edit. */
  packForEditing(actor: User): PackVersion {
    requireManager(actor, 'see the rule pack for editing');
    return this.current();
  }

  async savePack(actor: User, json: unknown, reason: string): Promise<PackVersionInfo> {
    requireManager(actor, 'change the rule pack');
    const why = requireReason(reason);
    const pack = this.usablePack(json);
    return this.addVersion(actor, pack, why, null);
  }

  /** A new version whose body is version `to`'s (0: the built-in pack). */
  async rollback(actor: User, to: number, reason: string): Promise<PackVersionInfo> {
    requireManager(actor, 'restore an earlier rule pack');
    const why = requireReason(reason);
    if (to === this.version.version) throw new HeraldError('conflict', `Version ${to} (${this.version.label}) is the version in use already`);
    const old = await this.getVersion(to);
    const pack = this.usablePack(old.pack);
    return this.addVersion(actor, pack, why, to);
  }

  async updatePolicySettings(actor: User, patch: Partial<EditablePolicySettings>): Promise<EditablePolicySettings> {
    requireManager(actor, 'change the policy settings');
    const before = editable(this.settings);
    const merged = { ...before, ...stripUndefined(patch) };
    const problems = settingsProblems(merged);
    if (problems.length) {
      throw new HeraldError('invalid-input', `The policy settings were not saved: ${problems.map((p) => p.message).join('; ')}`, Object.fromEntries(problems.map((p) => [p.field, p.message])));
    }
    const checked = validatePolicySettings(merged);
    if (!checked.ok) throw new HeraldError('invalid-input', `The policy settings were not saved: ${checked.errors.join('; ')}`);
    const next = stripClock(checked.settings);
    const engine = this.tryBuild(this.version.pack, next, this.version.label);
    if (typeof engine === 'string') throw new HeraldError('invalid-input', `The policy settings were not saved: ${engine}`);
    const after = editable(next);
    const changed = (Object.keys(after) as (keyof EditablePolicySettings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (changed.length === 0) return after;
    await this.audit.transact(async (trx, record) => {
      const row = { key: POLICY_SETTINGS_KEY, value: JSON.stringify(after), updated_at: this.clock.now() };
      await trx
        .insertInto('settings')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
        .execute();
      await record({
        actor: actor.username,
        action: 'policy-settings.changed',
        subject: 'policy-settings',
        details: { changed, from: pick(before, changed), to: pick(after, changed) },
      });
    });
    this.settings = next;
    this.cached = engine;
    return after;
  }

  /** The pack as validated, with an engine built and tried; or a refusal naming every problem. */
  private usablePack(json: unknown): RulePack {
    const r = validatePack(json);
    if (!r.ok) throw packRefusal(r.errors);
    const built = this.tryBuild(r.pack, this.settings, 'candidate');
    if (typeof built === 'string') throw packRefusal([`pack: ${built}`]);
    return r.pack;
  }

  private async addVersion(actor: User, pack: RulePack, reason: string, restoredFrom: number | null): Promise<PackVersionInfo> {
    const previous = this.version;
    const { changes, total } = packChanges(previous.pack, pack);
    let info: PackVersionInfo | null = null;
    try {
      await this.audit.transact(async (trx, record) => {
        const last = await trx.selectFrom('rule_pack_versions').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
        const version = last ? Number(last.version) + 1 : 1;
        const row = {
          version,
          label: versionLabel(pack, version),
          pack: JSON.stringify(pack),
          saved_by: actor.username,
          saved_at: this.clock.now(),
          reason,
          restored_from: restoredFrom,
        };
        await trx.insertInto('rule_pack_versions').values(row).execute();
        await record({
          actor: actor.username,
          action: restoredFrom === null ? 'rule-pack.saved' : 'rule-pack.rolled-back',
          subject: `rule-pack:${row.label}`,
          details: {
            version,
            label: row.label,
            reason,
            previous: previous.label,
            ...(restoredFrom === null ? {} : { restoredFrom }),
            changes: changes.length ? changes : ['no change to the pack body'],
            ...(total > changes.length ? { moreChanges: total - changes.length } : {}),
          },
        });
        info = toInfo(row);
      });
    } catch (e) {
      if (e instanceof HeraldError) throw e;
      // Two managers saving at the same moment: the second insert meets the first's version number.
      if (/unique|primary key|duplicate/i.test((e as Error).message)) {
        throw new HeraldError('conflict', 'Another manager saved the rule pack at the same moment. Nothing was saved: reload and try again.');
      }
      throw e;
    }
    const saved = info as PackVersionInfo | null;
    if (!saved) throw new HeraldError('internal', 'The rule pack version was not recorded');
    this.saved = { ...saved, pack };
    this.cached = null;
    this.loadWarnings = this.loadWarnings.filter((w) => !w.startsWith('Rule pack'));
    return saved;
  }

  private build(pack: RulePack, settings: PolicySettings, label: string): PolicyEngine {
    return labelledEngine(createPolicyEngine(pack, { ...settings, now: () => this.clock.now() }), label);
  }

  private tryBuild(pack: RulePack, settings: PolicySettings, label: string): PolicyEngine | string {
    try {
      const engine = this.build(pack, settings, label);
      engine.check(CANARY);
      return engine;
    } catch (e) {
      return (e as Error).message.replace(/\n/g, ' ');
    }
  }
}

function requireManager(actor: User, what: string): void {
  if (!hasPermission(actor, 'administer')) throw new HeraldError('forbidden', `Only a manager can ${what}`);
}

function requireReason(reason: string): string {
  const why = reason.trim();
  if (!why) throw new HeraldError('invalid-input', 'Say why you are making this change', { reason: 'Say why you are making this change' });
  return why;
}

/** invalid-input naming each problem; `fields` keys are `pack.<where>` so a form can show each one. */
function packRefusal(errors: string[]): HeraldError {
  const shown = errors.slice(0, 20);
  const more = errors.length > shown.length ? ` (and ${errors.length - shown.length} more)` : '';
  const fields: Record<string, string> = {};
  for (const e of shown) {
    const at = e.indexOf(': ');
    const key = `pack.${at > 0 ? e.slice(0, at) : 'pack'}`;
    fields[key] = fields[key] ? `${fields[key]}; ${e}` : e;
  }
  const n = errors.length === 1 ? 'a problem' : `${errors.length} problems`;
  return new HeraldError('invalid-input', `The rule pack was not saved because it has ${n}: ${shown.join('; ')}${more}`, fields);
}

function stripClock(s: PolicySettings): PolicySettings {
  const { now: _now, ...rest } = s;
  return rest;
}

/** The settings a manager edits (platform limits come from the accounts, not from here). */
function editable(s: PolicySettings): EditablePolicySettings {
  return {
    organisationNames: [...s.organisationNames],
    nation: s.nation,
    officeHours: { start: s.officeHours.start, end: s.officeHours.end, days: [...s.officeHours.days] },
    preElectionPeriods: s.preElectionPeriods.map((p) => ({ name: p.name, start: p.start, end: p.end })),
    organisationDomains: [...s.organisationDomains],
    allowedLinkDomains: [...s.allowedLinkDomains],
    organisationPhoneNumbers: [...s.organisationPhoneNumbers],
    roleMailboxes: [...s.roleMailboxes],
    candidates: [...s.candidates],
  };
}

const pick = <T extends object>(o: T, keys: (keyof T)[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
const stripUndefined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
