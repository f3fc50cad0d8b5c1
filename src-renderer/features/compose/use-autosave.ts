/**
 * Autosave (issue 5 point 6): the draft is saved 400 ms after the last change, and at once when the officer leaves
 * the editor, hides the window or presses Ctrl+S. One save is in flight at a time; changes made meanwhile are saved
 * straight after it. Each save sends the revision it last saw, so an edit made elsewhere (another window, another
 * computer) comes back as a conflict instead of being overwritten, and autosave stops until the officer reloads.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, PostView } from '../../../src-main/ipc/contract';
import { ApiError, call, messageOf } from '../../api/client';
import { clearJournal } from './draft-journal';

const QUIET_MS = 400;

export type SaveInput = Omit<ChannelInput<'posts:save-draft'>, 'postId' | 'baseRevision'>;
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string };

type Options = {
  /** The post being edited, once it exists. */
  initial: { postId: string; revision: number } | null;
  /** What to save now, or null when there is nothing worth saving yet (an untouched new post). */
  snapshot(): SaveInput | null;
  onSaved(post: PostView): void;
  /** The draft journal to clear once main has every change (see draft-journal.ts); the editor writes it. */
  journalKey?: string;
};

export function useAutosave({ initial, snapshot, onSaved, journalKey }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const post = useRef(initial);
  const version = useRef(0);
  const savedVersion = useRef(0);
  const running = useRef<Promise<boolean> | null>(null);
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ snapshot, onSaved, journalKey });
  latest.current = { snapshot, onSaved, journalKey };

  const saveNow = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    if (stopped.current) return Promise.resolve(false);
    if (running.current) return running.current.then(() => saveNow());
    if (version.current === savedVersion.current) return Promise.resolve(true);
    const input = latest.current.snapshot();
    if (!input) return Promise.resolve(true);
    const saving = version.current;
    setStatus({ kind: 'saving' });
    const base = post.current;
    const run = call('posts:save-draft', { ...input, ...(base ? { postId: base.postId, baseRevision: base.revision } : {}) })
      .then((saved) => {
        post.current = { postId: saved.id, revision: saved.revision };
        savedVersion.current = saving;
        const key = latest.current.journalKey;
        if (key && version.current === saving) clearJournal(key);
        setStatus({ kind: 'saved', at: Date.now() });
        latest.current.onSaved(saved);
        return true;
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'conflict') {
          stopped.current = true;
          setStatus({ kind: 'conflict', message: e.message });
        } else setStatus({ kind: 'error', message: messageOf(e) });
        return false;
      })
      .finally(() => {
        running.current = null;
      });
    running.current = run;
    return run.then((ok) => (ok && version.current !== savedVersion.current ? saveNow() : ok));
  }, []);

  /** Call after every change the officer makes. */
  const changed = useCallback(() => {
    version.current++;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), QUIET_MS);
  }, [saveNow]);

  /** After a transition (submit, withdraw) main has a newer revision; later saves must start from it. */
  const adopt = useCallback((p: PostView) => {
    post.current = { postId: p.id, revision: p.revision };
  }, []);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saveNow();
    };
    const onLeave = () => void saveNow();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      // Leaving the screen: save what is left (the request outlives the component).
      void saveNow();
    };
  }, [saveNow]);

  const dirty = () => version.current !== savedVersion.current;
  return { status, changed, saveNow, adopt, dirty, current: () => post.current };
}
