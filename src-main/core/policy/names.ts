/**
 * Finds people and organisations named in a post, for the rules that turn on a name: defamation is about a named
 * person or organisation (BAR 9a), personal data includes "named private individuals" next to their details (BAR 5a,
 * R8), staff performance is confidential when a person is named (ICO21 5.5). A person is a title ("Cllr", "Mrs") or a
 * common first name followed by a capitalised word; an organisation is a capitalised run ending in "Ltd", "Council",
 * "Trust" and the like (the pack's `names.organisationSuffixes`). Loose matching (for "Acme are cowboys") also counts any capitalised word that is not an
 * everyday sentence opener (the pack's `names.notNames`).
 */
import type { TextView } from './text-view';

export type NameSpan = { start: number; end: number; kind: 'person' | 'organisation' | 'word'; title?: string };



const CAP_RUN = /\b[A-Z][A-Za-z'-]*\.?(?: [A-Z][A-Za-z'-]*\.?)*/g;

export type NameSets = { firstNames: Set<string>; titles: Set<string>; streetTypes: Set<string>; organisationSuffixes: Set<string>; notNames: Set<string> };

export function findNames(view: TextView, sets: NameSets): NameSpan[] {
  const orgSuffixes = sets.organisationSuffixes;
  const notNames = sets.notNames;
  const out: NameSpan[] = [];
  const text = view.cased;
  CAP_RUN.lastIndex = 0;
  for (let m = CAP_RUN.exec(text); m; m = CAP_RUN.exec(text)) {
    const tokens: Array<{ s: number; e: number; w: string }> = [];
    const re = /\S+/g;
    for (let t = re.exec(m[0]); t; t = re.exec(m[0])) {
      const w = t[0].toLowerCase().replace(/\.$/, '').replace(/'s$/, '');
      tokens.push({ s: m.index + t.index, e: m.index + t.index + t[0].length, w });
    }
    const n = tokens.length;
    const last = tokens[n - 1]!;
    let i = 0;
    let organisation = false;
    if (n >= 2 && orgSuffixes.has(last.w)) {
      let first = 0;
      while (first < n - 1 && notNames.has(tokens[first]!.w)) first++;
      if (first < n - 1) {
        out.push({ start: tokens[first]!.s, end: last.e, kind: 'organisation' });
        organisation = true;
      }
    }
    while (!organisation && i < n) {
      const t = tokens[i]!;
      const next = tokens[i + 1];
      const isTitle = sets.titles.has(t.w);
      if (next && (isTitle || (sets.firstNames.has(t.w) && !sets.streetTypes.has(next.w) && !orgSuffixes.has(next.w)))) {
        let j = i + 1;
        while (j + 1 < n && j - i < 3 && !sets.streetTypes.has(tokens[j + 1]!.w) && !orgSuffixes.has(tokens[j + 1]!.w)) j++;
        out.push({ start: t.s, end: tokens[j]!.e, kind: 'person', ...(isTitle ? { title: t.w } : {}) });
        i = j + 1;
        continue;
      }
      i++;
    }
    // A lone capitalised word opening a sentence ("Thieves stole ...") is only capitalised because it comes first.
    const opensSentence = n === 1 && /(?:^|[.!?:;"]\s+|\n\s*)$/.test(text.slice(Math.max(0, m.index - 4), m.index));
    if (!opensSentence) for (const t of tokens) if (!notNames.has(t.w) && t.w.length >= 2) out.push({ start: t.s, end: t.e, kind: 'word' });
  }
  return out;
}

/** The nearest name on a side of [start, end), within `within` characters. */
export function nameNear(
  names: readonly NameSpan[],
  start: number,
  end: number,
  side: 'before' | 'after' | 'either',
  within: number,
  loose: boolean,
  organisationOnly = false,
): NameSpan | undefined {
  for (const n of names) {
    if (n.kind === 'word' && !loose) continue;
    if (organisationOnly && n.kind !== 'organisation') continue;
    if (n.start < end && n.end > start) continue; // the name is inside the cue itself
    const before = n.end <= start && start - n.end <= within;
    const after = n.start >= end && n.start - end <= within;
    if ((side !== 'after' && before) || (side !== 'before' && after)) return n;
  }
  return undefined;
}
