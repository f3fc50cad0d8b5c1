/**
 * The parts of X API v2 responses the adapter reads, as zod schemas. The OpenAPI document marks almost nothing as
 * required (a Post has no required fields at all), so these state what Herald itself relies on: X's default fields
 * (id and text of a post; id, name and username of a user: https://docs.x.com/x-api/fundamentals/fields) and the
 * fields Herald asks for. Anything missing becomes a typed "could not read" error in http.ts.
 * Also: comparing what Herald sent with the text X returns, which has links rewritten and markup escaped.
 */
import { z } from 'zod';

export const UserSchema = z.object({ id: z.string(), username: z.string(), name: z.string().optional() });
export const UsersMeSchema = z.object({ data: UserSchema });

export const CreatedPostSchema = z.object({ data: z.object({ id: z.string(), text: z.string() }) });

export const PostSchema = z.object({
  id: z.string(),
  text: z.string(),
  created_at: z.string().optional(),
  author_id: z.string().optional(),
  conversation_id: z.string().optional(),
});

/** A timeline page. `data` is absent when there are no posts (meta.result_count 0). */
export const PostPageSchema = z.object({
  data: z.array(PostSchema).optional(),
  includes: z.object({ users: z.array(UserSchema).optional() }).optional(),
  meta: z.object({ newest_id: z.string().optional(), next_token: z.string().optional() }).optional(),
});

const ProcessingSchema = z.object({ state: z.string().optional(), check_after_secs: z.number().optional() }).optional();
/** POST /2/media/upload, .../finalize and GET /2/media/upload?command=STATUS share this shape. */
export const MediaSchema = z.object({ data: z.object({ id: z.string(), processing_info: ProcessingSchema }) });
export const UploadSessionSchema = z.object({ data: z.object({ id: z.string() }) });

export const HiddenSchema = z.object({ data: z.object({ hidden: z.boolean().optional() }) });
export const DeletedSchema = z.object({ data: z.object({ deleted: z.boolean() }) });
export const MutingSchema = z.object({ data: z.object({ muting: z.boolean() }) });

export const decodeXText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * X returns a post's text with every link rewritten to t.co, a t.co link appended for attached media, &, < and >
 * escaped as entities, and, on a reply, the @handles of the people replied to in front. Comparing without links,
 * with entities decoded and with or without that leading @handle list matches what Herald sent.
 */
export function sameXText(sent: string, returned: string): boolean {
  const norm = (s: string) => decodeXText(s).replace(/https?:\/\/\S+/g, '').normalize('NFC').replace(/\s+/g, ' ').trim();
  const want = norm(sent);
  return norm(returned) === want || norm(returned.replace(/^(@\w+\s+)+/, '')) === want;
}
