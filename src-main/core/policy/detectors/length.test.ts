/**
 * Platform limits as each platform counts them (R7), read from the adapters' declared capabilities, never copied.
 */
import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { BLUESKY_CAPABILITIES } from '../../platforms/bluesky/capabilities';
import { MASTODON_CAPABILITIES } from '../../platforms/mastodon/capabilities';
import { X_CAPABILITIES } from '../../platforms/x/capabilities';
import { check, engineWith } from '../testing/check-helpers';
import { countGraphemes, countMastodon, countX } from './length';

const lengthFindings = (text: string, platform: string, extra = {}, engine?: ReturnType<typeof engineWith>) =>
  check(text, { platform, ...extra }, engine).filter((f) => f.category === 'length');

describe('length', () => {
  it('counts X as X does: a link is 23, an emoji 2', () => {
    const url = 'https://www.anytown.gov.uk/a-very-long-page-address-about-bin-collections-over-christmas';
    expect(countX(`Bins ${url}`)).toBe(5 + 23);
    expect(countX('Bins 🎄')).toBe(7);
    const limit = X_CAPABILITIES.text.maxLength;
    expect(lengthFindings('a'.repeat(limit), 'x')).toEqual([]);
    const over = lengthFindings('a'.repeat(limit + 1), 'x');
    expect(over.map((f) => [f.ruleId, f.severity, f.start])).toEqual([['length.text-too-long', 'block', limit]]);
    expect(over[0]!.message).toBe(`Too long for X: ${limit + 1} of ${limit} as X counts it.`);
    expect(lengthFindings(`${'a'.repeat(limit - 24)} ${url}`, 'x')).toEqual([]);
  });

  it('counts Bluesky in graphemes: a family emoji is one', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(countGraphemes(family)).toBe(1);
    const limit = BLUESKY_CAPABILITIES.text.maxLength;
    expect(lengthFindings(family.repeat(limit), 'bluesky').filter((f) => f.ruleId === 'length.text-too-long')).toEqual([]);
    expect(lengthFindings(family.repeat(limit + 1), 'bluesky').map((f) => f.ruleId)).toContain('length.text-too-long');
  });

  it('counts Mastodon links as 23 and remote mentions by their local part, up to the instance’s own limit', () => {
    expect(countMastodon('Hi @news@social.example.org see https://example.org/a/very/long/path/indeed')).toBe('Hi @news see '.length + 23);
    const limit = MASTODON_CAPABILITIES.text.maxLength;
    expect(lengthFindings('a'.repeat(limit + 1), 'mastodon').map((f) => f.ruleId)).toEqual(['length.text-too-long']);
    const bigInstance = engineWith({ platformLimits: { mastodon: { maxLength: 5000 } } });
    expect(lengthFindings('a'.repeat(limit + 1), 'mastodon', {}, bigInstance)).toEqual([]);
  });

  it('counts UTF-16 units elsewhere', () => {
    expect(lengthFindings('a'.repeat(3001), 'linkedin').map((f) => f.message)).toEqual(['Too long for LinkedIn Page: 3001 of 3000 as LinkedIn Page counts it.']);
  });

  it('checks media counts, kinds, alt text length and platforms that need media', () => {
    const img = { kind: 'image' as const, alt: 'A photo of the library', source: 'Comms', licence: 'Own' };
    expect(lengthFindings('Hello', 'x', { media: [img, img, img, img, img] }).map((f) => f.message)).toEqual(['X takes at most 4 images; this post has 5.']);
    expect(lengthFindings('Hello', 'youtube', { media: [{ kind: 'image', source: 'Comms', licence: 'Own' }] }).map((f) => f.ruleId)).toEqual(['length.media-kind-unsupported']);
    // LinkedIn and Facebook Pages take one video a post.
    const video = { kind: 'video' as const, alt: 'Bin lorry at work', source: 'Comms', licence: 'Own' };
    expect(lengthFindings('Hello', 'linkedin', { media: [video] }).map((f) => f.ruleId)).toEqual([]);
    expect(lengthFindings('Hello', 'facebook', { media: [video, video] }).map((f) => f.ruleId)).toEqual(['length.too-many-videos']);
    expect(lengthFindings('Hello', 'instagram', { media: [] }).map((f) => f.ruleId)).toEqual(['length.media-required']);
    // A caption checked without saying what media the post has: not known, so not refused.
    expect(lengthFindings('Hello', 'instagram').map((f) => f.ruleId)).toEqual([]);
    expect(lengthFindings('Hello', 'x', { media: [{ ...img, alt: 'x'.repeat(X_CAPABILITIES.media.altText.maxLength + 1) }] }).map((f) => f.ruleId)).toEqual(['length.alt-text-too-long']);
  });

  it('says so when it does not know the platform', () => {
    expect(lengthFindings('Hello', 'myspace').map((f) => [f.ruleId, f.severity])).toEqual([['length.unknown-platform', 'advice']]);
  });

  it('takes its fast path for X only where twitter-text would agree', () => {
    const chars = fc.constantFrom('a', 'B', ' ', '.', ',', '’', '“', '–', 'é', '🙂', '漢', 'ﬁ', '\n', '/', ':', 'w', 'c', 'o', 'm', 'k', 'u');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        expect(countX(text)).toBe(twitter.parseTweet(text).weightedLength);
      }),
      { numRuns: 500 },
    );
  });
});
