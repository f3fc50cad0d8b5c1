/**
 * The unlock form shown when main has locked an idle session. The screen behind it stays hidden until the password
 * is right; "Sign out" is there for someone who is not the signed-in user.
 */
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import type { SessionView } from '../../app/app-state';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, noErrors, type FormErrors } from '../../ui/form-errors';
import { PageHeading } from '../../ui/PageHeading';
import { TextInput } from '../../ui/TextInput';

type Props = { session: SessionView; onUnlocked(s: SessionView): void; onSignOut(): void };

export function LockedPanel({ session, onUnlocked, onSignOut }: Props) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const next = await call('auth:unlock', { password });
      onUnlocked(next);
    } catch (err) {
      setPassword('');
      setErrors(formErrorsFrom(err, { password: 'unlock-password' }, 'password'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={errors.summary} />
        <PageHeading title="Herald is locked">Herald is locked</PageHeading>
        <p className="govuk-body">
          Herald locked after {session.idleLockMinutes} {session.idleLockMinutes === 1 ? 'minute' : 'minutes'} without
          activity. Enter the password for <strong>{session.user.username}</strong> to carry on.
        </p>
        <form onSubmit={submit} noValidate>
          <TextInput id="unlock-password" label="Password" type="password" value={password} onChange={setPassword}
            error={errors.fields.password} autoComplete="current-password" widthClass="govuk-!-width-two-thirds" />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" aria-disabled={busy}>
              Unlock
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
