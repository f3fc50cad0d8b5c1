/**
 * Links (R8; BAR 9f "this extends to the posting of third party links"; SYP Annex One "Check the appropriateness of
 * statements from other websites ... linked to"; SYP 5 "All links ... will be reviewed"): a link outside the
 * organisation's and the pack's allow-listed domains needs a check, a shortener hides where it goes, and a plain
 * http:// link is worth upgrading. linkifyjs decides what is a link; it only looks at words that could be one.
 */
import * as linkify from 'linkifyjs';
import type { CheckContext } from '../check-context';
import { hostIn } from '../compile-pack';

export type FoundLink = { start: number; end: number; host: string; raw: string };
type TokenLink = Omit<FoundLink, 'start' | 'end'> & { start: number; end: number };

const tokenCache = new Map<string, TokenLink[]>();

/** linkify's links in one whitespace-free word, cached: an organisation links to the same few pages again and again. */
function linksInToken(token: string): TokenLink[] {
  let links = tokenCache.get(token);
  if (links) return links;
  links = [];
  for (const l of linkify.find(token)) {
    if (l.type !== 'url') continue;
    try {
      const host = new URL(l.href).hostname.toLowerCase().replace(/\.$/, '');
      links.push({ start: l.start, end: l.end, host, raw: l.value });
    } catch {
      // not a URL after all
    }
  }
  if (tokenCache.size > 20_000) tokenCache.clear();
  tokenCache.set(token, links);
  return links;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
const MARK = /[a-z0-9]\.[a-z]{2}|:\/\//gi;

/** Links in the text: linkify looks only at words containing "://" or a dot between a letter or digit and two letters. */
export function findLinks(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  let lastEnd = -1;
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    if (m.index < lastEnd) continue;
    let s = m.index;
    while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
    let e = m.index;
    while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
    lastEnd = e;
    MARK.lastIndex = e;
    for (const l of linksInToken(text.slice(s, e))) out.push({ ...l, start: s + l.start, end: s + l.end });
  }
  return out;
}

export function detectLinks(ctx: CheckContext): void {
  const text = ctx.text;
  if (!text.includes('.')) return;
  const { allowed, shorteners } = ctx.compiled.domains;
  for (const link of findLinks(text)) {
    const match = link.raw.length > 60 ? `${link.raw.slice(0, 57)}...` : link.raw;
    if (hostIn(link.host, shorteners)) ctx.add('external-link.shortener', link.start, link.end, { match });
    else if (!hostIn(link.host, allowed)) ctx.add('external-link.outside-allow-list', link.start, link.end, { match, host: link.host });
    if (/^http:\/\//i.test(link.raw)) ctx.add('external-link.insecure', link.start, link.end, { match });
  }
}
