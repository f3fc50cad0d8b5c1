/** Plain-English names for audit actions, and a one-line summary of an entry's details. Unknown actions show as stored. */
const actionLabels: Record<string, string> = {
  'setup.admin-created': 'First administrator created',
  'user.created': 'User added',
  'user.roles-changed': 'Roles changed',
  'user.training-recorded': 'Training date recorded',
  'user.deactivated': 'User deactivated',
  'user.reactivated': 'User reactivated',
  'auth.signed-in': 'Signed in',
  'auth.signed-out': 'Signed out',
  'auth.sign-in-failed': 'Sign-in failed',
  'auth.sign-in-throttled': 'Sign-in refused: too many attempts',
  'auth.unlocked': 'Unlocked',
  'auth.unlock-failed': 'Unlock failed',
  'audit.verified': 'Audit log checked',
  'settings.changed': 'Settings changed',
  'policy-settings.changed': 'Policy settings changed',
  'rule-pack.saved': 'Rule pack saved',
  'rule-pack.rolled-back': 'Rule pack version restored',
  'account.connected': 'Account connected',
  'account.connect-refused': 'Connection refused',
  'account.reconnected': 'Account reconnected',
  'account.credentials-rotated': 'Account app password changed',
  'account.disconnected': 'Account disconnected',
  'account.details-changed': 'Account details changed',
  'account.healthy': 'Account working again',
  'account.unhealthy': 'Account problem found',
  'campaign.created': 'Campaign set up',
  'post.drafted': 'Post drafted',
  'post.submitted': 'Post submitted for approval',
  'post.withdrawn': 'Post withdrawn by its author',
  'post.changes-requested': 'Changes requested',
  'post.approved': 'Post approved',
  'post.scheduled': 'Post scheduled',
  'post.held': 'Scheduled post held',
  'post.edited-after-submission': 'Post edited after submission',
  'post.approval-voided': 'Approval voided by an edit',
  'post.cancelled': 'Post cancelled',
  'post.publishing': 'Publishing started',
  'post.published': 'Post published',
  'post.failed': 'Publishing failed',
  'post.retry-scheduled': 'Post scheduled again after a failure',
};

export function actionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

const MAX = 240;

function show(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(show).join(', ') || 'none';
  return JSON.stringify(v);
}

/** e.g. "reason: wrong-password; roles: officer, approver" */
export function summariseDetails(details: Record<string, unknown>): string {
  const text = Object.entries(details)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join('; ');
  if (!text) return '–';
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
