/**
 * The team: who they are, what they may do, and when they completed social media training (R3). Username, name and
 * training date sort by buttons in their headers (aria-sort says how the table is sorted). Each row has a "Change"
 * control that opens the editor below the table; it says whether that editor is open (aria-expanded).
 */
import { useState } from 'react';
import type { UserView } from '../../../src-main/ipc/contract';
import { formatCalendarDate } from '../../ui/format';
import { inRoleOrder, roleLabel } from './roles';
import { describeSort, nextSort, sortUsers, type Sort, type SortKey } from './sort';

type Props = {
  users: UserView[];
  sort: Sort;
  onSort(sort: Sort): void;
  editingId: string | null;
  editorId: string;
  onChange(user: UserView): void;
  /** Keeps each Change control, so closing the editor can return focus to it. */
  changeRef(userId: string, el: HTMLButtonElement | null): void;
};

const arrows = { ascending: '▲', descending: '▼', none: '▲▼' } as const;

function SortableHeader({ label, column, sort, onSort }: { label: string; column: SortKey; sort: Sort; onSort(s: Sort): void }) {
  const state = sort.key === column ? sort.direction : 'none';
  return (
    // aria-sort goes on the one header the table is sorted by (WAI-ARIA: at most one at a time).
    <th scope="col" className="govuk-table__header" aria-sort={state === 'none' ? undefined : state}>
      <button type="button" className="app-sort-button" onClick={() => onSort(nextSort(sort, column))}>
        {label}
        <span className={`app-sort-button__arrow${state === 'none' ? ' app-sort-button__arrow--none' : ''}`} aria-hidden="true">
          {arrows[state]}
        </span>
      </button>
    </th>
  );
}

export function UsersTable({ users, sort, onSort, editingId, editorId, onChange, changeRef }: Props) {
  // Announced only after someone sorts, not when the screen opens.
  const [announcement, setAnnouncement] = useState('');
  const sortBy = (s: Sort) => {
    onSort(s);
    setAnnouncement(describeSort(s));
  };
  const rows = sortUsers(users, sort);
  return (
    <>
      <table className="govuk-table app-users-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {users.length} {users.length === 1 ? 'user' : 'users'}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <SortableHeader label="Username" column="username" sort={sort} onSort={sortBy} />
            <SortableHeader label="Name" column="displayName" sort={sort} onSort={sortBy} />
            <th scope="col" className="govuk-table__header">
              Roles
            </th>
            <SortableHeader label="Training completed" column="trainingCompletedOn" sort={sort} onSort={sortBy} />
            <th scope="col" className="govuk-table__header">
              Can post
            </th>
            <th scope="col" className="govuk-table__header">
              Active
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((u) => {
            const open = u.id === editingId;
            return (
              <tr key={u.id} className={`govuk-table__row${u.active ? '' : ' app-users-table__row--inactive'}`}>
                <th scope="row" className="govuk-table__header">
                  {u.username}
                </th>
                <td className="govuk-table__cell">{u.displayName}</td>
                <td className="govuk-table__cell">
                  {u.roles.length ? (
                    <ul className="app-tag-list">
                      {inRoleOrder(u.roles).map((r) => (
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
                <td className="govuk-table__cell">
                  <button
                    type="button"
                    className="app-link-button"
                    ref={(el) => changeRef(u.id, el)}
                    aria-expanded={open}
                    aria-controls={open ? editorId : undefined}
                    onClick={() => onChange(u)}
                  >
                    Change<span className="govuk-visually-hidden"> {u.displayName}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="govuk-visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}
