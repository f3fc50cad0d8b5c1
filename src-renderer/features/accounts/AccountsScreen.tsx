/**
 * Accounts (R1, R2, R4, R12): the organisation's connected social media accounts, each with its health and what
 * Herald can and cannot do there. Everyone signed in sees them and can check their health; only managers connect,
 * change or disconnect them (R4: a manager authorises every new corporate account). Results are announced in a
 * polite live region; credentials never reach this screen (R2).
 */
import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../src-main/ipc/contract';
import { call } from '../../api/client';
import { LoadProblem } from '../../ui/LoadProblem';
import { LiveRegion, Notification } from '../../ui/Notification';
import { PageHeading } from '../../ui/PageHeading';
import { useLoad } from '../../ui/use-load';
import { AccountCard } from './AccountCard';
import { accountName, healthSentence } from './account-text';
import { ConnectAccountForm } from './ConnectAccountForm';

type Announcement = { kind: 'success' | 'important' | 'alert'; title?: string; heading: string; body?: string };

const WHAT_CONNECTING_DOES =
  'Connecting an account lets Herald publish your team’s approved posts to it and check that the connection keeps ' +
  'working. Herald keeps the account’s app password or sign-in tokens in this computer’s keychain, never in its ' +
  'database, and never shows them again.';

function sortAccounts(list: AccountView[]): AccountView[] {
  return [...list].sort((x, y) => x.platform.localeCompare(y.platform) || x.handle.localeCompare(y.handle));
}

export function AccountsScreen({ manager }: { manager: boolean }) {
  const load = useLoad(() => call('accounts:list', {}));
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const connectButton = useRef<HTMLButtonElement>(null);
  const returnToButton = useRef(false);

  useEffect(() => {
    if (load.data) setAccounts(load.data);
  }, [load.data]);

  useEffect(() => {
    if (!connecting && returnToButton.current) {
      returnToButton.current = false;
      connectButton.current?.focus();
    }
  }, [connecting]);

  const upsert = (next: AccountView) =>
    setAccounts((list) => sortAccounts([...(list ?? []).filter((x) => x.id !== next.id), next]));

  function changed(next: AccountView, what: 'checked' | 'details' | 'password' | 'disconnected') {
    upsert(next);
    const name = accountName(next);
    const heading = {
      checked: `Checked ${name}.`,
      details: `Saved the details of ${name}.`,
      password: `Changed the app password for ${name}.`,
      disconnected: `Disconnected ${name}.`,
    }[what];
    const problem = what !== 'disconnected' && (next.status !== 'connected' || next.healthOk === false);
    setAnnouncement({
      kind: problem ? 'important' : 'success',
      heading,
      body: what === 'disconnected' ? 'Herald has removed its credentials from this computer’s keychain and no longer uses it.' : healthSentence(next),
    });
  }

  function connected(next: AccountView) {
    upsert(next);
    setConnecting(false);
    setFocusId(next.id);
    setAnnouncement({ kind: 'success', heading: `Connected ${accountName(next)}.`, body: healthSentence(next) });
  }

  function openConnect() {
    setAnnouncement(null);
    setFocusId(null);
    setConnecting(true);
  }

  const list = accounts ?? [];
  const connectAction = manager ? (
    connecting ? (
      <ConnectAccountForm
        onConnected={connected}
        onCancel={() => {
          returnToButton.current = true;
          setConnecting(false);
        }}
      />
    ) : (
      <button type="button" className="govuk-button" ref={connectButton} onClick={openConnect}>
        Connect an account
      </button>
    )
  ) : (
    <p className="govuk-body">
      A manager connects accounts: every new corporate account needs a manager’s authorisation. Ask a manager in your
      team if an account is missing.
    </p>
  );

  return (
    <>
      <PageHeading title="Accounts">Accounts</PageHeading>
      <LiveRegion>
        {announcement ? (
          <Notification kind={announcement.kind} title={announcement.title}>
            <p className="govuk-notification-banner__heading">{announcement.heading}</p>
            {announcement.body ? <p className="govuk-body">{announcement.body}</p> : null}
          </Notification>
        ) : null}
      </LiveRegion>
      {load.error ? <LoadProblem message={load.error} onRetry={() => void load.reload()} /> : null}
      {!accounts && load.loading ? <p className="govuk-body">Loading accounts…</p> : null}
      {accounts && !list.length ? (
        <>
          <h2 className="govuk-heading-m">No accounts connected yet</h2>
          <p className="govuk-body">{WHAT_CONNECTING_DOES}</p>
          {connectAction}
        </>
      ) : null}
      {list.length ? (
        <>
          <p className="govuk-body">
            {list.length} {list.length === 1 ? 'account' : 'accounts'}. Herald checks each one with its platform; use
            “Check now” to check again.
          </p>
          {list.map((a) => (
            <AccountCard key={a.id} account={a} manager={manager} focusOnMount={focusId === a.id} onChanged={changed}
              onProblem={(heading) => setAnnouncement({ kind: 'alert', title: 'There is a problem', heading })} />
          ))}
          {manager ? <p className="govuk-body">{WHAT_CONNECTING_DOES}</p> : null}
          {connectAction}
        </>
      ) : null}
    </>
  );
}
