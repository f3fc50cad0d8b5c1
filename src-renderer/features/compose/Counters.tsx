/**
 * The length of one text for each account that posts it, counted as that platform counts it (R7), e.g.
 * "243 of 280 (X counts links as 23 and emoji as 2)". Over the limit is said in words and shown in red and bold,
 * never by colour alone (WCAG 1.4.1).
 */
import type { AccountView } from '../../../src-main/ipc/contract';
import { accountName } from '../accounts/account-text';
import { countFor, countWords } from './text-count';

export function Counters({ id, accounts, text }: { id: string; accounts: AccountView[]; text: string }) {
  if (!accounts.length) return null;
  return (
    <ul className="govuk-list app-counters" id={id}>
      {accounts.map((a) => {
        const c = countFor(a, text);
        return (
          <li key={a.id} className={c.over ? 'app-counters__item app-counters__item--over' : 'app-counters__item'} data-account={a.id}>
            <span className="app-counters__name">{accountName(a)}:</span> {countWords(c)} ({c.rule})
            {c.over ? <strong> – {c.over.toLocaleString('en-GB')} over the limit</strong> : null}
          </li>
        );
      })}
    </ul>
  );
}
