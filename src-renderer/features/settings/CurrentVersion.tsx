/** Which rule pack version the checks use now, who saved it, when and why; and any saved version Herald passed over. */
import type { PackVersionView } from '../../../src-main/ipc/contract';
import { formatDateTime, isoInstant } from '../../ui/format';
import { SummaryRow } from '../../ui/SummaryRow';


export function versionName(v: Pick<PackVersionView, 'version'>): string {
  return v.version === 0 ? 'Built-in pack' : `Version ${v.version}`;
}

export function CurrentVersion({ current, warnings }: { current: PackVersionView; warnings: string[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">In use now</h2>
      {warnings.map((w) => (
        <div key={w} className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {w}
          </strong>
        </div>
      ))}
      <dl className="govuk-summary-list">
        <SummaryRow label="Version">{current.version === 0 ? 'Built-in pack, as shipped with Herald' : `Version ${current.version}`}</SummaryRow>
        <SummaryRow label="Label recorded with each check">
          <code className="app-code">{current.label}</code>
        </SummaryRow>
        <SummaryRow label="Saved by">{current.savedBy ?? 'Herald'}</SummaryRow>
        <SummaryRow label="Saved">{current.savedAt ? <time dateTime={isoInstant(current.savedAt)}>{formatDateTime(current.savedAt)}</time> : 'Not saved here'}</SummaryRow>
        <SummaryRow label="Reason">{current.reason ?? 'None: this is the pack Herald ships'}</SummaryRow>
        {current.restoredFrom !== null ? <SummaryRow label="Restored from">{versionName({ version: current.restoredFrom })}</SummaryRow> : null}
      </dl>
    </>
  );
}
