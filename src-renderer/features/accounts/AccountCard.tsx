/**
 * One connected account as a GOV.UK summary card: its health, who owns it and why it exists, who authorised it, and
 * in plain words what Herald can and cannot do on its platform (DESIGN.md rule 7). Anyone signed in can check its
 * health now; managers change its details, change its app password or disconnect it.
 */
import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../../api/client';
import { formatDateTime, isoInstant } from '../../ui/format';
import { accountName, healthTag, kindText, rateLimitText } from './account-text';
import { ChangeDetailsForm, ChangePasswordForm, DisconnectForm } from './AccountPanels';
import { SummaryRow } from '../../ui/SummaryRow';

type PanelKind = 'details' | 'password' | 'disconnect';

type Props = {
  account: AccountView;
  manager: boolean;
  /** Move focus to this card's heading when it mounts (a newly connected account). */
  focusOnMount?: boolean;
  onChanged(account: AccountView, what: 'checked' | 'details' | 'password' | 'disconnected'): void;
  onProblem(message: string): void;
};


function When({ at }: { at: number }) {
  return <time dateTime={isoInstant(at)}>{formatDateTime(at)}</time>;
}

export function AccountCard({ account: a, manager, focusOnMount, onChanged, onProblem }: Props) {
  const [panel, setPanel] = useState<PanelKind | null>(null);
  const [checking, setChecking] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Record<PanelKind, HTMLButtonElement | null>>({ details: null, password: null, disconnect: null });
  const returnFocus = useRef<PanelKind | null>(null);
  const tag = healthTag(a);
  const name = accountName(a);
  const headingId = `account-${a.id}-heading`;
  const disconnected = a.status === 'disconnected';
  const appPassword = a.capabilities.auth === 'app-password';

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  // After a panel closes, focus goes back to the button that opened it (or the card heading if that has gone).
  useEffect(() => {
    const back = returnFocus.current;
    if (panel !== null || back === null) return;
    returnFocus.current = null;
    (opener.current[back] ?? headingRef.current)?.focus();
  }, [panel]);

  const close = () => {
    returnFocus.current = panel;
    setPanel(null);
  };

  async function checkNow() {
    if (checking) return;
    setChecking(true);
    try {
      onChanged(await call('accounts:check-health', { accountId: a.id }), 'checked');
    } catch (err) {
      onProblem(`Could not check ${name}: ${messageOf(err)}`);
    } finally {
      setChecking(false);
    }
  }

  const done = (what: 'details' | 'password' | 'disconnected') => (next: AccountView) => {
    returnFocus.current = panel;
    setPanel(null);
    onChanged(next, what);
  };

  const hidden = <span className="govuk-visually-hidden"> for {name}</span>;

  return (
    <div className="govuk-summary-card" data-account-id={a.id}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title" id={headingId} tabIndex={-1} ref={headingRef}>
          {a.capabilities.displayName}: {a.handle}
        </h2>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <SummaryRow label="Health">
            <strong className={tag.className}>{tag.label}</strong>
            {a.healthMessage && a.healthMessage !== tag.label ? <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{a.healthMessage}</p> : null}
          </SummaryRow>
          <SummaryRow label="Last checked">{a.lastCheckedAt === null ? 'Not checked yet' : <When at={a.lastCheckedAt} />}</SummaryRow>
          {a.tokenExpiresAt !== null ? (
            <SummaryRow label="Sign-in expires">
              <When at={a.tokenExpiresAt} />
            </SummaryRow>
          ) : null}
          {a.rateLimit ? <SummaryRow label="Rate limit">{rateLimitText(a.rateLimit)}</SummaryRow> : null}
          <SummaryRow label="Server">{a.serviceUrl}</SummaryRow>
          <SummaryRow label="Owner">{a.owner}</SummaryRow>
          <SummaryRow label="Purpose">{a.purpose}</SummaryRow>
          <SummaryRow label="Type">{kindText(a)}</SummaryRow>
          <SummaryRow label="Authorised by">
            {a.authorisedBy}, connected <When at={a.connectedAt} />
          </SummaryRow>
          <SummaryRow label="Post length">
            Up to {a.capabilities.textLimit.toLocaleString('en-GB')} {a.capabilities.textCounting}
          </SummaryRow>
          <SummaryRow label="What Herald can do here">
            {a.capabilities.can.length ? (
              <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                {a.capabilities.can.map((c) => (
                  <li key={c}>{capitalise(c)}</li>
                ))}
              </ul>
            ) : (
              'Nothing yet'
            )}
          </SummaryRow>
          <SummaryRow label="What it cannot do">
            {a.capabilities.cannot.length ? (
              <ul className="govuk-list govuk-list--bullet">
                {a.capabilities.cannot.map((c) => (
                  <li key={c}>{capitalise(c)}</li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body">Nothing that Herald offers elsewhere.</p>
            )}
            {a.capabilities.notes.map((n) => (
              <p key={n} className="govuk-body govuk-!-margin-bottom-2">
                {n}
              </p>
            ))}
          </SummaryRow>
        </dl>

        {disconnected ? (
          <p className="govuk-body">
            Herald no longer holds this account’s {appPassword ? 'app password' : 'sign-in'}.{' '}
            {manager ? 'To use it again, connect it again below.' : 'A manager can connect it again.'}
          </p>
        ) : null}
        {a.status === 'needs-reconnect' && appPassword ? (
          <p className="govuk-body">
            {manager
              ? 'The platform no longer accepts Herald’s app password. Change the app password to reconnect it.'
              : 'The platform no longer accepts Herald’s app password. Ask a manager to reconnect it.'}
          </p>
        ) : null}
        {a.status === 'needs-reconnect' && !appPassword ? (
          <p className="govuk-body">
            {manager
              ? `${a.capabilities.displayName} no longer accepts Herald’s sign-in. Connect the account again below and sign in to reconnect it.`
              : `${a.capabilities.displayName} no longer accepts Herald’s sign-in. Ask a manager to reconnect it.`}
          </p>
        ) : null}

        {!disconnected ? (
          <div className="govuk-button-group">
            <button type="button" className="govuk-button govuk-button--secondary" aria-disabled={checking} onClick={() => void checkNow()}>
              Check now{hidden}
            </button>
            {manager ? (
              <>
                <button type="button" className="govuk-button govuk-button--secondary" aria-expanded={panel === 'details'}
                  ref={(el) => void (opener.current.details = el)} onClick={() => setPanel(panel === 'details' ? null : 'details')}>
                  Change details{hidden}
                </button>
                {appPassword ? (
                  <button type="button" className="govuk-button govuk-button--secondary" aria-expanded={panel === 'password'}
                    ref={(el) => void (opener.current.password = el)} onClick={() => setPanel(panel === 'password' ? null : 'password')}>
                    Change app password{hidden}
                  </button>
                ) : null}
                <button type="button" className="govuk-button govuk-button--warning" aria-expanded={panel === 'disconnect'}
                  ref={(el) => void (opener.current.disconnect = el)} onClick={() => setPanel(panel === 'disconnect' ? null : 'disconnect')}>
                  Disconnect{hidden}
                </button>
              </>
            ) : null}
          </div>
        ) : null}
        <div role="status" className="govuk-body govuk-!-margin-bottom-0">
          {checking ? `Checking ${name}…` : null}
        </div>

        {panel === 'details' ? <ChangeDetailsForm account={a} onDone={done('details')} onCancel={close} /> : null}
        {panel === 'password' ? <ChangePasswordForm account={a} onDone={done('password')} onCancel={close} /> : null}
        {panel === 'disconnect' ? <DisconnectForm account={a} onDone={done('disconnected')} onCancel={close} /> : null}
      </div>
    </div>
  );
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
