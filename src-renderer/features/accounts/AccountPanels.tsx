/**
 * The changes a manager makes to a connected account, each opened in place inside its card: change the owner,
 * purpose or campaign period; change the app password; disconnect (with a reason, after a warning). Each panel's
 * heading takes focus when it opens; "Cancel" closes it and the card returns focus to the button that opened it.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AccountView } from '../../../src-main/ipc/contract';
import { ApiError, call } from '../../api/client';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { TextInput } from '../../ui/TextInput';
import { AccountDetailsFields, detailFieldIds, draftFrom, readDetails, type DetailsDraft } from './account-details';
import { accountName } from './account-text';
import { Textarea } from '../../ui/Textarea';

type PanelProps = { account: AccountView; onDone(account: AccountView): void; onCancel(): void };

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="app-account-panel">
      <h3 className="govuk-heading-s" id={id} tabIndex={-1} ref={ref}>
        {title}
      </h3>
      {children}
    </div>
  );
}

function Actions({ busy, submit, warning, onCancel }: { busy: boolean; submit: string; warning?: boolean; onCancel(): void }) {
  return (
    <div className="govuk-button-group">
      <button type="submit" className={`govuk-button${warning ? ' govuk-button--warning' : ''}`} aria-disabled={busy}>
        {submit}
      </button>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

export function ChangeDetailsForm({ account, onDone, onCancel }: PanelProps) {
  const prefix = `details-${account.id}`;
  const fieldIds = detailFieldIds(prefix);
  const [draft, setDraft] = useState<DetailsDraft>(() => draftFrom(account));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const read = readDetails(draft);
    if ('problems' in read) return setErrors(localErrors(read.problems, fieldIds));
    setBusy(true);
    try {
      const next = await call('accounts:update-details', { accountId: account.id, ...read.input });
      setErrors(noErrors);
      onDone(next);
    } catch (err) {
      setErrors(formErrorsFrom(err, fieldIds));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel id={`${prefix}-heading`} title={`Change the details of ${accountName(account)}`}>
      <ErrorSummary items={errors.summary} />
      <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
        <AccountDetailsFields prefix={prefix} value={draft} onChange={setDraft} errors={errors.fields} />
        <Actions busy={busy} submit="Save changes" onCancel={onCancel} />
      </form>
    </Panel>
  );
}

export function ChangePasswordForm({ account, onDone, onCancel }: PanelProps) {
  const prefix = `password-${account.id}`;
  const fieldIds = { appPassword: `${prefix}-app-password` };
  const [appPassword, setAppPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const password = appPassword;
    setAppPassword(''); // never kept after sending, whatever the outcome
    setBusy(true);
    setErrors(noErrors);
    try {
      const next = await call('accounts:rotate-app-password', { accountId: account.id, appPassword: password });
      onDone(next);
    } catch (err) {
      const refused = err instanceof ApiError && err.code === 'bad-credentials';
      const fallback = refused || (err instanceof ApiError && err.code === 'conflict') ? 'appPassword' : undefined;
      const found = formErrorsFrom(err, fieldIds, fallback);
      if (refused) found.fields.appPassword = `${account.capabilities.displayName} did not accept this app password. Enter it again`;
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel id={`${prefix}-heading`} title={`Change the app password for ${accountName(account)}`}>
      <ErrorSummary items={errors.summary} />
      <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
        <p className="govuk-body">
          Create a new app password in {account.capabilities.displayName}’s settings, enter it here, then revoke the old
          one there. Herald checks the new app password before it replaces the old one.
        </p>
        <TextInput id={fieldIds.appPassword} label="New app password"
          hint="An app password, never the account’s main password. Herald keeps it in this computer’s keychain."
          type="password" value={appPassword} onChange={setAppPassword} error={errors.fields.appPassword}
          autoComplete="off" spellCheck={false} widthClass="govuk-input--width-20" />
        <div role="status" className="govuk-body">
          {busy ? `Checking the new app password with ${account.capabilities.displayName}…` : null}
        </div>
        <Actions busy={busy} submit="Change app password" onCancel={onCancel} />
      </form>
    </Panel>
  );
}

export function DisconnectForm({ account, onDone, onCancel }: PanelProps) {
  const prefix = `disconnect-${account.id}`;
  const fieldIds = { reason: `${prefix}-reason` };
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!reason.trim()) return setErrors(localErrors([['reason', 'Say why this account is being disconnected']], fieldIds));
    setBusy(true);
    try {
      const next = await call('accounts:disconnect', { accountId: account.id, reason });
      setErrors(noErrors);
      onDone(next);
    } catch (err) {
      setErrors(formErrorsFrom(err, fieldIds));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel id={`${prefix}-heading`} title={`Disconnect ${accountName(account)}`}>
      <ErrorSummary items={errors.summary} />
      <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {account.capabilities.auth === 'app-password'
              ? `Herald will delete this account’s app password from this computer’s keychain and stop using the account. The account itself stays on ${account.capabilities.displayName}: revoke the app password in its settings too.`
              : `Herald will ask ${account.capabilities.displayName} to withdraw its access where it allows this, delete the account’s sign-in tokens from this computer’s keychain and stop using the account. The account itself stays on ${account.capabilities.displayName}.`}{' '}
            To use the account in Herald again, a manager connects it again.
          </strong>
        </div>
        <Textarea id={fieldIds.reason} label="Why is this account being disconnected?"
          hint="This is recorded in the audit log, for example: campaign ended" value={reason} onChange={setReason}
          error={errors.fields.reason} />
        <Actions busy={busy} submit="Disconnect account" warning onCancel={onCancel} />
      </form>
    </Panel>
  );
}
