/**
 * Sorting the users table in React state (DESIGN.md: not MOJ's sortable-table script, which moves rows behind React's
 * back). Names compare as people read them (en-GB, ignoring case); users without a training date always come last.
 */
import type { UserView } from '../../../src-main/ipc/contract';

export type SortKey = 'username' | 'displayName' | 'trainingCompletedOn';
export type SortDirection = 'ascending' | 'descending';
export type Sort = { key: SortKey; direction: SortDirection };

export const defaultSort: Sort = { key: 'username', direction: 'ascending' };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Clicking the sorted column's header reverses it; clicking another column sorts that one, A to Z (oldest first). */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export function sortUsers(users: readonly UserView[], { key, direction }: Sort): UserView[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...users].sort((a, b) => {
    if (key === 'trainingCompletedOn') {
      const [x, y] = [a.trainingCompletedOn, b.trainingCompletedOn];
      if (x !== y) {
        if (x === null) return 1; // not recorded: last, whichever way
        if (y === null) return -1;
        return sign * (x < y ? -1 : 1); // YYYY-MM-DD sorts as text
      }
    } else {
      const by = collator.compare(a[key], b[key]);
      if (by !== 0) return sign * by;
    }
    return collator.compare(a.username, b.username);
  });
}

const columnNames: Record<SortKey, string> = { username: 'username', displayName: 'name', trainingCompletedOn: 'training date' };

/** What the screen reader hears after a sort, e.g. "Sorted by name, A to Z". */
export function describeSort({ key, direction }: Sort): string {
  const way =
    key === 'trainingCompletedOn'
      ? direction === 'ascending' ? 'oldest first' : 'newest first'
      : direction === 'ascending' ? 'A to Z' : 'Z to A';
  return `Sorted by ${columnNames[key]}, ${way}`;
}
