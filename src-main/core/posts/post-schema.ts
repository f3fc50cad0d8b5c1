/**
 * The shape of a post's content, as zod, shared by the IPC contract (renderer input) and the core (rows read back
 * from storage). Free of Node imports: preload and the renderer import the contract, which imports this.
 *
 * Limits: 100,000 characters a text is far above any platform's limit (the length finding says so) but bounds memory;
 * four images is the most most platforms take in one post.
 */
import { z } from 'zod';

export const MAX_POST_TEXT = 100_000;

const id = z.string().min(1).max(64);
const words = (max: number) => z.string().max(max);

export const postMediaSchema = z
  .object({
    mediaId: id,
    kind: z.literal('image'),
    alt: words(2000),
    source: words(500),
    licence: words(500),
    peopleShown: z.boolean(),
    under16: z.boolean(),
    consentRecorded: z.boolean(),
    consentReference: words(200),
  })
  .strict();

export const postContentSchema = z
  .object({
    title: words(200),
    accountIds: z.array(id).max(50),
    baseText: words(MAX_POST_TEXT),
    variants: z.array(z.object({ accountId: id, text: words(MAX_POST_TEXT) }).strict()).max(50),
    media: z.array(postMediaSchema).max(4, 'A post can carry at most four images'),
  })
  .strict();
