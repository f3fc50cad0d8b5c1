/**
 * The draft journal (issue 5 point 6: "drafts saved as you type, so a crash loses nothing"). Autosave waits 400 ms
 * after the last keystroke before it sends the draft to main; a renderer that crashes in that window would lose what
 * was typed. So every change is also written, synchronously, to this window's local storage, and removed again once
 * main has saved it. When the editor opens the same post at the same revision and finds an entry, it offers it back.
 */
import type { Draft } from './draft-model';

export type JournalEntry = { postId: string | null; revision: number; draft: Draft; at: number };

export const journalKey = (userId: string) => `herald.compose.journal.${userId}`;

export function writeJournal(key: string, entry: JournalEntry): void {
  try {
    localStorage.setItem(key, JSON.stringify(entry));
  } catch {
    // Storage full or refused: autosave still runs; only the crash window is unprotected.
  }
}

export function clearJournal(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** The entry for this post at this revision, if there is one: a newer revision in main means it was saved or replaced. */
export function readJournal(key: string, postId: string | null, revision: number): JournalEntry | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const e = JSON.parse(raw) as Partial<JournalEntry>;
    if (!e || typeof e !== 'object' || !e.draft || typeof e.draft.baseText !== 'string' || !Array.isArray(e.draft.accountIds)) return null;
    if ((e.postId ?? null) !== postId || e.revision !== revision) return null;
    return e as JournalEntry;
  } catch {
    return null;
  }
}
