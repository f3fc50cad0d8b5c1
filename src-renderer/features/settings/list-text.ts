/**
 * Lists edited as text, one entry a line (names, domains, words, patterns): blank lines and repeats are dropped, and
 * the order is kept, so saving what was loaded changes nothing.
 */
export function linesOf(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out;
}

export function textOf(list: readonly string[]): string {
  return list.join('\n');
}

/** "2026-05-07" as the three boxes of the GOV.UK date input: 7, 5, 2026. */
export function partsFromIso(iso: string): { day: string; month: string; year: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return { day: '', month: '', year: '' };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? '' };
}
