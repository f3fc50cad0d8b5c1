/**
 * The GOV.UK date input (day, month, year), used for optional dates such as "training completed on". Three plain
 * number fields are easier to type and to read aloud than a picker. `dateParts` turns the fields into YYYY-MM-DD.
 */
import { ErrorMessage } from './ErrorMessage';

export type DateParts = { day: string; month: string; year: string };
export const emptyDate: DateParts = { day: '', month: '', year: '' };

type Props = { id: string; legend: string; hint: string; error?: string | undefined; value: DateParts; onChange(v: DateParts): void };

/** null when left blank; an ISO date; or a message saying what is wrong. */
export function dateParts(p: DateParts): { iso: string | null } | { error: string } {
  const [d, m, y] = [p.day.trim(), p.month.trim(), p.year.trim()];
  if (!d && !m && !y) return { iso: null };
  if (!d || !m || !y) return { error: 'Enter a day, month and year, or leave the date blank' };
  const [day, month, year] = [Number(d), Number(m), Number(y)];
  const when = new Date(Date.UTC(year, month - 1, day));
  const real =
    Number.isInteger(day) && Number.isInteger(month) && Number.isInteger(year) && y.length === 4 &&
    when.getUTCFullYear() === year && when.getUTCMonth() === month - 1 && when.getUTCDate() === day;
  if (!real) return { error: 'Enter a real date, for example 27 3 2026' };
  return { iso: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

export function DateInput({ id, legend, hint, error, value, onChange }: Props) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const part = (key: keyof DateParts, label: string, width: string) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={key === 'day' ? id : `${id}-${key}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input ${width}${error ? ' govuk-input--error' : ''}`}
          id={key === 'day' ? id : `${id}-${key}`}
          type="text"
          inputMode="numeric"
          value={value[key]}
          onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
        <ErrorMessage id={`${id}-error`} text={error} />
        <div className="govuk-date-input">
          {part('day', 'Day', 'govuk-input--width-2')}
          {part('month', 'Month', 'govuk-input--width-2')}
          {part('year', 'Year', 'govuk-input--width-4')}
        </div>
      </fieldset>
    </div>
  );
}
