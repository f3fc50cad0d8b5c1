/**
 * First run: create the first administrator (a manager). Main refuses once anyone exists, and sends per-field
 * messages for anything it rejects; the two password fields are compared here first, as only the person typing can fix that.
 */
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Header } from '../../app/Header';
import { Page } from '../../app/Page';
import type { SessionView } from '../../app/app-state';
import { DateInput, dateParts, emptyDate, type DateParts } from '../../ui/DateInput';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { ApiError } from '../../api/client';
import { PageHeading } from '../../ui/PageHeading';
import { TextInput } from '../../ui/TextInput';

const fieldIds = {
  username: 'setup-username',
  displayName: 'setup-display-name',
  password: 'setup-password',
  confirm: 'setup-confirm',
  trainingCompletedOn: 'setup-training',
};

type Props = { onDone(s: SessionView): void; onAlreadySetUp(): void };

export function SetupScreen({ onDone, onAlreadySetUp }: Props) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [training, setTraining] = useState<DateParts>(emptyDate);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const date = dateParts(training);
    const found: Array<[string, string]> = [];
    if (password !== confirm) found.push(['confirm', 'The passwords do not match']);
    if ('error' in date) found.push(['trainingCompletedOn', date.error]);
    if (found.length || 'error' in date) return setErrors(localErrors(found, fieldIds));
    setBusy(true);
    try {
      onDone(await call('setup:create-admin', { username, displayName, password, trainingCompletedOn: date.iso }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'already-set-up') return onAlreadySetUp();
      setErrors(formErrorsFrom(err, fieldIds));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page header={<Header session={null} />}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary items={errors.summary} />
          <PageHeading title="Set up Herald" caption="First run">Create the first administrator</PageHeading>
          <p className="govuk-body">
            This person becomes Herald’s first manager. They can then add the rest of the team and choose who may
            post, approve and moderate.
          </p>
          <form onSubmit={submit} noValidate>
            <TextInput id={fieldIds.username} label="Username" hint="Lower-case letters, digits, dots, hyphens and underscores, for example j.smith"
              value={username} onChange={setUsername} error={errors.fields.username} autoComplete="username" spellCheck={false}
              widthClass="govuk-input--width-20" />
            <TextInput id={fieldIds.displayName} label="Full name" value={displayName} onChange={setDisplayName}
              error={errors.fields.displayName} autoComplete="name" widthClass="govuk-input--width-30" />
            <TextInput id={fieldIds.password} label="Password" hint="At least 12 characters. A few random words make a strong password."
              type="password" value={password} onChange={setPassword} error={errors.fields.password}
              autoComplete="new-password" widthClass="govuk-input--width-30" />
            <TextInput id={fieldIds.confirm} label="Confirm password" type="password" value={confirm} onChange={setConfirm}
              error={errors.fields.confirm} autoComplete="new-password" widthClass="govuk-input--width-30" />
            <DateInput id={fieldIds.trainingCompletedOn} legend="Social media training completed (optional)"
              hint="For example, 27 3 2026. Leave blank if it has not been done yet." value={training} onChange={setTraining}
              error={errors.fields.trainingCompletedOn} />
            <button type="submit" className="govuk-button" aria-disabled={busy}>
              Create administrator
            </button>
          </form>
        </div>
      </div>
    </Page>
  );
}
