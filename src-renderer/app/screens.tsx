/** Which component each route shows. Screens for managers tell anyone else they need the manager role. */
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { ApprovalsScreen } from '../features/approvals/ApprovalsScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { ComposeScreen } from '../features/compose/ComposeScreen';
import { ComingLater } from '../features/placeholders/ComingLater';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { UsersScreen } from '../features/users/UsersScreen';
import { PageHeading } from '../ui/PageHeading';
import { assertNever, isManager, type SessionView } from './app-state';
import type { RouteKey } from './routes';

function ManagersOnly({ title }: { title: string }) {
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="govuk-body">Only a manager can use this page. Ask a manager in your team if you need a change here.</p>
    </>
  );
}

export function Screen({ route, session }: { route: RouteKey; session: SessionView }) {
  switch (route) {
    case 'compose':
      return <ComposeScreen session={session} />;
    case 'calendar':
    case 'inbox':
    case 'reports':
      return <ComingLater area={route} />;
    case 'approvals':
      return <ApprovalsScreen userId={session.user.id} />;
    case 'accounts':
      return <AccountsScreen manager={isManager(session)} />;
    case 'audit':
      return <AuditScreen />;
    case 'settings':
      return isManager(session) ? <SettingsScreen /> : <ManagersOnly title="Settings" />;
    case 'users':
      return isManager(session) ? <UsersScreen /> : <ManagersOnly title="Users" />;
    default:
      return assertNever(route);
  }
}
