/**
 * What a post says and where it goes, and the hash an approval binds to (R5: "an approval binds to the exact content,
 * media and targets; any edit after approval voids it"). The hash covers every account's resolved text, each image's
 * bytes (by SHA-256) with its alt text, source, licence and consent record, and the time. Campaign details and the
 * draft's title do not change what is published, so they are outside the hash.
 */
import { createHash } from 'node:crypto';

export type PostMedia = {
  mediaId: string;
  kind: 'image';
  alt: string;
  /** Who made it or where it came from (ICO13 6.3 copyright). */
  source: string;
  licence: string;
  peopleShown: boolean;
  under16: boolean;
  consentRecorded: boolean;
  /** Where the consent form is kept, e.g. a records reference. */
  consentReference: string;
};

export type PostVariant = { accountId: string; text: string };

export type PostContent = {
  title: string;
  accountIds: string[];
  /** The text every account gets unless it has its own variant. */
  baseText: string;
  /** Per-account texts that replace `baseText` (a shorter X version, a Mastodon content warning...). */
  variants: PostVariant[];
  media: PostMedia[];
};

export const emptyContent = (): PostContent => ({ title: '', accountIds: [], baseText: '', variants: [], media: [] });

export function textFor(content: PostContent, accountId: string): string {
  return content.variants.find((v) => v.accountId === accountId)?.text ?? content.baseText;
}

/**
 * SHA-256 over a canonical form: accounts sorted (the order they were ticked in does not matter), media in order (it
 * is the order they appear), keys in a fixed order. `mediaSha` gives each image's byte hash, so swapping the file
 * behind an id would also void the approval.
 */
export function contentHash(content: PostContent, scheduledAt: number | null, mediaSha: (mediaId: string) => string): string {
  const canonical = [
    'herald-post-v1',
    [...content.accountIds].sort().map((id) => [id, textFor(content, id)]),
    content.media.map((m) => [
      mediaSha(m.mediaId),
      m.kind,
      m.alt,
      m.source,
      m.licence,
      m.peopleShown,
      m.under16,
      m.consentRecorded,
      m.consentReference,
    ]),
    scheduledAt,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
