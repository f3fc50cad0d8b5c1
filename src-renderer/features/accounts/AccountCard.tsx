/**
 * One connected account as a GOV.UK summary card: its health, who owns it and why it exists, who authorised it, and
 * in plain words what Herald can and cannot do on its platform (DESIGN.md rule 7). Anyone signed in can check its
 * health now; managers change its details, change its app password or disconnect it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AccountView } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../../api/client';
import { formatDateTime, isoInstant } from '../../ui/format';
import { accountName, healthTag, kindText, rateLimitText } from './account-text';
import { ChangeDetailsForm, ChangePasswordForm, DisconnectForm } from './AccountPanels';

type PanelKind = 'details' | 'password' | 'disconnect';

type Props = {
  account: AccountView;
  manager: boolean;
  /** Move focus to this card's heading when it mounts (a newly connected account). */
  focusOnMount?: boolean;
  onChanged(account: AccountView, what: 'checked' | 'details' | 'password' | 'disconnected'): void;
  onProblem(message: string): void;
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

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
          <Row label="Health">
            <strong className={tag.className}>{tag.label}</strong>
            {a.healthMessage && a.healthMessage !== tag.label ? <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{a.healthMessage}</p> : null}
          </Row>
          <Row label="Last checked">{a.lastCheckedAt === null ? 'Not checked yet' : <When at={a.lastCheckedAt} />}</Row>
          {a.tokenExpiresAt !== null ? (
            <Row label="Sign-in expires">
              <When at={a.tokenExpiresAt} />
            </Row>
          ) : null}
          {a.rateLimit ? <Row label="Rate limit">{rateLimitText(a.rateLimit)}</Row> : null}
          <Row label="Server">{a.serviceUrl}</Row>
          <Row label="Owner">{a.owner}</Row>
          <Row label="Purpose">{a.purpose}</Row>
          <Row label="Type">{kindText(a)}</Row>
          <Row label="Authorised by">
            {a.authorisedBy}, connected <When at={a.connectedAt} />
          </Row>
          <Row label="Post length">
            Up to {a.capabilities.textLimit.toLocaleString('en-GB')} {a.capabilities.textCounting}
          </Row>
          <Row label="What Herald can do here">
            {a.capabilities.can.length ? (
              <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                {a.capabilities.can.map((c) => (
                  <li key={c}>{capitalise(c)}</li>
                ))}
              </ul>
            ) : (
              'Nothing yet'
            )}
          </Row>
          <Row label="What it cannot do">
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
          </Row>
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
