/**
 * The GOV.UK form-group around one control: label, optional hint and inline error, and the aria-describedby ids that
 * tie them to the control, so every text control is labelled and announced the same way (WCAG 1.3.1, 3.3.1).
 */
import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';

type Props = {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Renders the control, given the value for its aria-describedby. */
  children(describedBy: string | undefined): ReactNode;
};

export function Field({ id, label, hint, error, children }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} text={error} />
      {children(describedBy)}
    </div>
  );
}
