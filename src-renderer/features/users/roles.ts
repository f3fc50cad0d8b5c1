/** The four roles as people read them: labels and hints for forms, and plain-English sentences for results. */
import type { Role } from '../../../src-main/ipc/contract';

/** In the order forms list them and sentences name them. */
export const roleOptions: ReadonlyArray<{ value: Role; label: string; hint: string }> = [
  { value: 'officer', label: 'Officer', hint: 'Writes and schedules posts' },
  { value: 'approver', label: 'Approver', hint: 'Approves posts before they go out' },
  { value: 'moderator', label: 'Moderator', hint: 'Handles comments and replies' },
  { value: 'manager', label: 'Manager', hint: 'Everything an approver does, plus users and settings' },
];

export const roleLabel: Record<Role, string> = {
  officer: 'Officer',
  approver: 'Approver',
  moderator: 'Moderator',
  manager: 'Manager',
};

const order = roleOptions.map((o) => o.value);

/** Roles in the usual order, without repeats. */
export function inRoleOrder(roles: readonly Role[]): Role[] {
  return order.filter((r) => roles.includes(r));
}

/** e.g. "an officer", "an officer and approver", "a moderator, approver and manager"; "no roles" for none. */
export function describeRoles(roles: readonly Role[]): string {
  const names = inRoleOrder(roles);
  const first = names[0];
  if (!first) return 'no roles';
  const article = /^[aeiou]/.test(first) ? 'an' : 'a';
  const list = names.length === 1 ? first : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${article} ${list}`;
}

/** The sentence a manager sees after changing someone's roles, e.g. "Oliver Officer is now an officer and approver". */
export function rolesChangedSentence(displayName: string, roles: readonly Role[]): string {
  return roles.length ? `${displayName} is now ${describeRoles(roles)}` : `${displayName} now has no roles`;
}
