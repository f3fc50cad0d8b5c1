/** GOV.UK checkboxes in a fieldset, each option with an optional hint. The first box carries `id`, for error links. */
import { ErrorMessage } from './ErrorMessage';

type Option<T extends string> = { value: T; label: string; hint?: string };
type Props<T extends string> = {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: ReadonlyArray<Option<T>>;
  value: T[];
  onChange(value: T[]): void;
};

export function Checkboxes<T extends string>({ id, legend, hint, error, options, value, onChange }: Props<T>) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const toggle = (v: T, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy || undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="govuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} text={error} />
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((o, i) => {
            const boxId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div key={o.value} className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={boxId}
                  type="checkbox"
                  checked={value.includes(o.value)}
                  onChange={(e) => toggle(o.value, e.target.checked)}
                  aria-describedby={o.hint ? `${boxId}-hint` : undefined}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={boxId}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div className="govuk-hint govuk-checkboxes__hint" id={`${boxId}-hint`}>
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
