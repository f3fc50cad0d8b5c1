/** What a screen shows when its data could not be loaded: the reason, and a way to try again. */
export function LoadProblem({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <div className="govuk-warning-text" role="alert">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {message}{' '}
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  );
}
