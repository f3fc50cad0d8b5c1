/**
 * Settings, Version history (managers only; R10, R26): every rule pack version saved here, newest first, and the
 * built-in pack. "Restore this version" asks for a reason and then makes a new version with that version's rules,
 * so the history only ever grows. Focus: the restore panel's heading takes focus when it opens; Cancel or Escape
 * returns it to the button that opened it; after a restore it goes to the table caption, under the new version.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { PackVersionView } from '../../../src-main/ipc/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { formatDateTime, isoInstant } from '../../ui/format';
import { LoadProblem } from '../../ui/LoadProblem';
import { SuccessNotice } from '../../ui/Notification';
import { PageHeading } from '../../ui/PageHeading';
import { Textarea } from '../../ui/Textarea';
import { useLoad } from '../../ui/use-load';
import { versionName } from './CurrentVersion';

const PANEL_ID = 'restore-version';
const REASON_ID = 'restore-reason';

export function VersionHistory() {
  const history = useLoad(() => call('policy:history', {}));
  const [restoring, setRestoring] = useState<PackVersionView | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const captionRef = useRef<HTMLTableCaptionElement>(null);
  const returnTo = useRef<number | 'caption' | null>(null);

  useEffect(() => {
    if (restoring) {
      headingRef.current?.focus();
      return;
    }
    const target = returnTo.current;
    returnTo.current = null;
    if (target === 'caption') captionRef.current?.focus();
    else if (target !== null) document.getElementById(`restore-${target}`)?.focus();
  }, [restoring, history.data]);

  const open = (v: PackVersionView) => {
    setNotice(null);
    setErrors(noErrors);
    setReason('');
    setRestoring(v);
  };
  const close = () => {
    returnTo.current = restoring?.version ?? null;
    setRestoring(null);
  };

  async function restore(e: FormEvent) {
    e.preventDefault();
    if (busy || !restoring) return;
    if (!reason.trim()) return setErrors(localErrors([['reason', 'Say why you are restoring this version']], { reason: REASON_ID }));
    setBusy(true);
    try {
      const v = await call('policy:rollback', { version: restoring.version, reason });
      setErrors(noErrors);
      await history.reload();
      setNotice(`${versionName(restoring)} restored as version ${v.version} (${v.label}). Every check now uses it.`);
      returnTo.current = 'caption';
      setRestoring(null);
    } catch (err) {
      setErrors(formErrorsFrom(err, { reason: REASON_ID }, 'reason'));
    } finally {
      setBusy(false);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || busy) return;
    e.preventDefault();
    close();
  };

  const data = history.data;
  const rows = data ? [...data.versions, data.builtIn] : [];
  return (
    <>
      <PageHeading title="Version history – Settings" caption="Settings">
        Version history
      </PageHeading>
      <SuccessNotice message={notice} />
      {history.error ? <LoadProblem message={history.error} onRetry={() => void history.reload()} /> : null}
      {data ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m" tabIndex={-1} ref={captionRef}>
            Rule pack versions, newest first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Version', 'Label', 'Saved by', 'When', 'Reason'].map((h) => (
                <th key={h} scope="col" className="govuk-table__header">
                  {h}
                </th>
              ))}
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((v) => {
              const inUse = v.version === data.current.version;
              return (
                <tr key={v.version} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {versionName(v)}
                    {inUse ? (
                      <>
                        {' '}
                        <strong className="govuk-tag govuk-tag--green">In use</strong>
                      </>
                    ) : null}
                  </th>
                  <td className="govuk-table__cell app-table-details">
                    <code className="app-code">{v.label}</code>
                    {v.restoredFrom !== null ? <span className="govuk-body-s"> (restores {versionName({ version: v.restoredFrom }).toLowerCase()})</span> : null}
                  </td>
                  <td className="govuk-table__cell">{v.savedBy ?? 'Herald'}</td>
                  <td className="govuk-table__cell">
                    {v.savedAt ? <time dateTime={isoInstant(v.savedAt)}>{formatDateTime(v.savedAt)}</time> : 'Shipped with Herald'}
                  </td>
                  <td className="govuk-table__cell app-table-details">{v.reason ?? '–'}</td>
                  <td className="govuk-table__cell">
                    {inUse ? null : (
                      <button type="button" id={`restore-${v.version}`} className="app-link-button" aria-expanded={restoring?.version === v.version}
                        aria-controls={PANEL_ID} onClick={() => open(v)}>
                        Restore this version<span className="govuk-visually-hidden"> ({versionName(v).toLowerCase()})</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : history.loading ? (
        <p className="govuk-body">Loading versions…</p>
      ) : null}
      {restoring ? (
        <section id={PANEL_ID} className="app-user-editor" aria-labelledby="restore-heading" onKeyDown={onKeyDown}>
          <h2 className="govuk-heading-m" id="restore-heading" tabIndex={-1} ref={headingRef}>
            Restore {versionName(restoring).toLowerCase()}
          </h2>
          <ErrorSummary items={errors.summary} />
          <p className="govuk-body">
            Herald will save a new version with the rules of {versionName(restoring).toLowerCase()} ({restoring.label}). Every check
            made after that uses it. The versions in between stay in the history.
          </p>
          <form onSubmit={restore} noValidate>
            <Textarea id={REASON_ID} label="Why are you restoring this version?" hint="Recorded with the new version and in the audit log."
              value={reason} onChange={setReason} error={errors.fields.reason} rows={2} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" aria-disabled={busy}>
                Restore {versionName(restoring).toLowerCase()}
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
