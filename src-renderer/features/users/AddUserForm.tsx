/**
 * Add a user with a starting password, roles and training date. Main decides what is allowed (for example, a role
 * that posts needs a training date) and its messages are shown by the fields they concern.
 */
import { useState, type FormEvent } from 'react';
import type { Role, UserView } from '../../../src-main/ipc/contract';
import { call } from '../../api/client';
import { Checkboxes } from '../../ui/Checkboxes';
import { DateInput, dateParts, emptyDate, type DateParts } from '../../ui/DateInput';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { TextInput } from '../../ui/TextInput';
import { roleOptions } from './roles';

const fieldIds = {
  username: 'new-user-username',
  displayName: 'new-user-name',
  password: 'new-user-password',
  roles: 'new-user-roles',
  trainingCompletedOn: 'new-user-training',
};

export function AddUserForm({ onAdded }: { onAdded(user: UserView): void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [training, setTraining] = useState<DateParts>(emptyDate);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const date = dateParts(training);
    if ('error' in date) return setErrors(localErrors([['trainingCompletedOn', date.error]], fieldIds));
    setBusy(true);
    try {
      const user = await call('users:create', { username, displayName, password, roles, trainingCompletedOn: date.iso });
      setErrors(noErrors);
      setUsername('');
      setDisplayName('');
      setPassword('');
      setRoles([]);
      setTraining(emptyDate);
      onAdded(user);
    } catch (err) {
      setErrors(formErrorsFrom(err, fieldIds));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-user-heading">
      <h2 className="govuk-heading-m" id="add-user-heading">
        Add a user
      </h2>
      <ErrorSummary items={errors.summary} />
      <TextInput id={fieldIds.username} label="Username" hint="Lower-case letters, digits, dots, hyphens and underscores"
        value={username} onChange={setUsername} error={errors.fields.username} autoComplete="off" spellCheck={false}
        widthClass="govuk-input--width-20" />
      <TextInput id={fieldIds.displayName} label="Full name" value={displayName} onChange={setDisplayName}
        error={errors.fields.displayName} autoComplete="off" widthClass="govuk-input--width-30" />
      <TextInput id={fieldIds.password} label="Starting password" hint="At least 12 characters. Give it to them in person or by phone."
        type="password" value={password} onChange={setPassword} error={errors.fields.password} autoComplete="new-password"
        widthClass="govuk-input--width-30" />
      <Checkboxes id={fieldIds.roles} legend="Roles" hint="Select all that apply" options={roleOptions} value={roles}
        onChange={setRoles} error={errors.fields.roles} />
      <DateInput id={fieldIds.trainingCompletedOn} legend="Social media training completed"
        hint="For example, 27 3 2026. Officers, approvers and moderators need a training date to act." value={training}
        onChange={setTraining} error={errors.fields.trainingCompletedOn} />
      <button type="submit" className="govuk-button" aria-disabled={busy}>
        Add user
      </button>
    </form>
  );
}
