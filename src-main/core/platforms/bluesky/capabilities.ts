/**
 * What Bluesky can do, as data (DESIGN.md rule 7, "Platforms differ; say so"). The numbers come from the lexicons
 * shipped in @atproto/api 0.21 (app.bsky.feed.post, app.bsky.embed.images, app.bsky.embed.video,
 * app.bsky.feed.threadgate) and from how a PDS enforces them; where Herald picks a stricter value than the lexicon,
 * the reason is written beside it, so nobody "fixes" it back.
 */
import type { Capabilities } from '../adapter';

export const BLUESKY_CAPABILITIES: Capabilities = {
  displayName: 'Bluesky',
  text: {
    // app.bsky.feed.post#text: maxGraphemes 300 (and maxLength 3000 bytes, which 300 graphemes of ordinary text never reach).
    maxLength: 300,
    counting: 'graphemes',
    perInstanceLimit: false,
    requiresMedia: false,
  },
  media: {
    kinds: ['image', 'video'],
    // app.bsky.embed.images#main: images maxLength 4. A post carries one embed: images or one video, never both.
    maxImages: 4,
    maxVideos: 1,
    // The lexicon now says 2,000,000 ("formerly limited to 1 MB"), but a PDS validates against its own copy of the
    // lexicon and self-hosted or older PDSes still refuse anything over 1,000,000 bytes. 1 MB works everywhere.
    maxImageBytes: 1_000_000,
    // The lexicon allows 300 MB ("formerly 100mb"); 100 MB is what every PDS and the video service accept today.
    maxVideoBytes: 100_000_000,
    // The lexicon sets no limit on alt text; 2,000 is the limit the Bluesky app itself enforces, so longer text
    // would be cut off for most readers.
    // app.bsky.embed.video takes `alt` as app.bsky.embed.images does.
    altText: { supported: true, maxLength: 2000, onVideo: true },
    needsPublicUrl: false,
  },
  threads: true,
  comments: {
    fetch: true,
    reply: true,
    // app.bsky.feed.threadgate#hiddenReplies (max 300 per thread): the reply moves behind "hidden replies" for everyone.
    hide: true,
    // A record lives in its author's repository: only the author can delete it.
    delete: false,
    moderatesByStatus: false,
  },
  block: true,
  mute: true,
  // Herald derives each post's record key from its idempotency key, so a retry finds the first attempt's post.
  idempotency: 'client-chosen-id',
  auth: 'app-password',
  notes: [
    'Bluesky cannot delete other people’s replies: each post lives in its author’s account. Hide the reply instead (it moves behind “Hidden replies” for everyone) or block the author.',
    'Hiding works only on replies in threads this account started, up to 300 hidden replies per thread.',
    'Connect with an app password (Settings → Privacy and security → App passwords), never the account’s main password.',
    'A post has either up to 4 images or 1 video, not both. Images over 1 MB are refused.',
    'Mentions become links only when the handle can be found; otherwise they stay plain text.',
    'Comments are replies and mentions from Bluesky’s notifications; quote posts are not included. Replies from accounts this account blocks or mutes are not shown by Bluesky.',
    'Muting is private to this account and stored by Bluesky, not in the account’s public records.',
  ],
};
