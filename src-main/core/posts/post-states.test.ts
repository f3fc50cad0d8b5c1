/**
 * The post lifecycle is one exhaustive state machine (issue 5 point 7). These tests read the table itself: a change to
 * it that makes a state unreachable, lets a published post move, or lets anything skip approval fails here.
 */
import { describe, expect, it } from 'vitest';
import { nextState, POST_EVENTS, POST_STATES, TRANSITIONS, type PostState } from './post-states';

const reachableFrom = (start: PostState, avoid: string[] = []): Set<PostState> => {
  const seen = new Set<PostState>([start]);
  const queue = [start];
  while (queue.length) {
    const s = queue.shift()!;
    for (const e of POST_EVENTS) {
      if (avoid.includes(e)) continue;
      const t = nextState(s, e);
      if (t && !seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return seen;
};

describe('the post state machine', () => {
  it('names every event in every state', () => {
    for (const s of POST_STATES) expect(Object.keys(TRANSITIONS[s]).sort()).toEqual([...POST_EVENTS].sort());
  });

  it('reaches every state from a draft', () => {
    expect([...reachableFrom('draft')].sort()).toEqual([...POST_STATES].sort());
  });

  it('cannot reach scheduled, publishing or published without an approval', () => {
    const withoutApproval = reachableFrom('draft', ['approve']);
    for (const s of ['approved', 'scheduled', 'publishing', 'published'] as const) expect(withoutApproval.has(s)).toBe(false);
  });

  it('never moves a published or cancelled post again', () => {
    for (const s of ['published', 'cancelled'] as const) for (const e of POST_EVENTS) expect(nextState(s, e)).toBeNull();
  });

  it('once publishing has started, only the outcome moves it on: no edit, cancel or second claim', () => {
    const exits = POST_EVENTS.filter((e) => nextState('publishing', e) !== null);
    expect(exits.sort()).toEqual(['publish-failed', 'publish-succeeded']);
  });

  it('an edit of an approved or scheduled post goes back to draft, voiding the approval', () => {
    expect(nextState('approved', 'edit')).toBe('draft');
    expect(nextState('scheduled', 'edit')).toBe('draft');
    expect(nextState('submitted', 'edit')).toBe('draft');
    expect(nextState('changes-requested', 'edit')).toBe('changes-requested');
  });

  it('a failed post is retried only by scheduling it again, never straight to publishing', () => {
    expect(nextState('failed', 'retry')).toBe('scheduled');
    expect(nextState('failed', 'claim')).toBeNull();
  });
});
