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

/** Parses one JSON line into a post, or says why it cannot be checked (naming the id when the line has one). */
export function parsePostLine(line: string): PostParse {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { ok: false, id: null, error: `not valid JSON: ${(e as Error).message}` };
  }
  const r = postInputSchema.safeParse(json);
  if (r.success) return { ok: true, post: r.data as PostInput };
  const rawId = json && typeof json === 'object' && 'id' in json ? (json as { id: unknown }).id : null;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
  return { ok: false, id, error: r.error.issues.map((i) => `${i.path.join('.') || 'post'}: ${i.message}`).join('; ') };
}
