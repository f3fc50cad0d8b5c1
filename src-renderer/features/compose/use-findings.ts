/**
 * Live policy checks while the officer types (R8-R11): every chosen account's text goes to policy:check as one
 * batch. The first change after a quiet spell is checked at once; changes that follow within 50 ms are gathered into
 * one check 50 ms after the last one sent, so fast typing costs at most 20 checks a second. Answers can arrive out of
 * order; an answer older than the one on screen is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { FindingView } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../../api/client';
import type { CheckPost } from './draft-model';

const GAP_MS = 50;

export type CheckResult = { packLabel: string; byId: Map<string, FindingView[]>; error: string | null; checkedKey: string };

export function useFindings(posts: CheckPost[]): CheckResult | null {
  const key = JSON.stringify(posts);
  const [result, setResult] = useState<CheckResult | null>(null);
  const sent = useRef(0);
  const shown = useRef(0);
  const lastSentAt = useRef(-Infinity);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  useEffect(() => {
    const batch = JSON.parse(key) as CheckPost[];
    const send = () => {
      const mine = ++sent.current;
      lastSentAt.current = performance.now();
      if (!batch.length) {
        shown.current = mine;
        setResult({ packLabel: '', byId: new Map(), error: null, checkedKey: key });
        return;
      }
      call('policy:check', { posts: batch }).then(
        (r) => {
          if (!live.current || mine < shown.current) return;
          shown.current = mine;
          setResult({ packLabel: r.packLabel, byId: new Map(r.results.map((x) => [x.id, x.findings])), error: null, checkedKey: key });
        },
        (e: unknown) => {
          if (!live.current || mine < shown.current) return;
          shown.current = mine;
          setResult((prev) => ({ packLabel: prev?.packLabel ?? '', byId: prev?.byId ?? new Map(), error: messageOf(e), checkedKey: key }));
        },
      );
    };
    clearTimeout(timer.current);
    const wait = lastSentAt.current + GAP_MS - performance.now();
    if (wait <= 0) send();
    else timer.current = setTimeout(send, wait);
  }, [key]);

  return result;
}
