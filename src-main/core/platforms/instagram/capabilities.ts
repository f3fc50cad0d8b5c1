/**
 * What Herald can do on an Instagram professional account, as data (DESIGN.md rule 7). Sources: Instagram Platform
 * "Content Publishing" (no text-only posts; media fetched from a public URL; `alt_text` for image posts since
 * 24 March 2025, not Reels or Stories; carousels of up to 10; 50 posts per 24 hours, "IG User Media Publish"),
 * "Comment Moderation" (hide, delete, reply; no blocking), "IG Media" (DELETE needs Facebook Login), image spec 8 MB.
 */
import type { Capabilities } from '../adapter';

export const INSTAGRAM_CAPABILITIES: Capabilities = {
  displayName: 'Instagram',
  text: { maxLength: 2_200, counting: 'utf16', perInstanceLimit: false, requiresMedia: true },
  media: {
    kinds: ['image', 'video'],
    maxImages: 10,
    maxVideos: 1,
    maxImageBytes: 8 * 1024 * 1024,
    maxVideoBytes: 300 * 1024 * 1024,
    // alt_text has no documented limit; Herald keeps it to a screen-reader-friendly 1,000.
    altText: { supported: true, maxLength: 1_000 },
    needsPublicUrl: true,
  },
  threads: false,
  comments: { fetch: true, reply: true, hide: true, delete: true, moderatesByStatus: false },
  block: false,
  mute: false,
  idempotency: 'reconcile-by-lookup',
  auth: 'oauth2-pkce',
  notes: [
    'Every Instagram post needs an image or a video: text on its own cannot be posted.',
    'Instagram fetches each image or video from a public web address, so Herald must host the media there first.',
    'Alt text is sent for images only: Instagram takes none for Reels (videos).',
    'Instagram’s API cannot block or restrict accounts: hide or delete the comment here, then block the account in the Instagram app.',
    'An account can publish at most 50 posts in 24 hours.',
    'Deleting posts works only for accounts connected through Facebook Login.',
    'Herald reads comments on the account’s 25 most recent posts.',
  ],
};
