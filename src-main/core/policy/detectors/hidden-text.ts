/**
 * Hidden and direction-changing characters are a finding in their own right (issue 5, "Bad input"): a right-to-left
 * override (U+202E) makes text read differently from how it is stored, zero-width characters disguise words and trip
 * screen readers (ICO13 2.1), tag characters can smuggle invisible text, and a lone surrogate is a broken character
 * platforms reject. Legitimate uses are left alone: the joiner inside emoji sequences, the tag sequences of the
 * England, Scotland and Wales flags, joiners in scripts that need them, and direction marks next to Arabic or Hebrew.
 */
import type { CheckContext } from '../check-context';

type Kind = 'hidden-text.bidi-control' | 'hidden-text.zero-width' | 'hidden-text.tag-characters' | 'hidden-text.lone-surrogate' | 'hidden-text.invisible-filler';

// eslint-disable-next-line no-misleading-character-class -- finding these invisible characters one by one is the point
const QUICK = /[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff]/;

const isRtl = (c: number) => (c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
const isJoiningScript = (c: number) => (c >= 0x0600 && c <= 0x0dff) || (c >= 0x0f00 && c <= 0x109f) || (c >= 0x1780 && c <= 0x18af);
const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0x20000 && c <= 0x3134f);

function isPictographic(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x2190 && cp <= 0x21ff) || (cp >= 0x2b00 && cp <= 0x2bff) ||
    cp === 0xfe0f || cp === 0x2640 || cp === 0x2642 || cp === 0x2695 || cp === 0x2708 || cp === 0x2764 || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3
  );
}

function codePointBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

function classify(s: string, i: number, cp: number, width: number): Kind | null {
  const prev = codePointBefore(s, i);
  const next = i + width < s.length ? s.codePointAt(i + width)! : -1;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'hidden-text.bidi-control';
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return isRtl(prev) || isRtl(next) ? null : 'hidden-text.zero-width';
  if (cp === 0x200d) return (isPictographic(prev) && isPictographic(next)) || isJoiningScript(prev) || isJoiningScript(next) ? null : 'hidden-text.zero-width';
  if (cp === 0x200c) return isJoiningScript(prev) || isJoiningScript(next) ? null : 'hidden-text.zero-width';
  if (cp === 0x200b || cp === 0x2060 || cp === 0xfeff || cp === 0x180e) return 'hidden-text.zero-width';
  if (cp >= 0xfe00 && cp <= 0xfe0f) return cp >= 0xfe0e || isCjk(prev) ? null : 'hidden-text.invisible-filler';
  if (cp >= 0xe0100 && cp <= 0xe01ef) return isCjk(prev) ? null : 'hidden-text.invisible-filler';
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'hidden-text.tag-characters';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'hidden-text.lone-surrogate';
  if (cp === 0x00ad || cp === 0x034f || cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0 || (cp >= 0x2061 && cp <= 0x2064) || (cp >= 0x206a && cp <= 0x206f) || (cp >= 0xfff9 && cp <= 0xfffb))
    return 'hidden-text.invisible-filler';
  return null;
}

const CODES: Record<Kind, (cp: number) => string> = {
  'hidden-text.bidi-control': (cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`,
  'hidden-text.zero-width': (cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`,
  'hidden-text.tag-characters': (cp) => `U+${cp.toString(16).toUpperCase()}`,
  'hidden-text.lone-surrogate': (cp) => `U+${cp.toString(16).toUpperCase()}`,
  'hidden-text.invisible-filler': (cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`,
};

export function detectHiddenText(ctx: CheckContext): void {
  const s = ctx.text;
  if (!QUICK.test(s)) return;
  let open: { kind: Kind; start: number; end: number; first: number } | null = null;
  const flush = () => {
    if (open) ctx.add(open.kind, open.start, open.end, { code: CODES[open.kind](open.first) });
    open = null;
  };
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    // A flag such as England's is U+1F3F4 followed by tag letters and U+E007F CANCEL TAG: leave it whole.
    if (cp === 0x1f3f4) {
      let j = i + 2;
      while (j + 1 < s.length && s.charCodeAt(j) === 0xdb40 && s.charCodeAt(j + 1) >= 0xdc20 && s.charCodeAt(j + 1) <= 0xdc7e) j += 2;
      if (j > i + 2 && s.charCodeAt(j) === 0xdb40 && s.charCodeAt(j + 1) === 0xdc7f) {
        flush();
        i = j + 2;
        continue;
      }
    }
    const kind = c < 0xad ? null : classify(s, i, cp, width);
    if (kind) {
      const o = open as { kind: Kind; start: number; end: number; first: number } | null;
      if (o && o.kind === kind && o.end === i) o.end = i + width;
      else {
        flush();
        open = { kind, start: i, end: i + width, first: cp };
      }
    } else if (open) flush();
    i += width;
  }
  flush();
}
