/**
 * GOV.UK radios in a fieldset. An option may be disabled (with a hint saying why) or reveal more questions when
 * chosen (GOV.UK conditional reveal: the extra fields stay in the page, hidden, so what was typed survives a change
 * of mind). The first option carries `id`, for error summary links.
 */
import type { ReactNode, Ref } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';

export type RadioOption<T extends string> = { value: T; label: string; hint?: string; disabled?: boolean; reveal?: ReactNode };

type Props<T extends string> = {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: ReadonlyArray<RadioOption<T>>;
  value: T | '';
  onChange(value: T): void;
  small?: boolean;
  /** Make the legend the question's heading (GOV.UK "legend as page heading", here an h3), focusable for moving focus to it. */
  headingRef?: Ref<HTMLHeadingElement>;
};

/**
 * GOV.UK fades a disabled option's hint along with its label. Here the hint says why the option is not available,
 * so it stays outside the faded item, at full contrast, still linked by aria-describedby.
 */
function hintFor(boxId: string, hint: string, extra = '') {
  return (
    <div className={`govuk-hint govuk-radios__hint${extra}`} id={`${boxId}-hint`}>
      {hint}
    </div>
  );
}

export function Radios<T extends string>({ id, name, legend, hint, error, options, value, onChange, small, headingRef }: Props<T>) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy || undefined}>
        {headingRef ? (
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h3 className="govuk-fieldset__heading" id={`${id}-heading`} tabIndex={-1} ref={headingRef}>
              {legend}
            </h3>
          </legend>
        ) : (
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        )}
        {hint ? (
          <div className="govuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} text={error} />
        <div className={`govuk-radios${small ? ' govuk-radios--small' : ''}`}>
          {options.map((o, i) => {
            const boxId = i === 0 ? id : `${id}-${o.value}`;
            const revealId = `${boxId}-reveal`;
            const checked = value === o.value;
            return (
              <div key={o.value}>
                <div className={`govuk-radios__item${o.hint && o.disabled ? ' govuk-!-margin-bottom-0' : ''}`}>
                  <input
                    className="govuk-radios__input"
                    id={boxId}
                    name={name}
                    type="radio"
                    value={o.value}
                    checked={checked}
                    disabled={o.disabled}
                    onChange={() => onChange(o.value)}
                    aria-describedby={o.hint ? `${boxId}-hint` : undefined}
                    aria-controls={o.reveal ? revealId : undefined}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={boxId}>
                    {o.label}
                  </label>
                  {o.hint && !o.disabled ? hintFor(boxId, o.hint) : null}
                </div>
                {o.hint && o.disabled ? hintFor(boxId, o.hint, ' govuk-!-margin-bottom-2') : null}
                {o.reveal ? (
                  <div className={`govuk-radios__conditional${checked ? '' : ' govuk-radios__conditional--hidden'}`} id={revealId}>
                    {o.reveal}
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
