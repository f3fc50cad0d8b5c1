/**
 * The pre-election periods (R11; ICO13 3.4, BAR 9f): inside one, every post needs a manager's sign-off and political
 * findings block. Each period is a name and two GOV.UK date inputs (day, month, year); periods are added and removed
 * here and saved with the rest of the organisation settings. Adding one moves focus to its name; removing one moves
 * focus to the Add button, so keyboard users never land on <body>.
 */
import { useEffect, useRef } from 'react';
import { DateInput, emptyDate, type DateParts } from '../../ui/DateInput';
import { TextInput } from '../../ui/TextInput';

export type PeriodDraft = { key: number; name: string; start: DateParts; end: DateParts };

export const periodIds = (key: number) => ({ name: `period-${key}-name`, start: `period-${key}-start`, end: `period-${key}-end` });

let nextKey = 1;
export const newPeriod = (p: Partial<Omit<PeriodDraft, 'key'>> = {}): PeriodDraft => ({
  key: nextKey++,
  name: p.name ?? '',
  start: p.start ?? emptyDate,
  end: p.end ?? emptyDate,
});

type Props = { periods: PeriodDraft[]; errors: Record<string, string>; onChange(periods: PeriodDraft[]): void };

export function PreElectionPeriods({ periods, errors, onChange }: Props) {
  const focusNext = useRef<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const id = focusNext.current;
    focusNext.current = null;
    if (id === 'add') addRef.current?.focus();
    else if (id) document.getElementById(id)?.focus();
  }, [periods.length]);

  const update = (key: number, patch: Partial<PeriodDraft>) => onChange(periods.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const add = () => {
    const p = newPeriod();
    focusNext.current = periodIds(p.key).name;
    onChange([...periods, p]);
  };
  const remove = (key: number) => {
    focusNext.current = 'add';
    onChange(periods.filter((p) => p.key !== key));
  };

  return (
    <div className="govuk-form-group">
      <h3 className="govuk-heading-s">Pre-election periods</h3>
      <p className="govuk-body">
        During a pre-election period every post needs a manager’s sign-off, party-political content is blocked, and naming a
        councillor or candidate is blocked. The first and last days are included.
      </p>
      {periods.length === 0 ? <p className="govuk-body">No pre-election periods are set.</p> : null}
      {periods.map((p, i) => {
        const ids = periodIds(p.key);
        const title = `Pre-election period ${i + 1}`;
        return (
          <fieldset key={p.key} className="govuk-fieldset app-period">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{title}</legend>
            <TextInput id={ids.name} label="Name" hint="For example, Local elections May 2026" value={p.name}
              onChange={(name) => update(p.key, { name })} error={errors[ids.name]} widthClass="govuk-!-width-two-thirds" />
            <DateInput id={ids.start} legend="Starts on" hint="For example, 23 3 2026" value={p.start}
              onChange={(start) => update(p.key, { start })} error={errors[ids.start]} />
            <DateInput id={ids.end} legend="Ends on" hint="The last day of the period, for example 7 5 2026" value={p.end}
              onChange={(end) => update(p.key, { end })} error={errors[ids.end]} />
            <button type="button" className="govuk-button govuk-button--warning" onClick={() => remove(p.key)}>
              Remove<span className="govuk-visually-hidden"> {title.toLowerCase()}{p.name ? ` (${p.name})` : ''}</span>
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="govuk-button govuk-button--secondary" ref={addRef} onClick={add}>
        Add a pre-election period
      </button>
    </div>
  );
}
