/** One page of the audit log, newest first. Times are London time; the exact instant is in each <time> element. */
import type { Ref } from 'react';
import type { AuditEntryView } from '../../../src-main/ipc/contract';
import { formatDateTime, isoInstant } from '../../ui/format';
import { actionLabel, summariseDetails } from './audit-text';

type Props = { entries: AuditEntryView[]; caption: string; captionRef?: Ref<HTMLTableCaptionElement> };

export function AuditTable({ entries, caption, captionRef }: Props) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m" tabIndex={-1} ref={captionRef}>
        {caption}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {['Entry', 'Time', 'Who', 'What', 'Subject', 'Details'].map((h) => (
            <th key={h} scope="col" className={`govuk-table__header${h === 'Entry' ? ' govuk-table__header--numeric' : ''}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {entries.map((e) => (
          <tr key={e.seq} className="govuk-table__row">
            <td className="govuk-table__cell govuk-table__cell--numeric">#{e.seq}</td>
            <td className="govuk-table__cell">
              <time dateTime={isoInstant(e.at)}>{formatDateTime(e.at)}</time>
            </td>
            <td className="govuk-table__cell">{e.actor}</td>
            <td className="govuk-table__cell" data-action={e.action}>
              {actionLabel(e.action)}
            </td>
            <td className="govuk-table__cell app-table-subject">{e.subject}</td>
            <td className="govuk-table__cell app-table-details">{summariseDetails(e.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
