/**
 * What Herald can do on a Facebook Page, as data (DESIGN.md rule 7). Sources: Graph API reference pages "Page Feed",
 * "Page Photos", "Photo" (alt_text_custom; static images under 10 MB), "Page Videos" and "Uploading Videos with the
 * Graph API" (one video per post; a non-resumable upload takes up to 1 GB and 20 minutes), "Comment" (is_hidden),
 * "Users or Pages Blocked from a Page" (the Page's blocked list), "Page Published Posts".
 */
import type { Capabilities } from '../adapter';

export const FACEBOOK_CAPABILITIES: Capabilities = {
  displayName: 'Facebook Page',
  // Facebook's long-standing post limit; Graph counts UTF-16 code units.
  text: { maxLength: 63_206, counting: 'utf16', perInstanceLimit: false, requiresMedia: false },
  media: {
    kinds: ['image', 'video'],
    maxImages: 10,
    maxVideos: 1,
    maxImageBytes: 10 * 1024 * 1024,
    // Herald uploads a video in one request (non-resumable), which Graph limits to 1 GB; read as decimal, the stricter.
    maxVideoBytes: 1_000_000_000,
    // alt_text_custom has no documented length limit; Herald keeps it to a screen-reader-friendly 1,000.
    altText: { supported: true, maxLength: 1_000 },
    needsPublicUrl: false,
  },
  threads: false,
  comments: { fetch: true, reply: true, hide: true, delete: true, moderatesByStatus: false },
  block: true,
  mute: false,
  idempotency: 'reconcile-by-lookup',
  auth: 'oauth2-pkce',
  notes: [
    'Herald posts to the Page as the Page; it cannot post to personal profiles or groups.',
    'A hidden comment stays visible to the person who wrote it and their friends, so they are not told it was hidden.',
    'Blocking bans the person from the Page: they can no longer comment, react or message it.',
    'Herald reads comments on the Page’s 25 most recent posts.',
    'Facebook refuses a post identical to one the Page made moments before (error 506).',
    'A Facebook post carries either photos or one video, not both.',
    'Herald sends a Facebook video in one upload, so videos are limited to 1 GB and 20 minutes. The post’s text becomes the video’s description.',
    'Facebook video has no alt text, and Herald does not yet send a captions file with it.',
  ],
};
