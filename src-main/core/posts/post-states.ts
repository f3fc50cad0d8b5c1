/**
 * The post lifecycle as one exhaustive state machine (issue 5 point 7; R5, R13, R16). Every state names every event:
 * a target state, or null for "not from here". TypeScript refuses a table that leaves a pair out, so a new state or
 * event cannot be added without deciding what it means everywhere.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──schedule──▶ scheduled ──claim──▶ publishing ──▶ published
 *     ▲                 │    │                  ▲                      │                     └──────▶ failed
 *     └──withdraw/edit──┘    └─request-changes─▶ changes-requested     └──pause──▶ approved (held; approval kept)
 *
 * Editing an approved or scheduled post voids its approval and returns it to draft (R5: "any edit after approval
 * voids it"). Publishing, published and cancelled posts cannot be edited.
 */
export const POST_STATES = [
  'draft',
  'submitted',
  'changes-requested',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'cancelled',
] as const;
export type PostState = (typeof POST_STATES)[number];

export const POST_EVENTS = [
  'edit',
  'submit',
  'withdraw',
  'request-changes',
  'approve',
  'schedule',
  'pause',
  'claim',
  'publish-succeeded',
  'publish-failed',
  'retry',
  'cancel',
] as const;
export type PostEvent = (typeof POST_EVENTS)[number];

type Row = Record<PostEvent, PostState | null>;
const none: Row = {
  edit: null,
  submit: null,
  withdraw: null,
  'request-changes': null,
  approve: null,
  schedule: null,
  pause: null,
  claim: null,
  'publish-succeeded': null,
  'publish-failed': null,
  retry: null,
  cancel: null,
};

export const TRANSITIONS: Record<PostState, Row> = {
  draft: { ...none, edit: 'draft', submit: 'submitted', cancel: 'cancelled' },
  submitted: { ...none, edit: 'draft', withdraw: 'draft', 'request-changes': 'changes-requested', approve: 'approved', cancel: 'cancelled' },
  'changes-requested': { ...none, edit: 'changes-requested', submit: 'submitted', cancel: 'cancelled' },
  approved: { ...none, edit: 'draft', schedule: 'scheduled', cancel: 'cancelled' },
  scheduled: { ...none, edit: 'draft', pause: 'approved', claim: 'publishing', cancel: 'cancelled' },
  // Once the platform call has started, only its outcome moves the post on (R16: never posted twice, never lost).
  publishing: { ...none, 'publish-succeeded': 'published', 'publish-failed': 'failed' },
  published: { ...none },
  failed: { ...none, retry: 'scheduled', cancel: 'cancelled' },
  cancelled: { ...none },
};

/** Plain-English names for the Approvals screen and error messages. */
export const STATE_LABELS: Record<PostState, string> = {
  draft: 'Draft',
  submitted: 'Waiting for approval',
  'changes-requested': 'Changes requested',
  approved: 'Approved, on hold',
  scheduled: 'Scheduled',
  publishing: 'Publishing',
  published: 'Published',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function nextState(from: PostState, event: PostEvent): PostState | null {
  return TRANSITIONS[from][event];
}

export const isPostState = (s: string): s is PostState => (POST_STATES as readonly string[]).includes(s);
