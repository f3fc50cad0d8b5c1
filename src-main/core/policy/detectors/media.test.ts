/**
 * Media: a recorded source or licence (BAR 5a, 9d) and consent from the people shown, stricter for under-16s (BAR 9e).
 */
import { describe, expect, it } from 'vitest';
import type { MediaInput } from '../types';
import { check } from '../testing/check-helpers';

const media = (...items: MediaInput[]) => check('New play area opens', { platform: 'facebook', media: items }).map((f) => `${f.ruleId}:${f.severity}`);
const base = { kind: 'image' as const, alt: 'Children on the new climbing frame', source: 'Comms team', licence: 'Council-owned' };

describe('media', () => {
  it('needs sign-off when an image has no recorded source or licence', () => {
    expect(media({ ...base, source: undefined, licence: undefined })).toEqual(['copyright.media-source-missing:sign-off']);
    expect(media({ ...base, licence: undefined })).toEqual([]);
  });

  it('needs sign-off when people are shown without recorded consent', () => {
    expect(media({ ...base, peopleShown: true })).toEqual(['image-consent.no-consent:sign-off']);
    expect(media({ ...base, peopleShown: true, consentRecorded: true })).toEqual([]);
  });

  it('blocks a picture of an under-16 without recorded consent', () => {
    expect(media({ ...base, peopleShown: true, under16: true })).toEqual(['image-consent.under-16-no-consent:block']);
    expect(media({ ...base, peopleShown: true, under16: true, consentRecorded: true })).toEqual(['image-consent.under-16:advice']);
  });

  it('names the item each media finding is about', () => {
    const found = check('Gallery', { media: [base, { ...base, peopleShown: true }] });
    expect(found.map((f) => f.message)).toEqual(['Image 2: people are shown and no consent is recorded.']);
  });

  it('asks for a description of a video where the platform takes one (Bluesky, Mastodon, Threads), not where it cannot', () => {
    const video = { kind: 'video' as const, source: 'Comms team', licence: 'Council-owned' };
    const alt = (platform: string, m: MediaInput) => check('Bin lorry tour', { platform, media: [m] }).filter((f) => f.ruleId === 'accessibility.missing-alt-text').map((f) => f.message);
    expect(alt('bluesky', video)).toEqual(['Video 1 has no alt text.']);
    expect(alt('mastodon', video)).toEqual(['Video 1 has no alt text.']);
    expect(alt('threads', { ...video, alt: 'A bin lorry lifting a wheelie bin' })).toEqual([]);
    expect(alt('facebook', video)).toEqual([]);
    expect(alt('youtube', video)).toEqual([]);
  });
});

