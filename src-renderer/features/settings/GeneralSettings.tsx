/** Settings, General part (managers only): how long Herald waits without activity before it locks and asks for the password. */
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { LoadProblem } from '../../ui/LoadProblem';
import { LiveRegion, Notification } from '../../ui/Notification';
import { PageHeading } from '../../ui/PageHeading';
import { TextInput } from '../../ui/TextInput';
import { useLoad } from '../../ui/use-load';

const fieldIds = { idleLockMinutes: 'settings-idle-lock' };

export function GeneralSettings() {
  const settings = useLoad(() => call('settings:get', {}));
  const [minutes, setMinutes] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (settings.data) setMinutes(String(settings.data.idleLockMinutes));
  }, [settings.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(null);
    const n = Number(minutes.trim());
    if (!/^\d+$/.test(minutes.trim()) || n < 1 || n > 240) {
      return setErrors(localErrors([['idleLockMinutes', 'Enter a whole number of minutes from 1 to 240']], fieldIds));
    }
    setBusy(true);
    try {
      const next = await call('settings:update', { idleLockMinutes: n });
      setErrors(noErrors);
      setSaved(next.idleLockMinutes);
    } catch (err) {
      setErrors(formErrorsFrom(err, fieldIds));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary items={errors.summary} />
      <PageHeading title="Settings">Settings</PageHeading>
      <LiveRegion>
        {saved !== null ? (
          <Notification kind="success">
            <p className="govuk-notification-banner__heading">
              Saved. Herald now locks after {saved} {saved === 1 ? 'minute' : 'minutes'} without activity.
            </p>
          </Notification>
        ) : null}
      </LiveRegion>
      {settings.error ? <LoadProblem message={settings.error} onRetry={() => void settings.reload()} /> : null}
      {settings.data ? (
        <form onSubmit={submit} noValidate>
          <TextInput id={fieldIds.idleLockMinutes} label="Lock after this many minutes without activity"
            hint="From 1 to 240. A locked Herald asks for the password before showing anything again."
            value={minutes} onChange={setMinutes} error={errors.fields.idleLockMinutes} inputMode="numeric"
            widthClass="govuk-input--width-3" />
          <button type="submit" className="govuk-button" aria-disabled={busy}>
            Save settings
          </button>
        </form>
      ) : null}
    </>
  );
}
