/**
 * "Check integrity": asks main to verify the hash chain (R26) and says plainly whether the log is intact or where it
 * was first changed. The result is announced through a live region.
 */
import { useState } from 'react';
import type { ChannelOutput } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../../api/client';
import { LiveRegion, Notification } from '../../ui/Notification';

type Result = ChannelOutput<'audit:verify'>;

export function IntegrityCheck({ onChecked }: { onChecked(): void }) {
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check() {
    if (busy) return;
    setBusy(true);
    setResult(null);
    setProblem(null);
    try {
      setResult(await call('audit:verify', {}));
      onChecked();
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <LiveRegion>
        {busy ? <p className="govuk-body">Checking the audit log…</p> : null}
        {result?.ok ? (
          <Notification kind="success" title="Audit log intact">
            <p className="govuk-notification-banner__heading">
              The audit log is intact: {result.checked} {result.checked === 1 ? 'entry' : 'entries'} checked.
            </p>
          </Notification>
        ) : null}
        {result && !result.ok ? (
          <Notification kind="alert" title="Audit log tampered with">
            <p className="govuk-notification-banner__heading">
              The audit log failed its integrity check. The first bad entry is #{result.firstBadSeq ?? 'unknown'}.
            </p>
            {result.reason ? <p className="govuk-body">{result.reason}</p> : null}
            <p className="govuk-body">Tell your information security team. Keep a copy of the database file as it is now.</p>
          </Notification>
        ) : null}
        {problem ? (
          <Notification kind="important" title="Check not completed">
            <p className="govuk-body">{problem}</p>
          </Notification>
        ) : null}
      </LiveRegion>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void check()} aria-disabled={busy}>
        Check integrity
      </button>
    </>
  );
}
