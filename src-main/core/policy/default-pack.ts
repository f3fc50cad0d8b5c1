/**
 * The default rule pack Herald ships (resources/rule-packs/herald-default.json), built from the five seed policies
 * (issue 5, "Default packs built from the seeds"). It is data: an organisation copies and edits it (R10). It is
 * validated like any other pack, so a broken edit to the shipped file fails loudly in tests, never at a check.
 */
import packJson from '../../../resources/rule-packs/herald-default.json';
import { validatePack, type RulePack } from './rule-pack';

let cached: RulePack | null = null;

/** The default pack as validated, shared: for building an engine only, never to be edited. */
export function shippedPack(): RulePack {
  if (!cached) {
    const r = validatePack(packJson);
    if (!r.ok) throw new Error(`The default rule pack is invalid:\n${r.errors.join('\n')}`);
    cached = r.pack;
  }
  return cached;
}

/** A fresh copy of the default pack (callers may edit it). */
export function defaultPack(): RulePack {
  return structuredClone(shippedPack());
}
