/**
 * Users (managers only): the team table, sortable; an editor for one user at a time, opened from the table's "Change"
 * controls; and the form to add someone. The result of each change is announced in a success banner. Closing the
 * editor, or saving in it, returns focus to the Change control it was opened from.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UserView } from '../../../src-main/ipc/contract';
import { call } from '../../api/client';
import { LoadProblem } from '../../ui/LoadProblem';
import { SuccessNotice } from '../../ui/Notification';
import { PageHeading } from '../../ui/PageHeading';
import { useLoad } from '../../ui/use-load';
import { AddUserForm } from './AddUserForm';
import { defaultSort, type Sort } from './sort';
import { EDITOR_ID, UserEditor } from './UserEditor';
import { UsersTable } from './UsersTable';

export function UsersScreen() {
  const users = useLoad(() => call('users:list', {}));
  const [notice, setNotice] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>(defaultSort);
  const [editingId, setEditingId] = useState<string | null>(null);

  const changeButtons = useRef(new Map<string, HTMLButtonElement>());
  const changeRef = useCallback((userId: string, el: HTMLButtonElement | null) => {
    if (el) changeButtons.current.set(userId, el);
    else changeButtons.current.delete(userId);
  }, []);
  const returnFocusTo = useRef<string | null>(null);
  useEffect(() => {
    const id = returnFocusTo.current;
    if (editingId !== null || id === null) return;
    returnFocusTo.current = null;
    changeButtons.current.get(id)?.focus();
  }, [editingId, users.data]);

  const open = (u: UserView) => {
    setNotice(null);
    setEditingId(u.id);
  };
  const close = () => {
    returnFocusTo.current = editingId;
    setEditingId(null);
  };

  const editing = editingId ? users.data?.find((u) => u.id === editingId) : undefined;
  return (
    <>
      <PageHeading title="Users">Users</PageHeading>
      <SuccessNotice message={notice} />
      {users.error ? <LoadProblem message={users.error} onRetry={() => void users.reload()} /> : null}
      {users.data ? (
        <UsersTable users={users.data} sort={sort} onSort={setSort} editingId={editingId} editorId={EDITOR_ID} onChange={open}
          changeRef={changeRef} />
      ) : users.loading ? (
        <p className="govuk-body">Loading users…</p>
      ) : null}
      {editing ? (
        <UserEditor
          key={editing.id}
          user={editing}
          onClose={close}
          onSaved={async (message) => {
            await users.reload();
            setNotice(message);
            close();
          }}
        />
      ) : null}
      <AddUserForm
        onAdded={(u) => {
          setNotice(`${u.displayName} (${u.username}) has been added.`);
          void users.reload();
        }}
      />
    </>
  );
}
