/**
 * Roles and what they allow (R3). Checked here in core, never in React (DESIGN.md security).
 * - officer: drafts and schedules posts; approver: clears other people's posts (four eyes, ICO13 5.1);
 * - moderator: works the comment queue; manager: everything an approver can, plus users, settings and exports.
 * Posting rights need recorded social media training: SYP Annex One ("Access to the OPCC's social media accounts and
 * permission to respond ... only once the relevant training has been undertaken"), ICO26 "Scope and authorisation".
 */
import type { Role } from '../../ipc/contract';

export type Permission = 'post' | 'approve' | 'moderate' | 'administer';

/** Roles whose whole purpose is to act on the corporate accounts: they cannot be given without a training date. */
export const ROLES_NEEDING_TRAINING: readonly Role[] = ['officer', 'approver', 'moderator'];

const GRANTS: Record<Role, readonly Permission[]> = {
  officer: ['post'],
  approver: ['post', 'approve'],
  moderator: ['moderate'],
  manager: ['post', 'approve', 'administer'],
};

/** Permissions that act on corporate accounts lapse without training, even for a manager. */
const NEEDS_TRAINING: readonly Permission[] = ['post', 'approve', 'moderate'];

export function permissionsOf(roles: readonly Role[], trained: boolean): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of GRANTS[role]) if (trained || !NEEDS_TRAINING.includes(p)) out.add(p);
  return out;
}

export function canPost(roles: readonly Role[], trained: boolean): boolean {
  return permissionsOf(roles, trained).has('post');
}
