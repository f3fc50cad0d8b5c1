/**
 * "Connect an account" (managers only; R4: a manager authorises every new corporate account). Today Herald connects
 * Bluesky accounts with a handle and an app password; platforms that sign in with OAuth are listed as not yet
 * available rather than offered. The app password lives only in this form's state until it is sent, and the field is
 * emptied after every attempt, whatever the outcome. Main checks the account with the platform before saving it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountView, ChannelOutput } from '../../../src-main/ipc/contract';
import { ApiError, call } from '../../api/client';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { LoadProblem } from '../../ui/LoadProblem';
import { TextInput } from '../../ui/TextInput';
import { useLoad } from '../../ui/use-load';
import { AccountDetailsFields, detailFieldIds, emptyDetails, readDetails, type DetailsDraft } from './account-details';
import { platformNames, type PlatformId } from './account-text';
import { Radios, type RadioOption } from './Radios';

type PlatformSummary = ChannelOutput<'accounts:platforms'>[number];

const PREFIX = 'connect';
const fieldIds = {
  platform: 'connect-platform',
  serviceUrl: 'connect-service-url',
  identifier: 'connect-handle',
  appPassword: 'connect-app-password',
  ...detailFieldIds(PREFIX),
};

/** Only Bluesky connects by app password today; the contract accepts no other platform on this form. */
const connectable = (p: PlatformSummary) => p.platform === 'bluesky' && p.auth === 'app-password';

export const APP_PASSWORD_HINT =
  'Create an app password in Bluesky under Settings, Privacy and security, App passwords. Never use the account’s main ' +
  'password here. Herald keeps the app password in this computer’s keychain and never shows it again.';

type Props = { onConnected(account: AccountView): void; onCancel(): void };

export function ConnectAccountForm({ onConnected, onCancel }: Props) {
  const platforms = useLoad(() => call('accounts:platforms', {}));
  const [chosen, setChosen] = useState<PlatformId | ''>('');
  const [serviceUrl, setServiceUrl] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const [details, setDetails] = useState<DetailsDraft>(emptyDetails);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const list = platforms.data ?? [];
  const enabled = list.filter(connectable);
  // With one platform to choose from, it is chosen already.
  const platform: PlatformId | '' = chosen || (enabled.length === 1 ? enabled[0]!.platform : '');
  const notListed = (Object.keys(platformNames) as PlatformId[]).filter((id) => !list.some((p) => p.platform === id));
  const options: RadioOption<PlatformId>[] = [...enabled, ...list.filter((p) => !connectable(p))].map((p) => ({
    value: p.platform,
    label: p.displayName,
    disabled: !connectable(p),
    hint: connectable(p)
      ? 'With the account’s handle and an app password, on bsky.social or another Bluesky server'
      : `Connecting ${p.displayName} arrives in a later release`,
  }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const password = appPassword;
    // The app password leaves the form's state now, whatever happens next.
    setAppPassword('');
    if (platform !== 'bluesky') return setErrors(localErrors([['platform', 'Select the platform of the account']], fieldIds));
    const read = readDetails(details);
    if ('problems' in read) return setErrors(localErrors(read.problems, fieldIds));
    setBusy(true);
    setErrors(noErrors);
    try {
      const account = await call('accounts:connect-app-password', {
        platform,
        serviceUrl,
        identifier: identifier.trim().replace(/^@/, ''),
        appPassword: password,
        ...read.input,
      });
      onConnected(account);
    } catch (err) {
      // A refusal by the platform (wrong handle or app password) belongs by the app password field.
      // The summary keeps the platform's full explanation; the field says briefly what to do.
      const refused = err instanceof ApiError && err.code === 'bad-credentials';
      const found = formErrorsFrom(err, fieldIds, refused ? 'appPassword' : undefined);
      if (refused) found.fields.appPassword = `${platformNames[platform]} did not accept this handle and app password. Enter the app password again`;
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="app-account-connect">
      <h2 className="govuk-heading-m" id="connect-heading" tabIndex={-1} ref={headingRef}>
        Connect an account
      </h2>
      <ErrorSummary items={errors.summary} />
      {platforms.error ? <LoadProblem message={platforms.error} onRetry={() => void platforms.reload()} /> : null}
      {platforms.loading && !platforms.data ? <p className="govuk-body">Loading platforms…</p> : null}
      {platforms.data ? (
        <form onSubmit={submit} noValidate aria-labelledby="connect-heading">
          {enabled.length ? (
            <p className="govuk-body">
              Herald checks the account with the platform before saving it. You are authorising this account for your
              organisation: your name is recorded in the audit log as the manager who authorised it.
            </p>
          ) : null}
          {list.length ? (
            <Radios<PlatformId> id={fieldIds.platform} name="connect-platform" legend="Platform" options={options}
              value={platform} onChange={setChosen} error={errors.fields.platform} />
          ) : null}
          {notListed.length ? (
            <div className="govuk-inset-text">
              Herald cannot connect accounts on {orList(notListed.map((id) => platformNames[id]))} yet. That arrives in
              a later release.
            </div>
          ) : null}
          {platform === 'bluesky' ? (
            <>
              <TextInput id={fieldIds.serviceUrl} label="Server address" hint="For example https://bsky.social"
                value={serviceUrl} onChange={setServiceUrl} error={errors.fields.serviceUrl} autoComplete="off"
                spellCheck={false} inputMode="url" widthClass="govuk-input--width-30" />
              <TextInput id={fieldIds.identifier} label="Handle" hint="For example yourcouncil.bsky.social"
                value={identifier} onChange={setIdentifier} error={errors.fields.identifier} autoComplete="off"
                spellCheck={false} widthClass="govuk-input--width-30" />
              <TextInput id={fieldIds.appPassword} label="App password" hint={APP_PASSWORD_HINT} type="password"
                value={appPassword} onChange={setAppPassword} error={errors.fields.appPassword} autoComplete="off"
                spellCheck={false} widthClass="govuk-input--width-20" />
              <AccountDetailsFields prefix={PREFIX} value={details} onChange={setDetails} errors={errors.fields} />
            </>
          ) : null}
          <div role="status" className="govuk-body">
            {busy ? `Checking the account with ${platform ? platformNames[platform] : 'the platform'}…` : null}
          </div>
          <div className="govuk-button-group">
            {enabled.length ? (
              <button type="submit" className="govuk-button" aria-disabled={busy}>
                Connect account
              </button>
            ) : null}
            <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** e.g. "X, Facebook or TikTok" */
function orList(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
