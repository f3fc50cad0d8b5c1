/**
 * The shape of one post to check, as `herald check` reads it from a line of JSON (issue 5 item 3), validated at the
 * edge so the engine only ever sees well-formed input. Messages name the field, so a bad line's error row says what
 * to fix.
 */
import { z } from 'zod';
import type { PostInput } from './types';

const mediaSchema = z.object({
  kind: z.enum(['image', 'video']),
  alt: z.string().optional(),
  source: z.string().optional(),
  licence: z.string().optional(),
  peopleShown: z.boolean().optional(),
  under16: z.boolean().optional(),
  consentRecorded: z.boolean().optional(),
});

export const postInputSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  platform: z.string().min(1),
  text: z.string(),
  scheduledAt: z
    .string()
    .refine((s) => Number.isFinite(Date.parse(s)), 'scheduledAt must be an ISO 8601 date and time, e.g. 2026-05-02T19:30:00+01:00')
    .optional(),
  accounts: z.array(z.string()).optional(),
  media: z.array(mediaSchema).optional(),
});

export type PostParse = { ok: true; post: PostInput } | { ok: false; id: string | null; error: string };

const MEDIA_FLAGS = ['peopleShown', 'under16', 'consentRecorded'] as const;
const MEDIA_TEXTS = ['alt', 'source', 'licence'] as const;

/**
 * The schema's result for a line that plainly meets it, without zod (its parse was a measurable part of a batch
 * `herald check`); null for anything else, which then goes through the schema for its error message. Like the schema,
 * it keeps only the known fields. A test holds the two to the same results.
 */
export function plainPost(json: unknown): PostInput | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  const { id, platform, text, scheduledAt, accounts, media } = o;
  if (!((typeof id === 'string' && id.length > 0) || typeof id === 'number')) return null;
  if (typeof platform !== 'string' || platform.length === 0 || typeof text !== 'string') return null;
  const post: PostInput = { id: String(id), platform, text };
  if ('scheduledAt' in o) {
    if (typeof scheduledAt !== 'string' || !Number.isFinite(Date.parse(scheduledAt))) return null;
    post.scheduledAt = scheduledAt;
  }
  if ('accounts' in o) {
    if (!Array.isArray(accounts) || !accounts.every((a) => typeof a === 'string')) return null;
    post.accounts = [...(accounts as string[])];
  }
  if ('media' in o) {
    if (!Array.isArray(media)) return null;
    const out: NonNullable<PostInput['media']> = [];
    for (const m of media as unknown[]) {
      if (m === null || typeof m !== 'object' || Array.isArray(m)) return null;
      const r = m as Record<string, unknown>;
      if (r.kind !== 'image' && r.kind !== 'video') return null;
      const item: NonNullable<PostInput['media']>[number] = { kind: r.kind };
      for (const k of MEDIA_TEXTS) {
        if (!(k in r)) continue;
        const v = r[k];
        if (typeof v !== 'string') return null;
        item[k] = v;
      }
      for (const k of MEDIA_FLAGS) {
        if (!(k in r)) continue;
        const v = r[k];
        if (typeof v !== 'boolean') return null;
        item[k] = v;
      }
      out.push(item);
    }
    post.media = out;
  }
  return post;
}

/** Parses one JSON line into a post, or says why it cannot be checked (naming the id when the line has one). */
export function parsePostLine(line: string): PostParse {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { ok: false, id: null, error: `not valid JSON: ${(e as Error).message}` };
  }
  const plain = plainPost(json);
  if (plain) return { ok: true, post: plain };
  const r = postInputSchema.safeParse(json);
  if (r.success) return { ok: true, post: r.data as PostInput };
  const rawId = json && typeof json === 'object' && 'id' in json ? (json as { id: unknown }).id : null;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
  return { ok: false, id, error: r.error.issues.map((i) => `${i.path.join('.') || 'post'}: ${i.message}`).join('; ') };
}
