/**
 * What changed since the last review (issue 5 point 7: "The Approvals screen shows what changed since the last
 * review"). An approver who asked for changes should check the changes, not re-read the whole post: texts are
 * compared word by word (jsdiff), and accounts, images and time are compared as sets and fields.
 */
import { diffWords } from 'diff';
import { textFor, type PostContent, type PostMedia } from './post-content';

export type TextPiece = { kind: 'same' | 'added' | 'removed'; text: string };

export type ReviewChanges = {
  since: { reviewer: string; decision: string; at: number };
  accountsAdded: string[];
  accountsRemoved: string[];
  /** Only accounts whose text changed. */
  texts: Array<{ accountId: string; pieces: TextPiece[] }>;
  mediaAdded: string[];
  mediaRemoved: string[];
  /** Images kept whose alt text, source, licence or consent record changed: "alt", "licence", ... */
  mediaChanged: Array<{ mediaId: string; fields: string[] }>;
  time: { from: number | null; to: number | null } | null;
  nothingChanged: boolean;
};

const MEDIA_FIELDS = ['alt', 'source', 'licence', 'peopleShown', 'under16', 'consentRecorded', 'consentReference'] as const satisfies readonly (keyof PostMedia)[];

export function changesSince(
  before: { content: PostContent; scheduledAt: number | null; reviewer: string; decision: string; at: number },
  now: { content: PostContent; scheduledAt: number | null },
): ReviewChanges {
  const was = new Set(before.content.accountIds);
  const is = new Set(now.content.accountIds);
  const texts: ReviewChanges['texts'] = [];
  for (const id of now.content.accountIds) {
    if (!was.has(id)) continue;
    const a = textFor(before.content, id);
    const b = textFor(now.content, id);
    if (a === b) continue;
    texts.push({
      accountId: id,
      pieces: diffWords(a, b).map((p) => ({ kind: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value })),
    });
  }
  const oldMedia = new Map(before.content.media.map((m) => [m.mediaId, m]));
  const newMedia = new Map(now.content.media.map((m) => [m.mediaId, m]));
  const mediaChanged: ReviewChanges['mediaChanged'] = [];
  for (const [id, m] of newMedia) {
    const old = oldMedia.get(id);
    if (!old) continue;
    const fields = MEDIA_FIELDS.filter((f) => old[f] !== m[f]);
    if (fields.length) mediaChanged.push({ mediaId: id, fields });
  }
  const changes: ReviewChanges = {
    since: { reviewer: before.reviewer, decision: before.decision, at: before.at },
    accountsAdded: [...is].filter((id) => !was.has(id)),
    accountsRemoved: [...was].filter((id) => !is.has(id)),
    texts,
    mediaAdded: [...newMedia.keys()].filter((id) => !oldMedia.has(id)),
    mediaRemoved: [...oldMedia.keys()].filter((id) => !newMedia.has(id)),
    mediaChanged,
    time: before.scheduledAt === now.scheduledAt ? null : { from: before.scheduledAt, to: now.scheduledAt },
    nothingChanged: false,
  };
  changes.nothingChanged =
    !changes.accountsAdded.length && !changes.accountsRemoved.length && !texts.length && !changes.mediaAdded.length &&
    !changes.mediaRemoved.length && !mediaChanged.length && !changes.time;
  return changes;
}
