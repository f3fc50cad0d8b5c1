/**
 * A comment cursor for platforms whose APIs offer no "since" token of their own (Facebook, Instagram, Threads,
 * LinkedIn, YouTube list comments by time or not at all). It keeps the newest creation time seen and the ids seen at
 * that instant, so a comment that lands in the same second as the last one fetched is neither lost nor fetched twice
 * (R20: the inbox must not silently drop a comment). Opaque to callers; an unreadable cursor starts from the beginning,
 * which can only repeat comments, never lose them.
 */
type Timed = { platformCommentId: string; createdAt: number };
type Cursor = { t: number; ids: string[] };

function read(cursor: string | null): Cursor | null {
  if (!cursor) return null;
  try {
    const c = JSON.parse(cursor) as Partial<Cursor>;
    return typeof c.t === 'number' && Array.isArray(c.ids) ? { t: c.t, ids: c.ids.map(String) } : null;
  } catch {
    return null;
  }
}

/** The comments newer than the cursor (oldest first) and the cursor to store next. */
export function newerThan<T extends Timed>(items: T[], cursor: string | null): { fresh: T[]; cursor: string | null } {
  const prev = read(cursor);
  const seen = new Set(prev?.ids ?? []);
  const fresh = items
    .filter((c) => !prev || c.createdAt > prev.t || (c.createdAt === prev.t && !seen.has(c.platformCommentId)))
    .sort((a, b) => a.createdAt - b.createdAt);
  const unique = [...new Map(fresh.map((c) => [c.platformCommentId, c])).values()];
  if (unique.length === 0) return { fresh: [], cursor: prev ? JSON.stringify(prev) : null };
  const t = unique[unique.length - 1]!.createdAt;
  const ids = unique.filter((c) => c.createdAt === t).map((c) => c.platformCommentId);
  return { fresh: unique, cursor: JSON.stringify({ t, ids: prev && prev.t === t ? [...prev.ids, ...ids] : ids }) };
}

/** Whole seconds to pass as a platform's own `since` filter, a little early so clock skew loses nothing. */
export function sinceSeconds(cursor: string | null): number | null {
  const c = read(cursor);
  return c ? Math.max(0, Math.floor(c.t / 1000) - 60) : null;
}
