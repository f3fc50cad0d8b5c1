/**
 * Sign in with a Herald username and password. Wrong details and throttled attempts come back from main with a
 * message that says what to do (main words the rate limit as "Try again in N seconds").
 */
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Header } from '../../app/Header';
import { Page } from '../../app/Page';
import type { SessionView } from '../../app/app-state';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, noErrors, type FormErrors } from '../../ui/form-errors';
import { LiveRegion, Notification } from '../../ui/Notification';
import { PageHeading } from '../../ui/PageHeading';
import { TextInput } from '../../ui/TextInput';

const fieldIds = { username: 'sign-in-username', password: 'sign-in-password' };

export function SignInScreen({ notice, onSignedIn }: { notice: string | null; onSignedIn(s: SessionView): void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const session = await call('auth:sign-in', { username, password });
      onSignedIn(session);
    } catch (err) {
      setPassword('');
      setErrors(formErrorsFrom(err, fieldIds, 'password'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page header={<Header session={null} />}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary items={errors.summary} />
          <LiveRegion>{notice && !errors.summary.length ? <Notification kind="success">{notice}</Notification> : null}</LiveRegion>
          <PageHeading title="Sign in">Sign in to Herald</PageHeading>
          <form onSubmit={submit} noValidate>
            <TextInput id={fieldIds.username} label="Username" value={username} onChange={setUsername}
              error={errors.fields.username} autoComplete="username" spellCheck={false} widthClass="govuk-!-width-two-thirds" />
            <TextInput id={fieldIds.password} label="Password" type="password" value={password} onChange={setPassword}
              error={errors.fields.password} autoComplete="current-password" widthClass="govuk-!-width-two-thirds" />
            <button type="submit" className="govuk-button" aria-disabled={busy}>
              Sign in
            </button>
          </form>
        </div>
      </div>
    </Page>
  );
}
