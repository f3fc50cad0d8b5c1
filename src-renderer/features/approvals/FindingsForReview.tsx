/**
 * The findings on a post, strictest first, each with the clause it cites and the suggested fix (R10). Every sign-off
 * finding gets its own reason box when the reader can approve: the reason is kept in the audit log.
 */
import type { PostFindingView } from '../../../src-main/ipc/contract';
import { Textarea } from '../../ui/Textarea';
import { SEVERITY_HEADINGS } from './approvals-text';

type Props = {
  findings: readonly PostFindingView[];
  accountName(id: string): string;
  reasons?: Record<string, string>;
  onReason?(key: string, value: string): void;
  errors?: Record<string, string>;
};

export const reasonFieldId = (key: string) => `reason-${key}`;

export function FindingsForReview({ findings, accountName, reasons, onReason, errors = {} }: Props) {
  if (findings.length === 0) return <p className="govuk-body">The policy checks found nothing in this post.</p>;
  return (
    <>
      {(['block', 'sign-off', 'advice'] as const).map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (!group.length) return null;
        return (
          <section key={severity} aria-labelledby={`findings-${severity}`}>
            <h4 className="govuk-heading-s" id={`findings-${severity}`}>
              {SEVERITY_HEADINGS[severity]} ({group.length})
            </h4>
            <ul className="govuk-list app-findings">
              {group.map((f) => (
                <li key={f.key} className={`app-finding app-finding--${f.severity}`}>
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <strong>{f.message}</strong>
                  </p>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">Policy: {f.clause}</p>
                  {f.suggestion ? <p className="govuk-body-s govuk-!-margin-bottom-1">Suggested fix: {f.suggestion}</p> : null}
                  {f.accountIds.length ? <p className="govuk-body-s govuk-!-margin-bottom-1">In: {f.accountIds.map(accountName).join(', ')}</p> : null}
                  {severity === 'sign-off' && onReason ? (
                    <Textarea
                      id={reasonFieldId(f.key)}
                      label="Your reason for signing this off"
                      hint="Kept in the audit log with your name."
                      value={reasons?.[f.key] ?? ''}
                      error={errors[`reason:${f.key}`]}
                      onChange={(v) => onReason(f.key, v)}
                      rows={2}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
