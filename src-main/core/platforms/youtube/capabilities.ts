/**
 * What Herald can do on a YouTube channel, as data (DESIGN.md rule 7). Sources: YouTube Data API v3 "Videos: insert"
 * (video only; title up to 100 characters, description up to 5,000 bytes, neither may contain < or >; files up to
 * 256 GB; uploads from unverified API projects are private until audited), "Comments: setModerationStatus"
 * (heldForReview, rejected, banAuthor; comments.delete works only for the comment's own author), "Quota and
 * Compliance Audits" (daily quota, reset at midnight Pacific Time).
 */
import type { Capabilities } from '../adapter';

export const YOUTUBE_CAPABILITIES: Capabilities = {
  displayName: 'YouTube',
  // The description's limit is 5,000 UTF-8 bytes; Herald checks the bytes when publishing.
  text: { maxLength: 5_000, counting: 'utf16', perInstanceLimit: false, requiresMedia: true },
  media: {
    kinds: ['video'],
    maxImages: 0,
    maxVideos: 1,
    maxImageBytes: 0,
    maxVideoBytes: 256 * 1024 ** 3,
    altText: { supported: false, maxLength: 0 },
    needsPublicUrl: false,
  },
  threads: false,
  comments: { fetch: true, reply: true, hide: true, delete: true, moderatesByStatus: true },
  block: true,
  mute: false,
  idempotency: 'reconcile-by-lookup',
  auth: 'oauth2-pkce',
  notes: [
    'YouTube is for video: every post is a video upload. The first line of the text becomes the title (at most 100 characters) and the whole text the description.',
    'YouTube does not allow < or > in titles or descriptions.',
    'Hiding a comment holds it for review; deleting someone else’s comment rejects it (only its author can truly delete it).',
    'Blocking rejects the person’s latest comment on the channel and bans them, so YouTube hides their future comments automatically.',
    'YouTube has no alt text: add captions to the video in YouTube Studio.',
    'YouTube’s API quota is daily and resets at midnight Pacific Time (usually 8am UK time).',
    'Until Google audits Herald’s API project, videos it uploads are private.',
  ],
};
