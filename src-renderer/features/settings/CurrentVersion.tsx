/** Which rule pack version the checks use now, who saved it, when and why; and any saved version Herald passed over. */
import type { ReactNode } from 'react';
import type { PackVersionView } from '../../../src-main/ipc/contract';
import { formatDateTime, isoInstant } from '../../ui/format';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

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
        <Row label="Version">{current.version === 0 ? 'Built-in pack, as shipped with Herald' : `Version ${current.version}`}</Row>
        <Row label="Label recorded with each check">
          <code className="app-code">{current.label}</code>
        </Row>
        <Row label="Saved by">{current.savedBy ?? 'Herald'}</Row>
        <Row label="Saved">{current.savedAt ? <time dateTime={isoInstant(current.savedAt)}>{formatDateTime(current.savedAt)}</time> : 'Not saved here'}</Row>
        <Row label="Reason">{current.reason ?? 'None: this is the pack Herald ships'}</Row>
        {current.restoredFrom !== null ? <Row label="Restored from">{versionName({ version: current.restoredFrom })}</Row> : null}
      </dl>
    </>
  );
}
