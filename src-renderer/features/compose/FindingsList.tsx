/**
 * The policy findings for the post as it stands (R8-R11): grouped by severity, each with its message, the policy
 * clause it cites, the suggested fix and the accounts whose text has it. This list is the accessible presentation of
 * the findings (the highlights in the text are visual only); "Show in the text" selects the passage in the textarea.
 * The one-line summary is a polite live region, so a screen reader hears when the count changes, not every keystroke.
 */
import type { AccountView } from '../../../src-main/ipc/contract';
import { accountName } from '../accounts/account-text';
import { SEVERITIES, type ShownFinding } from './findings';

export const FINDINGS_SUMMARY_ID = 'compose-findings-summary';

type Props = {
  findings: ShownFinding[];
  accounts: ReadonlyMap<string, AccountView>;
  packLabel: string;
  error: string | null;
  textOf(f: ShownFinding): string;
  onShow(f: ShownFinding): void;
};

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export function summarise(findings: ShownFinding[]): string {
  if (!findings.length) return 'No findings: nothing in the post breaks the policy checks so far.';
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const parts = [
    count('block') ? `${count('block')} must be fixed` : null,
    count('sign-off') ? `${count('sign-off')} ${count('sign-off') === 1 ? 'needs' : 'need'} sign-off` : null,
    count('advice') ? `${count('advice')} advice` : null,
  ].filter(Boolean);
  return `${plural(findings.length, 'finding', 'findings')}: ${parts.join(', ')}.`;
}

export function FindingsList({ findings, accounts, packLabel, error, textOf, onShow }: Props) {
  return (
    <section className="app-findings" aria-labelledby="compose-findings-heading" id="compose-findings">
      <h2 className="govuk-heading-m" id="compose-findings-heading">
        Policy checks
      </h2>
      <p className="govuk-body" id={FINDINGS_SUMMARY_ID} aria-live="polite" aria-atomic="true">
        {summarise(findings)}
      </p>
      {error ? <p className="govuk-error-message">The post could not be checked: {error}</p> : null}
      {SEVERITIES.map((s) => {
        const group = findings.filter((f) => f.severity === s.value);
        if (!group.length) return null;
        return (
          <div key={s.value} className={`app-findings__group app-findings__group--${s.value}`}>
            <h3 className="govuk-heading-s">
              {s.heading} ({group.length})
            </h3>
            <ul className="govuk-list app-findings__list">
              {group.map((f) => {
                const passage = f.end > f.start ? textOf(f).slice(f.start, f.end) : '';
                const names = f.accountIds.map((id) => accounts.get(id)).filter((a): a is AccountView => !!a).map(accountName);
                return (
                  <li key={f.key} className="app-finding" data-rule={f.ruleId}>
                    <p className="govuk-body govuk-!-margin-bottom-1">
                      <strong className={`${s.tagClass} app-finding__tag`}>{s.tag}</strong> <strong>{f.message}</strong>
                    </p>
                    {passage ? (
                      <p className="govuk-body-s govuk-!-margin-bottom-1">
                        In the text: <q className="app-finding__passage">{passage.length > 80 ? `${passage.slice(0, 80)}…` : passage}</q>
                      </p>
                    ) : null}
                    {f.suggestion ? <p className="govuk-body-s govuk-!-margin-bottom-1">Suggested fix: {f.suggestion}</p> : null}
                    <p className="govuk-body-s govuk-!-margin-bottom-1 app-finding__clause">Policy: {f.clause}</p>
                    {names.length ? <p className="govuk-body-s govuk-!-margin-bottom-1">Accounts: {names.join(', ')}</p> : null}
                    {passage ? (
                      <button type="button" className="app-link-button govuk-body-s" onClick={() => onShow(f)}>
                        Show in the text<span className="govuk-visually-hidden">: {passage.slice(0, 80)}</span>
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      {packLabel ? <p className="govuk-body-s app-findings__pack">Checked against the rule pack {packLabel}.</p> : null}
    </section>
  );
}
