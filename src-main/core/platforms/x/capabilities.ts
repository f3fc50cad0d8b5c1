/**
 * What X can do through its API v2, as data (DESIGN.md rule 7, "Platforms differ; say so"). Endpoint facts are
 * checked against the OpenAPI document Herald tests with (resources/platform-specs/x-openapi.json, X API v2.167);
 * limits come from docs.x.com, cited beside each value.
 */
import type { Capabilities } from '../adapter';

export const X_CAPABILITIES: Capabilities = {
  displayName: 'X',
  text: {
    // 280 weighted characters: URLs count 23, most emoji and CJK count 2; twitter-text computes it
    // (https://docs.x.com/resources/fundamentals/counting-characters). Premium long posts are not offered: a public
    // body's account may lose Premium, and a scheduled post would then fail at the worst moment.
    maxLength: 280,
    counting: 'x-weighted',
    perInstanceLimit: false,
    requiresMedia: false,
  },
  media: {
    kinds: ['image', 'video'],
    // "You may attach up to 4 photos, 1 animated GIF or 1 video in a Post" (https://docs.x.com/x-api/media/quickstart/best-practices);
    // the document's CreatePostsMedia.media_ids has maxItems 4.
    maxImages: 4,
    maxVideos: 1,
    // Image 5 MB, GIF 15 MB, video 512 MB (https://docs.x.com/x-api/media/introduction). A GIF is sent as an image,
    // so it is held to the image limit.
    maxImageBytes: 5 * 1024 * 1024,
    maxVideoBytes: 512 * 1024 * 1024,
    // POST /2/media/metadata, metadata.alt_text.text has maxLength 1000 in the document.
    altText: { supported: true, maxLength: 1000 },
    needsPublicUrl: false,
  },
  // A thread is a chain of replies (reply.in_reply_to_tweet_id on POST /2/tweets).
  threads: true,
  comments: {
    // GET /2/users/:id/mentions: posts that mention the account, replies to it included.
    fetch: true,
    reply: true,
    // PUT /2/tweets/:tweet_id/hidden: only replies in conversations the account started.
    hide: true,
    // DELETE /2/tweets/:id deletes only the account's own posts.
    delete: false,
    moderatesByStatus: false,
  },
  // The v2 document has GET /2/users/:id/blocking (list) but no way to create a block.
  block: false,
  // POST /2/users/:id/muting.
  mute: true,
  // POST /2/tweets takes no idempotency key: after an unknown outcome, look at the account's recent posts first.
  idempotency: 'reconcile-by-lookup',
  auth: 'oauth2-pkce',
  notes: [
    'X’s API does not let apps block accounts. Mute the account here, or block it in the X app.',
    'Only replies in conversations this account started can be hidden; hidden replies stay reachable behind “View hidden replies”. Other people’s posts cannot be deleted.',
    'Posts are limited to 280 characters as X counts them: links count as 23, most emoji as 2.',
    'A post has up to 4 images, or 1 video or GIF. Images over 5 MB are refused.',
    'If a publish is interrupted, Herald looks for the post on the account before trying again, because X cannot tell a retry from a new post.',
  ],
};
