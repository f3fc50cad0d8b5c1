/**
 * The parts of Mastodon's entities the adapter reads, as zod schemas (https://docs.joinmastodon.org/entities/).
 * Only fields Herald uses are listed, so a server that adds fields is fine and one that drops a field Herald needs
 * becomes a typed "response Herald could not read" error (http.ts) instead of an undefined deep in the code.
 * Also: turning a status's HTML `content` back into plain text, for matching and for the inbox.
 */
import { z } from 'zod';

export const AccountSchema = z.object({
  id: z.string(),
  acct: z.string(),
  username: z.string(),
  display_name: z.string(),
  url: z.string().nullish(),
});

export const StatusSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  content: z.string(),
  uri: z.string(),
  url: z.string().nullish(),
  in_reply_to_id: z.string().nullish(),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']),
  account: AccountSchema,
  media_attachments: z.array(z.object({ id: z.string(), description: z.string().nullish() })),
});
export type Status = z.infer<typeof StatusSchema>;

export const MediaAttachmentSchema = z.object({ id: z.string(), url: z.string().nullish() });

export const NotificationSchema = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  account: AccountSchema,
  status: StatusSchema.nullish(),
});

export const RelationshipSchema = z.object({ id: z.string() });

export const InstanceSchema = z.object({
  configuration: z.object({
    statuses: z.object({ max_characters: z.number().int().positive(), max_media_attachments: z.number().int().nonnegative() }),
    media_attachments: z.object({
      image_size_limit: z.number().int().positive(),
      video_size_limit: z.number().int().positive(),
      // Mastodon 4.4+ only.
      description_limit: z.number().int().positive().nullish(),
    }),
  }),
});

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Mastodon returns a status's text as sanitised HTML: paragraphs, <br>, and links whose visible text is split across
 * spans (https://docs.joinmastodon.org/spec/activitypub/#sanitization). Dropping the tags gives back what was typed.
 */
export function statusText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}
