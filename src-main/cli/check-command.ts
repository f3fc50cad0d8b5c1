/**
 * `herald check`: the policy engine without a window (issue 5 item 3; DESIGN.md "cli/": policy check). Reads JSON
 * Lines, one post a line, and writes one JSON line per input, `{ id, findings, packVersion }`, as it goes: input is
 * processed chunk by chunk, never buffered whole, and output waits when the reader is slow. A line that cannot be
 * checked gets an error row `{ id, line, error }` and the rest go on.
 *
 * With `--data-dir`, a directory holding a Herald database (`herald.sqlite`) gives the pack version and policy
 * settings the app uses (no keychain is needed to read them), and each row records that version's label. A
 * directory without one gives the file layout: packs in `rule-packs/*.json` (the highest version wins) and
 * `policy-settings.json`. A pack or settings file that does not validate stops the command before any post is
 * checked: checks are never run with a broken pack or silently without one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createPolicyEngine, defaultPolicySettings, validatePack, validatePolicySettings, type PolicyEngine, type PolicySettings, type RulePack } from '../core/policy/engine';
import { parsePostLine } from '../core/policy/post-input';
import { builtInVersion, labelledEngine, readStoredPolicy, withShippedDetectorRules } from '../core/rules/pack-store';

export class CheckSetupError extends Error {}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CheckSetupError(`${file}: cannot be read as JSON: ${(e as Error).message}`);
  }
}

const versionKey = (v: string) => v.split('.').map((n) => n.padStart(8, '0')).join('.');

/** The database file name (core/db/database.ts), repeated so a check without a database never loads the drivers. */
const DATABASE_FILE = 'herald.sqlite';

/** `pack` undefined: the shipped pack. */
export type LoadedPolicy = { pack?: RulePack; settings: PolicySettings; label?: string; warnings: string[] };

/**
 * The organisation's policy from a data directory: its Herald database's current pack version and settings, or else
 * the newest pack file and the settings file; the defaults where it has none.
 */
export async function loadPolicy(dataDir: string | undefined): Promise<LoadedPolicy> {
  if (dataDir && existsSync(path.join(dataDir, DATABASE_FILE))) return loadFromDatabase(dataDir);
  return loadFromFiles(dataDir);
}

/** The same reader the app uses at start-up; the database module loads only when there is a database to read. */
async function loadFromDatabase(dataDir: string): Promise<LoadedPolicy> {
  const { openDatabase } = await import('../core/db/database');
  const hdb = await openDatabase({ dataDir });
  try {
    const stored = await readStoredPolicy(hdb.db);
    const current = stored.current ?? builtInVersion();
    return { pack: current.pack, settings: stored.settings, label: current.label, warnings: stored.warnings };
  } finally {
    await hdb.close();
  }
}

function loadFromFiles(dataDir: string | undefined): LoadedPolicy {
  let pack: RulePack | undefined;
  let settings = defaultPolicySettings();
  if (!dataDir) return { pack, settings, warnings: [] };
  const packDir = path.join(dataDir, 'rule-packs');
  if (existsSync(packDir)) {
    const packs: RulePack[] = [];
    for (const name of readdirSync(packDir).filter((f) => f.endsWith('.json')).sort()) {
      const file = path.join(packDir, name);
      const r = validatePack(withShippedDetectorRules(readJson(file)));
      if (!r.ok) throw new CheckSetupError(`${file} is not a usable rule pack:\n  ${r.errors.join('\n  ')}`);
      packs.push(r.pack);
    }
    if (packs.length) pack = packs.sort((a, b) => versionKey(a.version).localeCompare(versionKey(b.version))).at(-1)!;
  }
  const settingsFile = path.join(dataDir, 'policy-settings.json');
  if (existsSync(settingsFile)) {
    const r = validatePolicySettings(readJson(settingsFile));
    if (!r.ok) throw new CheckSetupError(`${settingsFile} is not usable:\n  ${r.errors.join('\n  ')}`);
    settings = r.settings;
  }
  return { pack, settings, warnings: [] };
}

function checkLine(engine: PolicyEngine, line: string, lineNo: number): { row: string; ok: boolean } {
  const parsed = parsePostLine(line);
  if (!parsed.ok) return { row: JSON.stringify({ id: parsed.id, line: lineNo, error: parsed.error }), ok: false };
  try {
    const r = engine.check(parsed.post);
    return { row: JSON.stringify({ id: r.id, findings: r.findings, packVersion: r.packVersion }), ok: true };
  } catch (e) {
    return { row: JSON.stringify({ id: parsed.post.id, line: lineNo, error: `could not be checked: ${(e as Error).message}` }), ok: false };
  }
}

/** Streams posts from `input` to rows on `output`. Resolves to the number of lines that could not be checked. */
export function runCheck(engine: PolicyEngine, input: Readable, output: Writable): Promise<number> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let lineNo = 0;
    let bad = 0;
    const handle = (text: string, final: boolean) => {
      pending += text;
      let out = '';
      let start = 0;
      for (let nl = pending.indexOf('\n', start); nl >= 0; nl = pending.indexOf('\n', start)) {
        lineNo++;
        const line = pending.slice(start, nl).replace(/\r$/, '');
        start = nl + 1;
        if (!line.trim()) continue;
        const r = checkLine(engine, line, lineNo);
        if (!r.ok) bad++;
        out += `${r.row}\n`;
      }
      pending = pending.slice(start);
      if (final && pending.trim()) {
        lineNo++;
        const r = checkLine(engine, pending.replace(/\r$/, ''), lineNo);
        if (!r.ok) bad++;
        out += `${r.row}\n`;
        pending = '';
      }
      return out;
    };
    input.on('data', (chunk: Buffer | string) => {
      const out = handle(typeof chunk === 'string' ? chunk : decoder.write(chunk), false);
      if (out && !output.write(out)) {
        input.pause();
        output.once('drain', () => input.resume());
      }
    });
    input.on('end', () => {
      const out = handle(decoder.end(), true);
      if (out) output.write(out);
      resolve(bad);
    });
    input.on('error', reject);
  });
}

export async function checkCommand(opts: { dataDir?: string }): Promise<number> {
  const { pack, settings, label, warnings } = await loadPolicy(opts.dataDir);
  for (const w of warnings) process.stderr.write(`herald: ${w}\n`);
  const built = createPolicyEngine(pack, settings);
  const engine = label ? labelledEngine(built, label) : built;
  const bad = await runCheck(engine, process.stdin, process.stdout);
  return bad > 0 ? 1 : 0;
}
