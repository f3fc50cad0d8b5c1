/** The team: who they are, what they may do, and when they completed social media training (R3). */
import type { UserView } from '../../../src-main/ipc/contract';
import { formatCalendarDate } from '../../ui/format';

const roleLabel: Record<UserView['roles'][number], string> = {
  officer: 'Officer',
  approver: 'Approver',
  moderator: 'Moderator',
  manager: 'Manager',
};

export function UsersTable({ users }: { users: UserView[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">
        {users.length} {users.length === 1 ? 'user' : 'users'}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {['Username', 'Name', 'Roles', 'Training completed', 'Can post', 'Active'].map((h) => (
            <th key={h} scope="col" className="govuk-table__header">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {users.map((u) => (
          <tr key={u.id} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {u.username}
            </th>
            <td className="govuk-table__cell">{u.displayName}</td>
            <td className="govuk-table__cell">
              {u.roles.length ? (
                <ul className="app-tag-list">
                  {u.roles.map((r) => (
                    <li key={r}>
                      <strong className={`govuk-tag${r === 'manager' ? ' govuk-tag--purple' : ' govuk-tag--blue'}`}>{roleLabel[r]}</strong>
                    </li>
                  ))}
                </ul>
              ) : (
                'No roles'
              )}
            </td>
            <td className="govuk-table__cell">{formatCalendarDate(u.trainingCompletedOn)}</td>
            <td className="govuk-table__cell">{u.canPost ? 'Yes' : 'No'}</td>
            <td className="govuk-table__cell">{u.active ? 'Yes' : 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
