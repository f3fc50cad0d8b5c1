/** Counting as the platforms count (R7), and findings shared by accounts that share a text. */
import { describe, expect, it } from 'vitest';
import type { AccountView, FindingView } from '../../../src-main/ipc/contract';
import { emptyDraft } from './draft-model';
import { groupFindings } from './findings';
import { countFor, countGraphemes, countMastodon } from './text-count';

const account = (platform: AccountView['platform'], textLimit: number, displayName: string) =>
  ({ platform, capabilities: { textLimit, displayName } }) as Pick<AccountView, 'platform' | 'capabilities'>;

describe('countFor', () => {
  it('counts X links as 23 and emoji as 2', () => {
    const x = account('x', 280, 'X');
    expect(countFor(x, 'Details: https://www.anytown.gov.uk/a/very/long/path/indeed').count).toBe(9 + 23);
    expect(countFor(x, '🎉').count).toBe(2);
    expect(countFor(x, 'a'.repeat(290))).toMatchObject({ count: 290, limit: 280, over: 10 });
  });

  it('counts Bluesky graphemes and Mastodon code points with links as 23', () => {
    expect(countGraphemes('👩‍👩‍👧 café')).toBe(6);
    expect(countFor(account('bluesky', 300, 'Bluesky'), 'e\u0301').count).toBe(1);
    expect(countMastodon('See https://example.com/' + 'x'.repeat(50))).toBe(4 + 23);
    expect(countMastodon('Thanks @jo@social.example')).toBe('Thanks @jo'.length);
    expect(countFor(account('mastodon', 1000, 'Mastodon'), 'hi')).toMatchObject({ limit: 1000, rule: 'Mastodon counts links as 23' });
  });
});

describe('groupFindings', () => {
  const f = (ruleId: string, severity: FindingView['severity'], start: number, end: number): FindingView => ({
    category: 'personal-data',
    ruleId,
    severity,
    clause: 'BAR 5a',
    message: ruleId,
    start,
    end,
  });

  it('names every account whose text has the finding, block first; post-wide findings once', () => {
    const draft = { ...emptyDraft(), accountIds: ['a', 'b', 'c'], baseText: 'text', variants: { c: 'other' } };
    const shown = groupFindings(
      draft,
      new Map([
        ['a', [f('email', 'sign-off', 5, 10), f('alt', 'block', 0, 0)]],
        ['b', [f('email', 'sign-off', 5, 10), f('alt', 'block', 0, 0)]],
        ['c', [f('email', 'sign-off', 5, 10), f('alt', 'block', 0, 0)]],
      ]),
    );
    expect(shown.map((s) => [s.ruleId, s.accountIds, s.source.kind])).toEqual([
      ['alt', ['a', 'b', 'c'], 'base'],
      ['email', ['a', 'b'], 'base'],
      ['email', ['c'], 'variant'],
    ]);
  });
});
