/**
 * What changed between two rule packs, in short lines for the audit log (R26: "settings and rule-pack changes"), e.g.
 * `parties.unambiguous: added "anytown first"` or `rules.profanity.mild.severity: "advice" -> "sign-off"`. Word
 * lists are compared as sets, lists of rules (cues, patterns) item by item, everything else value by value.
 */

const MAX_ITEMS = 8;
const MAX_TEXT = 80;

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

function short(v: Json): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? 'nothing';
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s;
}

function listOf(items: Json[]): string {
  const shown = items.slice(0, MAX_ITEMS).map(describe).join(', ');
  return items.length > MAX_ITEMS ? `${shown} and ${items.length - MAX_ITEMS} more` : shown;
}

/** A pattern or cue list by its rule and what it matches; anything else as short JSON. */
function describe(item: Json): string {
  if (isObject(item) && typeof item.rule === 'string') {
    if (typeof item.pattern === 'string') return short(`${item.rule} /${item.pattern}/`);
    if (Array.isArray(item.phrases)) return short(`${item.rule}: ${item.phrases.slice(0, 3).join(', ')}${item.phrases.length > 3 ? ', ...' : ''}`);
  }
  if (isObject(item) && typeof item.word === 'string') return short(item.word);
  return short(item);
}

const keyOf = (item: Json): string | null => (isObject(item) ? ((item.rule ?? item.word ?? null) as string | null) : null);

function walk(path: string, a: Json, b: Json, out: string[]): void {
  if (same(a, b)) return;
  const at = path || 'pack';
  if (Array.isArray(a) && Array.isArray(b)) {
    const paired = a.length === b.length && a.every((x, i) => keyOf(x) !== null && keyOf(x) === keyOf(b[i]));
    if (paired) {
      a.forEach((x, i) => walk(`${at}.${i}`, x, b[i], out));
      return;
    }
    const before = new Set(a.map((x) => JSON.stringify(x)));
    const after = new Set(b.map((x) => JSON.stringify(x)));
    const added = b.filter((x) => !before.has(JSON.stringify(x)));
    const removed = a.filter((x) => !after.has(JSON.stringify(x)));
    const parts = [added.length ? `added ${listOf(added)}` : '', removed.length ? `removed ${listOf(removed)}` : ''].filter(Boolean);
    out.push(`${at}: ${parts.join('; ') || 'reordered'}`);
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in a)) out.push(`${p}: added ${short(b[k])}`);
      else if (!(k in b)) out.push(`${p}: removed`);
      else walk(p, a[k], b[k], out);
    }
    return;
  }
  out.push(`${at}: ${short(a)} -> ${short(b)}`);
}

/** Every change from `before` to `after`, the first `limit` of them, and how many there were in all. */
export function packChanges(before: Json, after: Json, limit = 40): { changes: string[]; total: number } {
  const out: string[] = [];
  walk('', before, after, out);
  return { changes: out.slice(0, limit), total: out.length };
}
