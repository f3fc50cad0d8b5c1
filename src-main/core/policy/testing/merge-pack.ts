/**
 * Applies an organisation's pack additions (resources/policy-testset/pack-additions.json) the way a manager's edit
 * would: objects merge key by key, lists are appended, anything else replaces. Shared by the quality bench and the
 * classifier's training script, so both score against the same pack.
 */
export function mergePackEdits(base: unknown, add: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(add)) return [...base, ...add];
  if (base && add && typeof base === 'object' && typeof add === 'object' && !Array.isArray(base) && !Array.isArray(add)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(add)) out[k] = k in out ? mergePackEdits(out[k], v) : v;
    return out;
  }
  return add;
}
