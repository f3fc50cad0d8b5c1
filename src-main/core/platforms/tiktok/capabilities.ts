/**
 * What Herald can do on TikTok, as data (DESIGN.md rule 7). Sources: TikTok for Developers "Content Posting API":
 * "Direct Post" (video caption up to 2,200 characters; creator_info first; unaudited clients post privately only),
 * "Photo Post" (up to 35 JPEG or WebP photos, pulled from a verified URL; title 90, description 4,000 characters),
 * "Media Transfer Guide" (FILE_UPLOAD chunks, or PULL_FROM_URL from a verified domain), "Get Post Status" (the post
 * id arrives only after moderation), and "Manage User Access Tokens" (24-hour access tokens; refresh tokens rotate).
 * There is no endpoint for reading or moderating comments, deleting posts, or blocking accounts.
 */
import type { Capabilities } from '../adapter';

export const TIKTOK_CAPABILITIES: Capabilities = {
  displayName: 'TikTok',
  text: { maxLength: 2_200, counting: 'utf16', perInstanceLimit: false, requiresMedia: true },
  media: {
    kinds: ['video', 'image'],
    maxImages: 35,
    maxVideos: 1,
    maxImageBytes: 20 * 1024 * 1024,
    maxVideoBytes: 4 * 1024 ** 3,
    altText: { supported: false, maxLength: 0 },
    // Photos must be pulled from a public, verified URL; a video without one is uploaded directly instead.
    needsPublicUrl: true,
  },
  threads: false,
  comments: { fetch: false, reply: false, hide: false, delete: false, moderatesByStatus: false },
  block: false,
  mute: false,
  idempotency: 'none',
  auth: 'oauth2-pkce',
  notes: [
    'Every TikTok post needs a video or photos: text on its own cannot be posted.',
    'TikTok gives apps no access to comments: read, hide and delete them, and block accounts, in the TikTok app.',
    'Photos must be JPEG or WebP at a public address on a domain verified with TikTok; a video without one is uploaded directly.',
    'TikTok gives the post’s id only after its moderation, which can take minutes or hours; until then Herald shows TikTok’s publish id.',
    'TikTok cannot look a post up after an interrupted publish: if Herald loses contact mid-publish, check the TikTok app before trying again.',
    'TikTok cannot delete posts through its API: delete them in the TikTok app.',
    'Until TikTok audits Herald’s app, posts are private and only private accounts can post.',
    'Access tokens last 24 hours and every refresh returns a new refresh token, which Herald must store at once or lose the account.',
    'TikTok has no alt text.',
  ],
};
