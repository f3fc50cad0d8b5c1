/**
 * What Mastodon can do, as data (DESIGN.md rule 7, "Platforms differ; say so"). Every Mastodon server (instance) sets
 * its own limits, so these are the values every current instance accepts until checkHealth has read the account's
 * own instance (GET /api/v2/instance, configuration.statuses and configuration.media_attachments:
 * https://docs.joinmastodon.org/entities/Instance/#configuration); the account service stores what health returns.
 */
import type { Capabilities } from '../adapter';

export const MASTODON_CAPABILITIES: Capabilities = {
  displayName: 'Mastodon',
  text: {
    // StatusLengthValidator::MAX_CHARS = 500 on a stock instance; many raise it (configuration.statuses.max_characters).
    // Counting: URLs count 23 (characters_reserved_per_url), @user@domain counts as @user
    // (https://docs.joinmastodon.org/user/posting/#text).
    maxLength: 500,
    counting: 'mastodon',
    perInstanceLimit: true,
    requiresMedia: false,
  },
  media: {
    kinds: ['image', 'video'],
    // configuration.statuses.max_media_attachments = 4; a video or audio file cannot share a post with anything else
    // (https://docs.joinmastodon.org/user/posting/#attachments).
    maxImages: 4,
    maxVideos: 1,
    // Mastodon 4.3 raised the defaults to 16 MB and 99 MB (mastodon.social reports 16777216 and 103809024), but
    // older instances still refuse more than 10 MB and 40 MB. Until the instance's own figures are read, use the
    // smaller ones, which every instance accepts.
    maxImageBytes: 10 * 1024 * 1024,
    maxVideoBytes: 40 * 1024 * 1024,
    // MediaAttachment::MAX_DESCRIPTION_LENGTH = 1500; 4.4+ reports configuration.media_attachments.description_limit.
    // A media attachment's `description` is its alt text, whatever the kind.
    altText: { supported: true, maxLength: 1500, onVideo: true },
    needsPublicUrl: false,
  },
  // A thread is a chain of the account's own replies (in_reply_to_id: https://docs.joinmastodon.org/methods/statuses/#create).
  threads: true,
  comments: {
    // Mentions and replies arrive as notifications of type "mention" (https://docs.joinmastodon.org/methods/notifications/).
    fetch: true,
    reply: true,
    // Mastodon has no way for a post's author to hide replies to it.
    hide: false,
    // Only a post's author (or their instance's moderators) can delete it.
    delete: false,
    moderatesByStatus: false,
  },
  block: true,
  mute: true,
  // POST /api/v1/statuses honours an Idempotency-Key header for up to 1 hour
  // (https://docs.joinmastodon.org/methods/statuses/#create): a retried publish returns the first attempt's post.
  idempotency: 'idempotency-key',
  auth: 'oauth2-pkce',
  notes: [
    'Mastodon has no way to hide replies, and nobody but the author (or their server’s moderators) can delete them. Block or mute the account, or report the post to its server’s moderators.',
    'Each Mastodon server sets its own character limit and media sizes; Herald reads them from the account’s server when the account is checked.',
    'A post has up to 4 images or 1 video, not both.',
    'Mentions and replies come from the account’s notifications; replies from blocked or muted accounts are not shown.',
    'Replies keep the visibility of the post they answer, so a reply to a private mention is never made public.',
  ],
};
