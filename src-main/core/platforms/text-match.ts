/**
 * Reconciling a publish whose outcome is unknown (R16) by looking for the text among the account's recent posts, on
 * platforms with no idempotency key. Only posts from the last two days count, so a recurring message posted last week
 * is not mistaken for this attempt.
 */
export const RECONCILE_WINDOW_MS = 48 * 60 * 60 * 1000;

function normalise(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && normalise(a) === normalise(b);
}

export function recentEnough(publishedAt: number, now: number): boolean {
  return Number.isFinite(publishedAt) && publishedAt >= now - RECONCILE_WINDOW_MS;
}
