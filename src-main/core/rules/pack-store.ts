/**
 * Where the organisation's rule pack versions and policy settings live in the database, and how they are read back
 * (issue 5 point 8). Reading needs no audit key or keychain, so `herald check --data-dir` uses the very pack and
 * settings the app uses.
 *
 * Version labels: the built-in pack is "packId@version" as shipped (e.g. "herald-default@1.1.0"); a version the
 * organisation saved is "packId@version+org.N", N being its version number here. The `+org.N` part is semver build
 * metadata: it says "the organisation's edit N, based on 1.1.0" without claiming to be a release of the base pack.
 * Every check records the label, so a finding can always be traced to one stored pack body.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
  defaultPack,
  defaultPolicySettings,
  validatePack,
  validatePolicySettings,
  type PolicyEngine,
  type PolicySettings,
  type RulePack,
} from '../policy/engine';
import { DETECTOR_RULES } from '../policy/rule-ids';

/**
 * A pack saved before this Herald added a check has no rule for it: the check takes the shipped wording (severity,
 * clause, message), so it runs rather than making the whole saved pack unusable, and the organisation's own edits
 * still apply. Rules the pack does give are never touched.
 */
export function withShippedDetectorRules(json: unknown): unknown {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return json;
  const rules = (json as { rules?: unknown }).rules;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return json;
  const shipped = defaultPack().rules;
  let filled: Record<string, unknown> | null = null;
  for (const id of Object.keys(DETECTOR_RULES)) {
    if (id in rules || !(id in shipped)) continue;
    filled ??= { ...(rules as Record<string, unknown>) };
    filled[id] = shipped[id];
  }
  return filled ? { ...json, rules: filled } : json;
}

/** The `settings` table key holding the organisation's PolicySettings as JSON. */
export const POLICY_SETTINGS_KEY = 'policy';

export type PackVersionInfo = {
  /** 0 for the built-in pack; 1, 2, 3 ... for the organisation's saved versions. */
  version: number;
  label: string;
  savedBy: string | null;
  savedAt: number | null;
  reason: string | null;
  /** For a rollback: the version whose body it restored (0: the built-in pack). */
  restoredFrom: number | null;
};

export type PackVersion = PackVersionInfo & { pack: RulePack };

export function versionLabel(pack: Pick<RulePack, 'packId' | 'version'>, version: number): string {
  return version === 0 ? `${pack.packId}@${pack.version}` : `${pack.packId}@${pack.version}+org.${version}`;
}

export function builtInVersion(): PackVersion {
  const pack = defaultPack();
  return { version: 0, label: versionLabel(pack, 0), savedBy: null, savedAt: null, reason: null, restoredFrom: null, pack };
}

type InfoRow = Pick<Database['rule_pack_versions'], 'version' | 'label' | 'saved_by' | 'saved_at' | 'reason' | 'restored_from'>;

export function toInfo(r: InfoRow): PackVersionInfo {
  return {
    version: Number(r.version),
    label: r.label,
    savedBy: r.saved_by,
    savedAt: Number(r.saved_at),
    reason: r.reason,
    restoredFrom: r.restored_from === null ? null : Number(r.restored_from),
  };
}

export const INFO_COLUMNS = ['version', 'label', 'saved_by', 'saved_at', 'reason', 'restored_from'] as const;

/** One stored version with its pack validated again (a newer Herald may be stricter), or why it cannot be used. */
export async function readVersion(db: Kysely<Database>, version: number): Promise<{ found: false } | { found: true; info: PackVersionInfo; pack: RulePack | null; errors: string[] }> {
  const row = await db.selectFrom('rule_pack_versions').select([...INFO_COLUMNS, 'pack']).where('version', '=', version).executeTakeFirst();
  if (!row) return { found: false };
  let json: unknown;
  try {
    json = JSON.parse(row.pack);
  } catch (e) {
    return { found: true, info: toInfo(row), pack: null, errors: [`the stored pack is not valid JSON: ${(e as Error).message}`] };
  }
  const r = validatePack(withShippedDetectorRules(json));
  return r.ok ? { found: true, info: toInfo(row), pack: r.pack, errors: [] } : { found: true, info: toInfo(row), pack: null, errors: r.errors };
}

/** `current` null: no usable saved version, so the built-in pack applies (read lazily: see `builtInVersion`). */
export type StoredPolicy = { current: PackVersion | null; settings: PolicySettings; warnings: string[] };

/**
 * The newest saved version that still validates (the built-in pack when there is none), and the stored settings
 * (the defaults when they are missing or unusable). Anything skipped is named in `warnings`: a pack or settings
 * that no longer validate never switch checks off silently, and never stop Herald from checking at all.
 */
export async function readStoredPolicy(db: Kysely<Database>): Promise<StoredPolicy> {
  const warnings: string[] = [];
  let current: PackVersion | null = null;
  const versions = await db.selectFrom('rule_pack_versions').select('version').orderBy('version', 'desc').execute();
  for (const { version } of versions) {
    const v = await readVersion(db, Number(version));
    if (!v.found) continue;
    if (v.pack) {
      current = { ...v.info, pack: v.pack };
      break;
    }
    warnings.push(`Rule pack version ${v.info.version} (${v.info.label}) cannot be used, so an earlier one applies: ${v.errors.slice(0, 5).join('; ')}`);
  }
  const { settings, warning } = await readPolicySettings(db);
  if (warning) warnings.push(warning);
  return { current, settings, warnings };
}

export async function readPolicySettings(db: Kysely<Database>): Promise<{ settings: PolicySettings; warning: string | null }> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', POLICY_SETTINGS_KEY).executeTakeFirst();
  if (!row) return { settings: defaultPolicySettings(), warning: null };
  let json: unknown;
  try {
    json = JSON.parse(row.value);
  } catch (e) {
    return { settings: defaultPolicySettings(), warning: `The stored policy settings are not valid JSON, so the defaults apply: ${(e as Error).message}` };
  }
  const r = validatePolicySettings(json);
  if (!r.ok) return { settings: defaultPolicySettings(), warning: `The stored policy settings cannot be used, so the defaults apply: ${r.errors.slice(0, 5).join('; ')}` };
  return { settings: r.settings, warning: null };
}

/** An engine whose checks record `label` (the engine itself knows only packId@version). */
export function labelledEngine(engine: PolicyEngine, label: string): PolicyEngine {
  if (engine.packVersion === label) return engine;
  return {
    packVersion: label,
    check(post) {
      return { ...engine.check(post), packVersion: label };
    },
  };
}
