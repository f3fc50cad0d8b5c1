/**
 * "Connect an account" (managers only; R4: a manager authorises every new corporate account).
 * - Bluesky connects with a handle and an app password.
 * - X, Meta, LinkedIn, YouTube, TikTok and Mastodon connect with OAuth: main opens the platform's sign-in page in the
 *   system browser and waits (up to 5 minutes) for the manager to sign in there. The form says so while it waits.
 *   The organisation's app registration (client id, secret, and for X and LinkedIn the registered redirect port) is
 *   asked for here; main keeps it in the keychain after the first connection that works, so it can be left blank
 *   afterwards. Facebook and LinkedIn then ask which Page or organisation to connect (ChooseTarget).
 * Secrets (the app password, the client secret) live only in this form's state until they are sent, and are emptied
 * after every attempt, whatever the outcome. Main checks the account with the platform before saving it.
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
import { ChooseTarget, type PendingChoice } from './ChooseTarget';
import {
  CLIENT_SECRET_HINT,
  clientIdHint,
  consoleName,
  isOAuthPlatform,
  platformHint,
  portHint,
  serviceUrlHint,
  waitingText,
  type OAuthPlatformId,
} from './connect-text';
import { Radios, type RadioOption } from './Radios';

type PlatformSummary = ChannelOutput<'accounts:platforms'>[number];

const PREFIX = 'connect';
const fieldIds = {
  platform: 'connect-platform',
  serviceUrl: 'connect-service-url',
  identifier: 'connect-handle',
  appPassword: 'connect-app-password',
  clientId: 'connect-client-id',
  clientSecret: 'connect-client-secret',
  port: 'connect-port',
  ...detailFieldIds(PREFIX),
};

/** Bluesky connects by app password; the others by OAuth. */
const connectable = (p: PlatformSummary) =>
  (p.platform === 'bluesky' && p.auth === 'app-password') || (isOAuthPlatform(p.platform) && p.auth === 'oauth2-pkce');

export const APP_PASSWORD_HINT =
  'Create an app password in Bluesky under Settings, Privacy and security, App passwords. Never use the account’s main ' +
  'password here. Herald keeps the app password in this computer’s keychain and never shows it again.';

type Busy = null | 'checking' | 'waiting';
/** What the manager typed for each platform, so changing platform and back keeps it (secrets excepted). */
type Drafts = Partial<Record<PlatformId, { serviceUrl?: string; clientId?: string; port?: string }>>;

type Props = { onConnected(account: AccountView): void; onCancel(): void };

export function ConnectAccountForm({ onConnected, onCancel }: Props) {
  const platforms = useLoad(() => call('accounts:platforms', {}));
  const [chosen, setChosen] = useState<PlatformId | ''>('');
  const [drafts, setDrafts] = useState<Drafts>({});
  const [identifier, setIdentifier] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [details, setDetails] = useState<DetailsDraft>(emptyDetails);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState<Busy>(null);
  const [choice, setChoice] = useState<{ platform: OAuthPlatformId; pending: PendingChoice } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus goes to the heading when the form opens, and again when it comes back after the choice step.
  const focusHeading = useRef(true);
  useEffect(() => {
    if (choice || !focusHeading.current) return;
    focusHeading.current = false;
    headingRef.current?.focus();
  }, [choice]);

  const list = platforms.data ?? [];
  const enabled = list.filter(connectable);
  // With one platform to choose from, it is chosen already.
  const platform: PlatformId | '' = chosen || (enabled.length === 1 ? enabled[0]!.platform : '');
  const summary = list.find((p) => p.platform === platform);
  const notListed = (Object.keys(platformNames) as PlatformId[]).filter((id) => !list.some((p) => p.platform === id));
  const options: RadioOption<PlatformId>[] = [...enabled, ...list.filter((p) => !connectable(p))].map((p) => ({
    value: p.platform,
    label: p.displayName,
    disabled: !connectable(p),
    hint: connectable(p) ? platformHint(p.platform) : `Connecting ${p.displayName} arrives in a later release`,
  }));

  const draft = (platform && drafts[platform]) || {};
  const serviceUrl = draft.serviceUrl ?? summary?.defaultServiceUrl ?? '';
  const clientId = draft.clientId ?? '';
  const port = draft.port ?? '';
  const setDraft = (patch: NonNullable<Drafts[PlatformId]>) => {
    if (platform) setDrafts((d) => ({ ...d, [platform]: { ...d[platform], ...patch } }));
  };

  function choosePlatform(next: PlatformId) {
    // A client secret belongs to one platform's app: never carry it over to another.
    if (next !== platform) setClientSecret('');
    setChosen(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const password = appPassword;
    const secret = clientSecret.trim();
    // Secrets leave the form's state now, whatever happens next.
    setAppPassword('');
    setClientSecret('');
    if (!platform) return setErrors(localErrors([['platform', 'Select the platform of the account']], fieldIds));
    if (isOAuthPlatform(platform)) return connectOAuth(platform, secret);
    if (platform !== 'bluesky') return setErrors(localErrors([['platform', 'Select the platform of the account']], fieldIds));
    const read = readDetails(details);
    if ('problems' in read) return setErrors(localErrors(read.problems, fieldIds));
    setBusy('checking');
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
      setBusy(null);
    }
  }

  async function connectOAuth(p: OAuthPlatformId, secret: string) {
    const problems: Array<[string, string]> = [];
    if (p === 'mastodon' && !serviceUrl.trim()) problems.push(['serviceUrl', 'Enter your organisation’s Mastodon server address']);
    let portNumber: number | undefined;
    if (summary?.needsRegisteredPort && port.trim()) {
      portNumber = /^\d+$/.test(port.trim()) ? Number(port.trim()) : NaN;
      if (!(portNumber >= 1024 && portNumber <= 65535)) problems.push(['port', 'Enter the port as a number from 1024 to 65535']);
    }
    const read = readDetails(details);
    if ('problems' in read) problems.push(...read.problems);
    if (problems.length || 'problems' in read) return setErrors(localErrors(problems, fieldIds));
    setBusy('waiting');
    setErrors(noErrors);
    try {
      const result = await call('accounts:connect-oauth', {
        platform: p,
        serviceUrl,
        ...(p !== 'mastodon' && clientId.trim() ? { clientId: clientId.trim() } : {}),
        ...(p !== 'mastodon' && secret ? { clientSecret: secret } : {}),
        ...(portNumber !== undefined ? { port: portNumber } : {}),
        ...read.input,
      });
      if (result.account) onConnected(result.account);
      else if (result.choose) setChoice({ platform: p, pending: result.choose });
      else setErrors(localErrors([['platform', `Herald could not finish connecting ${platformNames[p]}. Try again`]], fieldIds));
    } catch (err) {
      setErrors(oauthErrors(err, p));
    } finally {
      setBusy(null);
    }
  }

  /** Refusals from the sign-in come back as plain messages; main's "what is missing" points at the field to fill. */
  function oauthErrors(err: unknown, p: OAuthPlatformId): FormErrors {
    const name = platformNames[p];
    if (!(err instanceof ApiError)) return formErrorsFrom(err, fieldIds);
    if (err.code === 'bad-credentials' || err.code === 'forbidden') return { summary: [{ fieldId: null, text: err.message }], fields: {} };
    if (err.code === 'setup-needed') {
      if (/\bport\b/i.test(err.message) && summary?.needsRegisteredPort) {
        return { summary: [{ fieldId: fieldIds.port, text: err.message }], fields: { port: `Enter the redirect port registered for your ${name} app` } };
      }
      if (/client id|app id/i.test(err.message) && p !== 'mastodon') {
        return { summary: [{ fieldId: fieldIds.clientId, text: err.message }], fields: { clientId: `Enter the client ID from the ${consoleName(p)}` } };
      }
      return { summary: [{ fieldId: null, text: err.message }], fields: {} };
    }
    return formErrorsFrom(err, fieldIds);
  }

  const waiting = busy === 'waiting' && isOAuthPlatform(platform);
  const status = waiting ? waitingText(platform) : busy === 'checking' ? `Checking the account with ${platform ? platformNames[platform] : 'the platform'}…` : null;

  if (choice) {
    return (
      <div className="app-account-connect">
        <h2 className="govuk-heading-m" id="connect-heading">
          Connect an account
        </h2>
        <ChooseTarget
          platform={choice.platform}
          choice={choice.pending}
          onConnected={onConnected}
          onCancel={onCancel}
          onStartAgain={(problem) => {
            // With a problem, the error summary takes focus; without, the form's heading does.
            focusHeading.current = !problem;
            setChoice(null);
            setErrors(problem ? { summary: [{ fieldId: null, text: problem }], fields: {} } : noErrors);
          }}
        />
      </div>
    );
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
              value={platform} onChange={choosePlatform} error={errors.fields.platform} />
          ) : null}
          {notListed.length ? (
            <div className="govuk-inset-text">
              Herald cannot connect accounts on {orList(notListed.map((id) => platformNames[id]))} yet. That arrives in
              a later release.
            </div>
          ) : null}
          {platform ? (
            <TextInput id={fieldIds.serviceUrl} label="Server address" hint={serviceUrlHint(platform)}
              value={serviceUrl} onChange={(v) => setDraft({ serviceUrl: v })} error={errors.fields.serviceUrl} autoComplete="off"
              spellCheck={false} inputMode="url" widthClass="govuk-input--width-30" />
          ) : null}
          {platform === 'bluesky' ? (
            <>
              <TextInput id={fieldIds.identifier} label="Handle" hint="For example yourcouncil.bsky.social"
                value={identifier} onChange={setIdentifier} error={errors.fields.identifier} autoComplete="off"
                spellCheck={false} widthClass="govuk-input--width-30" />
              <TextInput id={fieldIds.appPassword} label="App password" hint={APP_PASSWORD_HINT} type="password"
                value={appPassword} onChange={setAppPassword} error={errors.fields.appPassword} autoComplete="off"
                spellCheck={false} widthClass="govuk-input--width-20" />
            </>
          ) : null}
          {platform === 'mastodon' ? (
            <div className="govuk-inset-text">
              Herald registers itself with your Mastodon server when you connect, so there is no app registration to
              enter.
            </div>
          ) : null}
          {isOAuthPlatform(platform) && platform !== 'mastodon' ? (
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset" aria-describedby="connect-app-hint">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">App registration</legend>
                <div className="govuk-hint" id="connect-app-hint">
                  Herald signs in to {platformNames[platform]} through your organisation’s own app, registered in the{' '}
                  {consoleName(platform)}. After the first connection that works, Herald keeps these details in this
                  computer’s keychain.
                </div>
                <TextInput id={fieldIds.clientId} label={platform === 'tiktok' ? 'Client key' : 'Client ID'}
                  hint={clientIdHint(platform)} value={clientId} onChange={(v) => setDraft({ clientId: v })}
                  error={errors.fields.clientId} autoComplete="off" spellCheck={false} widthClass="govuk-input--width-30" />
                <TextInput id={fieldIds.clientSecret} label="Client secret" hint={CLIENT_SECRET_HINT} type="password"
                  value={clientSecret} onChange={setClientSecret} error={errors.fields.clientSecret} autoComplete="off"
                  spellCheck={false} widthClass="govuk-input--width-30" />
                {summary?.needsRegisteredPort ? (
                  <TextInput id={fieldIds.port} label="Redirect port" hint={portHint(platform, port)} value={port}
                    onChange={(v) => setDraft({ port: v })} error={errors.fields.port} autoComplete="off"
                    spellCheck={false} inputMode="numeric" widthClass="govuk-input--width-5" />
                ) : null}
              </fieldset>
            </div>
          ) : null}
          {platform ? <AccountDetailsFields prefix={PREFIX} value={details} onChange={setDetails} errors={errors.fields} /> : null}
          {isOAuthPlatform(platform) ? (
            <p className="govuk-body">
              When you select “Connect account”, Herald opens the {platform === 'mastodon' ? 'Mastodon' : platformNames[platform]}{' '}
              sign-in page in your web browser. Sign in as the account you are connecting and allow Herald to use it,
              then come back here.
            </p>
          ) : null}
          <div role="status" aria-live="polite" className="govuk-body">
            {status ? <div className={waiting ? 'govuk-inset-text govuk-!-margin-top-0' : undefined}>{status}</div> : null}
          </div>
          <div className="govuk-button-group">
            {enabled.length ? (
              <button type="submit" className="govuk-button" aria-disabled={busy !== null}>
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
