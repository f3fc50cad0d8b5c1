/**
 * The composer's working copy of a post, and how it maps to what main stores (posts:save-draft) and checks
 * (policy:check). Variants are kept by account id while the officer writes; the schedule is kept as typed (day,
 * month, year, time) so half-typed values survive, and is turned into a UTC instant only when it is complete.
 */
import type { ChannelInput, PostView } from '../../../src-main/ipc/contract';
import { dateParts, emptyDate, type DateParts } from '../../ui/DateInput';
import { londonParts, londonToUtc, londonWords, parseTime } from './london-time';

export type PostContent = PostView['content'];
export type PostMedia = PostContent['media'][number];
export type CheckPost = ChannelInput<'policy:check'>['posts'][number];

export type WhenMode = 'approved' | 'set';
export type Draft = {
  title: string;
  accountIds: string[];
  baseText: string;
  /** Per-account texts, for the accounts given their own version. */
  variants: Record<string, string>;
  media: PostMedia[];
  campaignId: string | null;
  when: WhenMode;
  date: DateParts;
  time: string;
};

export const emptyDraft = (): Draft => ({
  title: '',
  accountIds: [],
  baseText: '',
  variants: {},
  media: [],
  campaignId: null,
  when: 'approved',
  date: emptyDate,
  time: '',
});

export function draftFromPost(post: PostView): Draft {
  const variants: Record<string, string> = {};
  for (const v of post.content.variants) variants[v.accountId] = v.text;
  const at = post.scheduledAt === null ? null : londonParts(post.scheduledAt);
  return {
    title: post.content.title,
    accountIds: [...post.content.accountIds],
    baseText: post.content.baseText,
    variants,
    media: post.content.media.map((m) => ({ ...m })),
    campaignId: post.campaignId,
    when: at ? 'set' : 'approved',
    date: at ? { day: at.day, month: at.month, year: at.year } : emptyDate,
    time: at?.time ?? '',
  };
}

export function textFor(draft: Draft, accountId: string): string {
  return draft.variants[accountId] ?? draft.baseText;
}

export function contentOf(draft: Draft): PostContent {
  return {
    title: draft.title,
    accountIds: draft.accountIds,
    baseText: draft.baseText,
    variants: draft.accountIds.filter((id) => id in draft.variants).map((id) => ({ accountId: id, text: draft.variants[id] ?? '' })),
    media: draft.media,
  };
}

export type Schedule =
  | { kind: 'when-approved' }
  | { kind: 'incomplete' }
  | { kind: 'error'; field: 'date' | 'time'; message: string }
  | { kind: 'at'; epochMs: number; words: string; past: boolean; note: string | null };

/** What the "When to post" answers mean, checked against `now`. */
export function scheduleOf(draft: Draft, now: number): Schedule {
  if (draft.when === 'approved') return { kind: 'when-approved' };
  const d = dateParts(draft.date);
  const blankTime = draft.time.trim() === '';
  if ('error' in d) return { kind: 'error', field: 'date', message: d.error.replace(', or leave the date blank', '') };
  if (d.iso === null && blankTime) return { kind: 'incomplete' };
  if (d.iso === null) return { kind: 'error', field: 'date', message: 'Enter the date to post' };
  if (blankTime) return { kind: 'error', field: 'time', message: 'Enter the time to post, for example 19:30' };
  const t = parseTime(draft.time);
  if (!t) return { kind: 'error', field: 'time', message: 'Enter a time as HH:MM on the 24-hour clock, for example 19:30' };
  const at = londonToUtc(d.iso, t.hour, t.minute);
  if (!at.ok)
    return {
      kind: 'error',
      field: 'time',
      message: 'That time does not exist in the UK: the clocks go forward from 01:00 to 02:00 that night. Choose another time',
    };
  const note = at.ambiguous ? `The clocks go back that night, so ${draft.time.trim()} happens twice: Herald will use the first, in British Summer Time.` : null;
  return { kind: 'at', epochMs: at.epochMs, words: londonWords(at.epochMs), past: at.epochMs <= now, note };
}

/** The instant to save with the draft: a complete time (even a past one, so it is not lost), else none. */
export function scheduledAtOf(draft: Draft): number | null {
  const s = scheduleOf(draft, 0);
  // main accepts 2020 to 2100; anything else is a typing slip, shown as an error and not saved.
  return s.kind === 'at' && s.epochMs >= 1_577_836_800_000 && s.epochMs <= 4_102_444_800_000 ? s.epochMs : null;
}

/**
 * The instant an autosave sends. While "At a set time" is chosen but the date or time is half-typed or wrong, the
 * time saved before stays (`lastSaved`): an edit from 19:30 towards 21:00 must not turn a timed post into "as soon as
 * it is approved" if Herald closes mid-edit (the crash journal keeps the half-typed value itself).
 */
export function scheduledAtToSave(draft: Draft, lastSaved: number | null): number | null {
  if (draft.when === 'approved') return null;
  return scheduledAtOf(draft) ?? lastSaved;
}

export function hasAnything(draft: Draft): boolean {
  return !!(draft.title || draft.baseText || draft.accountIds.length || draft.media.length || Object.keys(draft.variants).length || draft.campaignId);
}
