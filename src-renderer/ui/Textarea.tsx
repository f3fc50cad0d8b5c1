/** A GOV.UK textarea with its label, optional hint and inline error, wired with aria-describedby. */
import { Field } from './Field';

type Props = {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  rows?: number;
};

export function Textarea({ id, label, hint, error, value, onChange, rows = 3 }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
          id={id}
          rows={rows}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      )}
    </Field>
  );
}
