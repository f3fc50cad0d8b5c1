/**
 * Platform limits, counted as each platform counts them (R7; SYP 2): X's weighted length by twitter-text (URLs 23,
 * emoji 2), Bluesky graphemes, Mastodon code points with URLs as 23 and remote mentions as the local part, plain
 * UTF-16 elsewhere; media counts and kinds, alt-text lengths, and platforms with no text-only post. The limits come
 * from the adapters' declared capabilities, never copied here (DESIGN.md rule 7).
 */
import twitter from 'twitter-text';
import type { Capabilities, PlatformId, TextCounting } from '../../platforms/adapter';
import { BLUESKY_CAPABILITIES } from '../../platforms/bluesky/capabilities';
import { FACEBOOK_CAPABILITIES } from '../../platforms/facebook/capabilities';
import { INSTAGRAM_CAPABILITIES } from '../../platforms/instagram/capabilities';
import { LINKEDIN_CAPABILITIES } from '../../platforms/linkedin/capabilities';
import { MASTODON_CAPABILITIES } from '../../platforms/mastodon/capabilities';
import { THREADS_CAPABILITIES } from '../../platforms/threads/capabilities';
import { TIKTOK_CAPABILITIES } from '../../platforms/tiktok/capabilities';
import { X_CAPABILITIES } from '../../platforms/x/capabilities';
import { YOUTUBE_CAPABILITIES } from '../../platforms/youtube/capabilities';
import type { CheckContext } from '../check-context';

export const PLATFORM_CAPABILITIES: Record<PlatformId, Capabilities> = {
  x: X_CAPABILITIES,
  facebook: FACEBOOK_CAPABILITIES,
  instagram: INSTAGRAM_CAPABILITIES,
  linkedin: LINKEDIN_CAPABILITIES,
  youtube: YOUTUBE_CAPABILITIES,
  threads: THREADS_CAPABILITIES,
  bluesky: BLUESKY_CAPABILITIES,
  mastodon: MASTODON_CAPABILITIES,
  tiktok: TIKTOK_CAPABILITIES,
};

export function capabilitiesOf(platform: string): Capabilities | undefined {
  return Object.hasOwn(PLATFORM_CAPABILITIES, platform) ? PLATFORM_CAPABILITIES[platform as PlatformId] : undefined;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Text where every character is its own grapheme: nothing at or above U+0300 (combining marks, joiners, emoji)
 * except general punctuation and currency signs, which never combine. Counting such text needs no segmenter.
 */
const SIMPLE = /^[^\u0300-\u200f\u2028-\u202f\u205f-\u209f\u20c1-\uffff]*$/;
/** Characters X weighs 1 (twitter-text config v3: up to U+10FF, U+2010-201F, U+2032-2037), below any combining mark. */
const WEIGHT_ONE = /^[^\u0300-\u200f\u2020-\u2031\u2038-\uffff]*$/;
const URLISH = /:\/\/|www\.|\.[a-z]{2}/i;

export function countGraphemes(text: string): number {
  if (SIMPLE.test(text)) {
    let crlf = 0;
    for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) crlf++;
    return text.length - crlf;
  }
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** X's weighted length. Text of weight-1 characters with nothing that could be a link counts its length; else twitter-text. */
export function countX(text: string): number {
  if (WEIGHT_ONE.test(text) && !URLISH.test(text)) return text.length;
  return twitter.parseTweet(text).weightedLength;
}

/** Mastodon: code points, each http(s) URL as 23, "@user@domain" as "@user" (docs.joinmastodon.org/user/posting/#text). */
export function countMastodon(text: string): number {
  let t = text;
  let extra = 0;
  if (t.includes('://')) t = t.replace(/https?:\/\/[^\s<>"]+/g, () => ((extra += 23), ''));
  if (t.includes('@')) t = t.replace(/(^|[^\w/])@(\w+)@[\w.-]+\w/g, '$1@$2');
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && t.charCodeAt(i - 1) >= 0xd800 && t.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n + extra;
}

export function countText(text: string, counting: TextCounting): number {
  return measure(text, counting, Infinity).count;
}

/** The length as the platform counts it and, when over `limit`, roughly where the text passes it (for the highlight). */
function measure(text: string, counting: TextCounting, limit: number): { count: number; overAt: number } {
  switch (counting) {
    case 'x-weighted': {
      if (WEIGHT_ONE.test(text) && !URLISH.test(text)) return { count: text.length, overAt: Math.min(limit, text.length) };
      const r = twitter.parseTweet(text);
      return { count: r.weightedLength, overAt: Math.min(text.length, r.validRangeEnd + 1) };
    }
    case 'graphemes': {
      if (SIMPLE.test(text)) {
        const count = countGraphemes(text);
        return { count, overAt: count > limit ? graphemeOffset(text, limit) : text.length };
      }
      let n = 0;
      let overAt = text.length;
      for (const { index } of segmenter.segment(text)) {
        if (n === limit) overAt = index;
        n++;
      }
      return { count: n, overAt };
    }
    case 'mastodon':
      return { count: countMastodon(text), overAt: Math.min(limit, text.length) };
    case 'utf16':
      return { count: text.length, overAt: Math.min(limit, text.length) };
  }
}

/** Where the limit-th grapheme starts in text made only of single-unit graphemes (CR LF counts once). */
function graphemeOffset(text: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (n === limit) return i;
    if (!(text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10)) n++;
  }
  return text.length;
}

export function detectLength(ctx: CheckContext): void {
  const { post, text } = ctx;
  const caps = capabilitiesOf(post.platform);
  if (!caps) {
    ctx.add('length.unknown-platform', 0, 0, { platform: String(post.platform) });
    return;
  }
  const platform = caps.displayName;
  const limit = ctx.settings.platformLimits?.[post.platform]?.maxLength ?? caps.text.maxLength;
  // Count only when the text could be over: no mode counts more than 2 per UTF-16 unit, except links (23 each).
  if (text.length > limit / 2 || URLISH.test(text)) {
    const { count, overAt } = measure(text, caps.text.counting, limit);
    if (count > limit) ctx.add('length.text-too-long', overAt, text.length, { platform, count, limit });
  }
  const media = post.media ?? [];
  // Only a post said to have no media (`media: []`) is refused here. A `herald check` line without a media field is
  // a caption checked on its own: whether the post will carry an image is not known, so saying it must is noise. The
  // composer and the approval workflow always send the post's media list, so they still refuse a bare caption.
  if (caps.text.requiresMedia && post.media !== undefined && media.length === 0) ctx.add('length.media-required', 0, 0, { platform });
  const images = media.filter((m) => m.kind === 'image').length;
  const videos = media.filter((m) => m.kind === 'video').length;
  for (const kind of ['image', 'video'] as const) {
    if (media.some((m) => m.kind === kind) && !caps.media.kinds.includes(kind)) ctx.add('length.media-kind-unsupported', 0, 0, { platform, kind });
  }
  if (caps.media.kinds.includes('image') && images > caps.media.maxImages) ctx.add('length.too-many-images', 0, 0, { platform, count: images, limit: caps.media.maxImages });
  if (caps.media.kinds.includes('video') && videos > caps.media.maxVideos) ctx.add('length.too-many-videos', 0, 0, { platform, count: videos, limit: caps.media.maxVideos });
  media.forEach((m, i) => {
    if (!m.alt) return;
    if (!caps.media.altText.supported) ctx.add('length.alt-text-unsupported', 0, 0, { platform, item: i + 1 });
    else {
      const count = [...m.alt].length;
      if (count > caps.media.altText.maxLength) ctx.add('length.alt-text-too-long', 0, 0, { platform, count, limit: caps.media.altText.maxLength, item: i + 1 });
    }
  });
}
