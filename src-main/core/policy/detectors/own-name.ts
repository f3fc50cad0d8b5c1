/**
 * The organisation's own name written wrongly: "Anytown Borough Counsel", "Any Town Borough Council", "AnyTown
 * Borough Council". A corporate account that misspells its own name looks careless at best and like an impostor at
 * worst, so an approver sees it (ICO26 prohibited behaviours: branding used without authorisation; SYP Annex One:
 * the logo and brand guidelines; BAR 2: the council's corporate identity).
 *
 * Only the configured names of two words or more and ten letters or more are compared (a short name such as "the
 * council" would match too much). A run of words near the name's length is compared letter by letter: one to three
 * letters different (by the name's length, so "Boro" for "Borough"), or the same letters split, joined or capitalised differently, is a
 * finding. So is our place given with another kind of council ("Anytown District Council", "#AnytownCityCouncil").
 * All capitals, all lower case, a possessive, a longer word ("Councillors"), handles, web and email addresses are
 * left alone.
 */
import type { CheckContext } from '../check-context';

type Word = { start: number; end: number; cased: string; letters: string };

/** The edit distance between a and b if it is at most max (adjacent swaps count one), otherwise max + 1. */
export function editDistanceAtMost(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** Words of letters (with inner apostrophes and hyphens), not inside hashtags, handles, links or addresses. */
function words(text: string): Word[] {
  const out: Word[] = [];
  const re = /[A-Za-z][A-Za-z'’-]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = m.index;
    const before = text[s - 1] ?? ' ';
    const after = text[s + m[0].length] ?? ' ';
    if (/[#@./\w]/.test(before) || /[@/\w]/.test(after) || (after === '.' && /\w/.test(text[s + m[0].length + 1] ?? ''))) continue;
    // "Council's", "Council’s": the possessive is not part of the name.
    const word = m[0].replace(/['’]s$/, '');
    out.push({ start: s, end: s + word.length, cased: word, letters: word.toLowerCase().replace(/[^a-z]/g, '') });
  }
  return out;
}

export type OwnNameForm = { words: string[]; letters: string };

/** The kinds of council a name can give: "Anytown District Council" for "Anytown Borough Council" is the wrong body. */
const COUNCIL_TYPES = ['borough', 'district', 'city', 'county', 'town', 'parish', 'metropolitan', 'county borough', 'metropolitan borough', 'unitary'];

/** "<Place> <type> Council", the longest type first ("county borough" before "county"). */
const OUR_TYPE = new RegExp(`^(.+?)\\s+(${[...COUNCIL_TYPES].sort((a, b) => b.length - a.length).join('|')})\\s+council$`, 'i');

export type OwnNames = { forms: OwnNameForm[]; wrongType: RegExp | null };

export function ownNameForms(names: readonly string[]): OwnNames {
  const forms = names
    .map((n) => n.trim().split(/\s+/))
    .filter((w) => w.length >= 2 && /^[A-Z]/.test(w[0]!))
    .map((w) => ({ words: w, letters: w.join('').toLowerCase().replace(/[^a-z]/g, '') }))
    .filter((f) => f.letters.length >= 10);
  // "<Place> <type> Council" among our names: the same place with another type of council, written out or as a
  // hashtag, is our name given wrongly.
  const places = new Map<string, Set<string>>();
  for (const n of names) {
    const m = OUR_TYPE.exec(n.trim());
    if (!m) continue;
    const place = m[1]!.toLowerCase();
    if (!places.has(place)) places.set(place, new Set());
    places.get(place)!.add(m[2]!.toLowerCase());
  }
  const alternatives: string[] = [];
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [place, ours] of places) {
    const wrong = COUNCIL_TYPES.filter((t) => !ours.has(t));
    if (!wrong.length) continue;
    const words = place.split(/\s+/).map(esc);
    const types = wrong.map((t) => t.split(' ').map(esc));
    alternatives.push(`\\b${words.join('\\s+')}\\s+(?:${types.map((t) => t.join('\\s+')).join('|')})\\s+council\\b`);
    alternatives.push(`#${words.join('')}(?:${types.map((t) => t.join('')).join('|')})council\\b`);
  }
  return { forms, wrongType: alternatives.length ? new RegExp(alternatives.join('|'), 'gi') : null };
}

/** Written as configured, or in all capitals, or all lower case, or with only the first letters changed. */
function acceptable(ws: Word[], form: OwnNameForm): boolean {
  if (ws.length !== form.words.length) return false;
  return ws.every((w, i) => {
    const want = form.words[i]!;
    if (w.cased.toLowerCase() !== want.toLowerCase()) return false;
    return w.cased.slice(1) === want.slice(1) || w.cased === w.cased.toUpperCase() || w.cased === w.cased.toLowerCase();
  });
}

export function detectOwnNameMisspelt(ctx: CheckContext): void {
  const { forms, wrongType } = ctx.compiled.ownNameForms;
  if (forms.length === 0) return;
  const text = ctx.view.cased;
  const taken: Array<[number, number]> = [];
  if (wrongType && /council/i.test(text)) {
    wrongType.lastIndex = 0;
    for (let m = wrongType.exec(text); m; m = wrongType.exec(text)) {
      taken.push([m.index, m.index + m[0].length]);
      ctx.addView('branding.own-name-misspelt', m.index, m.index + m[0].length);
    }
  }
  const ws = words(text);
  for (const form of forms) {
    const max = form.letters.length >= 20 ? 3 : form.letters.length >= 15 ? 2 : 1;
    // A misspelling keeps the name's first two letters ("at Anytown Borough Council" is the name, not a misspelling).
    const first = form.letters.slice(0, 2);
    for (let i = 0; i < ws.length; i++) {
      if (!ws[i]!.letters.startsWith(first) && !(ws[i]!.letters.length === 1 && ws[i]!.letters === first[0])) continue;
      let letters = '';
      for (let k = 1; k <= form.words.length + 1 && i + k <= ws.length; k++) {
        const w = ws[i + k - 1]!;
        // The words must stand together: only spaces between them.
        if (k > 1 && !/^[ \t]+$/.test(text.slice(ws[i + k - 2]!.end, w.start))) break;
        letters += w.letters;
        if (letters.length > form.letters.length + max + 1) break;
        if (k < form.words.length - 1 || letters.length < form.letters.length - max || !letters.startsWith(first)) continue;
        // "Councillors", "and Anytown Borough Council": the name itself is there, in a longer word or after another.
        if (letters !== form.letters && letters.includes(form.letters)) continue;
        const run = ws.slice(i, i + k);
        if (letters === form.letters) {
          if (acceptable(run, form)) continue;
        } else {
          if (forms.some((f) => f.letters === letters)) continue; // another of our own names
          if (editDistanceAtMost(letters, form.letters, max) > max) continue;
        }
        const s = run[0]!.start;
        const e = run[k - 1]!.end;
        if (taken.some(([a, b]) => s < b && a < e)) continue;
        taken.push([s, e]);
        ctx.addView('branding.own-name-misspelt', s, e);
      }
    }
  }
  if (taken.length > 0) dropOtherBodyFindingsOnOurName(ctx);
}

/**
 * "Anytown City Council: new opening hours", "from everyone at Anytown District Council": our own name written
 * wrongly is a branding problem, not another body speaking, so an impersonation finding on it (or just before it, the
 * "from everyone at" that introduces it) goes. The branding finding already tells the officer what to fix.
 */
function dropOtherBodyFindingsOnOurName(ctx: CheckContext): void {
  const ours = ctx.findings.filter((f) => f.ruleId === 'branding.own-name-misspelt');
  for (let i = ctx.findings.length - 1; i >= 0; i--) {
    const f = ctx.findings[i]!;
    if (f.ruleId !== 'impersonation.other-body') continue;
    if (ours.some((o) => f.start < o.end && o.start - 40 < f.end)) ctx.findings.splice(i, 1);
  }
}
