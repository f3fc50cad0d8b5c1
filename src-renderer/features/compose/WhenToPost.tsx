/**
 * When the post goes out: as soon as it is approved, or at a set UK time. The date and the 24-hour time are read as
 * Europe/London wall-clock time whatever the computer's own zone (london-time.ts), and said back in words, so the
 * officer can see which day and hour they chose; a past time, or one the clocks skip, is an error.
 */
import { DateInput, type DateParts } from '../../ui/DateInput';
import { TextInput } from '../../ui/TextInput';
import { Radios } from '../accounts/Radios';
import type { Schedule, WhenMode } from './draft-model';

export const WHEN_ID = 'compose-when';
export const DATE_ID = 'compose-date';
export const TIME_ID = 'compose-time';

type Props = {
  when: WhenMode;
  date: DateParts;
  time: string;
  schedule: Schedule;
  /** Show errors for the set time (after the officer has tried to submit, or once the fields are complete). */
  errors: { date?: string | undefined; time?: string | undefined };
  onWhen(v: WhenMode): void;
  onDate(v: DateParts): void;
  onTime(v: string): void;
};

export function WhenToPost({ when, date, time, schedule, errors, onWhen, onDate, onTime }: Props) {
  const reveal = (
    <>
      <DateInput id={DATE_ID} legend="Date" hint="For example, 5 12 2026" value={date} onChange={onDate} error={errors.date} />
      <TextInput id={TIME_ID} label="Time (UK time)" hint="24-hour clock, for example 19:30. UK time is GMT in winter and BST in summer."
        value={time} onChange={onTime} error={errors.time} widthClass="govuk-input--width-5" inputMode="numeric" autoComplete="off" />
      {schedule.kind === 'at' ? (
        <p className="govuk-body app-when-words" id="compose-when-words">
          {schedule.past ? 'This time has passed: ' : 'The post will go out on '}
          <strong>{schedule.words}</strong>
          {schedule.past ? '. Choose a time in the future.' : ', once it is approved.'}
        </p>
      ) : null}
      {schedule.kind === 'at' && schedule.note ? <p className="govuk-body-s">{schedule.note}</p> : null}
    </>
  );
  return (
    <section className="app-compose-section" aria-labelledby="compose-when-heading">
      <h2 className="govuk-heading-m" id="compose-when-heading">
        When to post
      </h2>
      <Radios<WhenMode>
        id={WHEN_ID}
        name="compose-when"
        legend="When should this post go out?"
        value={when}
        onChange={onWhen}
        options={[
          { value: 'approved', label: 'As soon as it is approved' },
          { value: 'set', label: 'At a set time', reveal },
        ]}
      />
    </section>
  );
}
