/**
 * What Herald can do on a LinkedIn organization Page, as data (DESIGN.md rule 7). Sources: LinkedIn Marketing
 * "Posts API" (3,000-character commentary; single image `content.media` with altText up to 4,086 characters;
 * `multiImage` of 2-20; or one video as `content.media`, never mixed with images), "Images API" (initializeUpload, then
 * PUT), "Videos API" (initializeUpload, PUT each 4 MB part, finalizeUpload; "Video File Size Specifications": MP4,
 * 3 seconds to 30 minutes, 75 KB to 500 MB), "Comments API" (read, create, delete; there is no hide), and the absence of
 * any blocking endpoint for organizations.
 */
import type { Capabilities } from '../adapter';

export const LINKEDIN_CAPABILITIES: Capabilities = {
  displayName: 'LinkedIn Page',
  text: { maxLength: 3_000, counting: 'utf16', perInstanceLimit: false, requiresMedia: false },
  media: {
    kinds: ['image', 'video'],
    maxImages: 20,
    maxVideos: 1,
    // The Images API caps pixels (36,152,320), not bytes; 10 MB is Herald's own ceiling.
    maxImageBytes: 10 * 1024 * 1024,
    // The Videos API's file-size specification says 500 MB (its initializeUpload schema allows 5 GB, but a file that
    // passes there can still fail processing). Read as decimal megabytes, the stricter reading.
    maxVideoBytes: 500_000_000,
    altText: { supported: true, maxLength: 4_086 },
    needsPublicUrl: false,
  },
  threads: false,
  comments: { fetch: true, reply: true, hide: false, delete: true, moderatesByStatus: false },
  block: false,
  mute: false,
  idempotency: 'reconcile-by-lookup',
  auth: 'oauth2-pkce',
  notes: [
    'LinkedIn cannot hide comments: delete them or leave them.',
    'LinkedIn’s API cannot block members; report abusive members on LinkedIn itself.',
    'Herald can delete comments on the Page’s own posts.',
    'Herald escapes the characters LinkedIn reserves, such as ( ) [ ] and @, so a post is not cut short; #hashtags still work.',
    'A LinkedIn post carries either images or one video, not both.',
    'LinkedIn takes MP4 video from 3 seconds to 30 minutes long, up to 500 MB. Herald waits until LinkedIn has processed a video before posting it.',
    'LinkedIn video has no alt text, and Herald does not yet send a captions file with it.',
    'Herald reads comments on the Page’s 10 most recently changed posts.',
  ],
};
