/**
 * Which accounts the post goes to (R6): several at once, each named by its handle and platform, with its limit.
 * Accounts that need reconnecting are shown but cannot be chosen, with the reason; disconnected ones are left out.
 */
import type { AccountView } from '../../../src-main/ipc/contract';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { accountName } from '../accounts/account-text';

export const ACCOUNTS_ID = 'compose-accounts';

type Props = { accounts: AccountView[]; value: string[]; error?: string | undefined; onChange(ids: string[]): void };

export function AccountChooser({ accounts, value, error, onChange }: Props) {
  const usable = accounts.filter((a) => a.status !== 'disconnected');
  const toggle = (id: string, on: boolean) => onChange(on ? [...value.filter((x) => x !== id), id] : value.filter((x) => x !== id));
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={[`${ACCOUNTS_ID}-hint`, error ? `${ACCOUNTS_ID}-error` : ''].join(' ').trim()}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Accounts</h2>
        </legend>
        <div className="govuk-hint" id={`${ACCOUNTS_ID}-hint`}>
          Choose every account this post goes to. You can write a different version for any of them.
        </div>
        <ErrorMessage id={`${ACCOUNTS_ID}-error`} text={error} />
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {usable.map((a, i) => {
            const boxId = i === 0 ? ACCOUNTS_ID : `${ACCOUNTS_ID}-${a.id}`;
            const broken = a.status === 'needs-reconnect';
            const hint = broken
              ? 'Needs reconnecting on the Accounts screen before posts can go to it'
              : `${a.displayName}. Up to ${a.capabilities.textLimit.toLocaleString('en-GB')} characters.`;
            return (
              <div key={a.id} className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={boxId}
                  type="checkbox"
                  checked={value.includes(a.id)}
                  disabled={broken && !value.includes(a.id)}
                  onChange={(e) => toggle(a.id, e.target.checked)}
                  aria-describedby={`${boxId}-hint`}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={boxId}>
                  {accountName(a)}
                </label>
                <div className="govuk-hint govuk-checkboxes__hint" id={`${boxId}-hint`}>
                  {hint}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
