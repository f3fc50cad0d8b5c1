/**
 * Changing one user (R3): their roles, their training date, and whether they may sign in. Each part saves on its own
 * (one request, one audit entry). Main decides what is allowed (a role that posts needs a training date; a manager
 * cannot remove their own manager role or deactivate themselves) and its messages are shown in the error summary and
 * by the field they concern.
 *
 * Focus: the heading takes focus when the editor opens; asking to deactivate moves focus to the confirmation, and
 * cancelling it returns focus to the Deactivate button. Escape cancels a confirmation, or else closes the editor.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Role, UserView } from '../../../src-main/ipc/contract';
import { call } from '../../api/client';
import { Checkboxes } from '../../ui/Checkboxes';
import { DateInput, dateParts, emptyDate, type DateParts } from '../../ui/DateInput';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { formatCalendarDate } from '../../ui/format';
import { roleOptions, rolesChangedSentence } from './roles';

export const EDITOR_ID = 'user-editor';

const fieldIds = {
  roles: 'edit-user-roles',
  trainingCompletedOn: 'edit-user-training',
  active: 'edit-user-active',
};
type Part = keyof typeof fieldIds;

/** "2026-01-12" as the three boxes of the GOV.UK date input: 12, 1, 2026. */
function partsFromIso(iso: string | null): DateParts {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return emptyDate;
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? '' };
}

type Props = {
  user: UserView;
  /** Called with what changed, in a sentence, once main has made the change. */
  onSaved(message: string): Promise<void>;
  onClose(): void;
};

export function UserEditor({ user, onSaved, onClose }: Props) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [training, setTraining] = useState<DateParts>(() => partsFromIso(user.trainingCompletedOn));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const activeRef = useRef<HTMLButtonElement>(null);
  const focusAfterConfirm = useRef<'confirmation' | 'button' | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    const target = focusAfterConfirm.current;
    focusAfterConfirm.current = null;
    if (target === 'confirmation') confirmRef.current?.focus();
    if (target === 'button') activeRef.current?.focus();
  }, [confirming]);

  const askToDeactivate = () => {
    focusAfterConfirm.current = 'confirmation';
    setErrors(noErrors);
    setConfirming(true);
  };
  const cancelDeactivate = () => {
    focusAfterConfirm.current = 'button';
    setConfirming(false);
  };

  async function save(part: Part, request: () => Promise<UserView>, sentence: (u: UserView) => string) {
    if (busy) return;
    setBusy(true);
    try {
      const updated = await request();
      setErrors(noErrors);
      await onSaved(sentence(updated));
    } catch (e) {
      // A refusal without fields (such as "You cannot deactivate yourself") is shown by the part that was saved.
      setErrors(formErrorsFrom(e, fieldIds, part));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  const saveRoles = (e: FormEvent) => {
    e.preventDefault();
    void save('roles', () => call('users:set-roles', { userId: user.id, roles }), (u) => `${rolesChangedSentence(u.displayName, u.roles)}.`);
  };

  const saveTraining = (e: FormEvent) => {
    e.preventDefault();
    const date = dateParts(training);
    if ('error' in date) return setErrors(localErrors([['trainingCompletedOn', date.error]], fieldIds));
    void save(
      'trainingCompletedOn',
      () => call('users:set-training', { userId: user.id, trainingCompletedOn: date.iso }),
      (u) =>
        u.trainingCompletedOn
          ? `${u.displayName} completed social media training on ${formatCalendarDate(u.trainingCompletedOn)}.`
          : `${u.displayName} no longer has a training date recorded.`,
    );
  };

  const setActive = (active: boolean) =>
    void save(
      'active',
      () => call('users:set-active', { userId: user.id, active }),
      (u) =>
        u.active
          ? `${u.displayName} has been reactivated and can sign in again.`
          : `${u.displayName} has been deactivated. They cannot sign in, and will be signed out the next time they act in Herald.`,
    );

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || busy) return;
    e.preventDefault();
    if (confirming) cancelDeactivate();
    else onClose();
  };

  const activeError = errors.fields.active;
  return (
    <section id={EDITOR_ID} className="app-user-editor" aria-labelledby="user-editor-heading" onKeyDown={onKeyDown}>
      <span className="govuk-caption-m">{user.username}</span>
      <h2 className="govuk-heading-m" id="user-editor-heading" tabIndex={-1} ref={headingRef}>
        Change {user.displayName}
      </h2>
      <ErrorSummary items={errors.summary} />

      <form onSubmit={saveRoles} noValidate>
        <Checkboxes id={fieldIds.roles} legend="Roles" hint="Select all that apply" options={roleOptions} value={roles}
          onChange={setRoles} error={errors.fields.roles} />
        <button type="submit" className="govuk-button" aria-disabled={busy}>
          Save roles
        </button>
      </form>

      <form onSubmit={saveTraining} noValidate>
        <DateInput id={fieldIds.trainingCompletedOn} legend="Social media training completed"
          hint="For example, 27 3 2026. Leave it blank to remove the date. Officers, approvers and moderators need a training date to act."
          value={training} onChange={setTraining} error={errors.fields.trainingCompletedOn} />
        <button type="submit" className="govuk-button" aria-disabled={busy}>
          Save training date
        </button>
      </form>

      <div className={`govuk-form-group${activeError ? ' govuk-form-group--error' : ''}`}>
        <h3 className="govuk-heading-s">Access</h3>
        <p className="govuk-body">
          {user.active ? `${user.displayName} can sign in.` : `${user.displayName} is deactivated and cannot sign in.`}
        </p>
        <ErrorMessage id={`${fieldIds.active}-error`} text={activeError} />
        {confirming ? (
          <div className="app-user-editor__confirm" role="group" aria-labelledby="user-editor-confirm-heading">
            <h4 className="govuk-heading-s" id="user-editor-confirm-heading" tabIndex={-1} ref={confirmRef}>
              Deactivate {user.displayName}?
            </h4>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {user.displayName} will not be able to sign in. If they are using Herald now, they will be signed out the
                next time they act. You can reactivate them later.
              </strong>
            </div>
            <div className="govuk-button-group">
              <button type="button" className="govuk-button govuk-button--warning" aria-disabled={busy} onClick={() => setActive(false)}>
                Yes, deactivate
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={cancelDeactivate}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            id={fieldIds.active}
            ref={activeRef}
            className={`govuk-button${user.active ? ' govuk-button--warning' : ''}`}
            aria-disabled={busy}
            aria-describedby={activeError ? `${fieldIds.active}-error` : undefined}
            onClick={user.active ? askToDeactivate : () => setActive(true)}
          >
            {user.active ? `Deactivate ${user.displayName}` : `Reactivate ${user.displayName}`}
          </button>
        )}
      </div>

      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
