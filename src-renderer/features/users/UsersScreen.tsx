/** Users (managers only): the team table and the form to add someone. */
import { useState } from 'react';
import { call } from '../../api/client';
import { LoadProblem } from '../../ui/LoadProblem';
import { LiveRegion, Notification } from '../../ui/Notification';
import { PageHeading } from '../../ui/PageHeading';
import { useLoad } from '../../ui/use-load';
import { AddUserForm } from './AddUserForm';
import { UsersTable } from './UsersTable';

export function UsersScreen() {
  const users = useLoad(() => call('users:list', {}));
  const [added, setAdded] = useState<string | null>(null);
  return (
    <>
      <PageHeading title="Users">Users</PageHeading>
      <LiveRegion>
        {added ? (
          <Notification kind="success">
            <p className="govuk-notification-banner__heading">{added} has been added.</p>
          </Notification>
        ) : null}
      </LiveRegion>
      {users.error ? <LoadProblem message={users.error} onRetry={() => void users.reload()} /> : null}
      {users.data ? <UsersTable users={users.data} /> : users.loading ? <p className="govuk-body">Loading users…</p> : null}
      <AddUserForm
        onAdded={(u) => {
          setAdded(`${u.displayName} (${u.username})`);
          void users.reload();
        }}
      />
    </>
  );
}
