/**
 * The second step of an OAuth connection where the sign-in is a person's but the account is something they manage:
 * which Facebook Page, which LinkedIn organisation. The question takes focus when it appears. With nothing to choose
 * from, it says why and offers to start again rather than showing an empty question.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountView, ChannelOutput } from '../../../src-main/ipc/contract';
import { ApiError, call } from '../../api/client';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { platformNames } from './account-text';
import { plural, shortTarget, type OAuthPlatformId } from './connect-text';
import { Radios } from './Radios';

export type PendingChoice = NonNullable<ChannelOutput<'accounts:connect-oauth'>['choose']>;

const fieldIds = { targetId: 'connect-target' };

type Props = {
  platform: OAuthPlatformId;
  choice: PendingChoice;
  onConnected(account: AccountView): void;
  /** The sign-in can no longer be used (expired, or nothing to choose): back to the form, with this problem shown. */
  onStartAgain(problem: string | null): void;
  onCancel(): void;
};

export function ChooseTarget({ platform, choice, onConnected, onStartAgain, onCancel }: Props) {
  const [targetId, setTargetId] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const emptyRef = useRef<HTMLHeadingElement>(null);
  const name = platformNames[platform];
  const short = shortTarget(choice.what);
  useEffect(() => (headingRef.current ?? emptyRef.current)?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!targetId) return setErrors(localErrors([['targetId', `Select the ${choice.what} to connect`]], fieldIds));
    setBusy(true);
    setErrors(noErrors);
    try {
      onConnected(await call('accounts:complete-oauth', { pendingId: choice.pendingId, targetId }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not-found') return onStartAgain(err.message);
      setErrors(formErrorsFrom(err, fieldIds));
    } finally {
      setBusy(false);
    }
  }

  if (!choice.options.length) {
    return (
      <div className="app-account-choose">
        <h3 className="govuk-heading-m" id="connect-choose-heading" tabIndex={-1} ref={emptyRef}>
          No {plural(choice.what)} to connect
        </h3>
        <p className="govuk-body">
          Your sign-in does not manage any {plural(choice.what)} Herald can post to. Check in {name} that you are an
          admin of the {short} you want to connect, and that you allowed Herald to use it when you signed in. Then
          connect again.
        </p>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" onClick={() => onStartAgain(null)}>
            Connect again
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="app-account-choose">
      <ErrorSummary items={errors.summary} />
      <form onSubmit={submit} noValidate aria-labelledby={`${fieldIds.targetId}-heading`}>
        <Radios<string>
          id={fieldIds.targetId}
          name="connect-target"
          legend={`Which ${choice.what} should Herald connect?`}
          hint={`You signed in to ${name}. Herald will post as the ${short} you choose, and your name is recorded as the manager who authorised it.`}
          options={choice.options.map((o) => ({ value: o.id, label: o.name }))}
          value={targetId}
          onChange={setTargetId}
          error={errors.fields.targetId}
          headingRef={headingRef}
        />
        <div role="status" aria-live="polite" className="govuk-body">
          {busy ? `Checking the ${short} with ${name}…` : null}
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" aria-disabled={busy}>
            Connect this {short}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
