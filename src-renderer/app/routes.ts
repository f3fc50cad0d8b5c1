/**
 * The screens of the signed-in app, in navigation order. The hash holds the current one (`#/audit`), so a reload keeps
 * the place and Back works. `managerOnly` hides a link from people who could not use it; main still checks the role.
 */
export const routes = [
  { key: 'compose', label: 'Compose', managerOnly: false },
  { key: 'calendar', label: 'Calendar', managerOnly: false },
  { key: 'approvals', label: 'Approvals', managerOnly: false },
  { key: 'inbox', label: 'Inbox', managerOnly: false },
  { key: 'accounts', label: 'Accounts', managerOnly: false },
  { key: 'audit', label: 'Audit', managerOnly: false },
  { key: 'reports', label: 'Reports', managerOnly: false },
  { key: 'settings', label: 'Settings', managerOnly: true },
  { key: 'users', label: 'Users', managerOnly: true },
] as const;

export type RouteKey = (typeof routes)[number]['key'];
export type RouteSpec = (typeof routes)[number];

export const defaultRoute: RouteKey = 'compose';

export function routeHref(key: RouteKey): string {
  return `#/${key}`;
}

export function parseHash(hash: string): RouteKey | null {
  const key = hash.replace(/^#\/?/, '');
  return routes.find((r) => r.key === key)?.key ?? null;
}

export function visibleRoutes(manager: boolean): RouteSpec[] {
  return routes.filter((r) => manager || !r.managerOnly);
}
