/**
 * What Herald can do on a LinkedIn organization Page, as data (DESIGN.md rule 7). Sources: LinkedIn Marketing
 * "Posts API" (3,000-character commentary; single image `content.media` with altText up to 4,086 characters;
 * `multiImage` of 2-20), "Images API" (initializeUpload, then PUT), "Comments API" (read, create, delete; there is no
 * hide), and the absence of any blocking endpoint for organizations.
 */
import type { Capabilities } from '../adapter';

export const LINKEDIN_CAPABILITIES: Capabilities = {
  displayName: 'LinkedIn Page',
  text: { maxLength: 3_000, counting: 'utf16', perInstanceLimit: false, requiresMedia: false },
  media: {
    kinds: ['image'],
    maxImages: 20,
    maxVideos: 0,
    // The Images API caps pixels (36,152,320), not bytes; 10 MB is Herald's own ceiling.
    maxImageBytes: 10 * 1024 * 1024,
    maxVideoBytes: 0,
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
    'Video posts are not yet supported by Herald on LinkedIn.',
    'Herald reads comments on the Page’s 10 most recently changed posts.',
  ],
};
