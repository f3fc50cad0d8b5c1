/**
 * What Herald can do on Threads, as data (DESIGN.md rule 7). Sources: Threads API "Posts" (500 characters, emoji
 * counted as UTF-8 bytes, two-step containers, carousels of up to 20), "Accessibility" (alt_text on images and videos,
 * not text posts), "Reply Management" (hide top-level replies with manage_reply; hiding one hides those beneath it),
 * "Delete Posts" (own posts only, 100 a day), "Publishing Limits" (250 posts and 1,000 replies per 24 hours).
 */
import type { Capabilities } from '../adapter';

export const THREADS_CAPABILITIES: Capabilities = {
  displayName: 'Threads',
  // Threads counts emoji as their UTF-8 bytes, which no Herald counting mode models yet: see the note below.
  text: { maxLength: 500, counting: 'utf16', perInstanceLimit: false, requiresMedia: false },
  media: {
    kinds: ['image', 'video'],
    maxImages: 20,
    maxVideos: 1,
    maxImageBytes: 8 * 1024 * 1024,
    maxVideoBytes: 1024 * 1024 * 1024,
    // alt_text has no documented limit; Herald keeps it to a screen-reader-friendly 1,000.
    altText: { supported: true, maxLength: 1_000, onVideo: true },
    needsPublicUrl: true,
  },
  threads: true,
  comments: { fetch: true, reply: true, hide: true, delete: false, moderatesByStatus: false },
  block: false,
  mute: false,
  idempotency: 'reconcile-by-lookup',
  auth: 'oauth2-pkce',
  notes: [
    'Threads can hide replies, but its API cannot delete other people’s replies or block accounts: do those in the Threads app.',
    'Only top-level replies can be hidden; hiding one also hides the replies beneath it.',
    'Threads counts each emoji as several characters (its UTF-8 bytes), so an emoji-heavy post can be refused under 500.',
    'Images and videos must be at a public web address; Threads fetches them from there.',
    'An account can publish 250 posts and 1,000 replies in 24 hours, and delete 100 posts a day.',
    'Herald reads replies to the account’s 25 most recent posts.',
  ],
};
