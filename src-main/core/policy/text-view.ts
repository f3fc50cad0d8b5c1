/**
 * One normalised view of a post's text that every detector reads, with a map back to the text as the officer typed
 * it (issue 5: findings' offsets point into the ORIGINAL text). Disguise must not get past the checks (BAR 5a "Do not
 * swear"; R8): zero-width and other invisible characters are dropped, homoglyphs (Cyrillic "а", Greek "ο"),
 * fullwidth and mathematical letters are folded to ASCII, accents are stripped and curly quotes straightened.
 *
 * `cased` keeps the officer's capitals (names, NI numbers, vehicle registrations need them); `lower` is the same
 * string lowercased, index for index. Most posts are plain ASCII and take the identity path: no map is allocated.
 */

/** Invisible characters dropped from the view (they are reported by the hidden-text detector, not here). */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c || // Arabic letter mark
    cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0 || // Hangul fillers (blank-looking letters)
    cp === 0x180e || // Mongolian vowel separator
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/non-joiner/joiner, LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, invisible operators, bidi isolates, deprecated format chars
    cp === 0xfeff || // byte-order mark / zero-width no-break space
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0000 && cp <= 0xe007f) // tag characters
  );
}

/** Lookalikes that Unicode normalisation does not fold: Cyrillic and Greek letters that read as Latin ones. */
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ı: 'i', ʃ: 'f',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', γ: 'y',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': "'", '“': '"', '”': '"', '„': '"', '″': '"', '«': '"', '»': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ',
};

const foldCache = new Map<number, string>();

/** The ASCII (or unchanged) form of one non-ASCII code point. */
function fold(cp: number): string {
  let f = foldCache.get(cp);
  if (f !== undefined) return f;
  const ch = String.fromCodePoint(cp);
  f = CONFUSABLES[ch];
  if (f === undefined) {
    const stripped = ch.normalize('NFKD').replace(/\p{M}+/gu, '');
    // Only take the folded form when it is plain ASCII (ﬁ -> fi, 𝐟 -> f, é -> e, ｆ -> f); otherwise keep the character.
    f = stripped.length > 0 && /^[\x20-\x7e]+$/.test(stripped) ? stripped : ch;
  }
  if (foldCache.size > 20_000) foldCache.clear();
  foldCache.set(cp, f);
  return f;
}

export type TextView = {
  readonly original: string;
  readonly cased: string;
  readonly lower: string;
  /** Maps a half-open range of the view to the original text. */
  toOriginal(start: number, end: number): [number, number];
};

const PLAIN = /^[\x20-\x7e\n\r\t]*$/;
const identity = (s: number, e: number): [number, number] => [s, e];

export function createTextView(original: string): TextView {
  if (PLAIN.test(original)) {
    return { original, cased: original, lower: original.toLowerCase(), toOriginal: identity };
  }
  const parts: string[] = [];
  let starts: number[] | null = null; // view index -> original start, allocated once lengths diverge
  let ends: number[] | null = null;
  let viewLen = 0;
  for (let i = 0; i < original.length; ) {
    const c = original.charCodeAt(i);
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < original.length) {
      const d = original.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    let piece: string;
    if (cp < 0x80) piece = original[i]!;
    else if (isInvisible(cp)) piece = '';
    else if (cp >= 0xd800 && cp <= 0xdfff) piece = '\ufffd'; // a lone surrogate: keep a place-holder so words do not merge
    else piece = fold(cp);
    if (starts === null && piece.length !== width) {
      starts = new Array(viewLen);
      ends = new Array(viewLen);
      for (let k = 0; k < viewLen; k++) {
        starts[k] = k;
        ends[k] = k + 1;
      }
    }
    if (starts !== null) {
      for (let k = 0; k < piece.length; k++) {
        starts.push(i);
        ends!.push(i + width);
      }
    }
    parts.push(piece);
    viewLen += piece.length;
    i += width;
  }
  const cased = parts.join('');
  const lower = lowerSameLength(cased);
  if (starts === null) return { original, cased, lower, toOriginal: identity };
  const st = starts;
  const en = ends!;
  const n = cased.length;
  return {
    original,
    cased,
    lower,
    toOriginal(s, e) {
      if (n === 0) return [0, 0];
      const a = s >= n ? original.length : st[s]!;
      const b = e <= 0 ? a : e > n ? original.length : en[e - 1]!;
      return [a, Math.max(a, b)];
    },
  };
}

/** Lowercases without changing the length (İ would become two units; such characters are left as they are). */
function lowerSameLength(s: string): string {
  const l = s.toLowerCase();
  if (l.length === s.length) return l;
  let out = '';
  for (const ch of s) {
    const lc = ch.toLowerCase();
    out += lc.length === ch.length ? lc : ch;
  }
  return out;
}

/** ASCII letters and digits: the view has folded accented Latin letters to ASCII, so this is a word boundary test. */
export function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

/**
 * Every match of a global RegExp. Unlike String.prototype.matchAll this does not clone the RegExp on each call,
 * which showed up in profiles of the per-post checks.
 */
export function matches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
